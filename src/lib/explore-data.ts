/**
 * The data behind the comparison panel of a chart: one indicator (and its base) for every place, as
 * compact JSON. Built once per chart at build time, fetched only when a reader starts comparing.
 */
import { NL, NL_NAME } from '../catalog/places.ts';
import type { ChartDef, Row } from '../charts/types.ts';
import { OBS_CTE } from '../charts/shared.ts';
import { allPlaces } from './places.ts';
import { query } from './warehouse.ts';

export interface ExploreData {
  chart: string;
  label: string;
  unit: 'jongeren' | 'euro';
  base: { label: string; factor: number } | null;
  sql: string;
  names: Record<string, string>;
  /** geo_code → [year, value, base value, status] rows, value null = unknown. */
  series: Record<string, [number, number | null, number | null, string][]>;
}

export function exploreSql(baseIndicator?: string): string {
  return `WITH ${OBS_CTE}
SELECT v.geo_code, v.period AS jaar, v.value AS waarde, ${baseIndicator ? 'b.value' : 'NULL'} AS basis, v.status
FROM o v
${baseIndicator ? 'LEFT JOIN o b ON b.geo_code = v.geo_code AND b.period = v.period AND b.indicator = $base' : ''}
WHERE v.indicator = $indicator
ORDER BY v.geo_code, v.period`;
}

export async function exploreData(chart: ChartDef<Row>): Promise<ExploreData | null> {
  const e = chart.explore;
  if (!e) return null;
  const sql = exploreSql(e.base?.indicator);
  const rows = await query<{ geo_code: string; jaar: number; waarde: number | null; basis: number | null; status: string }>(sql, {
    indicator: e.indicator,
    base: e.base?.indicator ?? null,
  });
  const names: Record<string, string> = { [NL]: NL_NAME };
  for (const p of await allPlaces()) names[p.code] = p.level === 'jeugdregio' ? `Jeugdregio ${p.name}` : p.name;
  const series: ExploreData['series'] = {};
  for (const r of rows) {
    if (!names[r.geo_code]) continue;
    (series[r.geo_code] ??= []).push([r.jaar, r.waarde, r.basis, r.status]);
  }
  return {
    chart: chart.id,
    label: e.label,
    unit: e.unit,
    base: e.base ? { label: e.base.label, factor: e.base.factor } : null,
    sql: sql.replace('$indicator', `'${e.indicator}'`).replace('$base', `'${e.base?.indicator ?? ''}'`),
    names,
    series,
  };
}
