/**
 * The share of young people with jeugdhulp in natura as CBS publishes it per gemeente (85098NED, 82972NED
 * and the figures transcribed from CBS publications), beside its jeugdregio and Nederland in the years the
 * place has a figure. CBS's own percentage and denominator (under 18): its own indicator, never merged with
 * the KWB share or the Beleidsinformatie counts.
 */
import type { IndicatorId } from '../catalog/indicators.ts';
import { indicator } from '../catalog/indicators.ts';
import { change, formatPercent, formatYear } from '../shared/format.ts';
import { OBS_CTE, PLACES_CTE, placeLabel, placeSeries, caveatsOf, capitalise, inPlace, legendOf, lineChart, noDataSentence, pivotByYear, placeName, provisional, type Series } from './shared.ts';
import type { ChartContext, ChartDef, PlotOptions } from './types.ts';

export interface NaturaRow {
  [k: string]: string | number | null;
  ord: number;
  geo_code: string;
  naam: string;
  niveau: string;
  jaar: number;
  aandeel: number | null;
  status: string | null;
}

export const id = 'gebruik-natura';
export const title = { nl: 'Jeugdhulp in natura volgens CBS', en: 'Youth care in kind as published by CBS' };
export const question = 'Welk deel van de jongeren tot 18 jaar krijgt hier jeugdhulp in natura, vergeleken met de regio en Nederland?';
export const definition = indicator('aandeel_jongeren_jeugdhulp_in_natura').definition;

/** Only the years in which the place itself has a figure: the comparison is for the same year. */
export const sql = `WITH ${OBS_CTE},
${PLACES_CTE}
SELECT p.ord, g.geo_code, g.name AS naam, g.level AS niveau, v.period AS jaar, v.value AS aandeel, v.status
FROM places p
JOIN geo g ON g.geo_code = p.geo_code
JOIN o v ON v.geo_code = p.geo_code AND v.indicator = 'aandeel_jongeren_jeugdhulp_in_natura'
JOIN o eigen ON eigen.geo_code = $geo AND eigen.indicator = v.indicator AND eigen.period = v.period AND eigen.value IS NOT NULL
ORDER BY p.ord, jaar`;

export const columns = ['ord', 'geo_code', 'naam', 'niveau', 'jaar', 'aandeel', 'status'];
export const indicators = ['aandeel_jongeren_jeugdhulp_in_natura'] as const satisfies readonly IndicatorId[];

const seriesOf = (rows: NaturaRow[]): Series<NaturaRow>[] => placeSeries(rows, 'aandeel');

export const hasData = (rows: NaturaRow[]) => rows.some((r) => r.ord === 1 && r.aandeel != null);

export function plot(rows: NaturaRow[], options: PlotOptions): Element {
  return lineChart<NaturaRow>(
    {
      series: seriesOf(rows),
      x: 'jaar',
      y: 'aandeel',
      yLabel: '% van de jongeren tot 18 jaar',
      yFormat: (v) => formatPercent(v, 0),
      valueFormat: (v) => formatPercent(v, 1),
      title: (r) => `${placeLabel(r)}, ${formatYear(r.jaar)}: ${formatPercent(r.aandeel)}`,
    },
    options,
  );
}

export const legend = (rows: NaturaRow[]) => legendOf(seriesOf(rows));

const newestOwn = (rows: NaturaRow[]) => rows.filter((r) => r.ord === 1 && r.aandeel != null).sort((a, b) => b.jaar - a.jaar)[0];
const relation = (a: number, b: number) => (a > b ? 'meer dan' : a < b ? 'minder dan' : 'even veel als');

export function headline(rows: NaturaRow[], ctx: ChartContext): string {
  const o = newestOwn(rows);
  const nl = rows.find((r) => r.ord === 3 && r.jaar === o.jaar && r.aandeel != null);
  return `${capitalise(placeName(ctx.geo))}: ${formatPercent(o.aandeel)} van de jongeren kreeg in ${o.jaar} jeugdhulp in natura` +
    (nl ? `, ${relation(o.aandeel!, nl.aandeel!)} landelijk (${formatPercent(nl.aandeel)})` : '');
}

export function summary(rows: NaturaRow[], ctx: ChartContext): string {
  const o = newestOwn(rows);
  const cmp = rows.filter((r) => r.ord > 1 && r.jaar === o.jaar && r.aandeel != null)
    .map((r) => `${formatPercent(r.aandeel)} ${r.ord === 3 ? 'landelijk' : `in jeugdregio ${r.naam}`}`);
  let s = `${capitalise(inPlace(ctx.geo))} kreeg in ${o.jaar} ${formatPercent(o.aandeel)} van de jongeren tot 18 jaar jeugdhulp in natura${cmp.length ? `, tegen ${cmp.join(' en ')}` : ''}.`;
  const own = rows.filter((r) => r.ord === 1 && r.aandeel != null).sort((a, b) => a.jaar - b.jaar);
  if (own.length > 1 && change(own[0].aandeel, o.aandeel) != null) s += ` In ${own[0].jaar} was dat ${formatPercent(own[0].aandeel)}.`;
  return s + provisional(rows.filter((r) => r.ord === 1));
}

export const empty = (ctx: ChartContext) =>
  `${noDataSentence(ctx, 'het aandeel jongeren met jeugdhulp in natura')} CBS publiceerde dit percentage voor een deel van de gemeenten.`;

export function table(rows: NaturaRow[], ctx: ChartContext) {
  const all = [...new Set(rows.map((r) => r.ord))].sort().map((ord) => {
    const sub = rows.filter((r) => r.ord === ord);
    return { label: placeLabel(sub[0]), rows: sub };
  });
  return pivotByYear(`Aandeel jongeren tot 18 jaar met jeugdhulp in natura, ${placeName(ctx.geo)} en vergelijking`, all, (r) => formatPercent(r.aandeel));
}

export const source = { tables: ['85098NED', '82972NED', 'CBS-publicaties (overgetypt)'], citation: 'Bron: CBS' };
export const notes = caveatsOf(indicators);

const chart: ChartDef<NaturaRow> = { id, title, question, definition, sql, columns, indicators, hasData, plot, legend, summary, headline, empty, table, source, notes };
export default chart;
