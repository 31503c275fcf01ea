/**
 * Build time: the workbench's precomputed files (see workbench-static.ts). Each is the result of the workbench's
 * own SQL in DuckDB over the warehouse — workbenchSql for a metric with every place and every year, placesCtes
 * for the groups — so the browser's first chart and DuckDB-wasm's cannot differ in what they compute.
 */
import { NL } from '../catalog/places.ts';
import { datapackage, query } from './warehouse.ts';
import { defaultState, placesCtes, sizeClassSql, workbenchSql } from './workbench-query.ts';
import type { StaticGroups, StaticMetric } from './workbench-static.ts';

function years() {
  const dp = datapackage();
  return { min: dp.temporal?.start ?? 2015, max: dp.temporal?.end ?? 2024 };
}

let codesP: Promise<string[]> | undefined;
/** Every place of the warehouse, Nederland first (a state's tokens can only name these). */
const everyPlace = () => (codesP ??= query<{ c: string }>(`SELECT geo_code AS c FROM geo ORDER BY geo_code`).then((r) => [NL, ...r.map((x) => x.c).filter((c) => c !== NL)]));

export async function staticMetric(metric: string): Promise<StaticMetric> {
  const y = years();
  const sql = workbenchSql({ ...defaultState(y), metric, places: await everyPlace(), from: y.min, to: y.max, view: 'lijnen' });
  const rows = await query(sql);
  const columns = rows.length ? Object.keys(rows[0]) : [];
  return { metric, sql, columns, rows: rows.map((r) => columns.map((c) => r[c] as string | number | null)) };
}

const gekozen = async (token: string, to: number) => (await query<{ c: string }>(`WITH ${placesCtes([token], to).join(',\n')}\nSELECT geo_code AS c FROM gekozen ORDER BY c`)).map((r) => r.c);

export async function staticGroups(): Promise<StaticGroups> {
  const y = years();
  const regions = await query<{ c: string }>(`SELECT geo_code AS c FROM geo WHERE level = 'jeugdregio' ORDER BY c`);
  const leden: Record<string, string[]> = {};
  for (const { c } of regions) leden[c] = await gekozen(`leden:${c}`, y.max);
  const klasse: StaticGroups['klasse'] = {};
  for (let to = y.min; to <= y.max; to++) {
    const rows = await query<{ geo_code: string; grootteklasse: number }>(sizeClassSql(to));
    klasse[String(to)] = Object.fromEntries(rows.map((r) => [r.geo_code, Number(r.grootteklasse)]));
  }
  return { regios: await gekozen('regios', y.max), leden, klasse };
}
