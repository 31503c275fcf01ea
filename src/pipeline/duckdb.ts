import type { DuckDBConnection } from '@duckdb/node-api';

let conP: Promise<DuckDBConnection> | undefined;

/**
 * One in-memory DuckDB per process: the pipeline reads Parquet and writes Parquet through it. Loaded on
 * first use, so a run that stops early on bad input does not pay for loading the native library.
 */
export function duck(): Promise<DuckDBConnection> {
  return (conP ??= import('@duckdb/node-api').then(({ DuckDBInstance }) => DuckDBInstance.create(':memory:', { threads: '2' })).then((db) => db.connect()));
}

/** Quote a string as a SQL literal (file paths go into read_parquet / COPY). */
export const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;
