/**
 * The one-query-per-chart rendering on the real files (JEUGDHULP_DATA_DIR; CI sets ../shared/data/raw): for
 * every chart, an eighth of all places (every eighth code, plus the first and the last) get exactly the rows of
 * their own query. The sample and the synthetic world check every place.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/charts/index.ts';
import { buildWarehouse } from '../../src/pipeline/build.ts';
import { writeWarehouse } from '../../src/pipeline/write.ts';
import { allGeo } from '../../src/lib/warehouse.ts';
import { expectBatchEqualsPerPlace } from '../helpers/render-batch.ts';

const DIR = process.env.JEUGDHULP_DATA_DIR;

describe.skipIf(!DIR)(`one query per chart for all places, on the real files (${DIR ?? 'JEUGDHULP_DATA_DIR not set'})`, () => {
  let tmp = '';
  let codes: string[] = [];
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'jib-batch-real-'));
    const out = join(tmp, 'data');
    await writeWarehouse(await buildWarehouse(DIR!), out);
    process.env.JEUGDHULP_WAREHOUSE = out;
    const all = (await allGeo()).map((g) => g.geo_code);
    codes = all.filter((_, i) => i % 8 === 0 || i === all.length - 1);
  }, 120_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it.each(CHARTS.map((c) => [c.id, c] as const))('%s', async (_id, chart) => {
    expect(codes.length).toBeGreaterThan(45);
    await expectBatchEqualsPerPlace(chart, codes);
  }, 60_000);
});
