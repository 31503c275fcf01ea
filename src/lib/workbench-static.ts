/**
 * The workbench's precomputed figures: what lets a permalink's chart be drawn before DuckDB-wasm has started
 * (issue 17: the 18 MB wasm and the tables take seconds at 4× CPU, the target is 1,5 s).
 *
 * At build time (workbench-static-build.ts) each metric's own workbenchSql runs once in DuckDB over every
 * place of the warehouse and every year; its rows are written to /verkennen/cijfers/<metric>.json. The place
 * groups (all jeugdregio's, a region's gemeenten, a size class) are resolved by the SQL of placesCtes at build
 * time too and written to /verkennen/cijfers/groepen.json. A reader's state then only selects rows: the
 * statement's rows for one place do not depend on the other places chosen (o is filtered per place before its
 * window, every join is on the place's own code), so the selected rows are the rows that statement gives for
 * the reader's places — in the same order (the ORDER BY of workbenchSql, written out below). Nothing is
 * computed here; the browser test checks that DuckDB-wasm then returns the same rows and draws the same chart.
 *
 * Browser-safe: no Node imports.
 */
import { PLACE_CODE } from '../catalog/places.ts';
import type { WbRow } from '../charts/workbench-plot.ts';
import type { WorkbenchState } from './workbench-query.ts';

/** Where a metric's precomputed rows are served. */
export const staticUrl = (metricId: string) => `/verkennen/cijfers/${metricId}.json`;
export const GROUPS_URL = '/verkennen/cijfers/groepen.json';

/** One metric: the statement the build ran (every place, every year) and its rows, column by column as DuckDB returned them. */
export interface StaticMetric {
  metric: string;
  sql: string;
  columns: string[];
  rows: (string | number | null)[][];
}

/** The place groups as the SQL of placesCtes resolves them in this warehouse. */
export interface StaticGroups {
  /** `regios`: every jeugdregio. */
  regios: string[];
  /** `leden:JZnn`: the region's gemeenten in its newest year of membership. */
  leden: Record<string, string[]>;
  /** Per year (the `to` of placesCtes) the size class of each gemeente that has one; `klasse:GMnnnn` = the gemeenten of its class. */
  klasse: Record<string, Record<string, number>>;
}

/** The codes a state's place tokens stand for (the CTE `gekozen`), for size classes as of `year`. */
export function chosenCodes(groups: StaticGroups, places: string[], year: number): Set<string> {
  const out = new Set<string>();
  const classes = groups.klasse[String(year)] ?? {};
  for (const t of places) {
    if (PLACE_CODE.test(t)) out.add(t);
    else if (t === 'regios') groups.regios.forEach((c) => out.add(c));
    else if (t.startsWith('leden:')) (groups.leden[t.slice(6)] ?? []).forEach((c) => out.add(c));
    else if (t.startsWith('klasse:')) {
      const own = classes[t.slice(7)];
      if (own != null) for (const [c, k] of Object.entries(classes)) if (k === own) out.add(c);
    }
  }
  return out;
}

const LEVEL_RANK: Record<string, number> = { land: 0, jeugdregio: 1 };
/** DuckDB compares VARCHAR by their bytes; for the names here (no characters beyond U+FFFF) that is UTF-16 order. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** ORDER BY CASE g.level … END, naam, jaar, geo_code (lines). */
function byPlaceThenYear(a: WbRow, b: WbRow): number {
  return (LEVEL_RANK[a.niveau] ?? 2) - (LEVEL_RANK[b.niveau] ?? 2) || cmp(a.naam, b.naam) || a.jaar - b.jaar || cmp(a.geo_code, b.geo_code);
}

/** ORDER BY waarde DESC NULLS LAST, naam, geo_code (ranking, map). */
function byValue(a: WbRow, b: WbRow): number {
  if (a.waarde == null || b.waarde == null) return (a.waarde == null ? 1 : 0) - (b.waarde == null ? 1 : 0) || cmp(a.naam, b.naam) || cmp(a.geo_code, b.geo_code);
  return b.waarde - a.waarde || cmp(a.naam, b.naam) || cmp(a.geo_code, b.geo_code);
}

/** The rows workbenchSql(state) returns, taken from the precomputed file of state.metric. */
export function staticRows(file: StaticMetric, groups: StaticGroups, state: WorkbenchState): WbRow[] {
  if (file.metric !== state.metric) throw new Error(`${staticUrl(state.metric)} holds ${file.metric}`);
  const single = state.view !== 'lijnen';
  const chosen = chosenCodes(groups, state.places, single ? state.year : state.to);
  const at = (name: string) => file.columns.indexOf(name);
  const [geo, jaar] = [at('geo_code'), at('jaar')];
  const rows: WbRow[] = [];
  for (const r of file.rows) {
    const y = r[jaar] as number;
    if (!chosen.has(r[geo] as string) || (single ? y !== state.year : y < state.from || y > state.to)) continue;
    rows.push(Object.fromEntries(file.columns.map((c, i) => [c, r[i]])) as WbRow);
  }
  return rows.sort(single ? byValue : byPlaceThenYear);
}
