/**
 * Real CBS responses for the replay server, read from ../shared/data (never copied into the repository):
 * captured bodies served byte for byte where they are JSON, and the Parquet captures (statline-bq's
 * 84799NED, datavakwerk's Gebieden and 70072ned) re-serialised into the API's JSON rows with every value
 * unchanged. Only what no capture holds is written here, and said so: the v4 Properties of Gebieden and
 * 70072ned (identifier, title, modification date, row count).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Row, V3Table, V4Table } from './fake-cbs.ts';

export const SHARED_DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
export const CAPTURES = join(SHARED_DATA, 'cbs-captures');
const V3JL = join(CAPTURES, 'v3-cbsodata3jl/test');
const KWB = join(CAPTURES, 'v3-statline-bq/84799NED');
const POP = join(CAPTURES, 'v4-checkdecijfers-03759ned');
const GEBIEDEN = join(SHARED_DATA, 'raw/datavakwerk-cbs-gebieden');
const KERNCIJFERS = join(SHARED_DATA, 'raw/datavakwerk-cbs-70072ned');

export const HAVE_CAPTURES = [V3JL, KWB, POP, GEBIEDEN, KERNCIJFERS].every((d) => existsSync(d));
export const SKIPPED = HAVE_CAPTURES ? '' : ' (skipped: ../shared/data/cbs-captures or ../shared/data/raw is absent)';

/** Rows of a Parquet file as JSON rows: BIGINT → number (ids and counts fit), everything else as stored. */
export async function parquetRows(path: string): Promise<Row[]> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    const rows = (await c.runAndReadAll(`SELECT * FROM read_parquet('${path.replace(/'/g, "''")}')`)).getRowObjects();
    return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

/** 83599NED UntypedDataSet: two real pages (10 000 + 5 504 rows) joined by CBS's own absolute `odata.nextLink`. */
export function paging83599() {
  const first = readFileSync(join(V3JL, 'tables_2.json'));
  const second = readFileSync(join(V3JL, 'tables_3.json'));
  return {
    bodies: {
      // The request as PROVENANCE.txt gives it, and the next link exactly as CBS wrote it (moved onto the mirror).
      '/opendata/ODataFeed/OData/83599NED/UntypedDataSet?$format=json': first,
      '/opendata/ODataFeed/OData/83599NED/UntypedDataSet/?$format=json&$skip=10000': second,
    },
    rows: [...JSON.parse(first.toString('utf8')).value, ...JSON.parse(second.toString('utf8')).value] as Row[],
  };
}

/** KWB 2020 (84799NED) as the v3 ODataApi/ODataFeed would send it: statline-bq's Parquet, values unchanged. */
export async function kwb84799(): Promise<V3Table> {
  // statline-bq wrote the OData `odata.type` key as `odata_type`; it goes back under its own name.
  const props = (await parquetRows(join(KWB, 'cbs.v3.84799NED_DataProperties.parquet'))).map(({ odata_type, ...p }) => ({ 'odata.type': odata_type, ...p }));
  return {
    infos: JSON.parse(readFileSync(join(KWB, 'cbs.v3.84799NED_Metadata.json'), 'utf8')),
    props,
    dims: { WijkenEnBuurten: await parquetRows(join(KWB, 'cbs.v3.84799NED_WijkenEnBuurten.parquet')) },
    rows: await parquetRows(join(KWB, 'cbs.v3.84799NED_TypedDataSet.parquet')),
  };
}

/**
 * 03759ned: Properties, Dimensions, MeasureCodes and every code list served as captured, byte for byte;
 * Observations from the captured page (13 568 rows: Leeftijd 10000 only), filtered per request.
 */
export function population03759() {
  const index = JSON.parse(readFileSync(join(POP, 'index.json'), 'utf8')) as { files: Record<string, string> };
  const bodies: Record<string, Buffer> = {};
  const base = '/datasets/odata/v1/CBS/03759ned';
  for (const [what, file] of Object.entries(index.files)) {
    const entity = what === 'properties' ? 'Properties' : what === 'dimensions' ? 'Dimensions' : what === 'measure-codes' ? 'MeasureCodes' : `${what.replace(/^codes-/, '')}Codes`;
    bodies[`${base}/${entity}`] = readFileSync(join(POP, file));
  }
  const parsed = (f: string) => JSON.parse(readFileSync(join(POP, f), 'utf8'));
  const observations = parsed('observations-page-1.json').value as Row[];
  const table: V4Table = { properties: parsed('properties.json'), measures: [], dimensions: [], codes: {}, observations };
  return { bodies, table, codes: (dim: string) => parsed(`codes-${dim}.json`).value as Row[] };
}

/** datavakwerk keeps every v4 column as text: the API's numbers come back as numbers, nothing else changes. */
const v4Row = (r: Row): Row => ({ ...r, Id: Number(r.Id), Value: r.Value === null ? null : Number(r.Value) });
const v4Code = (r: Row): Row => ({ ...r, ...(r.Index != null ? { Index: Number(r.Index) } : {}), ...(r.Decimals != null ? { Decimals: Number(r.Decimals) } : {}) });

/** Gebieden in Nederland <year>: datavakwerk's Observations and MeasureCodes (57 measures). */
export async function gebieden(year: number, table: string): Promise<V4Table> {
  const observations = (await parquetRows(join(GEBIEDEN, `cbs_gebieden_${year}.parquet`))).map(v4Row);
  return {
    // Not captured: written here (the fetch reads Identifier/Title/Modified/ObservationCount only).
    properties: { Identifier: table, Title: `Gebieden in Nederland ${year}`, Modified: `${year}-01-01T00:00:00`, ObservationCount: observations.length },
    measures: (await parquetRows(join(GEBIEDEN, 'cbs_gebieden_measurecodes.parquet'))).map(v4Code),
    dimensions: [{ Identifier: 'RegioS', Title: "Regio's", Kind: 'GeoDimension' }],
    codes: {},
    observations,
  };
}

/** 70072ned Regionale kerncijfers: datavakwerk's Observations (gemeenten, 2015–2026), MeasureCodes, PeriodenCodes (Status null), RegioCodes. */
export async function kerncijfers70072(): Promise<V4Table> {
  const observations = (await parquetRows(join(KERNCIJFERS, 'cbs_70072ned_motorvoertuigen_gemeente.parquet'))).map(v4Row);
  return {
    properties: { Identifier: '70072ned', Title: 'Regionale kerncijfers Nederland', Modified: '2026-01-01T00:00:00', ObservationCount: observations.length },
    measures: (await parquetRows(join(KERNCIJFERS, 'cbs_70072ned_measurecodes.parquet'))).map(v4Code),
    dimensions: [{ Identifier: 'RegioS', Title: "Regio's", Kind: 'GeoDimension' }, { Identifier: 'Perioden', Title: 'Perioden', Kind: 'TimeDimension' }],
    codes: {
      RegioS: (await parquetRows(join(KERNCIJFERS, 'cbs_70072ned_regiocodes.parquet'))).map(v4Code),
      Perioden: (await parquetRows(join(KERNCIJFERS, 'cbs_70072ned_periodencodes.parquet'))).map(v4Code),
    },
    observations,
  };
}
