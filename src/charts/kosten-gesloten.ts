import type { IndicatorId } from '../catalog/indicators.ts';
import { formatEuro, formatEuroExact } from '../shared/format.ts';
import { NOTE_NETTO, OBS_CTE, capitalise, caveatsOf, columnOf, columnOrder, costColumns, costFlagNotice, costLegend, inPlace, noDataSentence, placeName, type CostPart } from './shared.ts';
import type { ChartContext, ChartDef, DataTable, PlotOptions } from './types.ts';

export interface KostenGeslotenRow extends CostPart {
  [k: string]: string | number | null;
  naam: string;
  lasten: number | null;
  vlag: string | null;
  status: string | null;
}

export const id = 'kosten-gesloten';
export const title = { nl: 'Uitgaven aan gesloten plaatsing (euro)', en: 'Spending on secure placement (euros)' };
export const question = 'Hoeveel euro geeft de gemeente uit aan gesloten jeugdhulp (JeugdzorgPlus), die in 2030 in haar huidige vorm moet verdwijnen?';

/** Netto on taakveld 6.74c, the only years Iv3 shows it (2023–2024), begroting and jaarrekening as separate columns. */
export const sql = `WITH ${OBS_CTE},
soorten(soort) AS (VALUES ('jaarrekening'), ('begroting'))
SELECT g.name AS naam, s.soort, n.period AS jaar, 0 AS ord, 'Gesloten plaatsing' AS vorm,
       n.value AS netto, l.value AS lasten, n.flag AS vlag, n.status
FROM soorten s
JOIN o n ON n.indicator = 'netto_gesloten_plaatsing_' || s.soort AND n.geo_code = $geo
LEFT JOIN o l ON l.indicator = 'kosten_gesloten_plaatsing_' || s.soort AND l.geo_code = n.geo_code AND l.period = n.period
JOIN geo g ON g.geo_code = n.geo_code
ORDER BY jaar, s.soort DESC`;

export const columns = ['naam', 'soort', 'jaar', 'ord', 'vorm', 'netto', 'lasten', 'vlag', 'status'];
export const indicators = ['netto_gesloten_plaatsing_jaarrekening', 'netto_gesloten_plaatsing_begroting'] as const satisfies readonly IndicatorId[];

/** Only zeros (nothing booked on these taakvelden) is no figure to draw: the note says why. */
export const hasData = (rows: KostenGeslotenRow[]) => rows.some((r) => r.netto != null && r.netto !== 0);

export const plot = (rows: KostenGeslotenRow[], options: PlotOptions) => costColumns(rows, options, 'netto euro, gesloten plaatsing');

export const legend = (rows: KostenGeslotenRow[]) => costLegend(rows);

export function summary(rows: KostenGeslotenRow[], ctx: ChartContext): string {
  if (!hasData(rows)) return empty(ctx, rows);
  const known = rows.filter((r) => r.netto != null);
  const cols = columnOrder(known);
  const pick = [...cols].reverse().find((c) => c.endsWith('jaarrekening')) ?? cols[cols.length - 1];
  const r = known.find((x) => columnOf(x) === pick)!;
  let s = `${capitalise(inPlace(ctx.geo))} ging in ${r.jaar} volgens de ${r.soort} netto ${formatEuro(r.netto)} naar gesloten plaatsing (taakveld 6.74c).`;
  const later = known.filter((x) => x.soort === 'begroting' && x.jaar > r.jaar).sort((a, b) => b.jaar - a.jaar)[0];
  if (later) s += ` Voor ${later.jaar} is ${formatEuro(later.netto)} begroot.`;
  return `${s} Het gaat om euro’s, niet om aantallen jongeren; vanaf 2025 is gesloten plaatsing in Iv3 niet meer apart zichtbaar.`;
}

export const empty = (ctx: ChartContext, rows: KostenGeslotenRow[] = []) => {
  // Say why there is nothing (booked elsewhere), after the plain "geen cijfers" sentence.
  const why = costFlagNotice(rows, ctx, { onlyElsewhere: true });
  return `${noDataSentence(ctx, 'uitgaven aan gesloten plaatsing')}${why ? ` ${why}` : ''}`;
};

export const notice = (rows: KostenGeslotenRow[], ctx: ChartContext) => (hasData(rows) ? costFlagNotice(rows, ctx) : null);

export function table(rows: KostenGeslotenRow[], ctx: ChartContext): DataTable {
  return {
    caption: `Netto uitgaven aan gesloten plaatsing (taakveld 6.74c), ${placeName(ctx.geo)}`,
    head: ['Jaar en soort', 'Netto (lasten − baten)', 'Lasten'],
    body: rows.map((r) => [columnOf(r), r.netto == null ? (r.vlag === 'elders-geboekt' ? 'elders geboekt' : 'onbekend') : formatEuroExact(r.netto), formatEuroExact(r.lasten)]),
    rowHeader: 0,
  };
}

export const source = { tables: ['Iv3 gemeenten (CBS dataderden, 45063NED, 45067NED)', 'taakveld 6.74c Gesloten plaatsing'], citation: 'Bron: CBS' };

export const notes = [
  'Euro’s, geen aantallen jongeren: hoeveel jongeren in gesloten plaatsing zaten staat in de grafiek "Gesloten plaatsing en het doel voor 2030" (waar CBS die cijfers heeft).',
  NOTE_NETTO,
  ...caveatsOf(indicators),
];

const chart: ChartDef<KostenGeslotenRow> = { id, title, question, sql, columns, indicators, hasData, plot, legend, summary, empty, notice, table, source, notes };
export default chart;
