/**
 * Dutch (nl-NL) number formats for pages, axes, tooltips and generated sentences.
 * Thousands with a dot, decimals with a comma: 1.234,5. A non-breaking space keeps "11,3 %" and
 * "€ 5,7 mld" on one line. null/undefined/NaN is "onbekend": the warehouse never uses 0 for unknown.
 */

export const NBSP = '\u00a0';
export const UNKNOWN = 'onbekend';

type Num = number | null | undefined;

const cache = new Map<string, Intl.NumberFormat>();
function nf(min: number, max: number, grouping = true): Intl.NumberFormat {
  const key = `${min}|${max}|${grouping}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: grouping });
    cache.set(key, f);
  }
  return f;
}

const missing = (v: Num): v is null | undefined => v == null || Number.isNaN(v);

/** Avoid "-0" after rounding. */
function clean(v: number, digits: number): number {
  const r = Number(v.toFixed(digits));
  return Object.is(r, -0) ? 0 : r;
}

/** 1234.5 → "1.234,5"; digits is the maximum number of decimals (default 0 for counts). */
export function formatNumber(v: Num, digits = 0, minDigits = 0): string {
  if (missing(v)) return UNKNOWN;
  return nf(Math.min(minDigits, digits), digits).format(clean(v, digits));
}

/** A calendar year, never grouped: 2023, not 2.023. */
export const formatYear = (v: Num): string => (missing(v) ? UNKNOWN : String(Math.round(v)));

/** v is already a percentage (11.3 → "11,3 %"). Always shows the decimals asked for. */
export function formatPercent(v: Num, digits = 1): string {
  if (missing(v)) return UNKNOWN;
  return `${nf(digits, digits).format(clean(v, digits))}${NBSP}%`;
}

/** Signed change in percent: +12,4 % / −3,0 % (with a real minus sign). */
export function formatChange(v: Num, digits = 1): string {
  if (missing(v)) return UNKNOWN;
  const r = clean(v, digits);
  const sign = r > 0 ? '+' : r < 0 ? '−' : '';
  return `${sign}${nf(digits, digits).format(Math.abs(r))}${NBSP}%`;
}

/**
 * Euros, shortened for reading: € 5,7 mld, € 249 mln, € 12,5 mln, € 48.300, € 523.
 * Below 100 mln/mld one decimal, from 100 none. Small amounts (per inwoner) in whole euros.
 */
export function formatEuro(v: Num): string {
  if (missing(v)) return UNKNOWN;
  const sign = v < 0 ? '−' : '';
  const a = Math.abs(v);
  const short = (x: number, unit: string) => {
    const digits = x >= 100 ? 0 : 1;
    return `${sign}€${NBSP}${nf(0, digits).format(clean(x, digits))}${NBSP}${unit}`;
  };
  if (a >= 999.95e6) return short(a / 1e9, 'mld');
  if (a >= 999.95e3) return short(a / 1e6, 'mln');
  return `${sign}€${NBSP}${nf(0, 0).format(clean(a, 0))}`;
}

/** Whole euros with grouping, for tables where exact amounts matter: € 1.234.567. */
export function formatEuroExact(v: Num): string {
  if (missing(v)) return UNKNOWN;
  const sign = v < 0 ? '−' : '';
  return `${sign}€${NBSP}${nf(0, 0).format(clean(Math.abs(v), 0))}`;
}

/** Relative change between two values in percent, or null when it cannot be computed. */
export function change(from: Num, to: Num): number | null {
  if (missing(from) || missing(to) || from === 0) return null;
  return (100 * (to - from)) / from;
}

/** Dutch enumeration: "a", "a en b", "a, b en c". */
export function listNl(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

/** English number formats for the English pages: 1,234.5. */
export function formatNumberEn(v: Num, digits = 0): string {
  if (missing(v)) return 'unknown';
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits }).format(clean(v, digits));
}

const enCache = new Map<string, Intl.NumberFormat>();
function nfEn(min: number, max: number): Intl.NumberFormat {
  const key = `${min}|${max}`;
  let f = enCache.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-GB', { minimumFractionDigits: min, maximumFractionDigits: max });
    enCache.set(key, f);
  }
  return f;
}

/** English euros, shortened like formatEuro: €5.7bn, €249m, €12.5m, €48,300, €523. */
export function formatEuroEn(v: Num): string {
  if (missing(v)) return 'unknown';
  const sign = v < 0 ? '−' : '';
  const a = Math.abs(v);
  const short = (x: number, unit: string) => {
    const digits = x >= 100 ? 0 : 1;
    return `${sign}€${nfEn(0, digits).format(clean(x, digits))}${unit}`;
  };
  if (a >= 999.95e6) return short(a / 1e9, 'bn');
  if (a >= 999.95e3) return short(a / 1e6, 'm');
  return `${sign}€${nfEn(0, 0).format(clean(a, 0))}`;
}

/** English signed change: +12.4% / −3.0%. */
export function formatChangeEn(v: Num, digits = 1): string {
  if (missing(v)) return 'unknown';
  const r = clean(v, digits);
  const sign = r > 0 ? '+' : r < 0 ? '−' : '';
  return `${sign}${nfEn(digits, digits).format(Math.abs(r))}%`;
}

/**
 * What a figure is, for the way it is written: euros (an amount or euros per inwoner), a percentage, a rate per
 * 1 000 young people, or a count.
 */
export type ValueKind = 'euro' | 'procent' | 'per_1000' | 'aantal';

/**
 * The "euro or count" rule, once: an indicator's unit, and for a figure divided by a base its factor (1 000 for per
 * 1 000 young people, 1 for per inwoner). Euros per inwoner stay euros; a count per 1 000 is a rate.
 */
export function valueKind(unit: string, relativeFactor?: number): ValueKind {
  if (unit === 'procent') return 'procent';
  if (unit === 'per 1 000 jongeren' || (relativeFactor != null && relativeFactor > 1)) return 'per_1000';
  return unit === 'euro' || unit === 'euro per inwoner' ? 'euro' : 'aantal';
}

/**
 * A figure as the site writes it in the page's language (nl-NL or en-GB, both on Intl.NumberFormat): euros
 * shortened (€ 48.300 / €48,300, € 1,2 mln / €1.2m), percentages and rates with one decimal, counts whole.
 */
export function formatValue(v: Num, kind: ValueKind, locale: 'nl' | 'en' = 'nl'): string {
  const en = locale === 'en';
  if (missing(v)) return en ? 'unknown' : UNKNOWN;
  switch (kind) {
    case 'euro':
      return en ? formatEuroEn(v) : formatEuro(v);
    case 'procent':
      return en ? `${nfEn(1, 1).format(clean(v, 1))}%` : formatPercent(v, 1);
    case 'per_1000':
      return en ? nfEn(1, 1).format(clean(v, 1)) : formatNumber(v, 1, 1);
    case 'aantal':
      return en ? nfEn(0, 0).format(clean(v, 0)) : formatNumber(v, 0);
  }
}

/** The number formats of a page's language: Dutch pages nl-NL, English pages en-GB. */
export function formatsFor(lang: 'nl' | 'en') {
  return lang === 'en'
    ? { number: (v: Num, digits = 0) => formatNumberEn(v, digits), euro: formatEuroEn, change: (v: Num) => formatChangeEn(v), unknown: 'unknown' }
    : { number: (v: Num, digits = 0) => formatNumber(v, digits, digits), euro: formatEuro, change: (v: Num) => formatChange(v), unknown: UNKNOWN };
}
