import type { IndicatorId } from '../catalog/indicators.ts';
import { change, formatChange, formatNumber, formatPercent, formatYear } from '../shared/format.ts';
import {
  NOTE_CORONA, NOTE_WOONPLAATS, OBS_CTE, PLACES_CTE, placeSeries, caveatsOf, capitalise, inPlace, legendOf, lineChart,
  noDataSentence, pivotByYear, placeName, provisional, type Series,
  exploreOf,
} from './shared.ts';
import type { ChartContext, ChartDef, ExploreSpec, PlotOptions } from './types.ts';

export interface GebruikRow {
  [k: string]: string | number | null;
  ord: number;
  geo_code: string;
  naam: string;
  niveau: string;
  jaar: number;
  jongeren: number | null;
  jongeren_0_22: number | null;
  aandeel: number | null;
  status: string | null;
}

export const id = 'gebruik-trend';
export const title = { nl: 'Jongeren met jeugdhulp', en: 'Young people receiving youth care' };
export const question = 'Welk deel van de jongeren krijgt jeugdhulp, en groeit dat?';

/** Share of young people (0–22, the age band of the CBS counts) with jeugdhulp, computed from counts. */
export const sql = `WITH ${OBS_CTE},
${PLACES_CTE}
SELECT p.ord, g.geo_code, g.name AS naam, g.level AS niveau, u.period AS jaar,
       u.value AS jongeren, b.value AS jongeren_0_22,
       100 * u.value / b.value AS aandeel, u.status
FROM places p
JOIN geo g ON g.geo_code = p.geo_code
JOIN o u ON u.geo_code = p.geo_code AND u.indicator = 'jongeren_jeugdhulp'
LEFT JOIN o b ON b.geo_code = u.geo_code AND b.period = u.period AND b.indicator = 'bevolking_0_22'
ORDER BY p.ord, jaar`;

export const columns = ['ord', 'geo_code', 'naam', 'niveau', 'jaar', 'jongeren', 'jongeren_0_22', 'aandeel', 'status'];
export const indicators = ['jongeren_jeugdhulp', 'bevolking_0_22'] as const satisfies readonly IndicatorId[];

/** Shares when any can be computed; otherwise the counts of one place (counts of different places do not share an axis). */
function mode(rows: GebruikRow[]): 'aandeel' | 'aantal' {
  return rows.some((r) => r.aandeel != null) ? 'aandeel' : 'aantal';
}

function seriesOf(rows: GebruikRow[]): Series<GebruikRow>[] {
  const m = mode(rows);
  const usable = rows.filter((r) => (m === 'aandeel' ? r.aandeel != null : r.jongeren != null));
  const ords = [...new Set(usable.map((r) => r.ord))].sort();
  return placeSeries(rows, m === 'aandeel' ? 'aandeel' : 'jongeren', m === 'aandeel' ? ords : ords.slice(0, 1));
}

/** The place's own figures: a page does not get a box that only shows Nederland. */
export function hasData(rows: GebruikRow[]): boolean {
  return rows.some((r) => r.ord === 1 && r.jongeren != null);
}

/** The finding as a title: the newest share (or count) of the place, and the change since its first year. */
export function headline(rows: GebruikRow[], ctx: ChartContext): string {
  const own = rows.filter((r) => r.ord === 1);
  const key = mode(rows) === 'aandeel' && own.some((r) => r.aandeel != null) ? 'aandeel' : 'jongeren';
  const known = own.filter((r) => r[key] != null).sort((a, b) => a.jaar - b.jaar);
  const last = known[known.length - 1];
  const first = known[0];
  const value = key === 'aandeel' ? `${formatPercent(last.aandeel)} van de jongeren` : `${formatNumber(last.jongeren)} jongeren`;
  const c = first.jaar < last.jaar ? change(first[key], last[key]) : null;
  const trend = c == null ? '' : `, ${formatChange(c)} sinds ${first.jaar}`;
  return `${capitalise(inPlace(ctx.geo))} ${key === 'aandeel' ? 'kreeg' : 'kregen'} in ${last.jaar} ${value} jeugdhulp${trend}`;
}

export function plot(rows: GebruikRow[], options: PlotOptions): Element {
  const m = mode(rows);
  return lineChart<GebruikRow>(
    {
      series: seriesOf(rows),
      x: 'jaar',
      y: m === 'aandeel' ? 'aandeel' : 'jongeren',
      yLabel: m === 'aandeel' ? '% van de jongeren tot 23 jaar' : 'jongeren tot 23 jaar',
      yFormat: m === 'aandeel' ? (v) => formatPercent(v, 0) : (v) => formatNumber(v),
      valueFormat: m === 'aandeel' ? (v) => formatPercent(v, 1) : (v) => formatNumber(v),
      title: (r) =>
        `${r.niveau === 'jeugdregio' ? 'Jeugdregio ' : ''}${r.naam}, ${formatYear(r.jaar)}: ` +
        (m === 'aandeel' ? `${formatPercent(r.aandeel)} (${formatNumber(r.jongeren)} jongeren)` : `${formatNumber(r.jongeren)} jongeren`),
      breaks: [{ year: 2021, label: 'breuk 2021' }],
      corona: true,
    },
    options,
  );
}

export const legend = (rows: GebruikRow[]) => legendOf(seriesOf(rows));

const latest = (rows: GebruikRow[], key: 'aandeel' | 'jongeren') =>
  [...rows].filter((r) => r[key] != null).sort((a, b) => b.jaar - a.jaar)[0];

export function summary(rows: GebruikRow[], ctx: ChartContext): string {
  const own = rows.filter((r) => r.ord === 1);
  const where = inPlace(ctx.geo);
  const m = mode(rows);
  if (!own.some((r) => r.jongeren != null)) {
    const other = seriesOf(rows)[0];
    const l = other && latest(other.rows, m === 'aandeel' ? 'aandeel' : 'jongeren');
    const base = noDataSentence(ctx, 'jongeren met jeugdhulp');
    if (!l) return base;
    const who = l.ord === 3 ? 'landelijk' : `in ${l.niveau === 'jeugdregio' ? 'jeugdregio ' : ''}${l.naam}`;
    return `${base} Ter vergelijking: ${who} kreeg in ${l.jaar} ${m === 'aandeel' ? `${formatPercent(l.aandeel)} van de jongeren tot 23 jaar` : `${formatNumber(l.jongeren)} jongeren`} jeugdhulp.`;
  }
  const key = m === 'aandeel' && own.some((r) => r.aandeel != null) ? 'aandeel' : 'jongeren';
  const last = latest(own, key)!;
  const first = [...own].filter((r) => r[key] != null).sort((a, b) => a.jaar - b.jaar)[0];
  let s: string;
  if (key === 'aandeel') {
    s = `${capitalise(where)} kreeg in ${last.jaar} ${formatPercent(last.aandeel)} van de jongeren tot 23 jaar jeugdhulp (${formatNumber(last.jongeren)} jongeren)`;
    const cmp = rows
      .filter((r) => r.ord > 1 && r.jaar === last.jaar && r.aandeel != null)
      .map((r) => `${formatPercent(r.aandeel)} ${r.ord === 3 ? 'landelijk' : `in jeugdregio ${r.naam}`}`);
    s += cmp.length ? `, tegen ${cmp.join(' en ')}.` : '.';
  } else {
    s = `${capitalise(where)} kregen in ${last.jaar} ${formatNumber(last.jongeren)} jongeren tot 23 jaar jeugdhulp.`;
  }
  if (first && first.jaar < last.jaar) {
    const c = change(first[key], last[key]);
    if (c != null) {
      const what = key === 'aandeel' ? 'dat aandeel' : 'dat aantal';
      s += ` In ${first.jaar} was ${what} ${key === 'aandeel' ? formatPercent(first.aandeel) : formatNumber(first.jongeren)} (${formatChange(c)}).`;
    }
  }
  return s + provisional(own);
}

export const empty = (ctx: ChartContext) => noDataSentence(ctx, 'jongeren met jeugdhulp');

export function table(rows: GebruikRow[], ctx: ChartContext) {
  const series = seriesOf(rows);
  const all = [...new Set(rows.map((r) => r.ord))].sort().map((ord) => {
    const sub = rows.filter((r) => r.ord === ord);
    return { label: sub[0].niveau === 'jeugdregio' ? `Jeugdregio ${sub[0].naam}` : sub[0].naam, rows: sub };
  });
  const asShare = mode(rows) === 'aandeel';
  return pivotByYear(
    `Jongeren tot 23 jaar met jeugdhulp${asShare ? ': aantal en aandeel van alle jongeren' : ''}, ${placeName(ctx.geo)}${series.length > 1 ? ' en vergelijking' : ''}`,
    all,
    (r) => (r.jongeren == null ? 'onbekend' : asShare && r.aandeel != null ? `${formatNumber(r.jongeren)} (${formatPercent(r.aandeel)})` : formatNumber(r.jongeren)),
  );
}

export const source = {
  tables: ['84134NED', '85099NED (Beleidsinformatie Jeugd)', '03759ned (bevolking 0–22 jaar)'],
  citation: 'Bron: CBS',
};

export const notes = [
  'Aandeel = jongeren tot 23 jaar met jeugdhulp gedeeld door alle inwoners van 0 tot en met 22 jaar op 1 januari, berekend uit de aantallen.',
  ...caveatsOf(indicators, [NOTE_CORONA, NOTE_WOONPLAATS]),
];

export const explore: ExploreSpec = exploreOf('jongeren_jeugdhulp_per_1000');

const chart: ChartDef<GebruikRow> = { id, title, question, sql, columns, indicators, hasData, plot, legend, summary, headline, empty, table, source, notes, explore };
export default chart;
