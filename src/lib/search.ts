/**
 * Place search shared by the finder (browser) and its tests: diacritics and punctuation do not matter,
 * so "sudwest" finds Súdwest-Fryslân; aliases ("Den Bosch" for 's-Hertogenbosch, from
 * data/reference/plaatsnaam-aliassen.csv) count as names; former gemeenten rank after current places.
 */
export interface Searchable {
  code: string;
  name: string;
  aliases?: string[];
  /** A former gemeente (it leads to its successor). */
  former?: boolean;
}

export function normalise(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** 0 = exact code or name, 1 = name starts with the query, 2 = a word starts with it, 3 = contains it, -1 = no match. */
export function matchScore(p: Searchable, q: string): number {
  const n = normalise(q);
  if (!n) return -1;
  const compact = n.replace(/ /g, '');
  const code = p.code.toLowerCase();
  if (code === compact) return 0;
  let best = -1;
  for (const raw of [p.name, ...(p.aliases ?? [])]) {
    const name = normalise(raw);
    const nameCompact = name.replace(/ /g, '');
    let score = -1;
    if (name === n || nameCompact === compact) score = 0;
    else if (name.startsWith(n) || nameCompact.startsWith(compact)) score = 1;
    else if (name.split(' ').some((w) => w.startsWith(n))) score = 2;
    else if (nameCompact.includes(compact)) score = 3;
    if (score >= 0 && (best < 0 || score < best)) best = score;
  }
  if (best < 0 && code.includes(compact)) best = 3;
  return best;
}

/** Places whose name, alias or code contains the query; names that start with it first, then alphabetical. */
export function searchPlaces<T extends Searchable>(places: T[], q: string, limit = 12): T[] {
  const scored: { p: T; score: number }[] = [];
  for (const p of places) {
    const score = matchScore(p, q);
    if (score >= 0) scored.push({ p, score: score + (p.former ? 0.5 : 0) });
  }
  scored.sort((a, b) => a.score - b.score || a.p.name.localeCompare(b.p.name, 'nl'));
  return scored.slice(0, limit).map((s) => s.p);
}

/**
 * Which result Enter may open without the reader choosing one: the only result, or a result that matches the
 * query exactly (name, alias or code). A loose match ("am" → Amersfoort) never opens by itself.
 */
export function enterTarget<T extends Searchable>(results: readonly T[], q: string): T | undefined {
  if (results.length === 1) return results[0];
  const exact = results.filter((p) => matchScore(p, q) === 0);
  return exact.length === 1 ? exact[0] : undefined;
}
