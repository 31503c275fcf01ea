/** Per-jeugdregio values of one indicator in its latest year: the table on theme pages and the map. */
import { OBS_CTE } from '../charts/shared.ts';
import { query } from './warehouse.ts';

export interface RegionValue {
  geo_code: string;
  naam: string;
  jaar: number | null;
  waarde: number | null;
  status: string | null;
  /** The figure's flag, e.g. som-gemeenten-onvolledig (a member gemeente books its youth care elsewhere). */
  vlag: string | null;
}

/**
 * The value of `indicator` (divided by `base` × factor when given) for every jeugdregio in the newest
 * year any region has it. Regions without a figure that year get null: "geen cijfer", never 0.
 */
export function regionSql(base?: string): string {
  const val = base ? 'factor * v.value / b.value' : 'v.value';
  return `WITH ${OBS_CTE},
yr AS (SELECT max(period) AS y FROM o WHERE indicator = $indicator AND geo_code LIKE 'JZ%' AND value IS NOT NULL)
SELECT g.geo_code, g.name AS naam, yr.y AS jaar, ${val} AS waarde, v.status, v.flag AS vlag
FROM geo g CROSS JOIN yr CROSS JOIN (SELECT $factor::DOUBLE AS factor)
LEFT JOIN o v ON v.geo_code = g.geo_code AND v.indicator = $indicator AND v.period = yr.y
${base ? "LEFT JOIN o b ON b.geo_code = g.geo_code AND b.indicator = $base AND b.period = yr.y" : ''}
WHERE g.level = 'jeugdregio'
ORDER BY g.geo_code`;
}

export async function regionValues(indicator: string, base?: string, factor = 1): Promise<RegionValue[]> {
  return query<RegionValue & Record<string, string | number | null>>(regionSql(base), { indicator, base: base ?? null, factor });
}

/** The first map metric any jeugdregio has a figure for (the map opens on figures, not on grey tiles); undefined when none has. */
export async function firstMapMetricWithData<M extends { indicator: string; base?: string; factor?: number }>(metrics: M[]): Promise<M | undefined> {
  for (const m of metrics) {
    if ((await regionValues(m.indicator, m.base, m.factor)).some((r) => r.waarde != null)) return m;
  }
  return undefined;
}
