import { InputError } from '../errors.ts';
import { readApiTable, text, type RawTable } from './table.ts';
import { normTitle } from '../../catalog/indicators.ts';
import type { Status } from '../model.ts';
import { statusFrom, type CbsRecord, type Coded, type SourceFile } from './types.ts';

interface CodeEntry {
  title: string;
  status: string | null;
  unit?: string;
  description?: string;
}

const FIXED = ['Id', 'Measure', 'ValueAttribute', 'Value', 'StringValue'];

export interface V4Input {
  tableId: string;
  observations: SourceFile;
  measureCodes: SourceFile;
  /**
   * Dimension code lists by the name in their file name (`cbs_70072ned_periodencodes` → "perioden",
   * `regiocodes` → "regio"); matched to columns case-insensitively by prefix.
   */
  dimensionCodes: Record<string, SourceFile>;
  /** Period for tables without a Perioden dimension (Gebieden in Nederland YYYY). */
  period?: string;
  /**
   * The yearly Gebieden tables share one MeasureCodes list (the newest table's), and older years carry
   * measures it does not list (e.g. N10002 in 2015). For those tables an unlisted measure is skipped;
   * for every other table it is an error.
   */
  skipUnknownMeasures?: boolean;
  /** Read only the measures a caller uses (pushed down into the Parquet query). */
  keepMeasure?: (m: { key: string; title: string; description?: string }) => boolean;
}

/**
 * CBS OData v4 (datasets.cbs.nl) Observations: long format, one row per measure × dimension codes.
 * Absent rows stay absent (CBS does not return empty cells); ValueAttribute other than None marks
 * a cell without a value (Impossible, Missing, Confidential), which becomes null, never 0.
 */
export async function readCbsV4(input: V4Input): Promise<CbsRecord[]> {
  const codes = await readCodeList(input.measureCodes);
  const dimLists: Record<string, Map<string, CodeEntry>> = {};
  for (const [dim, f] of Object.entries(input.dimensionCodes)) dimLists[dim.toLowerCase()] = await readCodeList(f);
  const listFor = (column: string) => {
    const c = column.toLowerCase();
    const k = Object.keys(dimLists).find((name) => c.startsWith(name) || name.startsWith(c));
    return k ? dimLists[k] : undefined;
  };

  const obsFile = input.observations;
  const keep = input.keepMeasure ? new Set([...codes].filter(([key, c]) => input.keepMeasure!({ key, ...c })).map(([key]) => key)) : undefined;
  const t = await readApiTable(obsFile.path, obsFile.bytes, obsFile.rel, [...FIXED, 'RegioS'], keep && { column: 'Measure', values: [...keep] });
  const dimCols = t.columns.filter((c) => !FIXED.includes(c) && c !== 'RegioS' && c !== 'Perioden');
  if (!t.columns.includes('Perioden') && !input.period) {
    throw new InputError({ file: obsFile.rel, column: 'Perioden' }, 'column "Perioden" is missing', 'a Perioden column (or a year in the file name)');
  }
  const noRows = (problem: string) =>
    new InputError({ file: obsFile.rel, line: obsFile.rel.endsWith('.csv') ? 2 : undefined }, problem, keep ? `observations of ${[...keep].join(', ')}` : 'at least one observation row');
  if (!t.rows.length) throw noRows(keep ? 'the file has no observations of the measures the pipeline reads' : 'the file has no observations');
  const periodList = listFor('Perioden');
  const periodListFile = Object.entries(input.dimensionCodes).find(([k]) => dimLists[k.toLowerCase()] === periodList)?.[1].rel;
  const out: CbsRecord[] = [];
  for (const { line, cells } of t.rows) {
    const at = (column: string) => ({ file: obsFile.rel, line, column });
    const measureKey = text(cells.Measure);
    if (!measureKey) throw new InputError(at('Measure'), 'empty measure code', 'a code listed in MeasureCodes');
    const measure = codes.get(measureKey);
    if (!measure && input.skipUnknownMeasures) continue;
    if (keep && !keep.has(measureKey)) continue;
    if (!measure) throw new InputError(at('Measure'), `unknown measure code "${measureKey}"`, `one of the ${codes.size} codes in ${input.measureCodes.rel}`);
    const region = text(cells.RegioS);
    if (!region) throw new InputError(at('RegioS'), 'empty region code', 'a region code such as GM0363, JZ13 or NL01');
    const periodKey = t.columns.includes('Perioden') ? text(cells.Perioden) : input.period!;
    if (!periodKey) throw new InputError(at('Perioden'), 'empty period', 'a period code such as 2019JJ00');
    const periodCode = periodList?.get(periodKey);
    if (periodList && !periodCode && t.columns.includes('Perioden')) {
      throw new InputError(at('Perioden'), `unknown period code "${periodKey}"`, `a period listed in ${periodListFile}`);
    }
    const attr = text(cells.ValueAttribute);
    const hasValue = attr === null || attr === 'None';
    const raw = text(cells.Value);
    let value: number | null = null;
    if (hasValue && raw !== null) {
      value = Number(raw);
      if (!Number.isFinite(value)) throw new InputError(at('Value'), `"${raw}" is not a number`, 'a number such as 1234.0, or an empty cell');
    }
    const dims: Record<string, Coded> = {};
    for (const d of dimCols) {
      const key = text(cells[d]) ?? '';
      dims[d] = { key, title: listFor(d)?.get(key)?.title ?? key };
    }
    out.push({
      tableId: input.tableId,
      file: obsFile.rel,
      line,
      region,
      period: { key: periodKey, title: periodCode?.title ?? periodKey },
      status: periodCode && !periodCode.status ? statusFromDescription(periodCode, measure) : statusFrom(periodCode?.status, periodCode?.title ?? ''),
      measure: { key: measureKey, title: measure.title, unit: measure.unit ?? '', description: measure.description },
      dims,
      value,
      column: 'Value',
      text: hasValue ? text(cells.StringValue) : null,
    });
  }
  if (keep && !out.length) throw noRows('the file has no observations of the measures the pipeline reads');
  return out;
}

/**
 * Tables that mix topics (70072ned Regionale kerncijfers) leave the period's Status empty and say in its
 * Description which topics are provisional: "Uitkomsten zijn voorlopig over:\n Bevolking - Bevolkingssamenstelling
 * op 1 januari\n …". A listed theme that the measure's title or first sentence names makes that measure provisional;
 * an unlisted measure keeps the status its title gives ("2025*").
 */
export function statusFromDescription(period: { title: string; description?: string }, measure: { title: string; description?: string }): Status {
  const about = normTitle(`${measure.title} ${(measure.description ?? '').split(/\.\s|\n/)[0]}`);
  let status = statusFrom(null, period.title);
  for (const block of (period.description ?? '').split(/(?=uitkomsten zijn)/i)) {
    const m = /^uitkomsten zijn (nader )?voorlopig over:([\s\S]*)$/i.exec(block.trim());
    if (!m) continue;
    const items = m[2].split(/[\r\n;]+/).map((x) => normTitle(x.replace(/^[-–\s]+|[.;\s]+$/g, ''))).filter(Boolean);
    // "Bevolking - Bevolkingssamenstelling op 1 januari": the theme before the dash names the measures it covers.
    if (items.some((item) => item.split(/\s+-\s+/).some((part) => part.length > 3 && about.includes(part)))) status = m[1] ? 'nader voorlopig' : 'voorlopig';
  }
  return status;
}

async function readCodeList(f: SourceFile): Promise<Map<string, CodeEntry>> {
  const t: RawTable = await readApiTable(f.path, f.bytes, f.rel, ['Identifier', 'Title']);
  const m = new Map<string, CodeEntry>();
  for (const { line, cells } of t.rows) {
    const id = text(cells.Identifier);
    if (!id) throw new InputError({ file: f.rel, line, column: 'Identifier' }, 'empty code', 'a code identifier');
    if (m.has(id)) throw new InputError({ file: f.rel, line, column: 'Identifier' }, `code "${id}" is listed twice`, 'each code once');
    m.set(id, { title: text(cells.Title) ?? id, status: text(cells.Status), unit: text(cells.Unit) ?? undefined, description: text(cells.Description) ?? undefined });
  }
  return m;
}
