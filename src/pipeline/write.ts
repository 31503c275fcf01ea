import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Warehouse } from './build.ts';
import { datapackage, TABLES, type TableSpec } from './datapackage.ts';
import { duck, sqlString } from './duckdb.ts';
import { toDelimited, type Dialect } from './delimited.ts';
import { toGeoJson } from './readers/boundaries.ts';

type Row = Record<string, string | number | boolean | null>;

/** The rows of each canonical table, in the column order of its spec. */
export function tableRows(w: Warehouse): Record<string, Row[]> {
  return {
    observations: w.observations as unknown as Row[],
    geo: w.geography.geo as unknown as Row[],
    membership: w.geography.membership as unknown as Row[],
    indicators: TABLES.indicators.rows!() as Row[],
    herindelingen: w.crosswalk as unknown as Row[],
    trend_series: w.trends.series as unknown as Row[],
    trend_comparisons: w.trends.comparisons as unknown as Row[],
  };
}

/**
 * Write the warehouse into `outDir` atomically: everything goes into a sibling temp folder first, which
 * replaces the old output with two renames only once every file is complete. A failure at any point
 * leaves the previous output as it was.
 */
export async function writeWarehouse(w: Warehouse, outDir: string): Promise<string[]> {
  const out = resolve(outDir);
  mkdirSync(dirname(out), { recursive: true });
  const tmp = join(dirname(out), `.${basename(out)}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    const rows = tableRows(w);
    const written: string[] = [];
    for (const [name, spec] of Object.entries(TABLES)) {
      await writeParquet(join(tmp, `${name}.parquet`), spec, rows[name]);
      writeFileSync(join(tmp, `${name}.csv`), toCsv(spec, rows[name], 'international'));
      writeFileSync(join(tmp, `${name}.excel-nl.csv`), toCsv(spec, rows[name], 'excel-nl'));
      written.push(`${name}.parquet`, `${name}.csv`, `${name}.excel-nl.csv`);
    }
    for (const g of w.geometry) {
      writeFileSync(join(tmp, `${g.level}.geojson`), toGeoJson(g.regions));
      written.push(`${g.level}.geojson`);
    }
    const hashes = Object.fromEntries(written.map((f) => [f, sha256(readFileSync(join(tmp, f)))]));
    const sizes = Object.fromEntries(written.map((f) => [f, readFileSync(join(tmp, f)).length]));
    writeFileSync(join(tmp, 'datapackage.json'), `${JSON.stringify(datapackage(w, hashes, sizes), null, 2)}\n`);
    written.push('datapackage.json');
    swapIn(tmp, out);
    return written;
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

function swapIn(tmp: string, out: string) {
  const old = `${tmp}.old`;
  if (existsSync(out)) renameSync(out, old);
  try {
    renameSync(tmp, out);
  } catch (e) {
    if (existsSync(old)) renameSync(old, out);
    throw e;
  }
  rmSync(old, { recursive: true, force: true });
}

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const SQL_TYPE = { string: 'VARCHAR', integer: 'INTEGER', number: 'DOUBLE', boolean: 'BOOLEAN' } as const;

async function writeParquet(path: string, spec: TableSpec, rows: Row[]) {
  const con = await duck();
  const table = `w_${basename(path, '.parquet')}`;
  const cols = spec.fields.map((f) => `"${f.name}" ${SQL_TYPE[f.type]}`).join(', ');
  await con.run(`CREATE OR REPLACE TEMP TABLE ${table} (${cols})`);
  const appender = await con.createAppender(table);
  for (const r of rows) {
    for (const f of spec.fields) {
      const v = r[f.name];
      if (v === null || v === undefined) appender.appendNull();
      else if (f.type === 'string') appender.appendVarchar(String(v));
      else if (f.type === 'integer') appender.appendInteger(Number(v));
      else if (f.type === 'number') appender.appendDouble(Number(v));
      else appender.appendBoolean(Boolean(v));
    }
    appender.endRow();
  }
  appender.closeSync();
  // Rows arrive sorted; one thread and insertion order keep the file byte-identical between runs.
  await con.run('SET threads = 1');
  try {
    await con.run(`COPY ${table} TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)`);
  } finally {
    await con.run('SET threads = 2');
    await con.run(`DROP TABLE ${table}`);
  }
}

/** A canonical table in one of the two CSV dialects (see delimited.ts). */
export function toCsv(spec: TableSpec, rows: Row[], dialect: Dialect): string {
  return toDelimited(spec.fields, rows, dialect);
}
