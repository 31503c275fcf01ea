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
    p = render(chart, code);
    memo.set(key, p);
  }
  return p;
}

async function render(chart: ChartDef<Row>, code: string): Promise<RenderedChart> {
  const ctx = await contextFor(code);
  const rows = await query(chart.sql, { geo: code });
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
 * Every chart for every place, started together so both warehouse connections stay busy; the results
 * land in the memo that pages, embeds and downloads read. Returns them in chart-major order.
 */
export function renderAll(charts: ChartDef<Row>[], codes: string[]): Promise<RenderedChart[]> {
  return Promise.all(charts.flatMap((c) => codes.map((g) => renderChart(c, g))));
}
