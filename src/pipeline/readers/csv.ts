import Papa from 'papaparse';
import { InputError } from '../errors.ts';
import { checkCellText, decodeText } from './text.ts';

export interface CsvTable {
  file: string;
  header: string[];
  /** Data rows keyed by header name; `line` is the 1-based line in the file where the row starts. */
  rows: { line: number; values: Record<string, string> }[];
}

export interface CsvOptions {
  delimiter: ';' | ',' | '\t';
  /** Columns that must be present (after trimming header names). */
  required: string[];
  /** A file with a header and no data rows is an error unless allowed. */
  allowEmpty?: boolean;
}

const NAMES: Record<string, string> = { ';': 'semicolon', ',': 'comma', '\t': 'tab' };

/** Parse a delimited text file strictly: known separator, required columns, equal field counts. */
export function readCsv(bytes: Uint8Array, file: string, opts: CsvOptions): CsvTable {
  const text = decodeText(bytes, file);
  if (text.trim() === '') throw new InputError({ file }, 'the file has no content', 'a header line');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (!firstLine.includes(opts.delimiter)) {
    const other = [';', ',', '\t'].find((d) => d !== opts.delimiter && firstLine.includes(d));
    throw new InputError(
      { file, line: 1 },
      other ? `the header is separated by ${NAMES[other]}s` : 'the header has a single column',
      `${NAMES[opts.delimiter]}-separated columns ${opts.required.map((c) => `"${c}"`).join(', ')}`,
    );
  }
  const parsed = Papa.parse<string[]>(text, { delimiter: opts.delimiter, skipEmptyLines: false });
  const lineOfRow = rowStartLines(text, parsed.data);
  for (const e of parsed.errors) {
    const line = e.row !== undefined && e.row !== null ? lineOfRow[e.row] : undefined;
    const column = line === undefined ? undefined : quotedColumn(text, line, opts.delimiter, parsed.data[0] ?? []);
    if (e.code === 'MissingQuotes') throw new InputError({ file, line, column }, 'a quoted field is never closed', 'a closing double quote');
    if (e.code === 'InvalidQuotes') throw new InputError({ file, line, column }, 'a stray double quote inside a field', 'quotes only around whole fields');
  }
  const data = parsed.data;
  // Papa yields [''] for blank lines, including the final newline.
  while (data.length && data[data.length - 1].length === 1 && data[data.length - 1][0] === '') data.pop();
  const header = data[0].map((h) => h.trim());
  for (const h of header) checkCellText(h, { file, line: 1, column: h });
  for (const col of opts.required) {
    if (!header.includes(col)) {
      throw new InputError({ file, line: 1, column: col }, `column "${col}" is missing (header: ${header.join(opts.delimiter)})`, `a column named "${col}"`);
    }
  }
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) throw new InputError({ file, line: 1, column: h }, `column "${h}" appears twice`, 'unique column names');
    seen.add(h);
  }
  const rows: CsvTable['rows'] = [];
  for (let i = 1; i < data.length; i++) {
    const fields = data[i];
    const line = lineOfRow[i];
    if (fields.length === 1 && fields[0].trim() === '') continue;
    if (fields.length !== header.length) {
      // A short row: name the first column it lacks; a long row has no column for its extra fields.
      const column = fields.length < header.length ? header[fields.length] : undefined;
      throw new InputError({ file, line, column }, `the row has ${fields.length} fields`, `${header.length} ${NAMES[opts.delimiter]}-separated fields like the header`);
    }
    const values: Record<string, string> = {};
    header.forEach((h, j) => {
      checkCellText(fields[j], { file, line, column: h });
      values[h] = fields[j];
    });
    rows.push({ line, values });
  }
  if (!rows.length && !opts.allowEmpty) throw new InputError({ file, line: 2 }, 'the file has a header but no data rows', 'at least one data row');
  return { file, header, rows };
}

/**
 * The column whose quote goes wrong on a line: the field that opens a quote it does not close, or the
 * first field with a quote that is not around the whole field. Header names where the header has them.
 */
function quotedColumn(text: string, line: number, delimiter: string, header: string[]): string | undefined {
  const lineText = text.split(/\r?\n/)[line - 1] ?? '';
  let field = 0;
  let atStart = true;
  let open = -1;
  for (let i = 0; i < lineText.length; i++) {
    const c = lineText[i];
    if (open !== -1) {
      if (c === '"' && lineText[i + 1] === '"') i++;
      else if (c === '"') {
        open = -1;
        atStart = false;
        if (i + 1 < lineText.length && lineText[i + 1] !== delimiter) return name(field);
      }
      continue;
    }
    if (c === '"' && atStart) open = field;
    else if (c === '"') return name(field);
    else if (c === delimiter) {
      field++;
      atStart = true;
      continue;
    }
    atStart = false;
  }
  return open !== -1 ? name(open) : undefined;

  function name(i: number): string {
    return header[i]?.trim() || `field ${i + 1}`;
  }
}

/** Papa does not report line numbers; recover them by counting newlines outside quotes. */
function rowStartLines(text: string, data: string[][]): number[] {
  const starts: number[] = [1];
  let line = 1;
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === '\n') {
      line++;
      if (!inQuotes) starts.push(line);
    }
  }
  return starts.slice(0, Math.max(data.length, 1));
}

/**
 * Parse a number as CBS writes it. `decimal` says which separator the format uses; StatLine's Dutch
 * export writes 1.234,5 and the APIs write 1234.5. Returns null for CBS's missing markers ('.', '', 'x', '-')
 * only where the caller treats them as missing; anything else unparseable is an error.
 */
export function parseCbsNumber(raw: string, decimal: '.' | ',', where: { file: string; line: number; column: string }): number | null {
  const s = raw.trim();
  if (s === '' || s === '.' || s === 'x' || s === '-' || s === '?') return null;
  let t = s;
  if (decimal === ',') t = t.replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) {
    throw new InputError(where, `"${raw}" is not a number`, `a number with decimal ${decimal === ',' ? 'comma' : 'point'}, or '.' for missing`);
  }
  return Number(t);
}
