/**
 * DuckDB-wasm in the browser, self-hosted and lazy: the wasm and its worker are files of this site
 * (Vite `?url` assets, hashed names), loaded only by the pages that ask for a database. Pinned to 1.28.0
 * on purpose: later versions load their Parquet reader as an extension from the internet, which this site
 * must never do. Extension autoloading is switched off and the extension repository points at this site.
 *
 * Speed (issues 15 and 17): the worker and the wasm start as soon as a page calls startDuckDB(), before
 * any query; the Parquet files a query names are fetched by the page, all at once and in parallel with
 * the wasm's compilation, and handed to DuckDB as buffers (no HTTP range requests from the worker, one
 * after the other). Only then is file access switched off.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { tablesNamed, TABLES, type Table } from './sql-tables.ts';

export { TABLES, type Table };

// eh (wasm exceptions, 18.1 MB) is both smaller and faster than mvp (22.1 MB); selectBundle() takes eh
// wherever the browser has wasm exceptions (every current browser) and mvp only as the fallback.
const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

export interface Db {
  db: duckdb.AsyncDuckDB;
  worker: Worker;
}

const mark = (name: string) => performance.mark(name);

/** Per table the columns to read (all when absent): a page whose SQL it writes itself needs fewer. */
export type Columns = Partial<Record<Table, readonly string[]>>;

/** A worker with DuckDB instantiated and extensions off; no tables yet, file access still on. */
export async function startDuckDB(): Promise<Db> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  mark('duckdb-worker');
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  mark('duckdb-instantiated');
  const con = await db.connect();
  try {
    for (const stmt of [
      'SET autoinstall_known_extensions = false',
      'SET autoload_known_extensions = false',
      `SET custom_extension_repository = '${location.origin}/geen-extensies'`,
    ]) {
      await con.query(stmt).catch(() => undefined);
    }
  } finally {
    await con.close();
  }
  return { db, worker };
}

/** Starts fetching /data/<table>.parquet for each table now (the page's own fetch: parallel, in the page's CSP). */
export function fetchTables(tables: readonly Table[]): Map<Table, Promise<Uint8Array>> {
  const files = new Map<Table, Promise<Uint8Array>>(
    tables.map((t): [Table, Promise<Uint8Array>] => [
      t,
      fetch(new URL(`/data/${t}.parquet`, location.href)).then(async (r) => {
        if (!r.ok) throw new Error(`/data/${t}.parquet: HTTP ${r.status}`);
        return new Uint8Array(await r.arrayBuffer());
      }),
    ]),
  );
  // A failed fetch is reported by loadTables(); unread (the database failed first), it is no uncaught error.
  for (const p of files.values()) p.catch(() => undefined);
  return files;
}

/**
 * Reads the fetched files into tables (tables, not views over the files: once they are read, file access
 * can be switched off), in one round trip to the worker.
 */
export async function loadTables({ db }: Db, files: Map<Table, Promise<Uint8Array>>, columns: Columns = {}): Promise<void> {
  const tables = [...files.keys()];
  if (!tables.length) return;
  const bytes = await Promise.all(tables.map((t) => files.get(t)!));
  await Promise.all(tables.map((t, i) => db.registerFileBuffer(`${t}.parquet`, bytes[i])));
  const con = await db.connect();
  try {
    await con.query(tables.map((t) => `CREATE TABLE ${t} AS SELECT ${columns[t]?.join(', ') ?? '*'} FROM parquet_scan('${t}.parquet');`).join('\n'));
  } finally {
    await con.close();
  }
  await Promise.all(tables.map((t) => db.dropFile(`${t}.parquet`).catch(() => undefined)));
  mark('duckdb-tables');
}

/**
 * No more files or URLs: read_csv(concat('https:', '//…')) would otherwise let the worker (which the page's
 * CSP does not cover) fetch from another host. DuckDB cannot switch this back on while running.
 */
export async function lockFiles({ db }: Db): Promise<void> {
  const con = await db.connect();
  try {
    await con.query('SET enable_external_access = false');
  } finally {
    await con.close();
  }
  mark('duckdb-locked');
}

/**
 * A database with the given warehouse tables and file access off: the files are fetched while DuckDB starts.
 * `tables`: only those a page's queries read (the workbench needs three); `columns`: see Columns.
 */
export async function openWarehouse(tables: readonly Table[] = TABLES, columns: Columns = {}): Promise<Db> {
  const files = fetchTables(tables);
  const db = await startDuckDB();
  await loadTables(db, files, columns);
  await lockFiles(db);
  return db;
}

export { tablesNamed };
