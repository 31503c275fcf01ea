/**
 * Build-time rendering runs each chart's SQL once for every place (a LATERAL subquery over the list of codes)
 * instead of once per place. On the sample warehouse, every chart gives each place exactly the rows its own
 * SQL gives that place alone, in the same order; a chart whose ORDER BY cannot be re-applied is run per place.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/charts/index.ts';
import type { ChartDef, Row } from '../../src/charts/types.ts';
import { buildWarehouse } from '../../src/pipeline/build.ts';
import { writeWarehouse } from '../../src/pipeline/write.ts';
import { batchSql, renderAll, renderChart } from '../../src/lib/render.ts';
import { allGeo } from '../../src/lib/warehouse.ts';
import { expectBatchEqualsPerPlace } from '../helpers/render-batch.ts';

let tmp = '';
let codes: string[] = [];
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'jib-batch-'));
  const out = join(tmp, 'data');
  await writeWarehouse(await buildWarehouse('data/sample'), out);
  process.env.JEUGDHULP_WAREHOUSE = out;
  codes = (await allGeo()).map((g) => g.geo_code);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('one query per chart for all places', () => {
  let rows = 0;
  it.each(CHARTS.map((c) => [c.id, c] as const))('%s: every place gets the rows of its own query', async (_id, chart) => {
    expect(codes.length).toBeGreaterThan(40);
    rows += await expectBatchEqualsPerPlace(chart, codes);
  });

  it('compared rows, not only empty results (the sample has no costs; the world test covers those)', () => {
    expect(rows).toBeGreaterThan(500);
  });

  it('re-applies the chart’s ORDER BY outside, by output column', () => {
    const chart = { ...CHARTS[0], sql: 'SELECT g.name AS naam, o.period AS jaar FROM geo g, observations o WHERE g.geo_code = $geo ORDER BY g.naam DESC, jaar', columns: ['naam', 'jaar'] } as ChartDef<Row>;
    expect(batchSql(chart, ['GM0307'])).toMatch(/ORDER BY __p\.i, __s\.naam DESC, __s\.jaar$/);
  });

  it('leaves a chart whose ORDER BY names other than output columns to be run per place', async () => {
    const chart = {
      ...CHARTS[0],
      id: 'test-order-by-expression',
      sql: `SELECT geo_code, name AS naam FROM geo WHERE geo_code = $geo OR level = 'land' ORDER BY length(name) DESC`,
      columns: ['geo_code', 'naam'],
    } as ChartDef<Row>;
    expect(batchSql(chart, codes)).toBeNull();
    const [r] = await renderAll([chart], ['GM0307', 'NL01']);
    expect(r.rows.map((x) => x.geo_code).sort()).toEqual(['GM0307', 'NL01']);
    expect((await renderChart(chart, 'GM0307')).rows).toBe(r.rows);
  });
});

describe('drawing in worker threads', () => {
  it('draws the same SVG in a worker as on the main thread, for every chart with figures on the sample', async () => {
    const { drawSvg } = await import('../../src/lib/render.ts');
    let n = 0;
    for (const chart of CHARTS) {
      for (const code of ['NL01', 'JZ20', 'GM0307']) {
        const r = await renderChart(chart, code);
        if (!r.svg) continue;
        expect(r.svg.wide).toBe(drawSvg(chart, r.rows, 720));
        expect(r.svg.narrow).toBe(drawSvg(chart, r.rows, 360));
        n++;
      }
    }
    expect(n).toBeGreaterThanOrEqual(5);
    // …and they were drawn in workers, not here.
    const { drawingWorkers } = await import('../../src/lib/draw-pool.ts');
    expect(drawingWorkers()).toBeGreaterThan(0);
  });
});
