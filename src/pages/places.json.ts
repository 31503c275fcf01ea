import { placeEntry, type PlaceEntry } from '../catalog/places.ts';
import { allPlaces, formerGemeenten } from '../lib/places.ts';

/**
 * The finder's index: every place with its page (small; fetched only when someone types), and the former
 * gemeenten (PlaceEntry says what each key holds).
 */
export async function GET() {
  const places = await allPlaces();
  const former = await formerGemeenten();
  const out: PlaceEntry[] = [
    ...places.map(placeEntry),
    ...former.map((f): PlaceEntry => ({ c: f.code, n: f.name, l: 'voormalig', r: null, h: f.successors[0]?.href ?? null, s: f.line })),
  ];
  return new Response(JSON.stringify(out), { headers: { 'Content-Type': 'application/json' } });
}
