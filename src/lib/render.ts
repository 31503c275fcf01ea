/**
 * Build-time rendering of a registry chart for one place: run its SQL on the warehouse, draw it with
 * Observable Plot on a server DOM (linkedom) and return everything a page, an embed or a test needs.
 * Deterministic: the same warehouse gives the same SVG.
 */
import type { ChartDef, ChartContext, DataTable, LegendItem, Row } from '../charts/types.ts';
import { drawAsync } from './draw-pool.ts';
import { indicator } from '../catalog/indicators.ts';
import { sharedCache } from './build-cache.ts';
import { getGeo, query, regionOf, warehouseDir, type GeoRow } from './warehouse.ts';

export interface RenderedChart {
  chart: ChartDef<Row>;
  ctx: ChartContext;
  rows: Row[];
  hasData: boolean;
  /**
   * Whether the place itself has figures, not only its jeugdregio or Nederland beside it: embeds and Open
   * Graph images are offered only then (an embed "Amersfoort" that draws only Nederland misleads).
   */
  ownData: boolean;
  /** SVG for wide screens and for phones (Plot lays out text per width; scaling one SVG makes it unreadable). */
  svg: { wide: string; narrow: string } | null;
  legend: LegendItem[];
  summary: string;
  /** The chart's notice for this place (ChartDef.notice), or null. */
  notice: string | null;
  /** The finding as a title (chart.headline), or the chart's fixed title when it has none or no figures. */
  heading: string;
  /** What the figure counts: chart.definition, else its first indicator's definition. */
  definition: string;
  /** The drawing names its series itself (line-end labels, labelled bars): no legend beside it. */
  selfLabelled: boolean;
  table: DataTable | null;
  /** The exact SQL that made the chart, with the place filled in: what "Toon SQL" shows. */
  sqlForPlace: string;
}

export const WIDE = 720;
export const NARROW = 360;

const contexts = new Map<string, Promise<ChartContext>>();

export function contextFor(code: string): Promise<ChartContext> {
  const key = `${warehouseDir()}|${code}`;
  let p = contexts.get(key);
  if (!p) {
    p = (async () => {
      const geo = await getGeo(code);
      if (!geo) throw new Error(`unknown place ${code}`);
      return { geo, region: geo.level === 'gemeente' ? await regionOf(code) : undefined };
    })();
    contexts.set(key, p);
  }
  return p;
}

export { drawSvg } from './draw-svg.ts';

/** The chart's SQL as a reader can run it on the downloaded files: $geo replaced by the quoted code. */
export function sqlFor(chart: ChartDef<Row>, geo: GeoRow): string {
  return chart.sql.replaceAll('$geo', `'${geo.geo_code.replaceAll("'", "''")}'`);
}

/** A rendering before its drawings: what getStaticPaths and the CSV downloads need. */
export type RenderedData = Omit<RenderedChart, 'svg' | 'selfLabelled'>;

/** Shared with the source copy of this module (src/lib/build-cache.ts): the chart CSVs take these rows after the pages. */
const data = sharedCache<Promise<RenderedData>>('render.data');
const drawings = new Map<string, Promise<string>>();
const drawn = new Map<string, Promise<RenderedChart>>();
const keyOf = (chart: ChartDef<Row>, code: string) => `${warehouseDir()}|${chart.id}|${code}`;

/** The chart's rows for the place and what follows from them, without drawing (one query, or the batch's rows). */
export function renderData(chart: ChartDef<Row>, code: string): Promise<RenderedData> {
  const key = keyOf(chart, code);
  let p = data.get(key);
  if (!p) {
    p = query(chart.sql, { geo: code }).then((rows) => derive(chart, code, rows));
    data.set(key, p);
  }
  return p;
}

/** One drawing per chart, place and width per build, in a drawing worker (src/lib/draw-pool.ts). */
function drawing(r: RenderedData, width: number): Promise<string> {
  const key = `${keyOf(r.chart, r.ctx.geo.geo_code)}|${width}`;
  let p = drawings.get(key);
  if (!p) {
    p = drawAsync(r.chart, r.rows, width);
    drawings.set(key, p);
  }
  return p;
}

/**
 * One rendering per chart and place per build: the place page, its embed, its briefing and its CSV
 * downloads all show the same figures, so they share one query and one drawing per width.
 */
export function renderChart(chart: ChartDef<Row>, code: string): Promise<RenderedChart> {
  const key = keyOf(chart, code);
  let p = drawn.get(key);
  if (!p) {
    p = renderData(chart, code).then(async (r) => {
      const svg = r.hasData ? { wide: await drawing(r, WIDE), narrow: await drawing(r, NARROW) } : null;
      return { ...r, svg, selfLabelled: svg !== null && svg.wide.includes('data-self-labelled') };
    });
    drawn.set(key, p);
  }
  return p;
}

function derive(chart: ChartDef<Row>, code: string, rows: Row[]): Promise<RenderedData> {
  return contextFor(code).then((ctx) => {
    const hasData = chart.hasData(rows);
    // Charts that draw other places beside this one return geo_code; the others show this place only.
    const ownData = hasData && (!chart.columns.includes('geo_code') || chart.hasData(rows.filter((r) => r.geo_code === code)));
    return {
      chart,
      ctx,
      rows,
      hasData,
      ownData,
      legend: hasData ? chart.legend(rows) : [],
      summary: hasData ? chart.summary(rows, ctx) : chart.empty(ctx, rows),
      notice: chart.notice?.(rows, ctx) ?? null,
      heading: hasData && chart.headline ? chart.headline(rows, ctx) : chart.title.nl,
      definition: chart.definition ?? indicator(chart.indicators[0]).definition,
      table: hasData ? chart.table(rows, ctx) : null,
      sqlForPlace: sqlFor(chart, ctx.geo),
    };
  });
}

/**
 * Every chart for every place: one query per chart for all places (see batchSql), split per place. Returns
 * them in chart-major order without waiting for drawings, but starts those in the order the build needs them:
 * the narrow ones place by place (briefings come first), then the wide ones chart by chart (embeds).
 */
export async function renderAll(charts: ChartDef<Row>[], codes: string[]): Promise<RenderedData[]> {
  const all = await renderAllData(charts, codes);
  const withData = all.filter((r) => r.hasData);
  for (const g of codes) for (const r of withData) if (r.ctx.geo.geo_code === g) void drawing(r, NARROW).catch(() => undefined);
  for (const r of withData) void drawing(r, WIDE).catch(() => undefined);
  return all;
}

/** Every chart for every place as renderAll gives them, without starting a drawing (the CSV downloads). */
export async function renderAllData(charts: ChartDef<Row>[], codes: string[]): Promise<RenderedData[]> {
  await Promise.all(charts.map(async (chart) => {
    const todo = codes.filter((g) => !data.has(keyOf(chart, g)));
    const perPlace = todo.length > 1 ? await batchRows(chart, todo) : null;
    if (!perPlace) return;
    for (const g of todo) data.set(keyOf(chart, g), derive(chart, g, perPlace.get(g) ?? []));
  }));
  return Promise.all(charts.flatMap((c) => codes.map((g) => renderData(c, g))));
}

/**
 * The chart's own SQL for many places in one statement: the per-place query as a LATERAL subquery over the
 * list of codes, and its final ORDER BY applied again outside (a subquery's order is not kept). A build runs
 * each chart once instead of once per place: 13 queries instead of 5 000, each of which re-read the whole
 * observations table. Null when the chart's ORDER BY does not name output columns only, so it cannot be
 * re-applied; the caller then runs the chart per place. Tests check both ways give the same rows.
 */
export function batchSql(chart: ChartDef<Row>, codes: string[]): string | null {
  const order = outerOrder(chart);
  if (order === null || codes.length === 0) return null;
  const list = codes.map((g, i) => `(${i}, '${g.replaceAll("'", "''")}')`).join(', ');
  return `SELECT __p.geo AS __geo, __s.* FROM (VALUES ${list}) __p(i, geo), LATERAL (${chart.sql.replaceAll('$geo', '__p.geo')}) __s
ORDER BY __p.i${order ? `, ${order}` : ''}`;
}

/**
 * The chart's final ORDER BY (outside every parenthesis and string) with table prefixes dropped, when every
 * term is an output column; '' when the statement has none; null when a term is anything else.
 */
function outerOrder(chart: ChartDef<Row>): string | null {
  const sql = chart.sql.trim();
  let depth = 0;
  let quoted = false;
  let last = -1;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'") quoted = !quoted;
    else if (quoted) continue;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && /^ORDER\s+BY\b/i.test(sql.slice(i, i + 12)) && /\W/.test(sql[i - 1] ?? ' ')) last = i;
  }
  if (last < 0) return '';
  const terms = sql
    .slice(last)
    .replace(/^ORDER\s+BY\s+/i, '')
    .split(',')
    .map((t) => /^\s*(?:\w+\.)?(\w+)((?:\s+(?:ASC|DESC))?(?:\s+NULLS\s+(?:FIRST|LAST))?)\s*$/i.exec(t));
  if (terms.some((t) => !t || !chart.columns.includes(t[1]))) return null;
  return terms.map((t) => `__s.${t![1]}${t![2]}`).join(', ');
}

async function batchRows(chart: ChartDef<Row>, codes: string[]): Promise<Map<string, Row[]> | null> {
  const sql = batchSql(chart, codes);
  if (!sql) return null;
  const out = new Map<string, Row[]>();
  for (const { __geo, ...row } of await query(sql)) {
    const code = String(__geo);
    if (!out.has(code)) out.set(code, []);
    out.get(code)!.push(row);
  }
  // A tripwire against the engine: LATERAL subqueries are decorrelated by DuckDB, and two of its rewrites once
  // returned other rows than the plain query did. The first and last place are checked on every build.
  for (const code of new Set([codes[0], codes[codes.length - 1]])) {
    const plain = await query(chart.sql, { geo: code });
    if (JSON.stringify(plain) !== JSON.stringify(out.get(code) ?? [])) {
      throw new Error(`chart ${chart.id}: its SQL run for all places at once gives other rows for ${code} than run for ${code} alone; rewrite the SQL (see batchSql in src/lib/render.ts)`);
    }
  }
  return out;
}
