/**
 * "How many young people here get youth care?" for one gemeente and the gemeenten of its jeugdregio, from
 * CBS Kerncijfers wijken en buurten (KWB): the only youth-care share CBS publishes for every gemeente. KWB is
 * its own definition and its own indicator; it is never drawn in one series with Beleidsinformatie Jeugd.
 * One period (the newest edition) → labelled bars, the place of the page in bold.
 */
import type { IndicatorId } from '../catalog/indicators.ts';
import { indicator } from '../catalog/indicators.ts';
import { formatNumber, formatPercent } from '../shared/format.ts';
import { OBS_CTE, ROLE_STYLE, caveatsOf, labelledBars, noDataSentence, placeName } from './shared.ts';
import type { ChartContext, ChartDef, PlotOptions } from './types.ts';

export interface KwbRow {
  [k: string]: string | number | boolean | null;
  geo_code: string;
  naam: string;
  regio: string;
  jaar: number;
  aandeel: number;
  jongeren: number | null;
  rang: number;
  van: number;
  mediaan: number;
  eigen: boolean;
  voor_regio: boolean;
  status: string | null;
}

export const id = 'gebruik-kwb';
export const title = { nl: 'Jongeren met jeugdzorg per gemeente', en: 'Young people in youth care per municipality' };
export const question = 'Welk deel van de jongeren in deze gemeente krijgt jeugdzorg, en hoe is dat in de andere gemeenten van de regio?';
export const definition = indicator('kwb_aandeel_jongeren_jeugdzorg').definition;

/**
 * The newest KWB year; the jeugdregio of $geo (a JZ code itself, or the region of a gemeente in the newest
 * membership year) and its member gemeenten with their share, their rank among today's gemeenten with a
 * figure that year (1 = highest share; as the key-figure strip ranks) and the median gemeente.
 */
export const sql = `WITH ${OBS_CTE},
yr AS (SELECT max(period) AS y FROM o WHERE indicator = 'kwb_aandeel_jongeren_jeugdzorg' AND value IS NOT NULL),
lid AS (
  SELECT gemeente_code, jeugdregio_code FROM membership WHERE year = (SELECT max(year) FROM membership)
),
regio AS (
  SELECT jeugdregio_code AS jz FROM lid WHERE gemeente_code = $geo OR jeugdregio_code = $geo LIMIT 1
),
alle AS (
  SELECT o.geo_code, o.period, o.value, o.status,
         rank() OVER (ORDER BY o.value DESC) AS rang, count(*) OVER () AS van, median(o.value) OVER () AS mediaan
  FROM o, yr WHERE o.indicator = 'kwb_aandeel_jongeren_jeugdzorg' AND o.period = yr.y AND o.value IS NOT NULL
    AND o.geo_code IN (SELECT gemeente_code FROM lid)
)
SELECT a.geo_code, g.name AS naam, rg.name AS regio, a.period AS jaar, a.value AS aandeel, n.value AS jongeren,
       a.rang, a.van, a.mediaan, a.geo_code = $geo AS eigen, $geo LIKE 'JZ%' AS voor_regio, a.status
FROM alle a
JOIN lid l ON l.gemeente_code = a.geo_code
JOIN regio r ON r.jz = l.jeugdregio_code
JOIN geo g ON g.geo_code = a.geo_code
JOIN geo rg ON rg.geo_code = r.jz
LEFT JOIN o n ON n.geo_code = a.geo_code AND n.period = a.period AND n.indicator = 'kwb_jongeren_jeugdzorg'
ORDER BY aandeel DESC, naam`;

export const columns = ['geo_code', 'naam', 'regio', 'jaar', 'aandeel', 'jongeren', 'rang', 'van', 'mediaan', 'eigen', 'voor_regio', 'status'];
export const indicators = ['kwb_aandeel_jongeren_jeugdzorg', 'kwb_jongeren_jeugdzorg'] as const satisfies readonly IndicatorId[];

/** A gemeente page needs its own figure; a regio page the figures of its gemeenten. */
export const hasData = (rows: KwbRow[]) => rows.some((r) => r.eigen) || (rows.length > 0 && rows[0].voor_regio);

const own = (rows: KwbRow[]) => rows.find((r) => r.eigen);
const pct = (v: number) => formatPercent(v, 1);

export function plot(rows: KwbRow[], options: PlotOptions): Element {
  return labelledBars(
    rows.map((r) => ({
      label: r.naam,
      value: r.aandeel,
      color: r.eigen ? ROLE_STYLE[1].color : 'var(--c3, #444444)',
      highlight: r.eigen,
      provisional: r.status != null && r.status !== 'definitief',
      title: `${r.naam}, ${r.jaar}: ${pct(r.aandeel)}${r.jongeren != null ? ` (${formatNumber(r.jongeren)} jongeren)` : ''}`,
    })),
    { ...options, axisLabel: `% van de jongeren tot 23 jaar met jeugdzorg, ${rows[0].jaar}`, format: (v) => formatPercent(v, 1) },
  );
}

export const legend = () => [];

const compared = (v: number, m: number) => (v > m ? 'meer dan' : v < m ? 'minder dan' : 'even veel als');

/** The finding, as a title: the place's share, its rank, and how it compares with the median gemeente. */
export function headline(rows: KwbRow[], ctx: ChartContext): string {
  const o = own(rows);
  if (o) {
    return `${o.naam}: ${pct(o.aandeel)} van de jongeren had in ${o.jaar} jeugdzorg, ${compared(o.aandeel, o.mediaan)} in de middelste gemeente (${pct(o.mediaan)})`;
  }
  const hi = rows[0];
  const lo = rows[rows.length - 1];
  return `In jeugdregio ${hi.regio} had in ${hi.jaar} ${pct(lo.aandeel)} (${lo.naam}) tot ${pct(hi.aandeel)} (${hi.naam}) van de jongeren jeugdzorg`;
}

export function summary(rows: KwbRow[], ctx: ChartContext): string {
  const o = own(rows);
  const first = rows[0];
  const others = rows.filter((r) => !r.eigen);
  let s = o
    ? `In ${o.naam} kreeg in ${o.jaar} ${pct(o.aandeel)} van de jongeren tot 23 jaar jeugdzorg${o.jongeren != null ? ` (${formatNumber(o.jongeren)} jongeren)` : ''}. ` +
      `Van de ${o.van} gemeenten met een cijfer staat ${o.naam} op plaats ${o.rang} (1 = het hoogste aandeel); de middelste gemeente had ${pct(o.mediaan)}.`
    : `De ${rows.length} gemeenten van jeugdregio ${first.regio} lagen in ${first.jaar} tussen ${pct(rows[rows.length - 1].aandeel)} en ${pct(first.aandeel)}; de middelste gemeente van Nederland had ${pct(first.mediaan)}.`;
  if (o && others.length) {
    const lower = others.filter((r) => r.aandeel < o.aandeel).length;
    s += ` In jeugdregio ${o.regio} ${lower === 1 ? 'had 1 van de' : `hadden ${lower} van de`} ${others.length} andere gemeenten een lager aandeel.`;
  }
  return s;
}

export const empty = (ctx: ChartContext) =>
  `${noDataSentence(ctx, 'het aandeel jongeren met jeugdzorg (Kerncijfers wijken en buurten)')}${ctx.geo.level === 'land' ? ' CBS publiceert dit kerncijfer alleen per gemeente.' : ''}`;

export function table(rows: KwbRow[], ctx: ChartContext) {
  return {
    caption: `Jongeren tot 23 jaar met jeugdzorg (Kerncijfers wijken en buurten, ${rows[0].jaar}), gemeenten van jeugdregio ${rows[0].regio}${ctx.geo.level === 'gemeente' ? `, met ${placeName(ctx.geo)}` : ''}`,
    head: ['Gemeente', 'Aandeel', 'Jongeren met jeugdzorg', 'Plaats onder alle gemeenten'],
    body: rows.map((r) => [r.naam, pct(r.aandeel), r.jongeren == null ? 'onbekend' : formatNumber(r.jongeren), `${r.rang} van ${r.van}`]),
    rowHeader: 0,
  };
}

export const source = { tables: ['85039NED e.a. (Kerncijfers wijken en buurten)'], citation: 'Bron: CBS' };

export const notes = [
  'Plaats 1 = het hoogste aandeel van alle gemeenten met een cijfer dat jaar. De middelste gemeente is de mediaan.',
  ...caveatsOf(indicators),
];

const chart: ChartDef<KwbRow> = { id, title, question, definition, sql, columns, indicators, hasData, plot, legend, summary, headline, empty, table, source, notes };
export default chart;
