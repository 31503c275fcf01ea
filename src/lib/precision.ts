/**
 * How many decimals a downloaded figure keeps, per column of the chart SQL: the precision the chart and its
 * table show. Counts of young people and inhabitants are whole, euros (also € per inwoner) whole euros,
 * percentages one decimal, per 1 000 one decimal. The warehouse Parquet keeps every value unrounded; the
 * CSV behind a chart is for reading and spreadsheets. A new numeric column needs a line here (the registry
 * test lists the ones missing).
 */
export const COLUMN_DIGITS: Record<string, number> = {
  // counts
  jongeren: 0,
  jongeren_0_22: 0,
  met_verblijf: 0,
  inwoners: 0,
  jongeren_0_17: 0,
  trajecten: 0,
  // euros
  lasten: 0,
  baten: 0,
  netto: 0,
  per_inwoner: 0,
  kosten: 0,
  // percentages (0–100)
  aandeel: 1,
  aandeel_baten: 1,
  // the 2022 analysis: counts, per 1 000 or euro per inwoner (see eenheid), so one decimal
  werkelijk: 1,
  trend: 1,
  verwacht: 1,
  ondergrens: 1,
  bovengrens: 1,
  laatste_werkelijk: 1,
  laatste_verwacht: 1,
  laatste_onder: 1,
  laatste_boven: 1,
  verschil: 1,
  verschil_pct: 1,
  laatste_jaar: 0,
  // comparison panel / maatregelen: value and its base (counts or euros)
  waarde: 0,
  basis: 0,
  // ratios
  per_1000: 1,
  // ordinals and years; a rank among places and how many there were
  ord: 0,
  rang: 0,
  van: 0,
  // the median gemeente's percentage (KWB)
  mediaan: 1,
  jaar: 0,
};

/** Columns of chart SQL that hold text or yes/no, not figures: written as they are. */
export const TEXT_COLUMNS = new Set(['geo_code', 'naam', 'niveau', 'status', 'soort', 'vorm', 'vlag', 'elders', 'ok', 'reden', 'toelichting', 'relatief', 'eenheid', 'oordeel', 'na_breuk', 'regio', 'eigen', 'voor_regio', 'deel_van', 'maatregel', 'verwijzer', 'leeftijd']);

/**
 * Columns in the unit of the indicator (the comparison data and the 2022 analysis): a count or euros, whole,
 * unless the row says it is relative per 1 000 (relatief, with such an eenheid): then one decimal.
 */
export const VALUE_COLUMNS = ['waarde', 'basis'];

/** Digits for a column of a row, or undefined when the column is not a known figure (written as it is). */
export function digitsOf(column: string, row: Record<string, unknown> = {}): number | undefined {
  if (VALUE_COLUMNS.includes(column) && row.relatief === true && /1[.\s\u00a0]?000/.test(String(row.eenheid ?? ''))) return 1;
  return COLUMN_DIGITS[column];
}
