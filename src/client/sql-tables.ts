/**
 * Which warehouse tables a query reads, so the browser fetches only those (issue 15: the console's first
 * answer). Pure: unit-tested in Node.
 */

/** Every warehouse table (the list of src/pipeline/datapackage.ts, which browser code cannot import; a test keeps them equal). */
export const TABLES = ['observations', 'geo', 'membership', 'indicators', 'herindelingen', 'taakvelden', 'trend_series', 'trend_comparisons'] as const;
export type Table = (typeof TABLES)[number];

/** The tables the workbench's SQL reads (src/lib/workbench-query.ts): observations, geo and membership. */
export const WORKBENCH_TABLES: readonly Table[] = ['observations', 'geo', 'membership'];
/**
 * The columns of observations that SQL reads: its source, source_file and flag texts are most of the table's
 * bytes and never used there (the console, which runs anyone's SQL, reads every column).
 */
export const WORKBENCH_COLUMNS: Partial<Record<Table, readonly string[]>> = { observations: ['indicator', 'geo_code', 'period', 'value', 'status', 'boundary_year'] };

/** Statements that look at the catalogue rather than at named tables: they get every table. */
const CATALOGUE = /\b(show|tables|information_schema|duckdb_[a-z_]+|pragma|sqlite_master)\b/;

/**
 * The tables a query names, as whole words anywhere in it (quoted identifiers, comments and strings
 * included): naming one too many only fetches a small file more, missing one would fail the query. A
 * query that lists the catalogue (SHOW TABLES, information_schema, PRAGMA show_tables…) gets all of them.
 */
export function tablesNamed(sql: string): Table[] {
  const text = sql.toLowerCase();
  if (CATALOGUE.test(text)) return [...TABLES];
  return TABLES.filter((t) => new RegExp(`(^|[^a-z0-9_])${t}($|[^a-z0-9_])`).test(text));
}
