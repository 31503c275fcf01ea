/**
 * The cost charts added for the readers' questions (Q4, Q11, Q17), on the real Iv3 files in ../shared/data/raw
 * (or $JEUGDHULP_DATA_DIR): the euros they draw are the file's own lasten − baten for the taakvelden they name.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import kostenVerdeling from '../../src/charts/kosten-verdeling.ts';
import kostenZonderVerblijf from '../../src/charts/kosten-zonder-verblijf.ts';
import { renderChart } from '../../src/lib/render.ts';
import { buildWarehouse } from '../../src/pipeline/build.ts';
import { readIv3Totals } from '../../src/pipeline/readers/iv3.ts';
import { regimeFor } from '../../src/catalog/iv3.ts';
import { writeWarehouse } from '../../src/pipeline/write.ts';

const DIR = process.env.JEUGDHULP_DATA_DIR ?? '../shared/data/raw';
const HAVE = existsSync(DIR) && find(DIR, /^iv3_2023_jaarrekening\.csv$/).length > 0;

function find(dir: string, re: RegExp): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? find(p, re) : re.test(n) ? [p] : [];
  });
}

/** lasten − baten in euros for some taakvelden of one gemeente (or 'Nederland') in one Iv3 file. */
function netto(file: RegExp, gemeente: string, codes: string[]): number {
  const path = find(DIR, file)[0];
  const rows = readIv3Totals({ path, rel: relative(DIR, path), bytes: new Uint8Array(readFileSync(path)) });
  return rows.filter((r) => r.gemeente === gemeente && codes.includes(r.taakveld)).reduce((s, r) => s + (r.lasten! - r.baten!) * 1000, 0);
}

describe.skipIf(!HAVE)(`cost charts for Q4/Q11/Q17 on the real Iv3 files (${HAVE ? DIR : `skipped: no Iv3 files in ${DIR}`})`, () => {
  let tmp = '';
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'jib-questions-real-'));
    const out = join(tmp, 'data');
    await writeWarehouse(await buildWarehouse(DIR), out);
    process.env.JEUGDHULP_WAREHOUSE = out;
  }, 300_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('kosten-verdeling: Amsterdam 2023 jaarrekening per group is the file’s lasten − baten on 6.1, 6.2, individual care and 6.82a/b', async () => {
    const r = await renderChart(kostenVerdeling, 'GM0363');
    expect(r.hasData).toBe(true);
    const at = (ord: number, jaar: number, soort: string) => r.rows.find((x) => x.ord === ord && x.jaar === jaar && x.soort === soort)?.netto as number;
    const file = /^iv3_2023_jaarrekening\.csv$/;
    const regime = regimeFor(2023)!;
    expect(at(0, 2023, 'jaarrekening')).toBeCloseTo(netto(file, 'Amsterdam', ['6.1']), -3);
    expect(at(1, 2023, 'jaarrekening')).toBeCloseTo(netto(file, 'Amsterdam', ['6.2']), -3);
    expect(at(2, 2023, 'jaarrekening')).toBeCloseTo(netto(file, 'Amsterdam', regime.kosten_jeugdhulp), -3);
    expect(at(3, 2023, 'jaarrekening')).toBeCloseTo(netto(file, 'Amsterdam', regime.kosten_jeugdbescherming_reclassering), -3);
    // 2025: pgb and toegang jeugd are "waarvan" rows, in the table but never a segment of the drawn column.
    expect(at(4, 2025, 'begroting')).toBeCloseTo(netto(/^iv3_2025_begroting\.csv$/, 'Amsterdam', ['6.792']), -3);
    expect(at(5, 2025, 'begroting')).toBeCloseTo(netto(/^iv3_2025_begroting\.csv$/, 'Amsterdam', ['6.22']), -3);
    expect(r.table!.body.map((b) => b[0])).toContain('waarvan pgb jeugd (6.792)');
    expect(r.legend.map((l) => l.label)).not.toContain('waarvan pgb jeugd (6.792)');
    expect(r.summary).toMatch(/^In Amsterdam ging in 2023 volgens de jaarrekening netto €\s[\d,]+\smln naar de sociale basis en de toegang/);
    expect(r.summary).toMatch(/ging in 2025 \(begroting\) €\s[\d,]+\smln naar pgb/);
  });

  it('kosten-verdeling for Nederland says the national sum misses the gemeenten that book elsewhere', async () => {
    const r = await renderChart(kostenVerdeling, 'NL01');
    expect(r.notice).toMatch(/iets te laag/);
  });

  it('kosten-zonder-verblijf: Amsterdam 2023 jaarrekening behandeling (6.72b) and begeleiding (6.72a) as in the file; 2025 only the ambulant total', async () => {
    const r = await renderChart(kostenZonderVerblijf, 'GM0363');
    const at = (ord: number, jaar: number, soort: string) => r.rows.find((x) => x.ord === ord && x.jaar === jaar && x.soort === soort)?.netto as number;
    const file = /^iv3_2023_jaarrekening\.csv$/;
    expect(at(0, 2023, 'jaarrekening')).toBeCloseTo(netto(file, 'Amsterdam', ['6.72a']), -3);
    expect(at(1, 2023, 'jaarrekening')).toBeCloseTo(netto(file, 'Amsterdam', ['6.72b']), -3);
    expect(at(2, 2023, 'jaarrekening')).toBeCloseTo(netto(file, 'Amsterdam', ['6.72c', '6.72d', '6.74a']), -3);
    expect(r.rows.filter((x) => x.jaar === 2025).map((x) => x.ord)).toEqual([-1]);
    expect(at(-1, 2025, 'begroting')).toBeCloseTo(netto(/^iv3_2025_begroting\.csv$/, 'Amsterdam', ['6.751', '6.752', '6.753']), -3);
    expect(r.summary).toMatch(/Behandeling was het grootste deel/);
  });
});
