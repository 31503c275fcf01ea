/**
 * DuckDB-wasm in the browser, self-hosted and lazy: the wasm and its worker are files of this site
 * (Vite `?url` assets), loaded only when a page asks for a database. Pinned to 1.28.0 on purpose:
 * later versions load their Parquet reader as an extension from the internet, which this site must
 * never do. Extension autoloading is switched off and the extension repository points at this site.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';

/** Every warehouse table (the list of src/pipeline/datapackage.ts, which browser code cannot import; a test keeps them equal). */
export const TABLES = ['observations', 'geo', 'membership', 'indicators', 'herindelingen', 'taakvelden', 'trend_series', 'trend_comparisons'] as const;

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

export interface Db {
  db: duckdb.AsyncDuckDB;
  worker: Worker;
}

/**
 * A fresh database with the warehouse tables read from /data/<table>.parquet, and file access then off.
 * `tables`: only those a page's queries read (the workbench needs three of the five).
 */
export async function openWarehouse(tables: readonly (typeof TABLES)[number][] = TABLES): Promise<Db> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  const con = await db.connect();
  try {
    for (const stmt of [
      'SET autoinstall_known_extensions = false',
      'SET autoload_known_extensions = false',
      `SET custom_extension_repository = '${location.origin}/geen-extensies'`,
    ]) {
      await con.query(stmt).catch(() => undefined);
    }
    for (const t of tables) {
      const url = new URL(`/data/${t}.parquet`, location.href).href;
      await db.registerFileURL(`${t}.parquet`, url, duckdb.DuckDBDataProtocol.HTTP, false);
      // A table, not a view over the file: once the tables are read, file access is switched off.
      await con.query(`CREATE TABLE ${t} AS SELECT * FROM parquet_scan('${t}.parquet')`);
    }
    // No more files or URLs: read_csv(concat('https:', '//…')) would otherwise let the worker (which the
    // page's CSP does not cover) fetch from another host. DuckDB cannot switch this back on while running.
    await con.query('SET enable_external_access = false');
  } finally {
    await con.close();
  }
  return { db, worker };
}
