import { InputError } from '../errors.ts';
import { readCsv } from './csv.ts';
import type { CbsRecord, SourceFile } from './types.ts';

export type Verslagsoort = 'begroting' | 'jaarrekening';

/** One amount booked by one gemeente on one taakveld, in thousands of euros as Iv3 reports it. */
export interface Iv3Row {
  file: string;
  line: number;
  /** GM code, or the gemeente's name where the source has names only; 'Nederland' for national rows. */
  gemeente: string;
  year: number;
  verslagsoort: Verslagsoort;
  taakveld: string;
  lasten: number | null;
  baten: number | null;
}

const TAAKVELD = /^\d\.\d{1,3}[a-d]?$/;

/**
 * Iv3 totals per gemeente × taakveld (the form of `iv3_2023_jaarrekening.csv`): names instead of codes,
 * taakveld as "6.72a Jeugdhulp begeleiding" (labels truncated), amounts × € 1 000 with a decimal point,
 * and a 'Nederland' total row per taakveld that must never be added to the gemeenten.
 */
export function readIv3Totals(f: SourceFile): Iv3Row[] {
  const m = /iv3_(\d{4})_(begroting|jaarrekening)\.csv$/.exec(f.rel);
  if (!m) throw new InputError({ file: f.rel }, 'the file name does not say year and verslagsoort', 'a name like iv3_2023_jaarrekening.csv');
  const year = Number(m[1]);
  const verslagsoort = m[2] as Verslagsoort;
  const csv = readCsv(f.bytes, f.rel, { delimiter: ';', required: ['Gemeenten', 'Taakveld', 'Baten', 'Lasten'] });
  const seen = new Map<string, number>();
  return csv.rows.map(({ line, values }) => {
    const gemeente = values.Gemeenten.trim();
    if (!gemeente) throw new InputError({ file: f.rel, line, column: 'Gemeenten' }, 'empty gemeente name', 'a gemeente name or Nederland');
    const taakveld = values.Taakveld.trim().split(/\s+/)[0];
    if (!TAAKVELD.test(taakveld)) {
      throw new InputError({ file: f.rel, line, column: 'Taakveld' }, `"${values.Taakveld}" does not start with a taakveld code`, 'a taakveld code and label such as "6.72a Jeugdhulp begeleiding"');
    }
    const key = `${gemeente}|${taakveld}`;
    if (seen.has(key)) {
      throw new InputError({ file: f.rel, line, column: 'Taakveld' }, `gemeente "${gemeente}" and taakveld ${taakveld} appear twice (also line ${seen.get(key)})`, 'one row per gemeente and taakveld');
    }
    seen.set(key, line);
    return {
      file: f.rel,
      line,
      gemeente,
      year,
      verslagsoort,
      taakveld,
      lasten: amount(values.Lasten, f.rel, line, 'Lasten'),
      baten: amount(values.Baten, f.rel, line, 'Baten'),
    };
  });
}

function amount(raw: string, file: string, line: number, column: string): number | null {
  const s = raw.trim();
  if (s === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(s)) throw new InputError({ file, line, column }, `"${raw}" is not an amount`, 'an amount in thousands of euros with a decimal point, e.g. 23698.0');
  return Number(s);
}

/**
 * Raw Iv3 from CBS's third-party data (dataderden "Gemeenten JJJJ onbewerkte Iv3-data"), already read as
 * a v3 table. Sums the lasten (L…) and baten (B…) categories per gemeente × taakveld × verslagsoort, using
 * the second publication (k_2ePlaatsing, with corrections) where present. Balance posts (A…/P…) and the
 * quarterly verslagsoorten (X001–X004) are not spending and are left out.
 */
export function iv3FromCbs(records: CbsRecord[]): Iv3Row[] {
  const topics = new Set(records.map((r) => r.measure.title));
  const preferred = [...topics].find((t) => /2e|tweede|2de/i.test(t)) ?? [...topics].find((t) => /1e|eerste|1ste/i.test(t));
  if (!preferred) {
    const r = records[0];
    if (!r) return [];
    throw new InputError({ file: r.file }, `no plaatsing topic among ${[...topics].join(', ')}`, 'a topic "2e plaatsing" or "1e plaatsing"');
  }
  const sums = new Map<string, Iv3Row>();
  // The table is sparse: a category nobody booked has no row. A side (lasten/baten) without any row on a
  // taakveld where something else was booked is therefore 0, not unknown; a side whose rows are all
  // empty ('.') stays null.
  const seen = new Map<string, { lasten: boolean; baten: boolean; known: boolean }>();
  for (const r of records) {
    if (r.measure.title !== preferred) continue;
    const soort = r.dims.Verslagsoort;
    const cat = r.dims.Categorie;
    const post = r.dims.TaakveldBalanspost ?? r.dims.FunctieKostenplaatsBalanspost;
    if (!soort || !cat || !post) {
      const missing = !soort ? 'Verslagsoort' : !cat ? 'Categorie' : 'TaakveldBalanspost';
      throw new InputError({ file: r.file, line: r.line, column: missing }, `dimension ${missing} is missing`, 'an Iv3 table with Verslagsoort, Categorie and TaakveldBalanspost');
    }
    const sm = /^(\d{4})X00([05])$/.exec(soort.key);
    if (!/^\d{4}X00\d$/.test(soort.key)) {
      throw new InputError({ file: r.file, line: r.line, column: 'Verslagsoort' }, `unknown verslagsoort "${soort.key}"`, 'a code like 2023X000 (begroting) or 2023X005 (jaarrekening)');
    }
    if (!sm) continue;
    const taakveld = post.key;
    if (/^[AP]\d/.test(taakveld)) continue;
    if (!TAAKVELD.test(taakveld)) {
      throw new InputError({ file: r.file, line: r.line, column: 'TaakveldBalanspost' }, `unknown taakveld "${taakveld}"`, 'a taakveld code such as 6.72a or a balance post A…/P…');
    }
    const side = cat.key.startsWith('L') ? 'lasten' : cat.key.startsWith('B') ? 'baten' : null;
    if (!side) continue;
    const key = `${r.region}|${taakveld}|${soort.key}`;
    let row = sums.get(key);
    if (!row) {
      row = { file: r.file, line: r.line, gemeente: r.region, year: Number(sm[1]), verslagsoort: sm[2] === '0' ? 'begroting' : 'jaarrekening', taakveld, lasten: null, baten: null };
      sums.set(key, row);
    }
    if (r.value !== null) row[side] = (row[side] ?? 0) + r.value;
    const s = seen.get(key) ?? { lasten: false, baten: false, known: false };
    s[side] = true;
    s.known ||= r.value !== null;
    seen.set(key, s);
  }
  for (const [key, row] of sums) {
    const s = seen.get(key)!;
    if (!s.known) continue;
    if (!s.lasten) row.lasten = 0;
    if (!s.baten) row.baten = 0;
  }
  return [...sums.values()];
}
