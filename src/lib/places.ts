/** The list of places a reader can open: Nederland, the current jeugdregio's and gemeenten. */
import { currentGemeenten, jeugdregios, query, warehouseDir, type GeoRow } from './warehouse.ts';

export interface Place {
  code: string;
  name: string;
  level: GeoRow['level'];
  /** For a gemeente: its jeugdregio's name. */
  region?: string;
  href: string;
}

export const placeHref = (g: Pick<GeoRow, 'geo_code' | 'level'>): string =>
  g.level === 'land' ? '/' : g.level === 'jeugdregio' ? `/regio/${g.geo_code}/` : `/gemeente/${g.geo_code}/`;

let cache: { dir: string; places: Promise<Place[]> } | undefined;

/** Every place once per build (the finder index, the A–Z list and the comparison data all use it). */
export function allPlaces(): Promise<Place[]> {
  const dir = warehouseDir();
  if (!cache || cache.dir !== dir) cache = { dir, places: load() };
  return cache.places;
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
  for (const g of await currentGemeenten()) {
    out.push({ code: g.geo_code, name: g.name, level: g.level, region: regionName.get(g.geo_code), href: placeHref(g) });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.code.localeCompare(b.code));
}
