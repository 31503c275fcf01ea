/**
 * The two CSV dialects of every download (warehouse tables and the data behind a chart): international
 * (comma, decimal point, UTF-8) for R, Python and DuckDB; Dutch Excel (semicolon, decimal comma, UTF-8
 * with BOM so Excel reads "Súdwest-Fryslân" correctly, CRLF). Pure: used by the pipeline and the site.
 */
export type Dialect = 'international' | 'excel-nl';
export type Cell = string | number | boolean | null | undefined;

export interface Column {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  /** Round numbers to this many decimals when written (downloads show a figure's precision; Parquet keeps all). */
  digits?: number;
}

export function toDelimited(columns: Column[], rows: Record<string, Cell>[], dialect: Dialect): string {
  const sep = dialect === 'international' ? ',' : ';';
  const eol = dialect === 'international' ? '\n' : '\r\n';
  const cell = (v: Cell, type: Column['type'], digits?: number): string => {
    if (v === null || v === undefined) return '';
    let s = typeof v === 'number' ? plainNumber(digits === undefined ? v : roundTo(v, digits)) : formulaSafe(String(v));
    if (dialect === 'excel-nl' && type === 'number') s = s.replace('.', ',');
    return /[",;\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const lines = [columns.map((c) => c.name).join(sep)];
  for (const r of rows) lines.push(columns.map((c) => cell(r[c.name], c.type, c.digits)).join(sep));
  return (dialect === 'excel-nl' ? '\ufeff' : '') + lines.join(eol) + eol;
}

/**
 * A text cell that a spreadsheet would run as a formula (OWASP "CSV injection": = + - @ tab CR first)
 * gets a leading apostrophe, so Excel and LibreOffice show it as text. Never a number: numbers arrive as
 * numbers (typeof), and a plain number that arrives as text (a DECIMAL from the SQL console) cannot run.
 */
export function formulaSafe(s: string): string {
  return /^[=+\-@\t\r]/.test(s) && !/^[-+]?\d+([.,]\d+)?$/.test(s) ? `'${s}` : s;
}

/** Half away from zero, without binary surprises (1.005 → 1.01); never "-0". */
export function roundTo(v: number, digits: number): number {
  const f = 10 ** digits;
  const r = (Math.sign(v) * Math.round(Math.abs(v) * f * (1 + Number.EPSILON))) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** Plain decimal notation: no exponent, so 1.5e-7 or 5.72e9 never reach a spreadsheet. */
export function plainNumber(v: number): string {
  if (Number.isInteger(v)) return v.toFixed(0);
  const s = String(v);
  return /e/i.test(s) ? v.toFixed(10).replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Column types of query rows: a column is a number when every non-null value is. */
export function columnsOf(names: string[], rows: Record<string, Cell>[]): Column[] {
  return names.map((name) => {
    const vals = rows.map((r) => r[name]).filter((v) => v !== null && v !== undefined);
    const type = vals.length && vals.every((v) => typeof v === 'number') ? (vals.every((v) => Number.isInteger(v)) ? 'integer' : 'number') : 'string';
    return { name, type };
  });
}
