import { InputError } from '../errors.ts';
import { parseCbsNumber } from './csv.ts';
import { readApiTable, text } from './table.ts';
import { statusFrom, type CbsRecord, type Coded, type SourceFile } from './types.ts';

export interface V3Input {
  tableId: string;
  dataProperties: SourceFile;
  typedDataSet: SourceFile;
  /** `<DimensionKey>.json` code lists by dimension key. */
  dimensions: Record<string, SourceFile>;
}

interface Property {
  Key: string;
  Type: string;
  Title: string;
  Unit: string;
}

const DIMENSION_TYPES = new Set(['Dimension', 'TimeDimension', 'GeoDimension', 'GeoDetail']);

/**
 * CBS OData v3 TypedDataSet: one row per combination of dimension keys, one column per topic.
 * Keys are right-padded ("GM0363    ") and topic keys carry a suffix that changes between table
 * versions, so dimensions are trimmed and topics are identified by their Title in DataProperties.
 */
export async function readCbsV3(input: V3Input): Promise<CbsRecord[]> {
  const props = await readProperties(input.dataProperties);
  const dims = props.filter((p) => DIMENSION_TYPES.has(p.Type));
  const topics = props.filter((p) => p.Type === 'Topic');
  if (!topics.length) throw new InputError({ file: input.dataProperties.rel }, 'no property of Type "Topic"', 'at least one topic');

  const codeLists: Record<string, Map<string, { title: string; status: string | null }>> = {};
  for (const d of dims) {
    const f = input.dimensions[d.Key];
    if (!f) throw new InputError({ file: input.dataProperties.rel, column: d.Key }, `the code list ${d.Key}.json for dimension "${d.Key}" is missing`, `a file ${d.Key}.json beside DataProperties.json`);
    codeLists[d.Key] = await readDimension(f);
  }
  const regionDim = dims.find((d) => d.Type === 'GeoDimension' || d.Key === 'RegioS' || d.Key === 'Gemeenten');
  const timeDim = dims.find((d) => d.Type === 'TimeDimension' || d.Key === 'Perioden');
  if (!regionDim) throw new InputError({ file: input.dataProperties.rel }, 'no region dimension', 'a GeoDimension (RegioS or Gemeenten)');

  const f = input.typedDataSet;
  const table = await readApiTable(f.path, f.bytes, f.rel, [...dims.map((d) => d.Key), ...topics.map((t) => t.Key)]);
  if (!table.rows.length) {
    throw new InputError({ file: f.rel, line: f.rel.endsWith('.csv') ? 2 : undefined }, 'the table has no rows', 'at least one row of data');
  }
  const out: CbsRecord[] = [];
  for (const { line, cells } of table.rows) {
    const coded: Record<string, Coded & { status: string | null }> = {};
    for (const d of dims) {
      const key = text(cells[d.Key]);
      const code = key === null ? undefined : codeLists[d.Key].get(key);
      if (!code) {
        throw new InputError({ file: f.rel, line, column: d.Key }, key === null ? 'empty dimension key' : `unknown code "${key}"`, `a key listed in ${d.Key}.json`);
      }
      coded[d.Key] = { key: key!, title: code.title, status: code.status };
    }
    // Iv3 tables have no period dimension: the year is in the table and in Verslagsoort.
    const period = timeDim ? coded[timeDim.Key] : { key: '', title: '', status: null };
    const others: Record<string, Coded> = {};
    for (const d of dims) if (d !== regionDim && d !== timeDim) others[d.Key] = { key: coded[d.Key].key, title: coded[d.Key].title };
    for (const t of topics) {
      const raw = cells[t.Key];
      let value: number | null;
      if (raw === null || raw === undefined) value = null;
      else if (typeof raw === 'number') value = raw;
      else if (typeof raw === 'string') value = parseCbsNumber(raw, '.', { file: f.rel, line, column: t.Key });
      else throw new InputError({ file: f.rel, line, column: t.Key }, `a ${typeof raw} value`, 'a number or null');
      out.push({
        tableId: input.tableId,
        file: f.rel,
        line,
        region: coded[regionDim.Key].key,
        period: { key: period.key, title: period.title },
        status: statusFrom(period.status, period.title),
        measure: { key: t.Key, title: t.Title, unit: t.Unit ?? '' },
        dims: others,
        value,
        column: t.Key,
        text: null,
      });
    }
  }
  return out;
}

async function readProperties(f: SourceFile): Promise<Property[]> {
  const t = await readApiTable(f.path, f.bytes, f.rel, ['Key', 'Type']);
  return t.rows.map(({ line, cells }) => {
    const key = text(cells.Key);
    const type = text(cells.Type);
    if (!key || !type) throw new InputError({ file: f.rel, line, column: key ? 'Type' : 'Key' }, 'empty Key or Type', 'every property with a Key and a Type');
    return { Key: key, Type: type, Title: text(cells.Title) ?? key, Unit: text(cells.Unit) ?? '' };
  });
}

async function readDimension(f: SourceFile): Promise<Map<string, { title: string; status: string | null }>> {
  const t = await readApiTable(f.path, f.bytes, f.rel, ['Key', 'Title']);
  const m = new Map<string, { title: string; status: string | null }>();
  for (const { line, cells } of t.rows) {
    const key = text(cells.Key);
    if (!key) throw new InputError({ file: f.rel, line, column: 'Key' }, 'empty key', 'a dimension key');
    if (m.has(key)) throw new InputError({ file: f.rel, line, column: 'Key' }, `key "${key}" is listed twice`, 'each key once');
    m.set(key, { title: text(cells.Title) ?? key, status: text(cells.Status) });
  }
  return m;
}
