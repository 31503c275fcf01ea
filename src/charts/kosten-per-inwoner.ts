import { NL } from '../catalog/places.ts';
import type { IndicatorId } from '../catalog/indicators.ts';
import * as Plot from '@observablehq/plot';
import { change, formatChange, formatEuro, formatEuroExact, formatNumber, formatYear } from '../shared/format.ts';
import {
  FONT_SIZE, NOTE_CORONA, NOTE_NETTO, NOTE_WOONPLAATS, OBS_CTE, PLACES_CTE, ROLE_STYLE, placeLabel, placeSeries, caveatsOf, capitalise, costFlagNotice, inPlace,
  legendOf, lineChart, noDataSentence, pivotByYear, placeName, provisional, years, type Series,
  exploreOf,
} from './shared.ts';
import type { ChartContext, ChartDef, ExploreSpec, LegendItem, PlotOptions } from './types.ts';

export interface PerInwonerRow {
  [k: string]: string | number | null;
  ord: number;
  geo_code: string;
  naam: string;
  niveau: string;
  jaar: number;
  netto: number | null;
  inwoners: number | null;
  per_inwoner: number | null;
  vlag: string | null;
  aandeel_baten: number | null;
  elders: string | null;
  status: string | null;
}

export const id = 'kosten-per-inwoner';
export const title = { nl: 'Netto uitgaven aan jeugdhulp per inwoner', en: 'Net youth-care spending per inhabitant' };
export const question = 'Geeft deze gemeente per inwoner meer of minder uit aan jeugdhulp dan de regio en Nederland?';

/** Netto per inwoner as the pipeline stored it (jaarrekening), for the place, its jeugdregio and Nederland. */
export const sql = `WITH ${OBS_CTE},
${PLACES_CTE}
SELECT p.ord, g.geo_code, g.name AS naam, g.level AS niveau, k.period AS jaar,
       n.value AS netto, b.value AS inwoners, k.value AS per_inwoner, k.flag AS vlag, a.value AS aandeel_baten,
       (SELECT string_agg(eg.name, ', ' ORDER BY eg.name) FROM o e JOIN geo eg ON eg.geo_code = e.geo_code
        WHERE e.indicator = k.indicator AND e.period = k.period AND e.flag = 'elders-geboekt'
          AND (k.geo_code = '${NL}' OR e.geo_code IN (
            SELECT gemeente_code FROM membership WHERE jeugdregio_code = k.geo_code
              AND year = (SELECT max(year) FROM membership WHERE year <= k.period)))) AS elders,
       k.status
FROM places p
JOIN geo g ON g.geo_code = p.geo_code
JOIN o k ON k.geo_code = p.geo_code AND k.indicator = 'netto_jeugdhulp_per_inwoner_jaarrekening'
LEFT JOIN o n ON n.geo_code = k.geo_code AND n.period = k.period AND n.indicator = 'netto_jeugdhulp_jaarrekening'
LEFT JOIN o b ON b.geo_code = k.geo_code AND b.period = k.period AND b.indicator = 'bevolking_totaal'
LEFT JOIN o a ON a.geo_code = k.geo_code AND a.period = k.period AND a.indicator = 'aandeel_baten_jeugdhulp_jaarrekening'
ORDER BY p.ord, jaar`;

export const columns = ['ord', 'geo_code', 'naam', 'niveau', 'jaar', 'netto', 'inwoners', 'per_inwoner', 'vlag', 'aandeel_baten', 'elders', 'status'];
export const indicators = ['netto_jeugdhulp_per_inwoner_jaarrekening', 'netto_jeugdhulp_jaarrekening', 'bevolking_totaal'] as const satisfies readonly IndicatorId[];

const seriesOf = (rows: PerInwonerRow[]): Series<PerInwonerRow>[] => placeSeries(rows, 'per_inwoner');

export const hasData = (rows: PerInwonerRow[]) => rows.some((r) => r.per_inwoner != null);

/** One year of figures: labelled bars (a line needs at least two years). */
function bars(rows: PerInwonerRow[], { document, width }: PlotOptions): Element {
  const known = rows.filter((r) => r.per_inwoner != null);
  const narrow = width < 480;
  return Plot.plot({
    document,
    width,
    height: 44 * known.length + 36,
    marginLeft: narrow ? 8 : 12,
    marginRight: narrow ? 64 : 80,
    marginTop: 8,
    marginBottom: 28,
    style: { fontSize: `${FONT_SIZE}px`, overflow: 'visible' },
    x: { zero: true, nice: true, label: null, tickFormat: (v: number) => formatEuro(v), ticks: narrow ? 3 : 5 },
    y: { domain: known.map(placeLabel), axis: null },
    marks: [
      Plot.gridX({ ticks: narrow ? 3 : 5, strokeOpacity: 0.12 }),
      Plot.barX(known, {
        y: placeLabel, x: 'per_inwoner', fill: (r: PerInwonerRow) => ROLE_STYLE[r.ord].color, insetTop: 17, insetBottom: 3,
        title: (r: PerInwonerRow) => `${placeLabel(r)}, ${formatYear(r.jaar)}: ${formatEuro(r.per_inwoner)} per inwoner`,
      }),
      // The name above its bar and the figure at its end: no legend to look up.
      Plot.text(known, { y: placeLabel, x: 0, text: placeLabel, textAnchor: 'start', dy: -11, fill: 'currentColor', frameAnchor: 'left' }),
      Plot.text(known, { y: placeLabel, x: 'per_inwoner', text: (r: PerInwonerRow) => formatEuro(r.per_inwoner), textAnchor: 'start', dx: 4, dy: 7, fill: 'currentColor', fontWeight: 600 }),
      Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.5 }),
    ],
  }) as unknown as Element;
}

export function plot(rows: PerInwonerRow[], options: PlotOptions): Element {
  if (years(rows.filter((r) => r.per_inwoner != null)).length === 1) return bars(rows, options);
  return lineChart<PerInwonerRow>(
    {
      series: seriesOf(rows),
      x: 'jaar',
      y: 'per_inwoner',
      yLabel: 'netto euro per inwoner',
      yFormat: (v) => formatEuro(v),
      title: (r) => `${placeLabel(r)}, ${formatYear(r.jaar)}: ${formatEuro(r.per_inwoner)} per inwoner`,
      breaks: [{ year: 2023, label: 'nieuwe taakvelden' }],
      corona: true,
    },
    options,
  );
}

/** Bars are labelled in the drawing itself; lines need the legend. */
export const legend = (rows: PerInwonerRow[]): LegendItem[] =>
  years(rows.filter((r) => r.per_inwoner != null)).length === 1 ? [] : legendOf(seriesOf(rows));

export function summary(rows: PerInwonerRow[], ctx: ChartContext): string {
  const own = rows.filter((r) => r.ord === 1 && r.per_inwoner != null).sort((a, b) => a.jaar - b.jaar);
  if (!own.length) {
    const base = empty(ctx, rows);
    const other = rows.filter((r) => r.per_inwoner != null).sort((a, b) => b.jaar - a.jaar || a.ord - b.ord)[0];
    return other ? `${base} Ter vergelijking: ${other.ord === 3 ? 'landelijk' : `in ${placeLabel(other).replace('Jeugdregio', 'jeugdregio')}`} was het in ${other.jaar} netto ${formatEuro(other.per_inwoner)} per inwoner.` : base;
  }
  const last = own[own.length - 1];
  let s = `${capitalise(inPlace(ctx.geo))} ging in ${last.jaar} netto ${formatEuro(last.per_inwoner)} per inwoner naar individuele jeugdhulp`;
  const cmp = rows
    .filter((r) => r.ord > 1 && r.jaar === last.jaar && r.per_inwoner != null)
    .map((r) => {
      const c = change(r.per_inwoner, last.per_inwoner);
      // change() is in percent: within 2 % reads as "about the same".
      const rel = c == null || Math.abs(c) < 2 ? 'ongeveer evenveel als' : `${formatNumber(Math.abs(c))} % ${c > 0 ? 'meer' : 'minder'} dan`;
      return `${rel} ${r.ord === 3 ? 'landelijk' : `jeugdregio ${r.naam}`} (${formatEuro(r.per_inwoner)})`;
    });
  s += cmp.length ? `: ${cmp.join(' en ')}.` : '.';
  const first = own[0];
  const c = change(first.per_inwoner, last.per_inwoner);
  if (first.jaar < last.jaar && c != null) s += ` In ${first.jaar} was het ${formatEuro(first.per_inwoner)} per inwoner (${formatChange(c)}, zonder correctie voor prijsstijgingen).`;
  return s + provisional(own);
}

export const empty = (ctx: ChartContext, rows: PerInwonerRow[] = []) => {
  // Say why there is nothing (booked elsewhere), after the plain "geen cijfers" sentence.
  const why = costFlagNotice(rows.filter((r) => r.ord === 1), ctx, { onlyElsewhere: true });
  return `${noDataSentence(ctx, 'netto uitgaven aan jeugdhulp per inwoner')}${why ? ` ${why}` : ''}`;
};

export const notice = (rows: PerInwonerRow[], ctx: ChartContext) => {
  const own = rows.filter((r) => r.ord === 1);
  return own.some((r) => r.per_inwoner != null) ? costFlagNotice(own, ctx) : null;
};

export function table(rows: PerInwonerRow[], ctx: ChartContext) {
  const ords = [...new Set(rows.map((r) => r.ord))].sort();
  return pivotByYear(
    `Netto uitgaven individuele jeugdhulp per inwoner (jaarrekening), ${placeName(ctx.geo)}${ords.length > 1 ? ' en vergelijking' : ''}`,
    ords.map((ord) => {
      const sub = rows.filter((r) => r.ord === ord);
      return { label: placeLabel(sub[0]), rows: sub };
    }),
    (r) =>
      r.per_inwoner == null
        ? r.vlag === 'elders-geboekt' ? 'elders geboekt' : 'onbekend'
        : `${formatEuro(r.per_inwoner)} (${formatEuroExact(r.netto)} / ${formatNumber(r.inwoners)} inw.)`,
  );
}

export const source = {
  tables: ['Iv3 gemeenten (CBS dataderden), jaarrekening', '70072ned (inwoners op 1 januari)'],
  citation: 'Bron: CBS',
};

export const notes = [
  'Per inwoner = netto lasten (lasten − baten) volgens de jaarrekening gedeeld door alle inwoners op 1 januari van hetzelfde jaar; de pijplijn rekent het uit en slaat het op. Bedragen zijn niet gecorrigeerd voor inflatie.',
  NOTE_NETTO,
  ...caveatsOf(indicators, [NOTE_CORONA, NOTE_WOONPLAATS]),
];

export const explore: ExploreSpec = exploreOf('netto_jeugdhulp_jaarrekening_per_inwoner');

const chart: ChartDef<PerInwonerRow> = { id, title, question, sql, columns, indicators, hasData, plot, legend, summary, empty, notice, table, source, notes, explore };
export default chart;
