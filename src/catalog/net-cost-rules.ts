/**
 * The rules of the net-cost figures (net-costs.ts) as data: which indicators get a netto twin and the two
 * documented thresholds. A module without imports, so indicators.ts can use it without an import cycle.
 */

/** The lasten indicators (without _jaarrekening/_begroting) that get a baten and netto twin. */
export const NET_BASES = [
  'kosten_jeugdhulp', 'kosten_jeugdhulp_zonder_verblijf', 'kosten_jeugdhulp_met_verblijf', 'kosten_pleegzorg',
  'kosten_gezinsgericht', 'kosten_gesloten_plaatsing', 'kosten_verblijf_overig', 'kosten_jeugdbescherming_reclassering',
  'kosten_begeleiding', 'kosten_behandeling', 'kosten_zonder_verblijf_overig', 'kosten_pgb_jeugd',
  'kosten_samenkracht', 'kosten_toegang', 'kosten_toegang_jeugd',
] as const;
export const SOORTEN = ['jaarrekening', 'begroting'] as const;

export const nettoId = (lastenId: string) => lastenId.replace(/^kosten_/, 'netto_');

/**
 * A gemeente whose baten are at least this share (%) of its lasten on individual jeugdhulp is flagged
 * 'centrumgemeente'. In the 2023 jaarrekening three gemeenten are far above it (Breda 50 %, Amersfoort 29 %,
 * Roosendaal 28 %) and the next is at 14 % ('s-Hertogenbosch); most gemeenten have under 5 %.
 */
export const CENTRUM_SHARE = 20;

/**
 * A gemeente whose netto per inwoner is below this fraction of the median of all gemeenten (same year,
 * same verslagsoort), or whose lasten are zero or negative, books its youth care elsewhere (a
 * gemeenschappelijke regeling, which files its own Iv3) or booked it on other taakvelden: its own figure
 * is not its spending. Netto is then null, flagged 'elders-geboekt', and it is never ranked. In the 2023
 * jaarrekening: Vijfheerenlanden (€ 0) and Asten (€ 56 per inwoner, only on the old code 6.72, against a
 * median of € 285); the next gemeente, Ameland, has € 88 (31 %).
 */
export const ELSEWHERE_FRACTION = 0.25;

export const FLAG_CENTRUM = 'centrumgemeente';
export const FLAG_ELSEWHERE = 'elders-geboekt';
/** A regional or national sum that includes a gemeente booking its youth care elsewhere: too low. */
export const FLAG_INCOMPLETE = 'som-gemeenten-onvolledig';

