/**
 * The chart registry (design §4): every chart the site shows, in one list. Pages, embeds, downloads,
 * the comparison data and the tests all iterate over this list; a chart that is not here does not exist.
 */
import gebruikTrend from './gebruik-trend.ts';
import kostenPerInwoner from './kosten-per-inwoner.ts';
import kostenTrend from './kosten-trend.ts';
import verblijfPerVorm from './verblijf-per-vorm.ts';
import type { ChartDef, Row } from './types.ts';

export const CHARTS: ChartDef<any>[] = [gebruikTrend, verblijfPerVorm, kostenTrend, kostenPerInwoner];

export function chartById(id: string): ChartDef<Row> | undefined {
  return CHARTS.find((c) => c.id === id);
}
