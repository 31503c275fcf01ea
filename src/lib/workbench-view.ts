/**
 * View model of the workbench's build-time opening chart: the state it opens on, the SQL that state writes,
 * the rows DuckDB returns for it, and the drawing, legend, summary and table made from them with the same
 * helpers the browser uses. Workbench.astro only lays it out.
 */
import { NL } from '../catalog/places.ts';
import { parseHTML } from 'linkedom';
import { drawWorkbench, toWbRows, workbenchLegend, workbenchSummary, workbenchTable, type DrawInput } from '../charts/workbench-plot.ts';
import type { DataTable, LegendItem } from '../charts/types.ts';
import { metric, type MetricDef } from '../catalog/metrics.ts';
import { allPlaces } from './places.ts';
import { NARROW, WIDE } from './render.ts';
import { datapackage, query } from './warehouse.ts';
import { openingState } from './workbench-opening.ts';
import { defaultState, workbenchSql, type WorkbenchState } from './workbench-query.ts';

export interface WorkbenchView {
  years: { min: number; max: number };
  opening: Partial<WorkbenchState>;
  state: WorkbenchState;
  metric: MetricDef;
  sql: string;
  hasFigures: boolean;
  svg: { wide: string; narrow: string } | null;
  legend: LegendItem[];
  summary: string;
  table: DataTable | null;
  /** Every place the controls offer: code, name, level (short keys: the list is inlined as JSON). */
  places: { c: string; n: string; l: string }[];
}

export async function workbenchView(): Promise<WorkbenchView> {
  const dp = datapackage();
  const years = { min: dp.temporal?.start ?? 2015, max: dp.temporal?.end ?? 2024 };
  const opening = await openingState(years);
  const state = defaultState(years, opening);
  const m = metric(state.metric);
  const sql = workbenchSql(state);
  const rows = toWbRows(await query(sql));
  const input: DrawInput = { rows, metric: m, view: state.view, highlight: [NL] };
  const hasFigures = rows.some((r) => r.waarde != null);
  const draw = (width: number) => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const el = drawWorkbench(input, { document: document as unknown as Document, width });
    el.setAttribute('aria-hidden', 'true');
    return el.outerHTML;
  };
  const places = (await allPlaces()).map((p) => ({ c: p.code, n: p.name, l: p.level }));
  return {
    years,
    opening,
    state,
    metric: m,
    sql,
    hasFigures,
    svg: hasFigures ? { wide: draw(WIDE), narrow: draw(NARROW) } : null,
    legend: hasFigures ? workbenchLegend(input) : [],
    summary: workbenchSummary(input),
    table: hasFigures ? workbenchTable(input) : null,
    places,
  };
}
