/** The list of places a reader can open: Nederland, the current jeugdregio's and gemeenten. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { currentGemeenten, jeugdregios, query, warehouseDir, type GeoRow } from './warehouse.ts';
import { listNl } from '../shared/format.ts';
import type { Place } from '../catalog/places.ts';
import { sharedCache } from './build-cache.ts';

/** A gemeente that no longer exists, and where its figures are now. */
export interface FormerGemeente {
  code: string;
  name: string;
  /** Current successors (after following later herindelingen), the largest share first. */
  successors: { code: string; name: string; href: string | null }[];
  /** 1 January of this year is the first indeling without it. */
  year: number;
  /** "opgegaan in Amsterdam (vanaf de indeling van 1 januari 2023)" */
  line: string;
}

export const placeHref = (g: Pick<GeoRow, 'geo_code' | 'level'>): string =>
  g.level === 'land' ? '/' : g.level === 'jeugdregio' ? `/regio/${g.geo_code}/` : `/gemeente/${g.geo_code}/`;

/** Per warehouse folder; shared with the source copy of this module (src/lib/build-cache.ts), as the chart CSVs read it. */
const cache = sharedCache<Promise<Place[]>>('places');

/** Every place once per build (the finder index, the A–Z list and the comparison data all use it). */
export function allPlaces(): Promise<Place[]> {
  const dir = warehouseDir();
  let p = cache.get(dir);
  if (!p) {
    p = load();
    cache.set(dir, p);
  }
  return p;
}

async function load(): Promise<Place[]> {
  const regions = await jeugdregios();
  const out: Place[] = regions.map((g) => ({ code: g.geo_code, name: g.name, level: g.level, href: placeHref(g) }));
  // The jeugdregio of each gemeente in the newest membership year, in one query.
  const regionName = new Map(
    (
      await query<{ gm: string; jz: string }>(
        `SELECT m.gemeente_code AS gm, g.name AS jz FROM membership m JOIN geo g ON g.geo_code = m.jeugdregio_code
         QUALIFY row_number() OVER (PARTITION BY m.gemeente_code ORDER BY m.year DESC) = 1`,
      )
    ).map((r) => [r.gm, r.jz]),
  );
  const aliases = aliasesByCode();
  for (const g of await currentGemeenten()) {
    const a = aliases.get(g.geo_code);
    out.push({ code: g.geo_code, name: g.name, level: g.level, region: regionName.get(g.geo_code), href: placeHref(g), ...(a ? { aliases: a } : {}) });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.code.localeCompare(b.code));
}

// From the project folder, like the warehouse (public/data): the build bundles this module elsewhere.
const ALIASES = resolve('data/reference/plaatsnaam-aliassen.csv');

/** geo_code → aliases, from the committed alias list. */
function aliasesByCode(): Map<string, string[]> {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(ALIASES, 'utf8'), { header: true, skipEmptyLines: true });
  const out = new Map<string, string[]>();
  parsed.data.forEach((r, i) => {
    if (!r.alias?.trim() || !/^GM\d{4}$/.test(r.geo_code ?? '')) {
      throw new Error(`data/reference/plaatsnaam-aliassen.csv, line ${i + 2}: expected an alias and a GMnnnn code, got ${JSON.stringify(r)}`);
    }
    out.set(r.geo_code, [...(out.get(r.geo_code) ?? []), r.alias.trim()]);
  });
  return out;
}

let formerCache: { dir: string; list: Promise<FormerGemeente[]> } | undefined;

/**
 * Every gemeente that disappeared in a herindeling (the warehouse's herindelingen table, from
 * data/reference/herindelingen.csv), with its current successors: Weesp → Amsterdam, Heerhugowaard → Dijk en
 * Waard. A successor that later merged again is followed to today's gemeente.
 */
export function formerGemeenten(): Promise<FormerGemeente[]> {
  const dir = warehouseDir();
  if (!formerCache || formerCache.dir !== dir) formerCache = { dir, list: loadFormer() };
  return formerCache.list;
}

async function loadFormer(): Promise<FormerGemeente[]> {
  let rows: { year: number; from_code: string; from_name: string; to_code: string; to_name: string; share: number }[];
  try {
    rows = await query(`SELECT year, from_code, from_name, to_code, to_name, share FROM herindelingen ORDER BY year, from_code, share DESC`);
  } catch {
    return []; // an early warehouse without the table
  }
  const current = new Map((await allPlaces()).map((p) => [p.code, p]));
  const next = new Map<string, typeof rows>();
  for (const r of rows) next.set(r.from_code, [...(next.get(r.from_code) ?? []), r]);
  // Follow a successor through later herindelingen (share of the largest part) to a gemeente that still exists.
  const finalOf = (code: string, name: string, seen = new Set<string>()): { code: string; name: string } => {
    const n = next.get(code);
    if (!n || seen.has(code)) return { code, name };
    seen.add(code);
    return finalOf(n[0].to_code, n[0].to_name, seen);
  };
  const out: FormerGemeente[] = [];
  for (const [code, parts] of next) {
    if (current.has(code)) continue; // a code that came back (never in practice) is a current place
    const successors: FormerGemeente['successors'] = [];
    for (const p of parts) {
      const f = finalOf(p.to_code, p.to_name);
      if (successors.some((s) => s.code === f.code)) continue;
      const place = current.get(f.code);
      successors.push({ code: f.code, name: place?.name ?? f.name, href: place?.href ?? null });
    }
    const year = parts[0].year;
    out.push({ code, name: parts[0].from_name, successors, year, line: formerLine(successors.map((s) => s.name), year) });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/**
 * CBS's lists say from which 1 January indeling a gemeente is gone; most herindelingen take effect that day,
 * a few earlier in the year before (Weesp: 24 March 2022), so the line names the indeling, not a merger date.
 */
export const formerLine = (successors: string[], year: number): string =>
  `opgegaan in ${listNl(successors)} (vanaf de indeling van 1 januari ${year})`;
