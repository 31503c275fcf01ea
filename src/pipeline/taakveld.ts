import type { Observation } from './model.ts';
import type { Iv3Row } from './readers/iv3.ts';
import { IV3_TABLES, regimeFor } from '../catalog/iv3.ts';

/** Official labels of the youth-care taakvelden (CBS Iv3 definities 2022, 2023 and 2025 code lists). */
export const TAAKVELD_LABELS: Record<string, string> = {
  '6.1': 'Samenkracht en burgerparticipatie',
  '6.2': 'Toegang en eerstelijnsvoorzieningen',
  '6.21': 'Toegang en eerstelijnsvoorzieningen WMO',
  '6.22': 'Toegang en eerstelijnsvoorzieningen Jeugd',
  '6.23': 'Toegang en eerstelijnsvoorzieningen Integraal',
  '6.72': 'Maatwerkdienstverlening 18-',
  '6.72a': 'Jeugdhulp begeleiding',
  '6.72b': 'Jeugdhulp behandeling',
  '6.72c': 'Jeugdhulp dagbesteding',
  '6.72d': 'Jeugdhulp zonder verblijf overig',
  '6.73a': 'Pleegzorg',
  '6.73b': 'Gezinsgericht',
  '6.73c': 'Jeugdhulp met verblijf overig',
  '6.74a': 'Jeugd behandeling GGZ zonder verblijf',
  '6.74b': 'Jeugdhulp crisis/LTA/GGZ-verblijf',
  '6.74c': 'Gesloten plaatsing',
  '6.82': 'Geëscaleerde zorg 18-',
  '6.82a': 'Jeugdbescherming',
  '6.82b': 'Jeugdreclassering',
  '6.751': 'Jeugdhulp ambulant lokaal',
  '6.752': 'Jeugdhulp ambulant regionaal',
  '6.753': 'Jeugdhulp ambulant landelijk',
  '6.761': 'Jeugdhulp met verblijf lokaal',
  '6.762': 'Jeugdhulp met verblijf regionaal',
  '6.763': 'Jeugdhulp met verblijf landelijk',
  '6.792': 'PGB Jeugd',
  '6.821': 'Jeugdbescherming',
  '6.822': 'Jeugdreclassering',
};

/** 6.2 was called Wijkteams until 2022 (Iv3 definities 2017–2022); every other label is the same in each year it exists. */
const taakveldLabel = (code: string, year: number) => (code === '6.2' && year <= 2022 ? 'Wijkteams' : TAAKVELD_LABELS[code] ?? code);

/** The id of the baten indicator beside a lasten (kosten_…) indicator. */
export const batenId = (lastenId: string) => lastenId.replace(/^kosten_/, 'baten_');

/**
 * Sum lasten and baten per gemeente, year, verslagsoort and indicator, in euros. `geo` must already be a
 * code. Lasten go to `kosten_<x>_<soort>`, baten to `baten_<x>_<soort>`; netto and the ratios are derived
 * later (net-costs.ts), after the regional sums. A gemeente with no row for any code of an indicator gets
 * no observation (absent, not 0).
 */
export function costObservations(rows: (Iv3Row & { geo: string })[], boundaryYear: (year: number) => number): Observation[] {
  const acc = new Map<string, Observation>();
  const add = (indicator: string, r: Iv3Row & { geo: string }, amount: number | null) => {
    const key = `${indicator}|${r.geo}|${r.year}`;
    let o = acc.get(key);
    if (!o) {
      o = {
        indicator,
        geo_code: r.geo,
        period: r.year,
        value: 0,
        status: 'definitief',
        source: IV3_TABLES[r.year] ?? 'Iv3',
        source_file: r.file,
        boundary_year: boundaryYear(r.year),
        flag: null,
      };
      acc.set(key, o);
    }
    // One missing amount makes the sum unknown: never let a gap pass as zero.
    o.value = o.value === null || amount === null ? null : o.value + amount * 1000;
  };
  for (const r of rows) {
    const regime = regimeFor(r.year);
    if (!regime) continue;
    for (const [ind, codes] of Object.entries(regime)) {
      if (!codes.includes(r.taakveld)) continue;
      add(`${ind}_${r.verslagsoort}`, r, r.lasten);
      add(`${batenId(ind)}_${r.verslagsoort}`, r, r.baten);
    }
  }
  return [...acc.values()].map((o) => (o.value === null ? o : { ...o, value: Math.round(o.value * 100) / 100 }));
}

/** One row of the per-taakveld detail table: what a gemeente booked on one youth-care taakveld. */
export interface TaakveldRow {
  geo_code: string;
  period: number;
  verslagsoort: 'begroting' | 'jaarrekening';
  taakveld: string;
  taakveld_label: string;
  lasten: number | null;
  baten: number | null;
  netto: number | null;
  /** The cost indicators (without _begroting/_jaarrekening) this taakveld counts in, e.g. "kosten_jeugdhulp, kosten_pleegzorg". */
  telt_mee_in: string;
  source: string;
  source_file: string;
  boundary_year: number;
}

const euros = (v: number | null) => (v === null ? null : Math.round(v * 1000 * 100) / 100);

/**
 * The youth-care taakvelden as booked, one row per gemeente × year × verslagsoort × taakveld, in euros:
 * the detail from which every cost figure of the site can be rebuilt. Only codes of the year's regime.
 */
export function taakveldRows(rows: (Iv3Row & { geo: string })[], boundaryYear: (year: number) => number): TaakveldRow[] {
  const out: TaakveldRow[] = [];
  for (const r of rows) {
    const regime = regimeFor(r.year);
    if (!regime) continue;
    const inds = Object.entries(regime).filter(([, codes]) => codes.includes(r.taakveld)).map(([ind]) => ind);
    if (!inds.length) continue;
    const lasten = euros(r.lasten);
    const baten = euros(r.baten);
    out.push({
      geo_code: r.geo,
      period: r.year,
      verslagsoort: r.verslagsoort,
      taakveld: r.taakveld,
      taakveld_label: taakveldLabel(r.taakveld, r.year),
      lasten,
      baten,
      netto: lasten === null || baten === null ? null : Math.round((lasten - baten) * 100) / 100,
      telt_mee_in: inds.join(', '),
      source: IV3_TABLES[r.year] ?? 'Iv3',
      source_file: r.file,
      boundary_year: boundaryYear(r.year),
    });
  }
  return out;
}

/** Taakveld codes compare as Iv3 numbers them: 6.72 < 6.72a < 6.73a < 6.751. */
const codeKey = (c: string) => c.replace(/^(\d+)\.(\d+)/, (_, a: string, b: string) => `${a.padStart(2, '0')}.${b.padEnd(3, '0')}`);

export function sortTaakveldRows(rows: TaakveldRow[]): TaakveldRow[] {
  return [...rows].sort(
    (a, b) =>
      (a.geo_code < b.geo_code ? -1 : a.geo_code > b.geo_code ? 1 : 0) || a.period - b.period ||
      (a.verslagsoort < b.verslagsoort ? -1 : a.verslagsoort > b.verslagsoort ? 1 : 0) ||
      (codeKey(a.taakveld) < codeKey(b.taakveld) ? -1 : codeKey(a.taakveld) > codeKey(b.taakveld) ? 1 : 0),
  );
}
