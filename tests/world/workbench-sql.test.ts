/**
 * The workbench's SQL on the synthetic world with @duckdb/node-api (no browser): each group resolves to the
 * places it names (a jeugdregio's gemeenten in the newest indeling, the gemeenten of one CBS size class), and
 * a ratio equals numerator / denominator × factor computed here from observations without the page's SQL.
 * (A group whose CTE column was not named geo_code once turned `geo_code IN (SELECT geo_code FROM gekozen)`
 * into a correlated, always-true test: 457 places instead of a region's 7.)
 */
import { describe, expect, it } from 'vitest';
import { query } from '../../src/lib/warehouse.ts';
import { availabilityFromRows, availabilityOf, availabilitySql, defaultState, SIZE_CLASSES, workbenchSql, type WorkbenchState } from '../../src/lib/workbench-query.ts';
import { indicator } from '../../src/catalog/indicators.ts';
import { METRICS } from '../../src/catalog/metrics.ts';
import { toWbRows } from '../../src/charts/workbench-plot.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WORLD_WAREHOUSE } from './build.ts';
import { worldAvailable } from './paths.ts';

// Only the warehouse is needed here, not the world's site.
const skip = worldAvailable() ?? (existsSync(join(WORLD_WAREHOUSE, 'observations.parquet')) ? undefined : `no world warehouse in ${WORLD_WAREHOUSE}`);
const base: WorkbenchState = { ...defaultState({ min: 2015, max: 2024 }) };

async function expected(num: string, den: string | null, factor: number, codes: string[], years: [number, number]) {
  const rows = await query<{ g: string; p: number; i: string; v: number | null }>(
    `SELECT geo_code AS g, period AS p, indicator AS i, arg_max(value, boundary_year) AS v FROM observations
     WHERE indicator IN ('${num}', '${den ?? num}') AND period BETWEEN ${years[0]} AND ${years[1]} GROUP BY ALL`,
  );
  const want = new Set(codes);
  const get = (i: string) => new Map(rows.filter((r) => r.i === i && want.has(r.g)).map((r) => [`${r.g}|${r.p}`, r.v]));
  const n = get(num);
  const d = den ? get(den) : null;
  return new Map([...n].map(([k, v]) => [k, v == null ? null : d ? (d.get(k) ?? 0) > 0 ? (v / d.get(k)!) * factor : null : v]));
}

function same(rows: { geo_code: string; jaar: number; waarde: number | null }[], want: Map<string, number | null>) {
  expect(rows.length).toBe(want.size);
  for (const r of rows) {
    const w = want.get(`${r.geo_code}|${r.jaar}`);
    expect(w, `${r.geo_code} ${r.jaar}`).not.toBeUndefined();
    if (w == null) expect(r.waarde).toBeNull();
    else expect(r.waarde).toBeCloseTo(w, 9);
  }
}

describe.skipIf(Boolean(skip))('workbench SQL on the synthetic world', () => {
  it('opens with Nederland and the 42 jeugdregio\'s per 1 000 young people', async () => {
    const rows = await query<{ geo_code: string; jaar: number; waarde: number | null }>(workbenchSql(base));
    const codes = [...new Set(rows.map((r) => r.geo_code))];
    expect(codes.length).toBe(43);
    same(rows, await expected('jongeren_jeugdzorg', 'bevolking_0_22', 1000, codes, [base.from, base.to]));
  });

  it("a jeugdregio's gemeenten: exactly the newest membership", async () => {
    const rows = await query<{ geo_code: string; jaar: number; waarde: number | null }>(workbenchSql({ ...base, places: ['leden:JZ20'] }));
    const members = (await query<{ c: string }>(`SELECT gemeente_code AS c FROM membership WHERE jeugdregio_code = 'JZ20' AND year = (SELECT max(year) FROM membership WHERE jeugdregio_code = 'JZ20')`)).map((r) => r.c);
    expect(new Set(rows.map((r) => r.geo_code))).toEqual(new Set(members));
    same(rows, await expected('jongeren_jeugdzorg', 'bevolking_0_22', 1000, members, [base.from, base.to]));
  });

  it('the gemeenten of one size class, ranked for one year, euros per inhabitant', async () => {
    const s: WorkbenchState = { ...base, metric: 'kosten_jeugdhulp_jaarrekening_per_inwoner', places: ['klasse:GM0307'], view: 'ranglijst', year: 2023 };
    const rows = await query<{ geo_code: string; jaar: number; waarde: number | null }>(workbenchSql(s));
    const pop = await query<{ c: string; v: number }>(
      `SELECT o.geo_code AS c, arg_max(value, boundary_year) AS v FROM observations o JOIN geo g USING (geo_code)
       WHERE indicator = 'bevolking_totaal' AND period = 2023 AND g.level = 'gemeente' AND g.last_year = (SELECT max(last_year) FROM geo WHERE level = 'gemeente') GROUP BY ALL`,
    );
    const cls = (v: number) => SIZE_CLASSES.findIndex((c) => v < c.max);
    const own = cls(pop.find((p) => p.c === 'GM0307')!.v);
    const members = pop.filter((p) => cls(p.v) === own).map((p) => p.c);
    expect(members.length).toBeGreaterThan(1);
    expect(new Set(rows.map((r) => r.geo_code))).toEqual(new Set(members));
    same(rows, await expected('kosten_jeugdhulp_jaarrekening', 'bevolking_totaal', 1, members, [2023, 2023]));
    const v = rows.map((r) => r.waarde!);
    expect(v).toEqual([...v].sort((a, b) => b - a));
  });

  it('availability: every metric with a numerator and denominator for Nederland and the regions is offered', async () => {
    const rows = await query<{ teller: string; noemer: string | null; n: number }>(availabilitySql(base.places, base.from, base.to));
    const a = availabilityOf(rows.map((r) => ({ ...r, n: Number(r.n) })), (id) => indicator(id).label_nl);
    expect(a.get('jongeren_jeugdzorg_per_1000')!.computable).toBe(430);
    expect(a.get('kosten_jeugdhulp_jaarrekening_per_inwoner')!.computable).toBeGreaterThan(0);
  });

  it("the chart's own rows judge its metric exactly as the availability query does (the page draws before that query)", async () => {
    // Each kind of metric (plain, per 1 000 young people, per inhabitant, share), a few of each: all 157 × 3
    // place sets is 471 queries, more than a test's minute on this machine.
    const SAMPLE_METRICS = [undefined, 'per_1000_jongeren', 'per_inwoner', 'aandeel'].flatMap((kind) =>
      METRICS.filter((m) => (kind ? m.kind === kind : !m.denominator)).slice(0, 4),
    );
    expect(SAMPLE_METRICS.length).toBeGreaterThanOrEqual(12);
    const label = (id: string) => indicator(id).label_nl;
    for (const places of [base.places, ['leden:JZ20'], ['klasse:GM0307', 'NL01']]) {
      const all = availabilityOf(
        (await query<{ teller: string; noemer: string | null; n: number }>(availabilitySql(places, base.from, base.to))).map((r) => ({ ...r, n: Number(r.n) })),
        label,
      );
      for (const m of SAMPLE_METRICS) {
        const rows = toWbRows(await query(workbenchSql({ ...base, places, metric: m.id })));
        const own = availabilityFromRows(m, rows, label);
        expect(own, `${m.id} for ${places.join(',')}`).toEqual(all.get(m.id));
      }
    }
  });
});
