/**
 * Build-time rendering of a registry chart for one place: run its SQL on the warehouse, draw it with
 * Observable Plot on a server DOM (linkedom) and return everything a page, an embed or a test needs.
 * Deterministic: the same warehouse gives the same SVG.
 */
import { parseHTML } from 'linkedom';
import type { ChartDef, ChartContext, DataTable, LegendItem, Row } from '../charts/types.ts';
import { indicator } from '../pipeline/indicators.ts';
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

export function drawSvg(chart: ChartDef<Row>, rows: Row[], width: number): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const el = chart.plot(rows, { document: document as unknown as Document, width });
  // The summary sentence and the data table beside it are the text alternative; the drawing is decoration for
  // screen readers.
  el.setAttribute('aria-hidden', 'true');
  return el.outerHTML;
}

/** The chart's SQL as a reader can run it on the downloaded files: $geo replaced by the quoted code. */
export function sqlFor(chart: ChartDef<Row>, geo: GeoRow): string {
  return chart.sql.replaceAll('$geo', `'${geo.geo_code.replaceAll("'", "''")}'`);
}

const memo = new Map<string, Promise<RenderedChart>>();

/**
 * One rendering per chart and place per build: the place page, its embed, its briefing and its CSV
 * downloads all show the same figures, so they share one query and one drawing.
 */
export function renderChart(chart: ChartDef<Row>, code: string): Promise<RenderedChart> {
  const key = `${warehouseDir()}|${chart.id}|${code}`;
  let p = memo.get(key);
  if (!p) {
    p = query(chart.sql, { geo: code }).then((rows) => render(chart, code, rows));
    memo.set(key, p);
  }
  return p;
}

async function render(chart: ChartDef<Row>, code: string, rows: Row[]): Promise<RenderedChart> {
  const ctx = await contextFor(code);
  const hasData = chart.hasData(rows);
  // Charts that draw other places beside this one return geo_code; the others show this place only.
  const ownData = hasData && (!chart.columns.includes('geo_code') || chart.hasData(rows.filter((r) => r.geo_code === code)));
  let wide: string | undefined;
  let narrow: string | undefined;
  const svg = {
    get wide() {
      return (wide ??= drawSvg(chart, rows, WIDE));
    },
    get narrow() {
      return (narrow ??= drawSvg(chart, rows, NARROW));
    },
  };
  return {
    chart,
    ctx,
    rows,
    hasData,
    ownData,
    // Each width is drawn on first use: CSV downloads and getStaticPaths need the rows only, a briefing
    // only the narrow drawing, and Plot is the costly part of a build.
    svg: hasData ? svg : null,
    legend: hasData ? chart.legend(rows) : [],
    summary: hasData ? chart.summary(rows, ctx) : chart.empty(ctx, rows),
    notice: chart.notice?.(rows, ctx) ?? null,
    heading: hasData && chart.headline ? chart.headline(rows, ctx) : chart.title.nl,
    definition: chart.definition ?? indicator(chart.indicators[0]).definition,
    get selfLabelled() {
      return hasData && svg.wide.includes('data-self-labelled');
    },
    table: hasData ? chart.table(rows, ctx) : null,
    sqlForPlace: sqlFor(chart, ctx.geo),
  };
}

/**
 * Every chart for every place: one query per chart for all places (see batchSql), split per place into
 * the memo that pages, embeds and downloads read. Returns them in chart-major order.
 */
export async function renderAll(charts: ChartDef<Row>[], codes: string[]): Promise<RenderedChart[]> {
  await Promise.all(charts.map(async (chart) => {
    const todo = codes.filter((g) => !memo.has(`${warehouseDir()}|${chart.id}|${g}`));
    const perPlace = todo.length > 1 ? await batchRows(chart, todo) : null;
    if (!perPlace) return;
    for (const g of todo) memo.set(`${warehouseDir()}|${chart.id}|${g}`, render(chart, g, perPlace.get(g) ?? []));
  }));
  return Promise.all(charts.flatMap((c) => codes.map((g) => renderChart(c, g))));
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
