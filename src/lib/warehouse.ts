/**
 * Build-time access to the warehouse (design §1): the Parquet files written by `npm run build:data`,
 * queried with @duckdb/node-api. One in-memory DuckDB with one cached connection; every table is
 * loaded from its Parquet file, so chart SQL reads `observations`, `geo`, `membership`, … by name, the
 * same SQL a reader sees under "SQL" and can run on the downloaded files.
 *
 * The folder is `$JEUGDHULP_WAREHOUSE`, default `public/data` (where the pipeline writes).
 * Never imported by browser code.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { TABLES } from '../pipeline/datapackage.ts';

/** Every canonical table (src/pipeline/datapackage.ts is the one list). */
export const TABLE_NAMES = Object.keys(TABLES);

export type Row = Record<string, string | number | boolean | null>;
export type Params = Record<string, string | number | boolean | null>;

export interface GeoRow {
  geo_code: string;
  name: string;
  level: 'land' | 'jeugdregio' | 'gemeente';
  first_year: number;
  last_year: number;
}

export function warehouseDir(): string {
  return resolve(process.env.JEUGDHULP_WAREHOUSE || 'public/data');
}

export function warehouseExists(dir = warehouseDir()): boolean {
  return existsSync(resolve(dir, 'observations.parquet')) && existsSync(resolve(dir, 'geo.parquet'));
}

/** Two connections to one in-memory database: a build keeps both cores busy with small queries. */
const POOL = 2;
let conP: Promise<DuckDBConnection[]> | undefined;
let conDir: string | undefined;

async function open(dir: string): Promise<DuckDBConnection[]> {
  if (!warehouseExists(dir)) {
    throw new Error(
      `warehouse not found in ${dir}: run \`npm run build:data\` first, or point JEUGDHULP_WAREHOUSE at a folder with observations.parquet and geo.parquet`,
    );
  }
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const con = await instance.connect();
  for (const t of TABLE_NAMES) {
    const file = resolve(dir, `${t}.parquet`);
    // Loaded into memory once: a build runs thousands of small queries, and re-reading Parquet for each
    // one was most of their cost. The SQL is the same a reader runs on the downloaded files.
    if (existsSync(file)) await con.run(`CREATE TABLE ${t} AS SELECT * FROM read_parquet('${file.replaceAll("'", "''")}')`);
  }
  // membership and herindelingen may be missing from an early warehouse: keep the SQL valid.
  if (!existsSync(resolve(dir, 'membership.parquet'))) {
    await con.run('CREATE TABLE membership (gemeente_code VARCHAR, jeugdregio_code VARCHAR, year INTEGER)');
  }
  const pool = [con];
  while (pool.length < POOL) pool.push(await instance.connect());
  return pool;
}

/** The cached connections (per warehouse folder; reopened if JEUGDHULP_WAREHOUSE changes, e.g. in tests). */
function connections(): Promise<DuckDBConnection[]> {
  const dir = warehouseDir();
  if (!conP || conDir !== dir) {
    conDir = dir;
    conP = open(dir);
    conP.catch(() => {
      conP = undefined;
    });
  }
  return conP;
}

/** One queue per connection: a connection runs one query at a time; a new query takes the shortest queue. */
const queues: { tail: Promise<unknown>; pending: number }[] = Array.from({ length: POOL }, () => ({ tail: Promise.resolve(), pending: 0 }));

/** Only the parameters the statement names ($geo, $year …): DuckDB rejects unused ones. */
function usedParams(sql: string, params: Params): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(params)) if (new RegExp(`\\$${k}\\b`).test(sql)) out[k] = v;
  return out;
}

function plain(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return Number.isNaN(v) ? null : v;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/**
 * Run SQL with named parameters ($geo …) and return plain JS rows (BIGINT → number, NaN → null).
 * Up to two queries run at once, each on its own connection.
 */
export async function query<T extends Row = Row>(sql: string, params: Params = {}): Promise<T[]> {
  const i = queues[0].pending <= queues[1].pending ? 0 : 1;
  const q = queues[i];
  const run = async () => {
    const con = (await connections())[i];
    const reader = await con.runAndReadAll(sql, usedParams(sql, params) as never);
    return reader.getRowObjectsJS().map((r) => {
      const o: Row = {};
      for (const [k, v] of Object.entries(r)) o[k] = plain(v);
      return o as T;
    });
  };
  q.pending++;
  const p = q.tail.then(run, run).finally(() => q.pending--);
  q.tail = p.catch(() => undefined);
  return p;
}

export interface DataPackageInfo {
  sample: boolean;
  /** Built from the generated test world (tests/world): nothing on the site is a real figure. */
  synthetic: boolean;
  boundary_year?: number;
  temporal?: { start: number; end: number } | null;
  title?: string;
}

let parsed: { key: string; value: Record<string, any> } | undefined;

/** The whole datapackage.json of the warehouse (the /data page lists its resources and sources); shared, read only. */
export function datapackageFull(dir = warehouseDir()): Readonly<Record<string, any>> | null {
  const file = resolve(dir, 'datapackage.json');
  if (!existsSync(file)) return null;
  // Every page reads it (the sample and synthetic marks): parsed once per version of the file.
  const st = statSync(file);
  const key = `${file}|${st.mtimeMs}|${st.size}`;
  if (parsed?.key !== key) parsed = { key, value: JSON.parse(readFileSync(file, 'utf8')) };
  return parsed.value;
}

export function datapackage(dir = warehouseDir()): DataPackageInfo {
  const d = datapackageFull(dir);
  if (!d) return { sample: false, synthetic: false };
  return { sample: d.sample === true, synthetic: d.synthetic === true, boundary_year: d.boundary_year, temporal: d.temporal, title: d.title };
}

// ---- geography helpers (pages and getStaticPaths) -------------------------------------------

let geoCache: { dir: string; rows: Promise<GeoRow[]> } | undefined;

export function allGeo(): Promise<GeoRow[]> {
  const dir = warehouseDir();
  if (!geoCache || geoCache.dir !== dir) {
    geoCache = {
      dir,
      rows: query<GeoRow & Row>(
        'SELECT geo_code, name, level, first_year, last_year FROM geo ORDER BY level, name COLLATE nocase, geo_code',
      ) as Promise<GeoRow[]>,
    };
  }
  return geoCache.rows;
}

export async function getGeo(code: string): Promise<GeoRow | undefined> {
  return (await allGeo()).find((g) => g.geo_code === code);
}

/** The newest year any code is valid in: "current" means last_year equals it. */
export async function currentYear(): Promise<number> {
  return Math.max(...(await allGeo()).map((g) => g.last_year));
}

export async function currentGemeenten(): Promise<GeoRow[]> {
  const y = await currentYear();
  return (await allGeo()).filter((g) => g.level === 'gemeente' && g.last_year >= y);
}

export async function jeugdregios(): Promise<GeoRow[]> {
  return (await allGeo()).filter((g) => g.level === 'jeugdregio');
}

export interface Member {
  code: string;
  name: string;
  first: number;
  last: number;
  /** Years as a Dutch range list: "2015–2021, 2024". */
  years: string;
  current: boolean;
}

function yearRanges(years: number[]): string {
  const ys = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = ys[0];
  for (let i = 1; i <= ys.length; i++) {
    if (i === ys.length || ys[i] !== ys[i - 1] + 1) {
      const end = ys[i - 1];
      parts.push(start === end ? `${start}` : `${start}–${end}`);
      start = ys[i];
    }
  }
  return parts.join(', ');
}

/** Gemeenten that belonged to a jeugdregio, with the years they did. */
export async function membersOf(regionCode: string): Promise<Member[]> {
  const rows = await query<{ code: string; name: string; year: number }>(
    `SELECT m.gemeente_code AS code, coalesce(g.name, m.gemeente_code) AS name, m.year AS year
     FROM membership m LEFT JOIN geo g ON g.geo_code = m.gemeente_code
     WHERE m.jeugdregio_code = $geo ORDER BY name, year`,
    { geo: regionCode },
  );
  const maxYear = await membershipMaxYear();
  const by = new Map<string, { name: string; years: number[] }>();
  for (const r of rows) {
    const e = by.get(r.code) ?? { name: r.name, years: [] };
    e.years.push(r.year);
    by.set(r.code, e);
  }
  return [...by.entries()]
    .map(([code, e]) => ({
      code,
      name: e.name,
      first: Math.min(...e.years),
      last: Math.max(...e.years),
      years: yearRanges(e.years),
      current: Math.max(...e.years) >= maxYear,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current) || a.name.localeCompare(b.name, 'nl'));
}

let maxMemberYear: Promise<number> | undefined;
async function membershipMaxYear(): Promise<number> {
  maxMemberYear ??= query<{ y: number }>('SELECT max(year) AS y FROM membership').then((r) => r[0]?.y ?? 0);
  return maxMemberYear;
}

let newestRegions: { dir: string; byGemeente: Promise<Map<string, string>> } | undefined;

/** The jeugdregio a gemeente belongs to in the newest year of the membership table. */
export async function regionOf(gemeenteCode: string): Promise<GeoRow | undefined> {
  const dir = warehouseDir();
  // One query for every gemeente: a build asks this for each of its pages.
  if (!newestRegions || newestRegions.dir !== dir) {
    newestRegions = {
      dir,
      byGemeente: query<{ gm: string; jz: string }>(
        'SELECT gemeente_code AS gm, jeugdregio_code AS jz FROM membership QUALIFY row_number() OVER (PARTITION BY gemeente_code ORDER BY year DESC) = 1',
      ).then((rows) => new Map(rows.map((r) => [r.gm, r.jz]))),
    };
  }
  const code = (await newestRegions.byGemeente).get(gemeenteCode);
  return code ? getGeo(code) : undefined;
}

/** Map outlines the pipeline wrote (jeugdregio.geojson / gemeente.geojson), or null when the data had none. */
export function geometry(level: 'jeugdregio' | 'gemeente', dir = warehouseDir()): { type: 'FeatureCollection'; features: { properties: { code: string; name: string }; geometry: unknown }[] } | null {
  const file = resolve(dir, `${level}.geojson`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}
