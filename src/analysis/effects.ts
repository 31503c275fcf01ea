/**
 * "What changed after the 2022 measures?" as warehouse data: for each analysis (an indicator, optionally per
 * base) and each place, the pre-2022 trend projected over 2022–latest against what happened (trend.ts), written
 * by the pipeline as two tables so that pages, downloads and the console read one computed result:
 * - trend_series: per analysis × place × year the value analysed, the fitted trend, the projection and its band;
 * - trend_comparisons: per analysis × place the verdict for the last compared year, or the reason there is none.
 */
import { NL } from '../catalog/places.ts';
import type { IndicatorId } from '../catalog/indicators.ts';
import { ratioBase } from '../catalog/metrics.ts';
import type { Observation } from '../pipeline/model.ts';
import { breaksFor, type BreakSource } from './breaks.ts';
import { analyseSeries, type Analysis, type Refusal } from './trend.ts';

export interface EffectSpec {
  id: string;
  title: { nl: string; en: string };
  /** What is measured, for sentences: "jongeren met jeugdhulp". */
  what: string;
  indicator: IndicatorId;
  /** Divide by this indicator × factor (per 1 000 young people, per inhabitant): a ratio of the metrics catalogue. */
  base?: { indicator: IndicatorId; factor: number; label: string };
  unit: 'jongeren' | 'euro';
  source: BreakSource;
  tables: string[];
}

export const EFFECT_SPECS: EffectSpec[] = [
  {
    id: 'maatregelen-jeugdhulp', title: { nl: 'Jeugdhulp na 2022: werkelijk tegen de trend', en: 'Youth care after 2022: actual against trend' },
    what: 'jongeren met jeugdhulp', indicator: 'jongeren_jeugdhulp', unit: 'jongeren', source: 'cbs',
    base: ratioBase('jongeren_jeugdhulp_per_1000'), tables: ['84134NED', '85099NED', '03759ned'],
  },
  {
    id: 'maatregelen-verblijf', title: { nl: 'Jeugdhulp met verblijf na 2022: werkelijk tegen de trend', en: 'Residential care after 2022: actual against trend' },
    what: 'jongeren met jeugdhulp met verblijf', indicator: 'jongeren_jeugdhulp_met_verblijf', unit: 'jongeren', source: 'cbs',
    base: ratioBase('jongeren_jeugdhulp_met_verblijf_per_1000'), tables: ['84134NED', '85099NED', '03759ned'],
  },
  {
    id: 'maatregelen-gesloten', title: { nl: 'Gesloten plaatsing na 2022: werkelijk tegen de trend', en: 'Secure placement after 2022: actual against trend' },
    what: 'jongeren in gesloten plaatsing', indicator: 'jongeren_verblijf_gesloten', unit: 'jongeren', source: 'cbs', tables: ['84134NED', '85099NED'],
  },
  {
    id: 'maatregelen-kosten', title: { nl: 'Uitgaven aan jeugdhulp na 2022: werkelijk tegen de trend', en: 'Youth-care spending after 2022: actual against trend' },
    what: 'netto uitgaven individuele jeugdhulp', indicator: 'netto_jeugdhulp_jaarrekening', unit: 'euro', source: 'iv3',
    base: ratioBase('netto_jeugdhulp_jaarrekening_per_inwoner'), tables: ['Iv3 gemeenten (jaarrekening)', '70072ned'],
  },
];

export interface TrendSeriesRow {
  analysis: string;
  geo_code: string;
  year: number;
  /** The value analysed: the count, or count ÷ base × factor when the analysis is relative. */
  actual: number | null;
  status: string | null;
  /** The trend line over the fit years. */
  fitted: number | null;
  /** The projection from 2022 on, with its 95 % prediction interval. */
  expected: number | null;
  lower: number | null;
  upper: number | null;
}

export interface TrendComparisonRow {
  analysis: string;
  geo_code: string;
  ok: boolean;
  /** Why there is no comparison ('te-weinig-data', 'gat-in-reeks' …); null when ok. */
  reason: string | null;
  /** Dutch: the refusal, or the method notes of this analysis joined by newlines. */
  message: string;
  /** Per base (true) or counts (false: not every year has a base). */
  relative: boolean;
  unit_label: string;
  fit_from: number | null;
  fit_to: number | null;
  year: number | null;
  actual: number | null;
  expected: number | null;
  lower: number | null;
  upper: number | null;
  diff: number | null;
  diff_pct: number | null;
  /** 'binnen-band', 'hoger' or 'lager' than the band in the last compared year. */
  verdict: string | null;
  /** A break in the series lies between the trend and that year. */
  after_break: boolean | null;
}

/** value ÷ base × factor; null when either is missing or the base is not positive. */
export function perBase(value: number | null, base: number | null | undefined, factor: number): number | null {
  if (value === null || base === null || base === undefined || !(base > 0)) return null;
  return (factor * value) / base;
}

export interface SeriesInput {
  year: number;
  value: number | null;
  base: number | null;
  status: string | null;
}

/**
 * One place's analysis. Per base when every year with a figure has its base (otherwise the counts, and
 * `relative` says so); the woonplaatsbeginsel break only moves figures between gemeenten, so Nederland skips it.
 */
export function analysePlace(spec: EffectSpec, geo: string, series: SeriesInput[]): { series: TrendSeriesRow[]; comparison: TrendComparisonRow; analysis: Analysis | Refusal } {
  const relative = Boolean(spec.base) && series.some((r) => r.value !== null) && series.every((r) => r.value === null || (r.base !== null && r.base > 0));
  const points = series.map((r) => ({ year: r.year, value: relative ? perBase(r.value, r.base, spec.base!.factor) : r.value }));
  const a = analyseSeries(points, { breaks: breaksFor(spec.source, { national: geo === NL }) });
  const fitted = new Map(a.ok ? a.fitted.map((f) => [f.year, f.value]) : []);
  const expected = new Map(a.ok ? a.expected.map((e) => [e.year, e]) : []);
  const rows: TrendSeriesRow[] = series.map((r, i) => ({
    analysis: spec.id,
    geo_code: geo,
    year: r.year,
    actual: points[i].value,
    status: r.status,
    fitted: fitted.get(r.year) ?? null,
    expected: expected.get(r.year)?.value ?? null,
    lower: expected.get(r.year)?.lower ?? null,
    upper: expected.get(r.year)?.upper ?? null,
  }));
  // Years of the projection without a figure still carry the band.
  for (const [year, e] of expected) {
    if (!rows.some((r) => r.year === year)) rows.push({ analysis: spec.id, geo_code: geo, year, actual: null, status: null, fitted: null, expected: e.value, lower: e.lower, upper: e.upper });
  }
  rows.sort((x, y) => x.year - y.year);
  const last = a.ok ? a.comparisons[a.comparisons.length - 1] : undefined;
  const comparison: TrendComparisonRow = {
    analysis: spec.id,
    geo_code: geo,
    ok: a.ok,
    reason: a.ok ? null : a.reason,
    message: a.ok ? a.notes.join('\n') : a.message,
    relative,
    unit_label: relative ? spec.base!.label : spec.unit === 'euro' ? 'euro' : spec.what,
    fit_from: a.ok ? a.fit.years[0] : null,
    fit_to: a.ok ? a.fit.years[a.fit.years.length - 1] : null,
    year: last?.year ?? null,
    actual: last?.actual ?? null,
    expected: last?.expected ?? null,
    lower: last?.lower ?? null,
    upper: last?.upper ?? null,
    diff: last?.diff ?? null,
    diff_pct: last?.diffPct ?? null,
    verdict: last ? (last.coversZero ? 'binnen-band' : last.diff < 0 ? 'lager' : 'hoger') : null,
    after_break: last?.afterBreak ?? null,
  };
  return { series: rows, comparison, analysis: a };
}

/**
 * Every analysis for every place that has a figure of its indicator, on the newest indeling (the observation
 * with the highest boundary_year wins, as on every page).
 */
export function trendTables(observations: Observation[]): { series: TrendSeriesRow[]; comparisons: TrendComparisonRow[] } {
  const current = new Map<string, Observation>();
  for (const o of observations) {
    const k = `${o.indicator}|${o.geo_code}|${o.period}`;
    const prev = current.get(k);
    if (!prev || prev.boundary_year < o.boundary_year) current.set(k, o);
  }
  const byIndicator = new Map<string, Map<string, Observation[]>>();
  for (const o of current.values()) {
    const places = byIndicator.get(o.indicator) ?? new Map<string, Observation[]>();
    byIndicator.set(o.indicator, places);
    places.set(o.geo_code, [...(places.get(o.geo_code) ?? []), o]);
  }
  const out = { series: [] as TrendSeriesRow[], comparisons: [] as TrendComparisonRow[] };
  for (const spec of EFFECT_SPECS) {
    const places = byIndicator.get(spec.indicator);
    if (!places) continue;
    const bases = spec.base ? byIndicator.get(spec.base.indicator) : undefined;
    for (const geo of [...places.keys()].sort()) {
      const obs = places.get(geo)!;
      if (!obs.some((o) => o.value !== null)) continue;
      const base = new Map((bases?.get(geo) ?? []).map((b) => [b.period, b.value]));
      const series = obs.sort((x, y) => x.period - y.period).map((o) => ({ year: o.period, value: o.value, base: base.get(o.period) ?? null, status: o.status }));
      const r = analysePlace(spec, geo, series);
      out.series.push(...r.series);
      out.comparisons.push(r.comparison);
    }
  }
  return out;
}
