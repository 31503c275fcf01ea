/** The list of places a reader can open: Nederland, the current jeugdregio's and gemeenten. */
import { currentGemeenten, jeugdregios, regionOf, type GeoRow } from './warehouse.ts';

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

export async function allPlaces(): Promise<Place[]> {
  const regions = await jeugdregios();
  const out: Place[] = regions.map((g) => ({ code: g.geo_code, name: g.name, level: g.level, href: placeHref(g) }));
  for (const g of await currentGemeenten()) {
    const r = await regionOf(g.geo_code);
    out.push({ code: g.geo_code, name: g.name, level: g.level, region: r?.name, href: placeHref(g) });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.code.localeCompare(b.code));
}
