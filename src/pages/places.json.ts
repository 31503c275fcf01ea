import { allPlaces } from '../lib/places.ts';

/** The finder's index: every place with its page (small; fetched only when someone types). */
export async function GET() {
  const places = await allPlaces();
  return new Response(JSON.stringify(places.map((p) => ({ c: p.code, n: p.name, l: p.level, r: p.region ?? null, h: p.href }))), {
    headers: { 'Content-Type': 'application/json' },
  });
}
