/**
 * Building blocks the chart modules share: SQL fragments, caveats, place names, series styles and a
 * line chart in Observable Plot. Everything here is deterministic (no clock, no random ids: Plot's
 * line markers and clip paths use global counters, so markers are separate dot marks and nothing clips).
 */
import * as Plot from '@observablehq/plot';
import { indicator } from '../pipeline/indicators.ts';
import { formatYear, listNl } from '../lib/format.ts';
import type { GeoRow } from '../lib/warehouse.ts';
import type { ChartContext, DataTable, LegendItem, PlotOptions, Row, SymbolName } from './types.ts';

// ---- SQL -------------------------------------------------------------------------------------

/**
 * One value per indicator, place and year: where a series exists in more than one municipal
 * indeling (boundary_year), the newest indeling wins.
 */
export const OBS_CTE = `o AS (
  SELECT * FROM observations
  QUALIFY row_number() OVER (PARTITION BY indicator, geo_code, period ORDER BY boundary_year DESC) = 1
)`;

/**
 * The place ($geo), for a gemeente its jeugdregio in the newest membership year, and Nederland.
 * ord 1 = the place itself, 2 = its jeugdregio, 3 = Nederland.
 */
export const PLACES_CTE = `places AS (
  SELECT $geo AS geo_code, 1 AS ord
  UNION ALL
  SELECT jeugdregio_code, 2 FROM (
    SELECT jeugdregio_code FROM membership WHERE gemeente_code = $geo ORDER BY year DESC LIMIT 1
  )
  UNION ALL
  SELECT 'NL01', 3 WHERE $geo <> 'NL01'
)`;

// ---- caveats (those not in INDICATORS) ----------------------------------------------------------

export const NOTE_CORONA =
  'In 2020 en 2021 had corona invloed op het gebruik en de kosten van jeugdhulp. Die invloed werkte twee kanten op en is niet precies bekend.';
export const NOTE_WOONPLAATS =
  'Op 1 januari 2022 veranderde het woonplaatsbeginsel: sindsdien bepaalt een andere regel welke gemeente betaalt. Daardoor verschuiven cijfers tussen gemeenten, vooral bij jeugdhulp met verblijf.';
export const NOTE_BEGROTING =
  'Begroting (wat een gemeente vooraf verwacht uit te geven) en jaarrekening (wat zij werkelijk uitgaf) zijn aparte reeksen en staan nooit samen in één lijn.';
export const NOTE_LASTEN =
  'Het gaat om lasten (uitgaven), niet om het saldo van lasten en baten. Jeugdbescherming en jeugdreclassering (taakveld 6.82) en de sociale basis (6.1, 6.2) tellen niet mee.';

/** Caveats of the indicators a chart reads, without duplicates, in a stable order. */
export function caveatsOf(ids: string[], extra: string[] = []): string[] {
  const out: string[] = [];
  for (const id of ids) for (const c of indicator(id).caveats) if (!out.includes(c)) out.push(c);
  for (const c of extra) if (!out.includes(c)) out.push(c);
  return out;
}

// ---- names -----------------------------------------------------------------------------------

export function placeName(g: Pick<GeoRow, 'name' | 'level'>): string {
  if (g.level === 'jeugdregio') return `jeugdregio ${g.name}`;
  return g.name;
}

/** "in Amersfoort", "in jeugdregio Eemland", "landelijk". */
export function inPlace(g: Pick<GeoRow, 'name' | 'level' | 'geo_code'>): string {
  if (g.geo_code === 'NL01') return 'landelijk';
  return `in ${placeName(g)}`;
}

export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

// ---- series styles ---------------------------------------------------------------------------

/**
 * Colours are CSS variables (set in src/styles/global.css, with dark-mode and print values) from the
 * Okabe–Ito palette; every series also has its own dash pattern and marker, so it reads in greyscale.
 */
export const ROLE_STYLE: Record<number, { color: string; dash?: string; symbol: SymbolName }> = {
  1: { color: 'var(--c1, #0072b2)', symbol: 'circle' },
  2: { color: 'var(--c2, #d55e00)', dash: '7 4', symbol: 'square' },
  3: { color: 'var(--c3, #444444)', dash: '2 3', symbol: 'triangle' },
};

export const CATEGORY_STYLE: { color: string; dash?: string; symbol: SymbolName }[] = [
  { color: 'var(--c1, #0072b2)', symbol: 'circle' },
  { color: 'var(--c2, #d55e00)', dash: '7 4', symbol: 'square' },
  { color: 'var(--c4, #009e73)', dash: '2 3', symbol: 'triangle' },
  { color: 'var(--c5, #cc79a7)', dash: '10 3 2 3', symbol: 'diamond' },
  { color: 'var(--c3, #444444)', dash: '1 0', symbol: 'cross' },
];

/** Fills for stacked bars: colour-blind safe and clearly ordered from dark to light in greyscale. */
export const BAR_FILLS = ['var(--b1, #1f4e79)', 'var(--b2, #d55e00)', 'var(--b3, #e69f00)', 'var(--b4, #c9d3dc)'];
/** Text colour on top of each bar fill. */
export const BAR_TEXT = ['var(--b1-text, #ffffff)', 'var(--b2-text, #ffffff)', 'var(--b3-text, #1a1a1a)', 'var(--b4-text, #1a1a1a)'];

// ---- Plot ------------------------------------------------------------------------------------

export interface Series<R> {
  key: string | number;
  label: string;
  rows: R[];
  color: string;
  dash?: string;
  symbol: SymbolName;
}

export interface LineChartSpec<R extends Row> {
  series: Series<R>[];
  x: keyof R & string;
  y: keyof R & string;
  yLabel: string;
  yFormat: (v: number) => string;
  /** Native tooltip text per point (an SVG <title>, works without JavaScript). */
  title: (r: R) => string;
  /** Years to mark with a thin vertical rule and a short label. */
  breaks?: { year: number; label: string }[];
  /** Shade 2020–2021 as corona years when they are in the domain. */
  corona?: boolean;
}

export const FONT_SIZE = 13;

export function years(rows: Row[], key = 'jaar'): number[] {
  return [...new Set(rows.map((r) => r[key]).filter((v): v is number => typeof v === 'number'))].sort((a, b) => a - b);
}

/** Integer year ticks, thinned so labels do not collide on narrow screens. */
export function yearTicks(ys: number[], width: number): number[] {
  if (ys.length === 0) return [];
  const max = width < 480 ? 5 : 10;
  const step = Math.max(1, Math.ceil((ys[ys.length - 1] - ys[0] + 1) / max));
  const out: number[] = [];
  for (let y = ys[ys.length - 1]; y >= ys[0]; y -= step) out.unshift(y);
  return out;
}

export function lineChart<R extends Row>(spec: LineChartSpec<R>, { document, width }: PlotOptions): Element {
  const all = spec.series.flatMap((s) => s.rows);
  const ys = years(all, spec.x);
  const lo = ys[0] ?? 0;
  const hi = ys[ys.length - 1] ?? 0;
  const marks: Plot.Markish[] = [];
  if (spec.corona && lo <= 2021 && hi >= 2020) {
    marks.push(
      Plot.rectX([{ x1: Math.max(lo, 2019.5), x2: Math.min(hi, 2021.5) }], {
        x1: 'x1', x2: 'x2', fill: 'currentColor', fillOpacity: 0.07,
      }),
      // Label the visible part of the band, so it is not cut off when the series ends in 2020.
      Plot.text([{ x: (Math.max(lo - 0.3, 2019.5) + Math.min(hi + 0.3, 2021.5)) / 2 }], {
        x: 'x', frameAnchor: 'top', dy: 4, text: () => 'corona', fill: 'currentColor', fillOpacity: 0.75, fontSize: FONT_SIZE - 2,
      }),
    );
  }
  for (const b of spec.breaks ?? []) {
    if (b.year <= lo || b.year > hi) continue;
    marks.push(
      Plot.ruleX([b.year - 0.5], { stroke: 'currentColor', strokeOpacity: 0.45, strokeDasharray: '3 3' }),
      Plot.text([b.year - 0.5], {
        x: (d: number) => d, frameAnchor: 'bottom', dy: -4, dx: -3, textAnchor: 'end', text: () => b.label,
        fill: 'currentColor', fillOpacity: 0.8, fontSize: FONT_SIZE - 2,
      }),
    );
  }
  marks.push(Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.5 }));
  for (const s of spec.series) {
    const defined = s.rows.filter((r) => typeof r[spec.y] === 'number');
    marks.push(
      Plot.line(s.rows, {
        x: spec.x, y: spec.y, stroke: s.color, strokeWidth: 2.5, strokeDasharray: s.dash, strokeLinecap: 'round',
      }),
      // Provisional figures (voorlopig, nader voorlopig) get an open marker: they may still change.
      Plot.dot(defined, {
        x: spec.x, y: spec.y, symbol: s.symbol, r: 4.5,
        fill: (d: R) => (isProvisional(d) ? 'var(--plot-background, #fff)' : s.color),
        stroke: (d: R) => (isProvisional(d) ? s.color : 'var(--plot-background, #fff)'),
        strokeWidth: (d: R) => (isProvisional(d) ? 2 : 1),
        title: ((d: R) => `${(spec.title as (d: R) => string)(d)}${isProvisional(d) ? ' (voorlopig)' : ''}`) as (d: R) => string,
      }),
    );
  }
  return Plot.plot({
    document,
    width,
    height: width < 480 ? 260 : 300,
    marginLeft: 12,
    marginRight: width < 480 ? 14 : 20,
    marginTop: 26,
    marginBottom: 30,
    style: { fontSize: `${FONT_SIZE}px`, overflow: 'visible' },
    x: { type: 'linear', domain: [lo - 0.3, hi + 0.3], ticks: yearTicks(ys, width), tickFormat: (d: number) => formatYear(d), label: null },
    y: { zero: true, nice: true, insetTop: 4 },
    marks: [
      Plot.gridY({ ticks: width < 480 ? 4 : 5, strokeOpacity: 0.12 }),
      Plot.axisY({
        ticks: width < 480 ? 4 : 5, tickFormat: spec.yFormat, textAnchor: 'start', dx: 2, dy: -7, tickSize: 0,
        label: spec.yLabel, labelAnchor: 'top', labelArrow: 'none', labelOffset: 0,
      }),
      ...marks,
    ],
  }) as unknown as Element;
}

export function legendOf<R>(series: Series<R>[]): LegendItem[] {
  return series.map((s) => ({ label: s.label, color: s.color, dash: s.dash, symbol: s.symbol }));
}

/** A table with one row per year and one column per series, values formatted by fmt. */
export function pivotByYear<R extends Row>(
  caption: string,
  series: { label: string; rows: R[] }[],
  value: (r: R) => string,
  x = 'jaar',
): DataTable {
  const ys = years(series.flatMap((s) => s.rows), x);
  const body = ys.map((y) => [
    formatYear(y),
    ...series.map((s) => {
      const r = s.rows.find((d) => d[x] === y);
      return r ? value(r) : '–';
    }),
  ]);
  return { caption, head: ['Jaar', ...series.map((s) => s.label)], body, rowHeader: 0 };
}

/** A row whose CBS status is voorlopig or nader voorlopig. */
export const isProvisional = (r: Row): boolean => typeof r.status === 'string' && r.status !== 'definitief';

export const provisional = (rows: Row[]): string => {
  const ys = years(rows.filter((r) => r.status && r.status !== 'definitief'));
  return ys.length ? ` Cijfers over ${listNl(ys.map(String))} zijn voorlopig.` : '';
};

export function noDataSentence(ctx: ChartContext, what: string): string {
  return `Voor ${placeName(ctx.geo)} zijn geen cijfers over ${what} beschikbaar.`;
}
