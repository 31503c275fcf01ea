/**
 * View model of the overview of all jeugdregio's for one 2022 analysis: the pipeline's trend_comparisons rows,
 * regions with a comparison first (largest difference on top), the others with their reason.
 */
import type { TrendComparisonRow } from '../analysis/effects.ts';
import { jeugdregios, query, type Row } from './warehouse.ts';

export interface OverviewRow {
  g: { geo_code: string; name: string };
  relative: boolean;
  message: string;
  last?: { year: number; actual: number; expected: number; lower: number; upper: number; diff: number; diffPct: number | null; verdict: string; afterBreak: boolean };
}

type Comparison = TrendComparisonRow & Row;

export async function effectOverview(analysis: string): Promise<OverviewRow[]> {
  const regions = await jeugdregios();
  const found = new Map(
    (await query<Comparison>("SELECT * FROM trend_comparisons WHERE analysis = $analysis AND geo_code LIKE 'JZ%'", { analysis })).map((c) => [c.geo_code, c]),
  );
  const rows: OverviewRow[] = regions.map((g) => {
    const c = found.get(g.geo_code);
    if (!c) return { g, relative: false, message: 'Geen cijfers voor deze regio.' };
    const last = c.ok && c.year != null
      ? { year: c.year, actual: c.actual!, expected: c.expected!, lower: c.lower!, upper: c.upper!, diff: c.diff!, diffPct: c.diff_pct, verdict: c.verdict!, afterBreak: Boolean(c.after_break) }
      : undefined;
    return { g, relative: c.relative, message: c.ok ? 'geen vergelijkingsjaar' : c.message, last };
  });
  return rows.sort((x, y) => (y.last?.diffPct ?? -Infinity) - (x.last?.diffPct ?? -Infinity) || (x.g.name < y.g.name ? -1 : x.g.name > y.g.name ? 1 : 0));
}
