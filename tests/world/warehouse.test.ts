/**
 * The synthetic world after fetch and build-data (built once by the world project's global setup): it is
 * marked synthetic, complete for Nederland, the 42 jeugdregio's and every gemeente, shows the growth, the 2021
 * break and the verblijf decline it was generated with, and every registry chart — the 2022 analysis
 * included — draws from it for Nederland, a jeugdregio and a gemeente, with band and fit for all regions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/charts/index.ts';
import { EFFECT_SPECS } from '../../src/charts/maatregelen-effect.ts';
import { renderChart } from '../../src/lib/render.ts';
import { allGeo, query } from '../../src/lib/warehouse.ts';
import { isAdditive } from '../../src/catalog/indicators.ts';
import { SYNTHETIC_MARKER } from '../../src/pipeline/synthetic.ts';
import { expectBatchEqualsPerPlace } from '../helpers/render-batch.ts';
import { WORLD_RAW, WORLD_WAREHOUSE, worldSkipReason } from './build.ts';

const skip = worldSkipReason();
if (skip) console.warn(`\n${skip}\n`);

/** Indicators the charts read, and the years the world has them for. */
const COMPLETE: Record<string, [number, number]> = {
  jongeren_jeugdhulp: [2015, 2024],
  jongeren_jeugdhulp_met_verblijf: [2015, 2024],
  jongeren_verblijf_pleegzorg: [2015, 2024],
  bevolking_0_22: [2015, 2024],
  bevolking_totaal: [2015, 2024],
  kosten_jeugdhulp_jaarrekening: [2017, 2024],
  kosten_jeugdhulp_begroting: [2017, 2024],
  aandeel_trajecten_huisarts: [2015, 2024],
  jongeren_jeugdzorg_leeftijd_18_22: [2015, 2024],
};
/** Figures without a national (KWB: gemeenten, shown per region from them) or a regional (85098NED: gemeenten and Nederland) value. */
const GEMEENTE_ONLY: Record<string, string[]> = { 'gebruik-kwb': ['NL01'], 'gebruik-natura': ['JZ13'] };
/** Small forms: CBS (and the world) suppress gemeente cells under 10, so gemeenten are not complete. */
const SUPPRESSED = new Set(['jongeren_jeugdhulp_met_verblijf', 'jongeren_verblijf_pleegzorg', 'aandeel_trajecten_huisarts', 'jongeren_jeugdzorg_leeftijd_18_22']);

describe.skipIf(Boolean(skip))('the synthetic world, built', () => {
  it('is marked synthetic from the raw folder to the warehouse', () => {
    const meta = JSON.parse(readFileSync(join(WORLD_RAW, 'synthetic.json'), 'utf8'));
    expect(meta.synthetic).toBe(true);
    expect(Object.keys(meta.files).length).toBeGreaterThan(100);
    const dp = JSON.parse(readFileSync(join(WORLD_WAREHOUSE, 'datapackage.json'), 'utf8'));
    expect(dp.synthetic).toBe(true);
    expect(dp.sample).toBe(false);
    expect(dp.title).toContain(SYNTHETIC_MARKER);
    // Every source file of the warehouse is one the world wrote.
    for (const s of dp.sources) if (s.path !== 'synthetic.json') expect(meta.files[s.path], s.path).toBe(s.sha256);
  });

  it('is complete: Nederland, 42 jeugdregio’s and every gemeente of the indeling, every year', async () => {
    const regions = await query(`SELECT count(*) AS n FROM geo WHERE level = 'jeugdregio'`);
    expect(Number(regions[0].n)).toBe(42);
    const newest = Number((await query('SELECT max(last_year) AS y FROM geo'))[0].y);
    const current = Number((await query(`SELECT count(*) AS n FROM geo WHERE level = 'gemeente' AND last_year = ${newest}`))[0].n);
    expect(current).toBe(342);
    for (const [indicator, [from, to]] of Object.entries(COMPLETE)) {
      const years = to - from + 1;
      const value = (geo: string, year: string) => `EXISTS (SELECT 1 FROM observations o WHERE o.indicator = '${indicator}' AND o.geo_code = ${geo} AND o.period = ${year} AND o.value IS NOT NULL)`;
      const count = async (sql: string) => Number((await query(sql))[0].n);
      expect(await count(`SELECT count(*) AS n FROM range(${from}, ${to + 1}) y(year) WHERE ${value(`'NL01'`, 'y.year')}`), `${indicator} NL01`).toBe(years);
      expect(await count(`SELECT count(*) AS n FROM geo g, range(${from}, ${to + 1}) y(year) WHERE g.level = 'jeugdregio' AND ${value('g.geo_code', 'y.year')}`), `${indicator} JZ`).toBe(42 * years);
      // Every gemeente in every year it existed (counts of persons stay at their own indeling) …
      const pairs = await count(`SELECT count(*) AS n FROM membership WHERE year BETWEEN ${from} AND ${to}`);
      const gemeenteYears = await count(`SELECT count(*) AS n FROM membership m WHERE m.year BETWEEN ${from} AND ${to} AND ${value('m.gemeente_code', 'm.year')}`);
      if (isAdditive(indicator)) {
        // … and euros also recast to the newest indeling: every current gemeente in every year.
        expect(await count(`SELECT count(*) AS n FROM geo g, range(${from}, ${to + 1}) y(year) WHERE g.level = 'gemeente' AND g.last_year = ${newest} AND ${value('g.geo_code', 'y.year')}`), indicator).toBe(342 * years);
      } else if (SUPPRESSED.has(indicator)) expect(gemeenteYears / pairs, indicator).toBeGreaterThan(0.9);
      else expect(gemeenteYears, indicator).toBe(pairs);
    }
  });

  it('has the growth, the 2021 coverage break and the verblijf decline it was made with', async () => {
    const nl = async (indicator: string) =>
      Object.fromEntries((await query(`SELECT period, value FROM observations WHERE indicator = '${indicator}' AND geo_code = 'NL01' ORDER BY period`)).map((r) => [Number(r.period), Number(r.value)]));
    const jh = await nl('jongeren_jeugdhulp');
    const met = await nl('jongeren_jeugdhulp_met_verblijf');
    for (let y = 2016; y <= 2020; y++) expect(jh[y] / jh[y - 1]).toBeGreaterThan(1.01);
    // The break: a jump well above the yearly growth before it.
    expect(jh[2021] / jh[2020]).toBeGreaterThan(1.07);
    expect(met[2024] / jh[2024]).toBeLessThan((met[2015] / jh[2015]) * 0.8);
    // Fewer young people with verblijf, not just a smaller share of a growing number.
    expect(met[2024]).toBeLessThan(met[2015] * 0.9);
  });

  it('has the KWB shares and the half-year series as their own indicators', async () => {
    const n = async (indicator: string, where = '') => Number((await query(`SELECT count(value) AS n FROM observations WHERE indicator = '${indicator}' ${where}`))[0].n);
    // KWB: gemeenten only, every edition 2015–2024, each in its own indeling.
    expect(await n('kwb_aandeel_jongeren_jeugdzorg', `AND geo_code LIKE 'GM%' AND period = 2024`)).toBe(342);
    expect(await n('kwb_aandeel_jongeren_jeugdzorg', `AND geo_code NOT LIKE 'GM%'`)).toBe(0);
    expect(Number((await query(`SELECT count(DISTINCT period) AS n FROM observations WHERE indicator = 'kwb_jongeren_jeugdzorg'`))[0].n)).toBe(10);
    // The first half of 2025 exists only as a half-year: never summed into a year.
    expect(await n('jongeren_jeugdhulp_h1', `AND geo_code = 'NL01' AND period = 2025`)).toBe(1);
    expect(await n('jongeren_jeugdhulp', `AND period = 2025`)).toBe(0);
  });

  for (const chart of CHARTS) {
    it.each(['NL01', 'JZ13', 'GM0307'])(`${chart.id} draws for %s`, async (geo) => {
      const r = await renderChart(chart, geo);
      if (GEMEENTE_ONLY[chart.id]?.includes(geo)) {
        // CBS publishes this figure for gemeenten only: the chart must say so, not draw zeros.
        expect(r.hasData).toBe(false);
        expect(r.summary).toMatch(/geen cijfers/);
        return;
      }
      expect(r.hasData, r.summary).toBe(true);
      expect(r.svg!.wide).toMatch(/^<svg[^>]*aria-hidden="true"/);
      expect(r.summary).not.toMatch(/geen cijfers|geen trendvergelijking/);
      expect(r.table!.body.length).toBeGreaterThan(3);
      if (geo === 'NL01') expect(roundNumbers(r.svg!.wide)).toMatchSnapshot();
    });
  }

  it.each(CHARTS.map((c) => [c.id, c] as const))('%s gives every place, in one query for all, the rows of its own query', async (_id, chart) => {
    const codes = (await allGeo()).map((g) => g.geo_code);
    expect(await expectBatchEqualsPerPlace(chart, codes)).toBeGreaterThan(0);
  }, 120_000);

  it.each(EFFECT_SPECS.map((s) => [s.id, s] as const))('the 2022 analysis %s has a band and a fit for Nederland and all 42 jeugdregio’s', async (id, spec) => {
    const comparisons = await query(`SELECT * FROM trend_comparisons WHERE analysis = '${id}' AND (geo_code = 'NL01' OR geo_code LIKE 'JZ%') ORDER BY geo_code`);
    expect(comparisons.map((c) => c.geo_code)).toHaveLength(43);
    for (const c of comparisons) {
      expect(c.ok, `${id} ${c.geo_code}: ${c.message}`).toBe(true);
      // Per 1 000 young people or per inhabitant wherever the analysis has a base: the population is complete.
      expect(c.relative, `${id} ${c.geo_code}`).toBe(Boolean(spec.base));
      expect(Number(c.year)).toBe(2024);
      expect(Number(c.lower)).toBeLessThanOrEqual(Number(c.upper));
    }
    const series = await query(
      `SELECT geo_code, count(fitted) AS fitted, count(expected) AS expected, count(lower) AS band FROM trend_series WHERE analysis = '${id}' AND (geo_code = 'NL01' OR geo_code LIKE 'JZ%') GROUP BY 1`,
    );
    expect(series).toHaveLength(43);
    for (const s of series) {
      expect(Number(s.fitted), `${id} ${s.geo_code} fit`).toBeGreaterThanOrEqual(4);
      expect(Number(s.expected), `${id} ${s.geo_code} projection`).toBe(3);
      expect(Number(s.band), `${id} ${s.geo_code} band`).toBe(3);
    }
  });
});

/** SVG coordinates to one decimal, so a snapshot pins the drawing and not the float noise. */
function roundNumbers(svg: string): string {
  return svg.replace(/-?\d+\.\d{2,}/g, (n) => Number(n).toFixed(1));
}
