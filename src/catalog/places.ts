/** The codes places have in every table of the warehouse (CBS's own: NL01, JZnn, GMnnnn). */

/** Nederland. */
export const NL = 'NL01';
export const NL_NAME = 'Nederland';

/** A place code: Nederland, a jeugdregio or a gemeente. */
export const PLACE_CODE = /^(NL01|JZ\d{2}|GM\d{4})$/;

type PlaceLevel = 'land' | 'jeugdregio' | 'gemeente';

/** A place a reader can open: Nederland, a current jeugdregio or gemeente. */
export interface Place {
  code: string;
  name: string;
  level: PlaceLevel;
  /** For a gemeente: its jeugdregio's name. */
  region?: string;
  href: string;
  /** Other names readers use (data/reference/plaatsnaam-aliassen.csv). */
  aliases?: string[];
}

/**
 * A place as one row of /places.json, the finder's index (fetched in the browser, so the keys are short).
 * Former gemeenten have level "voormalig", `h` = their successor's page (null when this build has none)
 * and `s` = the line saying where they went.
 */
export interface PlaceEntry {
  c: string;
  n: string;
  l: PlaceLevel | 'voormalig';
  r: string | null;
  h: string | null;
  a?: string[];
  s?: string;
}

export const placeEntry = (p: Place): PlaceEntry => ({ c: p.code, n: p.name, l: p.level, r: p.region ?? null, h: p.href, ...(p.aliases ? { a: p.aliases } : {}) });
