/**
 * Build-time rendering of a registry chart for one place: run its SQL on the warehouse, draw it with
 * Observable Plot on a server DOM (linkedom) and return everything a page, an embed or a test needs.
 * Deterministic: the same warehouse gives the same SVG.
 */
import { parseHTML } from 'linkedom';
import type { ChartDef, ChartContext, DataTable, LegendItem, Row } from '../charts/types.ts';
import { getGeo, query, regionOf, warehouseDir, type GeoRow } from './warehouse.ts';

export interface RenderedChart {
  chart: ChartDef<Row>;
  ctx: ChartContext;
  rows: Row[];
  hasData: boolean;
  /** SVG for wide screens and for phones (Plot lays out text per width; scaling one SVG makes it unreadable). */
  svg: { wide: string; narrow: string } | null;
  legend: LegendItem[];
  summary: string;
  table: DataTable | null;
  /** The exact SQL that made the chart, with the place filled in: what "Toon SQL" shows. */
  sqlForPlace: string;
}

export const WIDE = 720;
export const NARROW = 360;

export async function contextFor(code: string): Promise<ChartContext> {
  const geo = await getGeo(code);
  if (!geo) throw new Error(`unknown place ${code}`);
  return { geo, region: geo.level === 'gemeente' ? await regionOf(code) : undefined };
}

export function drawSvg(chart: ChartDef<Row>, rows: Row[], width: number): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const el = chart.plot(rows, { document: document as unknown as Document, width });
  el.setAttribute('role', 'img');
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
    p = render(chart, code);
    memo.set(key, p);
  }
  return p;
}

async function render(chart: ChartDef<Row>, code: string): Promise<RenderedChart> {
  const ctx = await contextFor(code);
  const rows = await query(chart.sql, { geo: code });
  const hasData = chart.hasData(rows);
  return {
    chart,
    ctx,
    rows,
    hasData,
    svg: hasData ? { wide: drawSvg(chart, rows, WIDE), narrow: drawSvg(chart, rows, NARROW) } : null,
    legend: hasData ? chart.legend(rows) : [],
    summary: hasData ? chart.summary(rows, ctx) : chart.empty(ctx),
    table: hasData ? chart.table(rows, ctx) : null,
    sqlForPlace: sqlFor(chart, ctx.geo),
  };
}
