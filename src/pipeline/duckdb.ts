import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

let conP: Promise<DuckDBConnection> | undefined;

/** One in-memory DuckDB per process: the pipeline reads Parquet and writes Parquet through it. */
export function duck(): Promise<DuckDBConnection> {
  return (conP ??= DuckDBInstance.create(':memory:', { threads: '2' }).then((db) => db.connect()));
}

/** Quote a string as a SQL literal (file paths go into read_parquet / COPY). */
export const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;
