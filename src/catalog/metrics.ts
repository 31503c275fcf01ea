/**
 * The metrics catalogue (seed of issue 13, "one definition per fact"): every figure a reader can chart,
 * as a warehouse indicator, optionally divided by another indicator and scaled. Built from INDICATORS,
 * never retyped, so a new indicator is a new metric without touching this file. The workbench
 * (/verkennen/) reads metrics only from here; ratios are computed by SQL over the warehouse tables.
 *
 * Browser-safe: no Node imports.
 */
import { INDICATORS, type IndicatorDef, type IndicatorId, type Theme } from './indicators.ts';

export type MetricKind = 'aantal' | 'per_1000_jongeren' | 'per_inwoner' | 'aandeel';
export type MetricUnit = 'jongeren' | 'euro' | 'personen' | 'procent' | 'trajecten' | 'per 1 000 jongeren' | 'euro per inwoner';

export interface MetricDef {
  id: string;
  kind: MetricKind;
  /** Indicator id of the numerator (or of the figure itself). */
  numerator: string;
  /** Indicator id of the denominator of a ratio. */
  denominator?: string;
  /** numerator / denominator × factor (1 without a denominator). */
  factor: number;
  /** The ratio in words, after the numerator's label: "per 1 000 jongeren (0–22 jaar)", "per inwoner". */
  per_nl?: string;
  unit: MetricUnit;
  label_nl: string;
  label_en: string;
  theme: Theme;
  definition: string;
  source_tables: string;
  caveats: string[];
}

/** The age group of the youth-care counts (0 up to and including 22) and all inhabitants. */
export const YOUNG = 'bevolking_0_22';
export const INHABITANTS = 'bevolking_totaal';

/** What the workbench opens with: the headline of the site. */
export const HEADLINE_METRIC = 'jongeren_jeugdzorg_per_1000';

const byId = new Map<string, IndicatorDef>(INDICATORS.map((d) => [d.id, d]));
const isHalfYear = (d: IndicatorDef) => /_h[12]$/.test(d.id);

const RATIO_CAVEAT =
  'Een verhouding wordt per plaats en jaar berekend uit twee cijfers van het datawarehouse; ontbreekt een van beide, dan is er voor dat jaar geen waarde.';

function plain(d: IndicatorDef): MetricDef {
  return {
    id: d.id,
    kind: d.unit === 'procent' ? 'aandeel' : 'aantal',
    numerator: d.id,
    factor: 1,
    unit: d.unit,
    label_nl: d.label_nl,
    label_en: d.label_en,
    theme: d.theme,
    definition: d.definition,
    source_tables: d.source_tables,
    caveats: d.caveats,
  };
}

function ratio(d: IndicatorDef, kind: MetricKind, denominator: string, factor: number, unit: MetricUnit, nl: string, en: string, how: string): MetricDef {
  const den = byId.get(denominator)!;
  return {
    id: `${d.id}_${kind === 'per_1000_jongeren' ? 'per_1000' : kind}`,
    kind,
    numerator: d.id,
    denominator,
    factor,
    per_nl: nl,
    unit,
    label_nl: `${d.label_nl} ${nl}`,
    label_en: `${d.label_en} ${en}`,
    theme: d.theme,
    definition: `${d.definition} ${how} ${den.definition}`,
    source_tables: `${d.source_tables}; ${den.source_tables}`,
    caveats: [...d.caveats, RATIO_CAVEAT],
  };
}

function metricsOf(d: IndicatorDef): MetricDef[] {
  const out = [plain(d)];
  if (isHalfYear(d) || d.id.startsWith('kwb_')) return out;
  if (d.unit === 'jongeren') {
    out.push(ratio(d, 'per_1000_jongeren', YOUNG, 1000, 'per 1 000 jongeren', 'per 1.000 jongeren (0–22 jaar)', 'per 1,000 young people (0–22)',
      'Gedeeld door het aantal jongeren van 0 tot en met 22 jaar en vermenigvuldigd met 1 000.'));
  }
  // Euros that may not be summed over gemeenten are already a ratio (per inwoner, per jongere): another
  // division would make "per inwoner per inwoner".
  if (d.unit === 'euro' && d.additive) {
    out.push(ratio(d, 'per_inwoner', INHABITANTS, 1, 'euro per inwoner', 'per inwoner', 'per inhabitant', 'Gedeeld door het aantal inwoners.'));
  }
  return out;
}

/**
 * Shares of one count in another, where the part is a subset of the whole in CBS's own definitions
 * (each young person counts once in both).
 */
const SHARES: { part: string; whole: string; id: string; nl: string; en: string }[] = [
  { part: 'jongeren_jeugdhulp_met_verblijf', whole: 'jongeren_jeugdhulp', id: 'aandeel_jeugdhulp_met_verblijf',
    nl: 'Aandeel jongeren met verblijf in de jeugdhulp', en: 'Share of young people in youth care who are in residential care' },
];

function share(s: (typeof SHARES)[number]): MetricDef {
  const part = byId.get(s.part)!;
  const whole = byId.get(s.whole)!;
  return {
    id: s.id,
    kind: 'aandeel',
    numerator: s.part,
    denominator: s.whole,
    factor: 100,
    unit: 'procent',
    label_nl: s.nl,
    label_en: s.en,
    theme: part.theme,
    definition: `${part.label_nl} als percentage van ${whole.label_nl.toLowerCase()}. ${part.definition}`,
    source_tables: part.source_tables,
    caveats: [...part.caveats, RATIO_CAVEAT],
  };
}

export const METRICS: MetricDef[] = [...INDICATORS.flatMap(metricsOf), ...SHARES.map(share)];

const METRIC_BY_ID = new Map(METRICS.map((m) => [m.id, m]));

export const hasMetric = (id: string): boolean => METRIC_BY_ID.has(id);

export function metric(id: string): MetricDef {
  const m = METRIC_BY_ID.get(id);
  if (!m) throw new Error(`unknown metric ${id}`);
  return m;
}

/**
 * The denominator of a ratio metric as an analysis divides by it: the indicator, the factor and the ratio's
 * unit in words ("per 1.000 jongeren (0–22 jaar)", "euro per inwoner").
 */
export function ratioBase(id: string): { indicator: IndicatorId; factor: number; label: string } {
  const m = metric(id);
  if (!m.denominator || !m.per_nl) throw new Error(`metric ${id} is not a ratio`);
  // Every part of a metric is an indicator of the catalogue (tests/lib/metrics.test.ts).
  return { indicator: m.denominator as IndicatorId, factor: m.factor, label: m.unit === 'euro per inwoner' ? `euro ${m.per_nl}` : m.per_nl };
}

/** The indicators a metric reads: its numerator and, for a ratio, its denominator. */
export const indicatorsOf = (m: MetricDef): string[] => (m.denominator ? [m.numerator, m.denominator] : [m.numerator]);
