/**
 * Place search shared by the finder (browser) and its tests: diacritics and punctuation do not matter,
 * so "sudwest" finds Súdwest-Fryslân and "den bosch" finds 's-Hertogenbosch only by its official name.
 */
export interface Searchable {
  code: string;
  name: string;
}

export function normalise(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Places whose name or code contains the query; names that start with it first, then alphabetical. */
export function searchPlaces<T extends Searchable>(places: T[], q: string, limit = 12): T[] {
  const n = normalise(q);
  if (!n) return [];
  const compact = n.replace(/ /g, '');
  const scored: { p: T; score: number }[] = [];
  for (const p of places) {
    const name = normalise(p.name);
    const code = p.code.toLowerCase();
    const nameCompact = name.replace(/ /g, '');
    let score = -1;
    if (code === compact) score = 0;
    else if (name.startsWith(n) || nameCompact.startsWith(compact)) score = 1;
    else if (name.split(' ').some((w) => w.startsWith(n))) score = 2;
    else if (nameCompact.includes(compact) || code.includes(compact)) score = 3;
    if (score >= 0) scored.push({ p, score });
  }
  scored.sort((a, b) => a.score - b.score || a.p.name.localeCompare(b.p.name, 'nl'));
  return scored.slice(0, limit).map((s) => s.p);
}
