import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../helpers/seeded.ts';
import { EFFECT_SPECS, perBase, trendTables } from '../../src/analysis/effects.ts';
import { analyseSeries } from '../../src/analysis/trend.ts';
import { breaksFor } from '../../src/analysis/breaks.ts';
import { effectChart, type EffectRow } from '../../src/charts/maatregelen-effect.ts';
import type { Observation } from '../../src/pipeline/model.ts';

/**
 * The 2022 analysis as warehouse data: trendTables() over observations must give what analyseSeries gives on
 * the same series, per base where every year has one, on the newest indeling, and the chart must draw the
 * band and the fitted trend from those rows. Series are seeded (no typed results).
 */
const obs = (indicator: string, geo_code: string, period: number, value: number | null, boundary_year = 2026): Observation => ({
  indicator, geo_code, period, value, status: 'definitief', source: 'test', source_file: 'test.csv', boundary_year, flag: null,
});
function world(seed = 3): Observation[] {
  const r = mulberry32(seed);
  const out: Observation[] = [];
  for (const geo of ['NL01', 'JZ13', 'GM0307']) {
    const scale = geo === 'NL01' ? 1 : geo === 'JZ13' ? 0.05 : 0.01;
    for (let y = 2015; y <= 2024; y++) {
      out.push(obs('jongeren_jeugdhulp', geo, y, Math.round(scale * (380_000 + 9_000 * (y - 2015) + 4_000 * (r() - 0.5)))));
      out.push(obs('bevolking_0_22', geo, y, Math.round(scale * 4_600_000)));
    }
  }
  return out;
}

describe('trend tables (src/analysis/effects.ts)', () => {
  it('equal analyseSeries on the per-1 000 series of each place, with the national break rules', () => {
    const w = world();
    const t = trendTables(w);
    const spec = EFFECT_SPECS.find((s) => s.id === 'maatregelen-jeugdhulp')!;
    for (const geo of ['NL01', 'JZ13', 'GM0307']) {
      const pts = w.filter((o) => o.indicator === spec.indicator && o.geo_code === geo).map((o) => {
        const base = w.find((b) => b.indicator === 'bevolking_0_22' && b.geo_code === geo && b.period === o.period)!.value;
        return { year: o.period, value: (1000 * o.value!) / base! };
      });
      const a = analyseSeries(pts, { breaks: breaksFor('cbs', { national: geo === 'NL01' }) });
      if (!a.ok) throw new Error(a.message);
      const c = t.comparisons.find((x) => x.analysis === spec.id && x.geo_code === geo)!;
      const last = a.comparisons.at(-1)!;
      expect(c).toMatchObject({ ok: true, relative: true, year: last.year, fit_from: a.fit.years[0], fit_to: a.fit.years.at(-1) });
      expect(c.expected).toBeCloseTo(last.expected, 9);
      expect(c.lower).toBeCloseTo(last.lower, 9);
      expect(c.verdict).toBe(last.coversZero ? 'binnen-band' : last.diff < 0 ? 'lager' : 'hoger');
      const series = t.series.filter((s) => s.analysis === spec.id && s.geo_code === geo);
      expect(series.map((s) => s.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
      expect(series.filter((s) => s.fitted !== null).map((s) => s.year)).toEqual(a.fit.years);
      expect(series.find((s) => s.year === 2023)!.upper).toBeCloseTo(a.expected.find((e) => e.year === 2023)!.upper, 9);
    }
  });

  it('falls back to counts when a year lacks its base, and says so; the newest indeling wins', () => {
    const w = world().filter((o) => !(o.indicator === 'bevolking_0_22' && o.geo_code === 'GM0307' && o.period === 2019));
    // An older indeling of the same figure must not be analysed.
    w.push(obs('jongeren_jeugdhulp', 'GM0307', 2016, 1, 2016));
    const t = trendTables(w);
    const c = t.comparisons.find((x) => x.analysis === 'maatregelen-jeugdhulp' && x.geo_code === 'GM0307')!;
    expect(c).toMatchObject({ relative: false, unit_label: 'jongeren met jeugdhulp' });
    const s2016 = t.series.find((x) => x.analysis === 'maatregelen-jeugdhulp' && x.geo_code === 'GM0307' && x.year === 2016)!;
    expect(s2016.actual).toBe(world().find((o) => o.indicator === 'jongeren_jeugdhulp' && o.geo_code === 'GM0307' && o.period === 2016)!.value);
  });

  it('a series too short for a trend gives the reason, never a line', () => {
    const w = world().filter((o) => o.period >= 2020);
    const c = trendTables(w).comparisons.find((x) => x.geo_code === 'NL01')!;
    expect(c).toMatchObject({ ok: false, reason: 'te-weinig-data', fit_from: null, verdict: null });
    expect(c.message).toMatch(/Te weinig gegevens/);
    expect(trendTables(w).series.every((s) => s.fitted === null && s.expected === null)).toBe(true);
  });

  it('perBase keeps nulls null and refuses a base that is not positive', () => {
    expect(perBase(121, 1000, 1000)).toBeCloseTo(121, 12);
    expect(perBase(null, 1000, 1000)).toBeNull();
    expect(perBase(5, null, 1000)).toBeNull();
    expect(perBase(5, 0, 1)).toBeNull();
    expect(perBase(0, 2000, 1000)).toBe(0);
  });

  it('the chart draws the band and the fitted trend from the stored rows', () => {
    const t = trendTables(world());
    const spec = EFFECT_SPECS.find((s) => s.id === 'maatregelen-jeugdhulp')!;
    const c = t.comparisons.find((x) => x.analysis === spec.id && x.geo_code === 'JZ13')!;
    const rows: EffectRow[] = t.series.filter((s) => s.analysis === spec.id && s.geo_code === 'JZ13').map((s) => ({
      geo_code: s.geo_code, jaar: s.year, werkelijk: s.actual, status: s.status, trend: s.fitted, verwacht: s.expected, ondergrens: s.lower, bovengrens: s.upper,
      ok: c.ok, reden: c.reason, toelichting: c.message, relatief: c.relative, eenheid: c.unit_label, laatste_jaar: c.year, laatste_werkelijk: c.actual,
      laatste_verwacht: c.expected, laatste_onder: c.lower, laatste_boven: c.upper, verschil: c.diff, verschil_pct: c.diff_pct, oordeel: c.verdict, na_breuk: c.after_break,
    }));
    const chart = effectChart(spec);
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const svg = (chart.plot(rows, { document: document as unknown as Document, width: 720 }) as Element).outerHTML;
    expect(svg).toMatch(/fill-opacity="0.15"/); // the band
    expect(svg).toMatch(/stroke-dasharray="6 4"/); // the trend
    expect(chart.summary(rows, { geo: { geo_code: 'JZ13', name: 'Amsterdam-Amstelland', level: 'jeugdregio' } } as never)).toMatch(/trend van vóór 2022 gaf/);
  });
});
