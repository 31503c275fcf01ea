/**
 * How the workbench draws and describes its rows (the result of workbenchSql): lines over time, a ranking
 * for one year, or a map. Built from the same helpers as the registry charts (lineChart, the series
 * styles, the map classes), so a workbench chart looks like a registry chart. Runs at build time on
 * linkedom (the opening chart) and in the browser on the real DOM.
 */
import { NL } from '../catalog/places.ts';
import * as Plot from '@observablehq/plot';
import { formatNumber, formatValue, formatYear, listNl, valueKind } from '../shared/format.ts';
import type { MetricDef } from '../catalog/metrics.ts';
import { CLASS_FILLS, classBreaks, classOf } from './kaart.ts';
import { CATEGORY_STYLE, FONT_SIZE, legendOf, lineChart, ROLE_STYLE, type Series } from './shared.ts';
import type { DataTable, LegendItem, PlotOptions } from './types.ts';

export interface WbRow {
  geo_code: string;
  naam: string;
  niveau: 'land' | 'jeugdregio' | 'gemeente';
  jaar: number;
  waarde: number | null;
  status: string | null;
  /** teller and noemer: numerator and denominator of a ratio. */
  [k: string]: string | number | boolean | null;
}

/** Arrow/DuckDB rows to WbRow: BigInt to number. */
export function toWbRows(rows: Record<string, unknown>[]): WbRow[] {
  return rows.map((r) => {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) o[k] = typeof v === 'bigint' ? Number(v) : v;
    return o as WbRow;
  });
}

export const displayName = (r: Pick<WbRow, 'naam' | 'niveau'>) => (r.niveau === 'jeugdregio' ? `Jeugdregio ${r.naam}` : r.naam);

export function formatterOf(m: MetricDef): (v: number | null | undefined) => string {
  // Euros per inwoner are small amounts, so the shortened euro format writes them whole, like formatEuroExact.
  const kind = valueKind(m.unit);
  return (v) => formatValue(v, kind);
}

export const unitLabel = (m: MetricDef): string =>
  m.unit === 'per 1 000 jongeren' ? 'per 1.000 jongeren' : m.unit === 'euro per inwoner' ? '€ per inwoner' : m.unit === 'euro' ? '€' : m.unit;

/** Places in first-appearance order (the SQL orders them). */
function groups(rows: WbRow[]): { code: string; name: string; level: WbRow['niveau']; rows: WbRow[] }[] {
  const by = new Map<string, { code: string; name: string; level: WbRow['niveau']; rows: WbRow[] }>();
  for (const r of rows) {
    let g = by.get(r.geo_code);
    if (!g) by.set(r.geo_code, (g = { code: r.geo_code, name: displayName(r), level: r.niveau, rows: [] }));
    g.rows.push(r);
  }
  return [...by.values()];
}

/**
 * More places than styles: Nederland and up to four places stand out, the rest is context in grey. The places
 * that stand out are the ones the reader named one by one; when the reader chose only groups (a region's
 * gemeenten, a size class), the highest and the lowest in the last year, so that no chart is all grey.
 */
export const MAX_STYLED = CATEGORY_STYLE.length;
const CONTEXT = { color: 'var(--c-context, #8a96a3)', symbol: 'circle' as const };

/** The places that stand out among many, with why (for the legend): named by the reader, or the extremes. */
function standOut(gs: ReturnType<typeof groups>, highlight: string[]): Map<string, string> {
  const named = gs.filter((g) => g.code !== NL && highlight.includes(g.code)).slice(0, MAX_STYLED - 1);
  if (named.length) return new Map(named.map((g) => [g.code, g.name]));
  const known = gs.flatMap((g) => g.rows).filter((r) => r.waarde != null && r.geo_code !== NL);
  if (!known.length) return new Map();
  const last = Math.max(...known.map((r) => r.jaar));
  const atLast = known.filter((r) => r.jaar === last).sort((a, b) => b.waarde! - a.waarde! || (a.naam < b.naam ? -1 : 1));
  const out = new Map<string, string>();
  const hi = atLast[0];
  const lo = atLast[atLast.length - 1];
  out.set(hi.geo_code, `${displayName(hi)} (hoogste in ${last})`);
  if (lo.geo_code !== hi.geo_code) out.set(lo.geo_code, `${displayName(lo)} (laagste in ${last})`);
  return out;
}

export function lineSeries(rows: WbRow[], highlight: string[]): Series<WbRow>[] {
  const gs = groups(rows);
  const many = gs.length > MAX_STYLED;
  const out = many ? standOut(gs, highlight) : new Map<string, string>();
  let k = 0;
  return gs.map((g) => {
    if (g.code === NL) return { key: g.code, label: g.name, rows: g.rows, ...ROLE_STYLE[3] };
    if (!many) return { key: g.code, label: g.name, rows: g.rows, ...CATEGORY_STYLE[k++] };
    const label = out.get(g.code);
    return { key: g.code, label: label ?? g.name, rows: g.rows, ...(label ? CATEGORY_STYLE[k++] : CONTEXT) };
  });
}

export interface MapFeature {
  type?: string;
  properties: { code: string; name: string };
  geometry: unknown;
}

export interface DrawInput {
  rows: WbRow[];
  metric: MetricDef;
  view: 'lijnen' | 'ranglijst' | 'kaart';
  /** Places chosen one by one (they stand out among many). */
  highlight: string[];
  /** Outlines for the map (gemeenten or jeugdregio's), when the warehouse has them. */
  features?: MapFeature[];
}

export function drawWorkbench(input: DrawInput, opts: PlotOptions): Element {
  const fmt = formatterOf(input.metric);
  if (input.view === 'lijnen') {
    const series = lineSeries(input.rows, input.highlight);
    // Grey context first, so the named places are drawn on top.
    series.sort((a, b) => Number(b.color === CONTEXT.color) - Number(a.color === CONTEXT.color));
    return lineChart(
      { series, x: 'jaar', y: 'waarde', yLabel: unitLabel(input.metric), yFormat: (v) => fmt(v), title: (r) => `${displayName(r)}, ${r.jaar}: ${fmt(r.waarde)}` },
      opts,
    );
  }
  const known = input.rows.filter((r) => r.waarde != null);
  if (input.view === 'kaart' && input.features?.length) return drawMap(input, known, fmt, opts);
  return drawRanking(input, known, fmt, opts);
}

function drawRanking(input: DrawInput, known: WbRow[], fmt: (v: number | null) => string, { document, width }: PlotOptions): Element {
  const sorted = [...known].sort((a, b) => b.waarde! - a.waarde! || (a.naam < b.naam ? -1 : 1));
  const narrow = width < 480;
  const barH = 22;
  const label = (c: string) => shorten(displayName(sorted.find((r) => r.geo_code === c)!), narrow ? 16 : 28);
  // Room for the longest name (about 0.6 em a character), so no name is cut at the left edge.
  const longest = Math.max(0, ...sorted.map((r) => label(r.geo_code).length));
  return Plot.plot({
    document,
    width,
    height: Math.max(80, sorted.length * barH + 36),
    marginLeft: Math.min(Math.round(width * 0.45), Math.ceil(longest * FONT_SIZE * 0.62) + 10),
    marginRight: narrow ? 64 : 80,
    marginTop: 24,
    marginBottom: 12,
    style: { fontSize: `${FONT_SIZE}px`, overflow: 'visible' },
    x: { axis: null, zero: true, nice: true },
    y: { domain: sorted.map((r) => r.geo_code), tickFormat: label, label: null, tickSize: 0 },
    marks: [
      Plot.barX(sorted, {
        y: 'geo_code', x: 'waarde', insetTop: 3, insetBottom: 3,
        fill: (r: WbRow) => (r.geo_code === NL ? 'var(--b2, #d55e00)' : input.highlight.includes(r.geo_code) ? 'var(--b3, #e69f00)' : 'var(--b1, #1f4e79)'),
        title: (r: WbRow) => `${displayName(r)}: ${fmt(r.waarde)}`,
      }),
      Plot.text(sorted, { y: 'geo_code', x: 'waarde', text: (r: WbRow) => fmt(r.waarde), textAnchor: 'start', dx: 4, fill: 'currentColor' }),
      Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.5 }),
      Plot.text([unitLabel(input.metric)], { frameAnchor: 'top-left', dy: -18, fill: 'currentColor', fillOpacity: 0.8 }),
    ],
  }) as unknown as Element;
}

const shorten = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);


function drawMap(input: DrawInput, known: WbRow[], fmt: (v: number | null) => string, { document, width }: PlotOptions): Element {
  const values = new Map(known.map((r) => [r.geo_code, r.waarde!]));
  const breaks = classBreaks([...values.values()]);
  const fc = { type: 'FeatureCollection', features: input.features!.map((f) => ({ ...f, type: 'Feature' })) };
  const chosen = fc.features.filter((f) => values.has(f.properties.code));
  const w = Math.min(width, 560);
  return Plot.plot({
    document,
    width: w,
    height: Math.round(w * 1.15),
    projection: { type: 'mercator', domain: fc as never },
    marks: [
      Plot.geo(fc.features as never, { fill: 'var(--card, #eeeeee)', stroke: 'var(--bg, #ffffff)', strokeWidth: 0.5 }),
      Plot.geo(chosen as never, {
        fill: (f: MapFeature) => CLASS_FILLS[classOf(values.get(f.properties.code)!, breaks)],
        stroke: 'currentColor',
        strokeWidth: 0.8,
        title: (f: MapFeature) => `${f.properties.name}: ${fmt(values.get(f.properties.code)!)}`,
      }),
    ],
  }) as unknown as Element;
}

/** The HTML legend beside the drawing. */
export function workbenchLegend(input: DrawInput): LegendItem[] {
  if (input.view === 'lijnen') {
    const series = lineSeries(input.rows, input.highlight);
    const styled = series.filter((s) => s.color !== CONTEXT.color);
    const context = series.length - styled.length;
    return [...legendOf(styled), ...(context ? [{ label: `${context} andere plaatsen (grijs)`, color: CONTEXT.color, symbol: 'circle' as const }] : [])];
  }
  if (input.view === 'kaart' && input.features?.length) return mapLegend(input, formatterOf(input.metric));
  const items: LegendItem[] = [];
  if (input.rows.some((r) => r.geo_code === NL)) items.push({ label: 'Nederland', color: 'var(--b2, #d55e00)', swatch: true });
  if (input.rows.some((r) => input.highlight.includes(r.geo_code) && r.geo_code !== NL)) items.push({ label: 'Zelf gekozen plaatsen', color: 'var(--b3, #e69f00)', swatch: true });
  // The plain bars: "andere" only beside Nederland or picked-out places; alone they are simply the places chosen.
  const plain = input.rows.filter((r) => r.geo_code !== NL && !input.highlight.includes(r.geo_code));
  if (plain.length) items.push({ label: items.length ? 'Andere plaatsen' : 'Gekozen plaatsen', color: 'var(--b1, #1f4e79)', swatch: true });
  return items;
}

/**
 * The map's classes as drawn: only classes that hold a place, each with the lowest and highest value in it
 * (the quantile breaks of a few values left empty classes and ranges like "12 – 12"). Up to five places:
 * one entry per place, its name and value in its colour.
 */
function mapLegend(input: DrawInput, fmt: (v: number | null) => string): LegendItem[] {
  const known = input.rows.filter((r) => r.waarde != null);
  const breaks = classBreaks(known.map((r) => r.waarde!));
  if (known.length <= MAX_STYLED) {
    return [...known]
      .sort((a, b) => a.waarde! - b.waarde!)
      .map((r) => ({ label: `${displayName(r)}: ${fmt(r.waarde)}`, color: CLASS_FILLS[classOf(r.waarde!, breaks)], swatch: true }));
  }
  const byClass = new Map<number, number[]>();
  for (const r of known) {
    const c = classOf(r.waarde!, breaks);
    byClass.set(c, [...(byClass.get(c) ?? []), r.waarde!]);
  }
  return [...byClass.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([c, vs]) => {
      const lo = Math.min(...vs);
      const hi = Math.max(...vs);
      return { label: lo === hi ? fmt(lo) : `${fmt(lo)} – ${fmt(hi)}`, color: CLASS_FILLS[c], swatch: true };
    });
}

/** One generated sentence on what the chart shows. */
export function workbenchSummary(input: DrawInput): string {
  const m = input.metric;
  const fmt = formatterOf(m);
  const what = m.label_nl.charAt(0).toLowerCase() + m.label_nl.slice(1);
  const known = input.rows.filter((r) => r.waarde != null);
  if (!known.length) return `Voor deze plaatsen en jaren zijn er geen cijfers over ${what}.`;
  if (input.view === 'lijnen') {
    const last = Math.max(...known.map((r) => r.jaar));
    const atLast = known.filter((r) => r.jaar === last).sort((a, b) => b.waarde! - a.waarde!);
    const nl = groups(known).find((g) => g.code === NL);
    const parts = [`${capital(what)}, ${formatYear(Math.min(...known.map((r) => r.jaar)))}–${formatYear(last)}, voor ${groups(known).length} plaatsen.`];
    if (atLast.length > 1) {
      parts.push(`In ${last} het hoogst in ${displayName(atLast[0])} (${fmt(atLast[0].waarde)}) en het laagst in ${displayName(atLast[atLast.length - 1])} (${fmt(atLast[atLast.length - 1].waarde)}).`);
    }
    if (nl && nl.rows.length > 1) {
      const a = nl.rows[0];
      const b = nl.rows[nl.rows.length - 1];
      parts.push(`Landelijk van ${fmt(a.waarde)} in ${a.jaar} naar ${fmt(b.waarde)} in ${b.jaar}.`);
    }
    return parts.join(' ');
  }
  const sorted = [...known].sort((a, b) => b.waarde! - a.waarde!);
  const year = sorted[0].jaar;
  const top = sorted[0];
  const bottom = sorted[sorted.length - 1];
  const nl = sorted.find((r) => r.geo_code === NL);
  return [
    `${capital(what)} in ${year}, ${sorted.length} plaatsen${input.view === 'kaart' && input.features?.length ? ' op de kaart' : ''}:`,
    sorted.length > 1 ? `het hoogst in ${displayName(top)} (${fmt(top.waarde)}), het laagst in ${displayName(bottom)} (${fmt(bottom.waarde)}).` : `${displayName(top)}: ${fmt(top.waarde)}.`,
    nl ? `Nederland: ${fmt(nl.waarde)}.` : '',
  ].filter(Boolean).join(' ');
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The data table: one row per place and year, with numerator and denominator of a ratio. */
export function workbenchTable(input: DrawInput): DataTable {
  const m = input.metric;
  const fmt = formatterOf(m);
  const head = ['Plaats', 'Jaar', capital(unitLabel(m)), ...(m.denominator ? ['Teller', 'Noemer'] : []), 'Status'];
  const body = input.rows.map((r) => [
    displayName(r),
    formatYear(r.jaar),
    r.waarde == null ? '–' : fmt(r.waarde),
    ...(m.denominator ? [formatNumber(r.teller as number | null), formatNumber(r.noemer as number | null)] : []),
    r.status ?? '',
  ]);
  return { caption: `${m.label_nl}: de cijfers achter de grafiek`, head, body, rowHeader: 0 };
}

/** The places of a chart in words, for a citation or a title: "Nederland en 42 jeugdregio's". */
export function placesInWords(rows: WbRow[]): string {
  const gs = groups(rows);
  if (gs.length <= 4) return listNl(gs.map((g) => g.name));
  const by = (l: WbRow['niveau']) => gs.filter((g) => g.level === l).length;
  const parts = [
    ...(gs.some((g) => g.code === NL) ? ['Nederland'] : []),
    ...(by('jeugdregio') ? [`${by('jeugdregio')} jeugdregio's`] : []),
    ...(by('gemeente') ? [`${by('gemeente')} gemeenten`] : []),
  ];
  return listNl(parts);
}
