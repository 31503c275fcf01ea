/**
 * Which colour, dash and marker each place of a comparison gets. A place keeps its style for as long as the
 * reader compares (OWID's grapher does the same): adding or removing another place never repaints it, and a
 * place that comes back gets its old style when that is still free. Pure, so the unit test and the browser
 * share it.
 */
export interface SeriesStyle {
  color: string;
  dash?: string;
  symbol: 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';
}

/**
 * Slots 0–2 are the static charts' ROLE_STYLE (the place, its jeugdregio, Nederland: src/charts/shared.ts),
 * so hydrating a chart keeps the colours the reader already saw.
 */
export const SERIES_STYLES: SeriesStyle[] = [
  { color: 'var(--c1, #0072b2)', symbol: 'circle' },
  { color: 'var(--c2, #d55e00)', dash: '7 4', symbol: 'square' },
  { color: 'var(--c3, #444444)', dash: '2 3', symbol: 'triangle' },
  { color: 'var(--c4, #009e73)', dash: '10 3 2 3', symbol: 'diamond' },
  { color: 'var(--c5, #cc79a7)', dash: '5 2 1 2', symbol: 'cross' },
];

/**
 * Slots for the chosen places. `remembered` (code → slot, updated in place) is the session's memory: a chosen
 * place keeps its remembered slot unless another chosen place holds it; a new place takes the lowest free slot.
 */
export function assignSlots(chosen: string[], remembered: Map<string, number>, slots = SERIES_STYLES.length): Map<string, number> {
  if (chosen.length > slots) throw new Error(`at most ${slots} places can be compared, got ${chosen.length}`);
  const out = new Map<string, number>();
  const used = new Set<number>();
  for (const c of chosen) {
    const s = remembered.get(c);
    if (s !== undefined && !used.has(s)) {
      out.set(c, s);
      used.add(s);
    }
  }
  for (const c of chosen) {
    if (out.has(c)) continue;
    let s = 0;
    while (used.has(s)) s++;
    out.set(c, s);
    used.add(s);
    remembered.set(c, s);
  }
  return out;
}
