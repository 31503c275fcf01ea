/**
 * Breaks in series that the site knows of: years from which figures are not comparable with earlier ones.
 * They are inputs to the trend analysis (trend.ts) and the source of the break notes on charts.
 */
import type { SeriesBreak } from './trend.ts';

export type BreakSource = 'cbs' | 'iv3';

export interface SiteBreak extends SeriesBreak {
  id: string;
  /** Which sources' series it affects. */
  sources: BreakSource[];
  /** Whether it also breaks the national total (false: it only moves figures between gemeenten). */
  national: boolean;
  /** Dutch, one sentence for a note or tooltip. */
  description: string;
}

/**
 * The breaks the site knows of (requirements §D; the caveats in indicators.ts).
 * The CBS coverage change of 2021 is a 'level' break, not a 'definition' one: what is counted (a young person
 * with jeugdhulp) stays the same, more providers report, so the count steps up while the trend can go on.
 * As 'definition' it would refuse every CBS user series with fitTo 2021 (only 2021 is on the new footing),
 * and fitting on 2016–2020 alone would report the coverage step as a 2022 effect. As 'level' the slope
 * comes from 2016–2020 and the level from 2021, with a correspondingly wider band.
 */
export const BREAKS: readonly SiteBreak[] = [
  {
    id: 'cbs-dekking-2021',
    year: 2021,
    kind: 'level',
    label: 'CBS telt meer aanbieders mee',
    sources: ['cbs'],
    national: true,
    description:
      'Vanaf 2021 telt CBS meer jeugdhulpaanbieders mee. Vanaf dat jaar kan het aantal jongeren met jeugdhulp daardoor hoger liggen dan met de oude telling.',
  },
  {
    id: 'woonplaatsbeginsel-2022',
    year: 2022,
    kind: 'level',
    label: 'Nieuw woonplaatsbeginsel',
    sources: ['cbs', 'iv3'],
    national: false,
    description:
      'Op 1 januari 2022 veranderde het woonplaatsbeginsel: welke gemeente verantwoordelijk is, en dus bij welke gemeente jongeren en kosten meetellen. Het landelijke totaal verandert daar niet door.',
  },
  {
    id: 'iv3-taakvelden-2023',
    year: 2023,
    kind: 'definition',
    label: 'Nieuwe Iv3-taakvelden jeugd',
    sources: ['iv3'],
    national: true,
    description:
      'In 2023 is Iv3-taakveld 6.72 opgesplitst in 6.72a–6.74c. De totalen zijn op elkaar aangesloten, maar gemeenten kunnen kosten anders zijn gaan boeken.',
  },
];

/** The breaks that apply to a series from `source`; a national series skips breaks that only move figures between gemeenten. */
export function breaksFor(source: BreakSource, opts: { national?: boolean } = {}): SeriesBreak[] {
  return BREAKS.filter((b) => b.sources.includes(source) && (!opts.national || b.national)).map(({ year, label, kind }) => ({
    year,
    label,
    kind,
  }));
}
