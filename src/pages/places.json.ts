import { allPlaces, formerGemeenten } from '../lib/places.ts';

/**
 * The finder's index: every place with its page (small; fetched only when someone types). `a` = other names
 * (aliases); former gemeenten have level "voormalig", `h` = their successor's page (or null when this
 * build has no page for it) and `s` = the line saying where they went.
 */
export async function GET() {
  const places = await allPlaces();
  const former = await formerGemeenten();
  const out = [
    ...places.map((p) => ({ c: p.code, n: p.name, l: p.level, r: p.region ?? null, h: p.href, ...(p.aliases ? { a: p.aliases } : {}) })),
    ...former.map((f) => ({ c: f.code, n: f.name, l: 'voormalig', r: null, h: f.successors[0]?.href ?? null, s: f.line })),
  ];
  return new Response(JSON.stringify(out), { headers: { 'Content-Type': 'application/json' } });
}
