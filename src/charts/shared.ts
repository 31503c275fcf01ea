/**
 * Building blocks the chart modules share: SQL fragments, caveats, place names, series styles and a
 * line chart in Observable Plot. Everything here is deterministic (no clock, no random ids: Plot's
 * line markers and clip paths use global counters, so markers are separate dot marks and nothing clips).
 */
import { NL } from '../catalog/places.ts';
import * as Plot from '@observablehq/plot';
import { indicator, type IndicatorId } from '../catalog/indicators.ts';
import { metric } from '../catalog/metrics.ts';
import { formatEuro, formatEuroExact, formatNumber, formatYear, listNl } from '../shared/format.ts';
import type { GeoRow } from '../lib/warehouse.ts';
import type { ChartContext, DataTable, ExploreSpec, LegendItem, PlotOptions, Row, SymbolName } from './types.ts';

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
  SELECT '${NL}', 3 WHERE $geo <> '${NL}'
)`;

// ---- caveats (those not in INDICATORS) ----------------------------------------------------------

export const NOTE_CORONA =
  'In 2020 en 2021 had corona invloed op het gebruik en de kosten van jeugdhulp. Die invloed werkte twee kanten op en is niet precies bekend.';
export const NOTE_WOONPLAATS =
  'Op 1 januari 2022 veranderde het woonplaatsbeginsel: sindsdien bepaalt een andere regel welke gemeente betaalt. Daardoor verschuiven cijfers tussen gemeenten, vooral bij jeugdhulp met verblijf.';
export const NOTE_BEGROTING =
  'Begroting (wat een gemeente vooraf verwacht uit te geven) en jaarrekening (wat zij werkelijk uitgaf) zijn aparte reeksen en staan nooit samen in één lijn.';
export const NOTE_NETTO =
  'Netto = lasten − baten op de taakvelden van individuele jeugdhulp. Een centrumgemeente koopt zorg in voor de hele regio en boekt de bijdragen van de andere gemeenten als baten; die gemeenten boeken hetzelfde geld als lasten. Netto telt het één keer, bij wie het uiteindelijk betaalt. Jeugdbescherming en jeugdreclassering (6.82) en de toegang (6.2) tellen niet mee.';

/** Rows of a cost chart that carry the netto figure's flag (see src/catalog/net-cost-rules.ts). */
export interface CostFlagRow {
  [k: string]: string | number | null;
  jaar: number;
  vlag: string | null;
}

const withSoort = (rows: CostFlagRow[]) =>
  listNl([...new Set(rows.map((r) => `${r.jaar}${typeof r.soort === 'string' ? ` (${r.soort})` : ''}`))].sort());

/**
 * What a reader must know before comparing this place's cost figures, from the flags the pipeline stored:
 * a centrumgemeente's lasten include its region's care; a gemeente that books its youth care elsewhere has
 * no netto figure; a regional or national sum with such a gemeente is too low. Null when none applies.
 */
export function costFlagNotice(rows: CostFlagRow[], ctx: ChartContext, opts: { onlyElsewhere?: boolean } = {}): string | null {
  const name = placeName(ctx.geo);
  const out: string[] = [];
  const elsewhere = rows.filter((r) => r.vlag === 'elders-geboekt');
  if (elsewhere.length) {
    out.push(
      `${capitalise(name)} boekte in ${withSoort(elsewhere)} (vrijwel) geen jeugdhulp op de eigen taakvelden: € 0, of minder dan een kwart van wat gemeenten per inwoner gewoonlijk uitgeven. Het geld loopt dan via een gemeenschappelijke regeling of via andere taakvelden. Daarom staat hier geen netto bedrag, en ${name} telt niet mee in een rangorde.`,
    );
  }
  if (opts.onlyElsewhere) return out.length ? out.join(' ') : null;
  const centrum = rows.filter((r) => r.vlag === 'centrumgemeente').sort((a, b) => b.jaar - a.jaar);
  if (centrum.length) {
    const r = centrum.find((x) => x.soort === 'jaarrekening') ?? centrum[0];
    const share = typeof r.aandeel_baten === 'number' ? `: in ${r.jaar} kwam ${formatNumber(r.aandeel_baten)} % van de lasten terug als baten` : '';
    out.push(
      `${capitalise(name)} is centrumgemeente${share}, vooral bijdragen van andere gemeenten uit de regio voor zorg die ${name} voor hen inkoopt. Die zorg zit in de lasten; netto (lasten − baten) is wat ${name} zelf betaalde. Vergelijk daarom alleen netto met andere gemeenten.`,
    );
  }
  // For a sum, the newest jaarrekening that is incomplete says enough (listing every begroting year is noise).
  const incomplete = rows.filter((r) => r.vlag === 'som-gemeenten-onvolledig').sort((a, b) => b.jaar - a.jaar);
  const inc = incomplete.find((r) => r.soort === 'jaarrekening') ?? incomplete.find((r) => r.soort === undefined) ?? incomplete[0];
  if (inc) {
    const names = typeof inc.elders === 'string' ? inc.elders.split(', ') : [];
    const who = names.length ? `${listNl(names)} ${names.length > 1 ? 'boeken hun' : 'boekt haar'} jeugdhulp (vrijwel) niet op de eigen taakvelden` : 'een of meer gemeenten boeken hun jeugdhulp (vrijwel) niet op de eigen taakvelden';
    out.push(`Het totaal ${ctx.geo.geo_code === NL ? 'van Nederland' : `van ${name}`} voor ${withSoort([inc])} is iets te laag: ${who}, maar via een gemeenschappelijke regeling of andere taakvelden.`);
  }
  return out.length ? out.join(' ') : null;
}

/** Caveats of the indicators a chart reads, without duplicates, in a stable order. */
export function caveatsOf(ids: readonly string[], extra: string[] = []): string[] {
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
  if (g.geo_code === NL) return 'landelijk';
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

// ---- Plot ------------------------------------------------------------------------------------

export interface Series<R> {
  key: string | number;
  label: string;
  rows: R[];
  color: string;
  dash?: string;
  symbol: SymbolName;
}

/** A place row of PLACES_CTE: its role (ord 1 place, 2 region, 3 Nederland), name and level. */
interface PlaceRow {
  ord: number;
  naam: string;
  niveau: string;
}

/** "Jeugdregio Eemland" for a region, the plain name otherwise. */
export const placeLabel = (r: { naam: string; niveau: string }) => (r.niveau === 'jeugdregio' ? `Jeugdregio ${r.naam}` : r.naam);

/** One series per place role that has a value in `column`, in role order, styled by its role. */
export function placeSeries<R extends PlaceRow & Record<string, unknown>>(rows: R[], column: keyof R, ords?: number[]): Series<R>[] {
  const keep = ords ?? [...new Set(rows.filter((r) => r[column] != null).map((r) => r.ord))].sort();
  return keep.map((ord) => {
    const sub = rows.filter((r) => r.ord === ord);
    return { key: ord, label: placeLabel(sub[0]), rows: sub, ...ROLE_STYLE[ord] };
  });
}

export interface LineChartSpec<R extends Row> {
  series: Series<R>[];
  x: keyof R & string;
  y: keyof R & string;
  yLabel: string;
  yFormat: (v: number) => string;
  /** Values written next to points or bars, when they need more precision than the axis (10,9 % on a 0–15 % axis). */
  valueFormat?: (v: number) => string;
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

/**
 * A series drawn as a line, or, when all series together cover one period only, as labelled bars (a line
 * through one point says nothing). Missing years inside a series break its line instead of bridging them;
 * up to END_LABEL_MAX series are named at their line ends (see endLabelled), so the chart needs no legend.
 */
export function lineChart<R extends Row>(spec: LineChartSpec<R>, options: PlotOptions): Element {
  const all = spec.series.flatMap((s) => s.rows.filter((r) => typeof r[spec.y] === 'number'));
  const ys = years(all, spec.x);
  if (ys.length === 1) return onePeriodBars(spec, ys[0], options);
  const { document, width } = options;
  const lo = ys[0] ?? 0;
  const hi = ys[ys.length - 1] ?? 0;
  const marks: Plot.Markish[] = [];
  if (spec.corona && lo <= 2021 && hi >= 2020) {
    marks.push(
      Plot.rectX([{ x1: Math.max(lo - 0.3, 2019.5), x2: Math.min(hi + 0.3, 2021.5) }], {
        x1: 'x1', x2: 'x2', fill: 'currentColor', fillOpacity: 0.1,
      }),
      // Label the visible part of the band, so it is not cut off when the series ends in 2020.
      Plot.text([{ x: (Math.max(lo - 0.3, 2019.5) + Math.min(hi + 0.3, 2021.5)) / 2 }], {
        x: 'x', frameAnchor: 'top', dy: 4, text: () => 'corona', fill: 'currentColor', fillOpacity: 0.85, fontSize: FONT_SIZE - 1,
      }),
    );
  }
  for (const b of spec.breaks ?? []) {
    if (b.year <= lo || b.year > hi) continue;
    marks.push(
      Plot.ruleX([b.year - 0.5], { stroke: 'currentColor', strokeOpacity: 0.6, strokeDasharray: '3 3' }),
      Plot.text([b.year - 0.5], {
        x: (d: number) => d, frameAnchor: 'bottom', dy: -4, dx: -3, textAnchor: 'end', text: () => b.label,
        fill: 'currentColor', fillOpacity: 0.9, fontSize: FONT_SIZE - 1, stroke: 'var(--plot-background, #fff)', strokeWidth: 3, paintOrder: 'stroke',
      }),
    );
  }
  marks.push(Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.5 }));
  for (const s of spec.series) {
    const defined = s.rows.filter((r) => typeof r[spec.y] === 'number');
    marks.push(
      Plot.line(withGaps(s.rows, spec.x, spec.y), {
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
  // Names at the line ends only when the lines end together: a label beside a line that stops early would sit
  // inside the plot, on other lines and the axis labels; then the legend names them.
  const ends = new Set(spec.series.map((s) => years(s.rows.filter((r) => typeof r[spec.y] === 'number'), spec.x).pop()));
  const labelled = endLabelled(spec.series) && ends.size === 1;
  const labelWidth = labelled ? endLabelWidth(spec.series.map((s) => s.label), width) : 0;
  const svg = Plot.plot({
    document,
    width,
    height: width < 480 ? 260 : 300,
    marginLeft: 12,
    marginRight: labelled ? labelWidth + 14 : width < 480 ? 14 : 20,
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
  }) as unknown as Element & { scale(name: string): { apply(v: number): number } };
  if (labelled) addEndLabels(svg, spec, labelWidth, document);
  return svg;
}

/** At most this many series are named at their line ends; more get the legend beside the chart. */
export const END_LABEL_MAX = 5;
export const endLabelled = (series: { label: string }[]): boolean => series.length > 0 && series.length <= END_LABEL_MAX;

/** Rows of one series with a null row for every missing year between its first and last: Plot breaks a line at nulls. */
export function withGaps<R extends Row>(rows: R[], x: string, y: string): R[] {
  const ys = years(rows, x);
  if (ys.length < 2) return rows;
  const byYear = new Map(rows.map((r) => [r[x], r]));
  const out: R[] = [];
  for (let yr = ys[0]; yr <= ys[ys.length - 1]; yr++) out.push(byYear.get(yr) ?? ({ [x]: yr, [y]: null } as unknown as R));
  return out;
}

const CHAR_PX = 7.2;
const LINE_PX = FONT_SIZE + 3;

/** Room for the end labels: the longest label, but never more than 38 % of the chart (then labels wrap). */
export function endLabelWidth(labels: string[], width: number): number {
  const longest = Math.max(...labels.map((l) => l.length)) * CHAR_PX;
  return Math.round(Math.min(longest, width * 0.38));
}

/** Words of a label on as many lines as it needs to fit maxPx (a single long word keeps its own line). */
export function wrapLabel(label: string, maxPx: number): string[] {
  const perLine = Math.max(4, Math.floor(maxPx / CHAR_PX));
  const lines: string[] = [];
  for (const word of label.split(/\s+/)) {
    const cur = lines[lines.length - 1];
    if (cur !== undefined && (cur + ' ' + word).length <= perLine) lines[lines.length - 1] = `${cur} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * Labels placed at the vertical position of each series' last point, then pushed apart so no two overlap
 * (sorted top to bottom; each starts below the previous one's last line) and kept inside [top, bottom].
 */
export function dodge(items: { y: number; lines: number }[], top: number, bottom: number): number[] {
  const order = items.map((it, i) => ({ ...it, i })).sort((a, b) => a.y - b.y);
  const pos = new Array<number>(items.length);
  let next = top;
  for (const it of order) {
    const h = it.lines * LINE_PX;
    const y = Math.max(it.y - h / 2, next);
    pos[it.i] = y;
    next = y + h + 2;
  }
  // Overflow at the bottom: shift the stack up as far as needed, keeping the order.
  const over = next - 2 - bottom;
  if (over > 0) for (let i = 0; i < pos.length; i++) pos[i] = Math.max(top, pos[i] - over);
  return pos;
}

function addEndLabels<R extends Row>(
  svg: Element & { scale(name: string): { apply(v: number): number } },
  spec: LineChartSpec<R>,
  labelWidth: number,
  document: Document,
): void {
  const xs = svg.scale('x');
  const ysc = svg.scale('y');
  const ends = spec.series
    .map((s) => {
      const defined = s.rows.filter((r) => typeof r[spec.y] === 'number');
      const last = defined[defined.length - 1];
      return last ? { s, px: xs.apply(last[spec.x] as number), py: ysc.apply(last[spec.y] as number), lines: wrapLabel(s.label, labelWidth) } : undefined;
    })
    .filter((e) => e !== undefined);
  const height = Number(svg.getAttribute('height') ?? 300);
  const pos = dodge(ends.map((e) => ({ y: e.py, lines: e.lines.length })), 4, height - 30);
  const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
  g.setAttribute('data-end-labels', '');
  svg.setAttribute('data-self-labelled', '');
  g.setAttribute('font-size', String(FONT_SIZE));
  g.setAttribute('font-weight', '600');
  // Plot's root sets text-anchor="middle": the labels start right of the line ends.
  g.setAttribute('text-anchor', 'start');
  ends.forEach((e, i) => {
    // Beside its own last point: a series that ends earlier is named where it ends, not in a column at the right.
    const x = e.px + 10;
    const t = document.createElementNS('http://www.w3.org/2000/svg', 'text');
    t.setAttribute('x', String(Math.round(x)));
    t.setAttribute('y', String(Math.round(pos[i] + FONT_SIZE - 2)));
    t.setAttribute('fill', e.s.color);
    e.lines.forEach((line, j) => {
      const span = document.createElementNS('http://www.w3.org/2000/svg', 'tspan');
      span.setAttribute('x', String(Math.round(x)));
      if (j > 0) span.setAttribute('dy', String(LINE_PX));
      span.textContent = line;
      t.appendChild(span);
    });
    g.appendChild(t);
  });
  svg.appendChild(g);
}

/**
 * One period: a labelled bar per series (name above, value at its end) instead of a line through one
 * point. The period is in the axis label.
 */
export function onePeriodBars<R extends Row>(spec: LineChartSpec<R>, year: number, options: PlotOptions): Element {
  const items = spec.series.flatMap((s) => {
    const r = s.rows.find((d) => d[spec.x] === year && typeof d[spec.y] === 'number');
    return r ? [{ label: s.label, value: r[spec.y] as number, color: s.color, provisional: isProvisional(r), title: spec.title(r) }] : [];
  });
  return labelledBars(items, { ...options, axisLabel: `${spec.yLabel}, ${formatYear(year)}`, format: spec.yFormat, valueFormat: spec.valueFormat });
}

export interface BarItem {
  label: string;
  value: number;
  color: string;
  provisional?: boolean;
  /** Tooltip text (an SVG <title>). */
  title?: string;
  /** Drawn bold: the place of the page among others. */
  highlight?: boolean;
}

/** Horizontal bars with the name above each bar and the value at its end: nothing to cut at 320 px. */
export function labelledBars(
  items: BarItem[],
  { document, width, axisLabel, format, valueFormat = format }: PlotOptions & { axisLabel: string; format: (v: number) => string; valueFormat?: (v: number) => string },
): Element {
  const row = 40;
  const max = Math.max(0, ...items.map((d) => d.value));
  const min = Math.min(0, ...items.map((d) => d.value));
  const valueRoom = Math.max(...items.map((d) => valueFormat(d.value).length), 3) * CHAR_PX + 10;
  const indexed = items.map((d, i) => ({ ...d, i }));
  const valueText = (d: BarItem) => valueFormat(d.value) + (d.provisional ? '*' : '');
  const svg = Plot.plot({
    document,
    width,
    height: items.length * row + 42,
    marginLeft: min < 0 ? valueRoom : 8,
    marginRight: valueRoom,
    marginTop: 30,
    marginBottom: 12,
    style: { fontSize: `${FONT_SIZE}px`, overflow: 'visible' },
    // No tick labels: every bar has its value written at its end; the axis label says what the values are.
    x: { domain: [min, max || 1], nice: true, axis: null },
    y: { domain: items.map((_, i) => i), axis: null, paddingInner: 0.55, paddingOuter: 0.4 },
    marks: [
      Plot.barX(indexed, {
        x: 'value', y: 'i', fill: (d: BarItem) => (d.provisional ? 'var(--plot-background, #fff)' : d.color),
        stroke: (d: BarItem) => d.color, strokeWidth: 1.5, title: (d: BarItem) => d.title ?? `${d.label}: ${format(d.value)}`,
      }),
      // Plot's font weight, anchor and offset are constants per mark: one mark per kind of label.
      ...[true, false].flatMap((bold) => {
        const sub = indexed.filter((d) => Boolean(d.highlight) === bold);
        const fontWeight = bold ? 700 : 400;
        return [
          Plot.text(sub, { frameAnchor: 'left', y: 'i', text: 'label', textAnchor: 'start', dy: -15, fill: 'currentColor', fontWeight }),
          Plot.text(sub.filter((d) => d.value >= 0), { x: 'value', y: 'i', text: valueText, textAnchor: 'start', dx: 5, fill: 'currentColor', fontWeight }),
          // A negative bar gets its value at its left end (the left margin has room for it).
          Plot.text(sub.filter((d) => d.value < 0), { x: 'value', y: 'i', text: valueText, textAnchor: 'end', dx: -5, fill: 'currentColor', fontWeight }),
        ];
      }),
      Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.5 }),
      Plot.text([axisLabel], { frameAnchor: 'top-left', dy: -24, text: (d: string) => d, textAnchor: 'start', fill: 'currentColor', fillOpacity: 0.85 }),
    ],
  }) as unknown as Element;
  svg.setAttribute('data-self-labelled', '');
  return svg;
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
/**
 * The comparison panel of a chart: a ratio metric of the catalogue (src/catalog/metrics.ts), whose numerator is
 * drawn as a count and, when the reader asks, divided by the denominator. Labels come from the catalogue.
 */
export function exploreOf(ratioMetric: string): ExploreSpec {
  const m = metric(ratioMetric);
  if (!m.denominator || !m.per_nl) throw new Error(`comparison panel: ${ratioMetric} is not a ratio of the catalogue`);
  const num = metric(m.numerator);
  return {
    indicator: num.numerator as IndicatorId,
    label: num.label_nl.charAt(0).toLowerCase() + num.label_nl.slice(1),
    unit: num.unit === 'euro' ? 'euro' : 'jongeren',
    base: { indicator: m.denominator as IndicatorId, factor: m.factor, label: m.per_nl },
  };
}

export const isProvisional = (r: Row): boolean => typeof r.status === 'string' && r.status !== 'definitief';

export const provisional = (rows: Row[]): string => {
  const ys = years(rows.filter((r) => r.status && r.status !== 'definitief'));
  return ys.length ? ` Cijfers over ${listNl(ys.map(String))} zijn voorlopig.` : '';
};

export function noDataSentence(ctx: ChartContext, what: string): string {
  return `Voor ${placeName(ctx.geo)} zijn geen cijfers over ${what} beschikbaar.`;
}

// ---- cost columns ------------------------------------------------------------------------------

/** One stacked segment of a cost column: a form of care in one year and verslagsoort. */
export interface CostPart {
  jaar: number;
  soort: string;
  /** Stack order and fill (BAR_FILLS index); -1 = a total that is not split. */
  ord: number;
  vorm: string;
  netto: number | null;
}

/**
 * The table of a cost-by-form chart (met or zonder verblijf): one row per form, one column per year and
 * verslagsoort, and the total. A missing netto says why (booked elsewhere, or unknown), never 0.
 */
export function costFormTable(rows: (CostPart & { vlag: string | null })[], ctx: ChartContext, what: string): DataTable {
  const cols = columnOrder(rows);
  const forms = [...new Map(rows.map((r) => [r.ord, r.vorm])).entries()].sort((a, b) => a[0] - b[0]);
  const cell = (c: string, ord: number) => {
    const r = rows.find((x) => columnOf(x) === c && x.ord === ord);
    return !r ? '–' : r.netto == null ? (r.vlag === 'elders-geboekt' ? 'elders geboekt' : 'onbekend') : formatEuroExact(r.netto);
  };
  const total = (c: string) => rows.filter((r) => columnOf(r) === c).reduce((sum, r) => sum + (r.netto ?? 0), 0);
  return {
    caption: `Netto uitgaven aan jeugdhulp ${what} per vorm (euro), ${placeName(ctx.geo)}`,
    head: ['Vorm', ...cols],
    body: [...forms.map(([ord, vorm]) => [vorm, ...cols.map((c) => cell(c, ord))]), [`Totaal ${what}`, ...cols.map((c) => formatEuroExact(total(c)))]],
    rowHeader: 0,
  };
}

/** "2023 jaarrekening", in time order, the begroting of a year before its jaarrekening. */
export const columnOf = (r: { jaar: number; soort: string }) => `${r.jaar} ${r.soort}`;
export function columnOrder(rows: { jaar: number; soort: string }[]): string[] {
  return [...new Map(rows.map((r) => [columnOf(r), r])).values()]
    .sort((a, b) => a.jaar - b.jaar || (a.soort === 'begroting' ? -1 : 1) - (b.soort === 'begroting' ? -1 : 1))
    .map(columnOf);
}

/**
 * Euros per year and verslagsoort as stacked columns, the total written above each: for a few years of
 * Iv3 figures, where a line would suggest a trend that two or three points do not show. Begroting and
 * jaarrekening are separate columns, never one line.
 */
export function costColumns(parts: CostPart[], { document, width }: PlotOptions, yLabel: string): Element {
  const known = parts.filter((p) => p.netto != null);
  const cols = columnOrder(known);
  const totals = cols.map((c) => ({ kolom: c, netto: known.filter((p) => columnOf(p) === c).reduce((s, p) => s + p.netto!, 0) }));
  const narrow = width < 480;
  const fill = (p: CostPart) => (p.ord < 0 ? 'var(--b-total, #8a8a8a)' : BAR_FILLS[p.ord % BAR_FILLS.length]);
  return Plot.plot({
    document,
    width,
    height: narrow ? 260 : 300,
    // Room for the euro labels beside the axis: on top of the gridlines they would sit under the bars.
    marginLeft: narrow ? 62 : 72,
    marginRight: 8,
    marginTop: 34,
    marginBottom: 40,
    style: { fontSize: `${FONT_SIZE}px`, overflow: 'visible' },
    // On a phone "jaarrekening" under a column collides with its neighbour: "rekening" says the same.
    x: { domain: cols, label: null, padding: narrow ? 0.25 : 0.35, tickFormat: (c: string) => (narrow ? c.replace('jaarrekening', 'rekening') : c).replace(' ', '\n'), tickSize: 0 },
    y: { zero: true, nice: true, insetTop: 6 },
    marks: [
      Plot.gridY({ ticks: 4, strokeOpacity: 0.12 }),
      Plot.axisY({ ticks: 4, tickFormat: (v: number) => formatEuro(v), tickSize: 0, tickPadding: 6, label: yLabel, labelAnchor: 'top', labelArrow: 'none', labelOffset: narrow ? 58 : 68 }),
      Plot.barY(known, Plot.stackY({
        x: columnOf, y: 'netto', z: 'ord', order: 'ord', fill, stroke: 'var(--plot-background, #fff)', strokeWidth: 1,
        title: (p: CostPart) => `${p.vorm}, ${p.jaar} (${p.soort}): netto ${formatEuro(p.netto!)}`,
      })),
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.5 }),
      Plot.text(totals, { x: 'kolom', y: (t: { netto: number }) => Math.max(0, t.netto), text: (t: { netto: number }) => formatEuro(t.netto), dy: -8, fill: 'currentColor', fontWeight: 600 }),
    ],
  }) as unknown as Element;
}

/** Legend of the segments a cost column chart draws. */
export function costLegend(parts: CostPart[]): LegendItem[] {
  const seen = new Map<number, string>();
  for (const p of parts) if (p.netto != null && !seen.has(p.ord)) seen.set(p.ord, p.vorm);
  return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([ord, vorm]) => ({
    label: vorm, color: ord < 0 ? 'var(--b-total, #8a8a8a)' : BAR_FILLS[ord % BAR_FILLS.length], swatch: true,
  }));
}
