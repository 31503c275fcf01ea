/**
 * Build time: the workbench's opening chart is the first of these metrics that has figures for Nederland or the
 * jeugdregio's in this warehouse, over the years it has them. Without this the real build opened on the headline
 * per 1 000 young people, which needs CBS figures that only a fetch brings, and showed an empty chart.
 */
import { hasMetric } from '../catalog/metrics.ts';
import { defaultState, workbenchSql, type WorkbenchState } from './workbench-query.ts';
import { query } from './warehouse.ts';

const PREFERENCE = ['jongeren_jeugdzorg_per_1000', 'jongeren_jeugdhulp_per_1000', 'jongeren_jeugdhulp', 'netto_jeugdhulp_per_inwoner_jaarrekening', 'netto_jeugdhulp_jaarrekening'];

export async function openingState(years: { min: number; max: number }): Promise<Partial<WorkbenchState>> {
  for (const metric of PREFERENCE.filter(hasMetric)) {
    const rows = await query<{ jaar: number; waarde: number | null }>(workbenchSql({ ...defaultState(years), metric }));
    const have = rows.filter((r) => r.waarde != null).map((r) => Number(r.jaar));
    if (!have.length) continue;
    const from = Math.min(...have);
    const to = Math.max(...have);
    // One year of figures is a ranking, not a line.
    return { metric, from, to, year: to, view: from === to ? 'ranglijst' : 'lijnen' };
  }
  return {};
}
