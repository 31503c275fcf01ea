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
  /** TableInfos.json: its `Period` is the year of a table without a time dimension (Kerncijfers wijken en buurten). */
  tableInfos?: SourceFile;
}

interface Property {
  Key: string;
  Type: string;
  Title: string;
  Unit: string;
  /** `String` topics (a name, "Gemeente") carry text, not numbers. */
  Datatype: string;
}

/** DataProperties rows that describe a column of the dataset; `TopicGroup` rows only group topics (and have Key ""). */
const COLUMN_TYPES = new Set(['Dimension', 'TimeDimension', 'GeoDimension', 'GeoDetail', 'Topic']);

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
  // GeoDetail: the wijken-en-buurten tables name their region column WijkenEnBuurten.
  const regionDim = dims.find((d) => d.Type === 'GeoDimension' || d.Type === 'GeoDetail' || d.Key === 'RegioS' || d.Key === 'Gemeenten');
  const timeDim = dims.find((d) => d.Type === 'TimeDimension' || d.Key === 'Perioden');
  if (!regionDim) throw new InputError({ file: input.dataProperties.rel }, 'no region dimension', 'a GeoDimension or GeoDetail (RegioS, Gemeenten, WijkenEnBuurten)');
  const tablePeriod = timeDim ? null : input.tableInfos ? await readTablePeriod(input.tableInfos) : null;

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
    // Iv3 tables have no period dimension: the year is in the table and in Verslagsoort. Wijken-en-buurten
    // tables have none either: the year is TableInfos' Period.
    const period = timeDim ? coded[timeDim.Key] : tablePeriod ?? { key: '', title: '', status: null };
    const others: Record<string, Coded> = {};
    for (const d of dims) if (d !== regionDim && d !== timeDim) others[d.Key] = { key: coded[d.Key].key, title: coded[d.Key].title };
    for (const t of topics) {
      const raw = cells[t.Key];
      let value: number | null;
      if (t.Datatype === 'String') {
        out.push({ ...base(line, coded, period, others, t), value: null, text: typeof raw === 'string' ? raw.trim() || null : null });
        continue;
      }
      if (raw === null || raw === undefined) value = null;
      else if (typeof raw === 'number') value = raw;
      else if (typeof raw === 'string') value = parseCbsNumber(raw, '.', { file: f.rel, line, column: t.Key });
      else throw new InputError({ file: f.rel, line, column: t.Key }, `a ${typeof raw} value`, 'a number or null');
      out.push({ ...base(line, coded, period, others, t), value, text: null });
    }
  }
  return out;

  function base(line: number, coded: Record<string, Coded>, period: { key: string; title: string; status: string | null }, others: Record<string, Coded>, t: Property) {
    return {
      tableId: input.tableId,
      file: f.rel,
      line,
      region: coded[regionDim!.Key].key,
      period: { key: period.key, title: period.title },
      status: statusFrom(period.status, period.title),
      measure: { key: t.Key, title: t.Title, unit: t.Unit ?? '' },
      dims: others,
      column: t.Key,
    };
  }
}

/** TableInfos `Period` "2021" → the period 2021JJ00 that a table with a time dimension would carry. */
async function readTablePeriod(f: SourceFile): Promise<{ key: string; title: string; status: string | null } | null> {
  const t = await readApiTable(f.path, f.bytes, f.rel, []);
  // Iv3 tables carry their year in Verslagsoort; without a Period the mapping says which period is missing.
  if (!t.columns.includes('Period')) return null;
  const period = text(t.rows[0]?.cells.Period);
  const m = period ? /^(\d{4})(\*{0,2})$/.exec(period) : null;
  if (!m) throw new InputError({ file: f.rel, line: t.rows[0]?.line ?? 1, column: 'Period' }, period ? `Period "${period}"` : 'no Period', 'the year the table describes, e.g. "2021"');
  return { key: `${m[1]}JJ00`, title: period!, status: null };
}

async function readProperties(f: SourceFile): Promise<Property[]> {
  const t = await readApiTable(f.path, f.bytes, f.rel, ['Key', 'Type']);
  const out: Property[] = [];
  for (const { line, cells } of t.rows) {
    const key = text(cells.Key);
    const type = text(cells.Type);
    if (!type) throw new InputError({ file: f.rel, line, column: 'Type' }, 'empty Type', 'every property with a Type');
    if (type === 'TopicGroup') continue;
    if (!COLUMN_TYPES.has(type)) throw new InputError({ file: f.rel, line, column: 'Type' }, `unknown property Type "${type}"`, `one of ${[...COLUMN_TYPES, 'TopicGroup'].join(', ')}`);
    if (!key) throw new InputError({ file: f.rel, line, column: 'Key' }, `a ${type} with an empty Key`, 'every dimension and topic with a Key');
    out.push({ Key: key, Type: type, Title: text(cells.Title) ?? key, Unit: text(cells.Unit) ?? '', Datatype: text(cells.Datatype) ?? '' });
  }
  return out;
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
