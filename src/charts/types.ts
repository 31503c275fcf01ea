import type { IndicatorId } from '../catalog/indicators.ts';
import type { GeoRow, Row } from '../lib/warehouse.ts';

export type { Row };

/** Where a chart is shown: the place of the page and, for a gemeente, its jeugdregio. */
export interface ChartContext {
  geo: GeoRow;
  region?: GeoRow;
}

/** What plot() needs: a DOM (linkedom at build time, the real one in the browser) and a width in px. */
export interface PlotOptions {
  document: Document;
  width: number;
}

export type SymbolName = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'star';

/** One entry of the HTML legend beside a chart: colour, line pattern and marker, so it survives greyscale. */
export interface LegendItem {
  label: string;
  color: string;
  dash?: string;
  symbol?: SymbolName;
  /** A filled box instead of a line (bar charts). */
  swatch?: boolean;
}

/** The data table under a chart: header row and body rows, already formatted in Dutch. */
export interface DataTable {
  caption: string;
  head: string[];
  body: string[][];
  /** Index of the column that names the row (rendered as <th scope="row">). */
  rowHeader?: number;
}

/**
 * How a reader can compare places on this chart in the browser: one indicator per place, as a count or
 * relative to a base (per 1 000 young people, per inhabitant). Served from a small precomputed JSON per
 * chart (/explore/<id>.json), so comparing needs no DuckDB.
 */
export interface ExploreSpec {
  indicator: IndicatorId;
  label: string;
  unit: 'jongeren' | 'euro';
  base?: { indicator: IndicatorId; factor: number; label: string };
}

export interface ChartSource {
  /** CBS table ids or Iv3 references. */
  tables: string[];
  citation: string;
}

/**
 * One chart of the registry (design §4). Pages, tests and (later) embeds and downloads all read it,
 * so a chart is defined once.
 */
export interface ChartDef<R extends Row = Row> {
  id: string;
  title: { nl: string; en: string };
  /** The reader's question the chart answers. */
  question: string;
  /**
   * What the figure counts, shown under the title (default: the definition of the first indicator). A chart
   * that reads a second source with its own definition (KWB) says so here.
   */
  definition?: string;
  /** SQL over the warehouse tables (observations, geo, membership, …) with named parameter $geo. */
  sql: string;
  /** Columns of the SQL result that plot(), table() and summary() use; the registry test checks them. */
  columns: string[];
  /** Indicator ids the chart reads (a typo fails the typecheck); their caveats from INDICATORS end up in notes. */
  indicators: readonly IndicatorId[];
  /** False when there is nothing to draw for this place (then empty() is shown instead). */
  hasData(rows: R[]): boolean;
  plot(rows: R[], options: PlotOptions): Element;
  legend(rows: R[]): LegendItem[];
  summary(rows: R[], ctx: ChartContext): string;
  /**
   * The finding as the chart's title, generated from the rows ("Amersfoort: 12 % van de jongeren had in 2021
   * jeugdzorg, …"); the fixed title then becomes the kicker above it. Only called when hasData.
   */
  headline?(rows: R[], ctx: ChartContext): string;
  /** The sentence shown instead of a chart when the place has no figures (rows may say why, e.g. a flag). */
  empty(ctx: ChartContext, rows?: R[]): string;
  /**
   * A note that must be read with this place's figures (e.g. a centrumgemeente whose lasten include the
   * region's care), shown visibly under the chart, not folded away with the caveats. Null: nothing to say.
   */
  notice?(rows: R[], ctx: ChartContext): string | null;
  table(rows: R[], ctx: ChartContext): DataTable;
  source: ChartSource;
  notes: string[];
  explore?: ExploreSpec;
}
