/**
 * The 2022 package of measures with the savings municipalities expected from each (VNG inventory,
 * 30 May 2022). These are planned amounts from a policy document, not CBS figures: they are typed
 * here with their source and drawn as bars; they are not in the warehouse.
 */
import { formatEuro, formatEuroEn } from '../shared/format.ts';
import { labelledBars } from './shared.ts';
import type { PlotOptions } from './types.ts';

export interface Measure {
  nl: string;
  en: string;
  /** Expected saving in 2022, euro (negative: the measure costs money). */
  euro: number;
}

export const MEASURES: Measure[] = [
  { nl: 'Versterken bestaanszekerheid', en: 'Strengthening income security', euro: 101e6 },
  { nl: 'Contractering en standaardisatie', en: 'Contracting and standardisation', euro: 48e6 },
  { nl: 'Brede invoering POH-jeugd GGZ', en: 'Mental-health assistants for GPs (POH-jeugd)', euro: 38e6 },
  { nl: 'Beperking verwijzingen', en: 'Limiting referrals', euro: 36e6 },
  { nl: 'Afbakening reikwijdte Jeugdwet', en: 'Narrowing the scope of the Youth Act', euro: 33e6 },
  { nl: 'Tariefdifferentiatie', en: 'Tariff differentiation', euro: 6e6 },
  { nl: 'Regionalisering', en: 'Regionalisation', euro: -47e6 },
];

/** The sum of the rounded amounts per measure (€ 215 m); the inventory itself gives € 214 m as the total. */
export const TOTAL = MEASURES.reduce((s, m) => s + m.euro, 0);
export const TOTAL_PUBLISHED = 214e6;

export const SOURCE = {
  title: 'VNG, Maatregelen jeugdhulp 2022 – resultaten van een korte inventarisatie (30 mei 2022)',
  note: 'Verwachte besparing in 2022 per maatregel zoals gemeenten die opgaven; een negatief bedrag betekent dat de maatregel geld kost.',
};

/**
 * Bars with the measure's name above each bar and the amount at its end: at 320 px nothing is cut (a name
 * beside its bar needed a 170 px margin and lost "Versterken bestaanszekerheid" on a phone).
 */
export function plotMeasures(lang: 'nl' | 'en', options: PlotOptions): Element {
  return labelledBars(
    MEASURES.map((m) => ({
      label: m[lang],
      value: m.euro / 1e6,
      color: m.euro < 0 ? 'var(--c2, #d55e00)' : 'var(--c1, #0072b2)',
      title: `${m[lang]}: ${(lang === 'en' ? formatEuroEn : formatEuro)(m.euro)}`,
    })),
    { ...options, axisLabel: lang === 'nl' ? 'verwachte besparing 2022 (€ mln)' : 'expected saving 2022 (€ m)', format: (v) => (lang === 'en' ? formatEuroEn : formatEuro)(v * 1e6) },
  );
}
