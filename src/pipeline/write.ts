import { isAlive } from '../shared/pid-lock.ts';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { constants as zlib, gzipSync } from 'node:zlib';
import type { Warehouse } from './build.ts';
import { datapackage, TABLES, type TableSpec } from './datapackage.ts';
import { duck, sqlString } from './duckdb.ts';
import { toDelimited, type Dialect } from '../shared/delimited.ts';
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
    taakvelden: w.taakvelden as unknown as Row[],
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
  recoverOutput(out);
  const { dir, prefix } = tempPlace(out);
  const tmp = join(dir, `${prefix}${process.pid}`);
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
    // Text downloads also as .gz: observations.csv of the real files is 5 MB, 0,4 MB gzipped. Parquet is
    // compressed inside (zstd) already.
    for (const f of written.filter((x) => !x.endsWith('.parquet'))) {
      writeFileSync(join(tmp, `${f}.gz`), gzipped(readFileSync(join(tmp, f))));
      written.push(`${f}.gz`);
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

/** gzip at the highest level; the header carries no time or name, so the same input gives the same bytes. */
export function gzipped(b: Buffer): Buffer {
  return gzipSync(b, { level: zlib.Z_BEST_COMPRESSION });
}

/**
 * Where the temp folder of an output goes: beside it, on the same file system (so the final renames are
 * atomic); but never inside a folder named `public`, which the site copies as it is into dist/ (the
 * default output public/data would publish a half-written `.data.tmp-<pid>`). There it goes beside
 * that `public` folder instead, named after the path (`.public-data.tmp-<pid>`).
 */
export function tempPlace(out: string): { dir: string; prefix: string } {
  let dir = dirname(out);
  for (let d = dirname(out); dirname(d) !== d; d = dirname(d)) if (basename(d) === 'public') dir = dirname(d);
  return { dir, prefix: `.${relative(dir, out).split(sep).join('-')}.tmp-` };
}



/**
 * Clear up after runs that were killed: their temp folders (`<prefix><pid>`, possibly half-written) are
 * removed, and if a run died between its two final renames (the old output set aside as `<prefix><pid>.old`,
 * the new one not yet in place) the aside copy becomes the output again. Folders of live processes are
 * left alone: another build may be writing. Returns what it did, for tests and messages.
 */
export function recoverOutput(outDir: string): { removed: string[]; restored: string | null } {
  const out = resolve(outDir);
  const { dir, prefix } = tempPlace(out);
  const places: [string, string][] = [[dir, prefix]];
  // Also where earlier versions put them: beside the output, inside public/.
  if (dirname(out) !== dir) places.push([dirname(out), `.${basename(out)}.tmp-`]);
  const stale: { path: string; aside: boolean; mtime: number }[] = [];
  for (const [d, pre] of places) {
    if (!existsSync(d)) continue;
    for (const name of readdirSync(d)) {
      if (!name.startsWith(pre)) continue;
      const m = /^(\d+)(\.old)?$/.exec(name.slice(pre.length));
      if (!m || Number(m[1]) === process.pid || isAlive(Number(m[1]))) continue;
      const path = join(d, name);
      stale.push({ path, aside: Boolean(m[2]), mtime: statSync(path).mtimeMs });
    }
  }
  let restored: string | null = null;
  if (!existsSync(out)) {
    // The newest aside copy is the output the killed run was replacing.
    const aside = stale.filter((s) => s.aside).sort((a, b) => b.mtime - a.mtime)[0];
    if (aside) {
      renameSync(aside.path, out);
      restored = aside.path;
    }
  }
  const removed: string[] = [];
  for (const s of stale) {
    if (s.path === restored) continue;
    rmSync(s.path, { recursive: true, force: true });
    removed.push(s.path);
  }
  return { removed, restored };
}

/** Replace `out` by `tmp` with two renames; `between` is for tests that kill a run at that moment. */
export function swapIn(tmp: string, out: string, between: () => void = () => {}) {
  const old = `${tmp}.old`;
  if (existsSync(out)) renameSync(out, old);
  between();
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
