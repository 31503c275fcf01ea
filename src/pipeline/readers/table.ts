import { InputError } from '../errors.ts';
import { duck, sqlString } from '../duckdb.ts';
import { readCsv } from './csv.ts';
import { checkCellText, decodeText } from './text.ts';

/** A generic table of text cells as the CBS APIs deliver them (v3 TypedDataSet, v4 Observations). */
export interface RawTable {
  file: string;
  columns: string[];
  /** `line`: line in a CSV file, or 1-based row number in JSON and Parquet. */
  rows: { line: number; cells: Record<string, unknown> }[];
}

/**
 * Read one API table copy, whatever container it came in: Parquet, CSV (comma, header) or JSON
 * (the API body `{"value": [...]}` or a bare array). The format is the same; only the envelope differs.
 */
export async function readApiTable(
  path: string,
  bytes: Uint8Array,
  file: string,
  required: string[],
  only?: { column: string; values: string[] },
): Promise<RawTable> {
  let table: RawTable;
  if (file.endsWith('.parquet')) table = await readParquet(path, bytes, file, only);
  else if (file.endsWith('.json')) table = readJsonRows(bytes, file);
  else {
    const csv = readCsv(bytes, file, { delimiter: ',', required, allowEmpty: true });
    table = { file, columns: csv.header, rows: csv.rows.map((r) => ({ line: r.line, cells: r.values })) };
  }
  // readCsv checked its own cells; JSON and Parquet text gets the same check here, so every reader has it.
  if (!file.endsWith('.csv')) {
    for (const c of table.columns) checkCellText(c, { file, column: c });
    for (const { line, cells } of table.rows) {
      for (const c in cells) {
        const v = cells[c];
        if (typeof v === 'string') checkCellText(v, { file, line, column: c });
      }
    }
  }
  // A JSON body without rows has no columns to check; the reader says the table is empty.
  const unknowable = file.endsWith('.json') && !table.rows.length;
  for (const col of unknowable ? [] : required) {
    if (!table.columns.includes(col)) {
      throw new InputError({ file, column: col }, `column "${col}" is missing (columns: ${table.columns.join(', ')})`, `a column named "${col}"`);
    }
  }
  return table;
}

/** `only` filters rows in the query; row numbers stay those of the file. */
async function readParquet(path: string, bytes: Uint8Array, file: string, only?: { column: string; values: string[] }): Promise<RawTable> {
  // Parquet files end in the magic bytes "PAR1"; a truncated download does not.
  const magic = (o: number) => String.fromCharCode(...bytes.subarray(o, o + 4));
  if (bytes.length < 12 || magic(0) !== 'PAR1' || magic(bytes.length - 4) !== 'PAR1') {
    throw new InputError({ file }, bytes.length < 12 ? 'the file is too short to be Parquet' : 'the Parquet file is truncated or not Parquet (no PAR1 footer)', 'a complete Parquet file');
  }
  const con = await duck();
  try {
    const where = only?.values.length ? `WHERE "${only.column}" IN (${only.values.map(sqlString).join(', ')})` : only ? 'WHERE false' : '';
    const reader = await con.runAndReadAll(`SELECT row_number() OVER () AS __row, * FROM read_parquet(${sqlString(path)}) QUALIFY true ${where.replace('WHERE', 'AND')}`.replace('QUALIFY true AND', 'QUALIFY'));
    const columns = reader.columnNames().filter((c) => c !== '__row');
    // Columns, not getRowObjectsJS(): building row objects in the driver is ~10× slower.
    const data = reader.getColumnsJS();
    const names = reader.columnNames();
    const rows: RawTable['rows'] = [];
    const n = data[0]?.length ?? 0;
    for (let i = 0; i < n; i++) {
      const cells: Record<string, unknown> = {};
      for (let j = 1; j < names.length; j++) cells[names[j]] = data[j][i];
      rows.push({ line: Number(data[0][i]), cells });
    }
    return { file, columns, rows };
  } catch (e) {
    throw new InputError({ file }, `DuckDB could not read it (${(e as Error).message.split('\n')[0]})`, 'a readable Parquet file');
  }
}

function readJsonRows(bytes: Uint8Array, file: string): RawTable {
  const text = decodeText(bytes, file);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : undefined;
    throw new InputError({ file, line }, `invalid JSON (${(e as Error).message})`, 'a JSON array of rows or an OData body {"value": [...]}');
  }
  const rows = Array.isArray(body) ? body : (body as { value?: unknown })?.value;
  if (!Array.isArray(rows)) throw new InputError({ file }, 'JSON without a row array', 'a JSON array of rows or an OData body {"value": [...]}');
  const columns = new Set<string>();
  rows.forEach((r, i) => {
    if (r === null || typeof r !== 'object' || Array.isArray(r)) throw new InputError({ file, line: i + 1 }, 'a row that is not an object', 'objects with one property per column');
    for (const k of Object.keys(r)) columns.add(k);
  });
  return { file, columns: [...columns], rows: rows.map((cells, i) => ({ line: i + 1, cells })) };
}

/** A cell as trimmed text; null for absent, null and empty cells. */
export function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}
