/**
 * Secure placement (gesloten plaatsing, JeugdzorgPlus) against the goal that its present form no
 * longer exists in 2030. The dashed path from the last figure to zero in 2030 is an orientation line,
 * not a forecast: the summary compares the pace it needs with the pace so far.
 */
import type { IndicatorId } from '../catalog/indicators.ts';
import * as Plot from '@observablehq/plot';
import { formatNumber, formatYear } from '../shared/format.ts';
import { FONT_SIZE, OBS_CTE, caveatsOf, capitalise, inPlace, noDataSentence, placeName, pivotByYear, provisional, yearTicks } from './shared.ts';
import type { ChartContext, ChartDef, LegendItem, PlotOptions } from './types.ts';

export interface GeslotenRow {
  [k: string]: string | number | null;
  jaar: number;
  jongeren: number | null;
  met_verblijf: number | null;
  status: string | null;
}

export const GOAL_YEAR = 2030;

export const id = 'gesloten-2030';
export const title = { nl: 'Gesloten plaatsing en het doel voor 2030', en: 'Secure placement and the 2030 goal' };
export const question = 'Daalt het aantal jongeren in gesloten plaatsing snel genoeg voor het doel van 2030?';

export const sql = `WITH ${OBS_CTE}
SELECT g.period AS jaar, g.value AS jongeren, v.value AS met_verblijf, g.status
FROM o g
LEFT JOIN o v ON v.geo_code = g.geo_code AND v.period = g.period AND v.indicator = 'jongeren_jeugdhulp_met_verblijf'
WHERE g.geo_code = $geo AND g.indicator = 'jongeren_verblijf_gesloten'
ORDER BY jaar`;

export const columns = ['jaar', 'jongeren', 'met_verblijf', 'status'];
export const indicators = ['jongeren_verblijf_gesloten', 'jongeren_jeugdhulp_met_verblijf'] as const satisfies readonly IndicatorId[];

const known = (rows: GeslotenRow[]) => rows.filter((r) => r.jongeren != null) as (GeslotenRow & { jongeren: number })[];

export const hasData = (rows: GeslotenRow[]) => known(rows).length > 0;

export function plot(rows: GeslotenRow[], { document, width }: PlotOptions): Element {
  const k = known(rows);
  const last = k[k.length - 1];
  const ys = [...k.map((r) => r.jaar), GOAL_YEAR];
  const path = [{ jaar: last.jaar, jongeren: last.jongeren }, { jaar: GOAL_YEAR, jongeren: 0 }];
  return Plot.plot({
    document,
    width,
    height: width < 480 ? 240 : 280,
    marginLeft: 12,
    marginTop: 26,
    style: { fontSize: `${FONT_SIZE}px`, overflow: 'visible' },
    x: { type: 'linear', domain: [Math.min(...ys) - 0.3, GOAL_YEAR + 0.3], ticks: yearTicks(ys, width), tickFormat: (d: number) => formatYear(d), label: null },
    y: { zero: true, nice: true, insetTop: 4 },
    marks: [
      Plot.gridY({ ticks: 4, strokeOpacity: 0.12 }),
      Plot.axisY({ ticks: 4, tickFormat: (v: number) => formatNumber(v), textAnchor: 'start', dx: 2, dy: -7, tickSize: 0, label: 'jongeren in gesloten plaatsing', labelAnchor: 'top', labelArrow: 'none', labelOffset: 0 }),
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.5 }),
      Plot.ruleX([GOAL_YEAR], { stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '3 3' }),
      Plot.text([GOAL_YEAR], { x: (d: number) => d, frameAnchor: 'top', dx: -4, textAnchor: 'end', text: () => 'doel 2030', fontSize: FONT_SIZE - 2, fill: 'currentColor' }),
      Plot.line(path, { x: 'jaar', y: 'jongeren', stroke: 'var(--c3, #444444)', strokeWidth: 2, strokeDasharray: '6 4' }),
      Plot.line(k, { x: 'jaar', y: 'jongeren', stroke: 'var(--c1, #0072b2)', strokeWidth: 2.5 }),
      Plot.dot(k, {
        x: 'jaar', y: 'jongeren', r: 4.5, fill: 'var(--c1, #0072b2)', stroke: 'var(--plot-background, #fff)', symbol: 'circle',
        title: (r: GeslotenRow) => `${formatYear(r.jaar)}: ${formatNumber(r.jongeren)} jongeren in gesloten plaatsing`,
      }),
    ],
  }) as unknown as Element;
}

export const legend = (): LegendItem[] => [
  { label: 'Jongeren in gesloten plaatsing', color: 'var(--c1, #0072b2)', symbol: 'circle' },
  { label: `Rechte lijn naar nul in ${GOAL_YEAR} (ter oriëntatie)`, color: 'var(--c3, #444444)', dash: '6 4' },
];

export function summary(rows: GeslotenRow[], ctx: ChartContext): string {
  const k = known(rows);
  const last = k[k.length - 1];
  let s = `${capitalise(inPlace(ctx.geo))} zaten in ${last.jaar} ${formatNumber(last.jongeren)} jongeren in gesloten plaatsing`;
  s += last.met_verblijf ? `, ${formatNumber((100 * last.jongeren) / last.met_verblijf, 1)} % van alle jongeren met verblijf.` : '.';
  const needed = last.jongeren / (GOAL_YEAR - last.jaar);
  s += ` Om in ${GOAL_YEAR} op nul te komen moet dat met gemiddeld ${formatNumber(needed)} per jaar dalen`;
  const first = k[0];
  if (first.jaar < last.jaar) {
    const pace = (first.jongeren - last.jongeren) / (last.jaar - first.jaar);
    s += pace > 0 ? `; van ${first.jaar} tot ${last.jaar} daalde het met gemiddeld ${formatNumber(pace)} per jaar.` : `; van ${first.jaar} tot ${last.jaar} daalde het niet.`;
  } else s += '.';
  return s + provisional(rows);
}

export const empty = (ctx: ChartContext) => noDataSentence(ctx, 'jongeren in gesloten plaatsing');

export const table = (rows: GeslotenRow[], ctx: ChartContext) =>
  pivotByYear(`Jongeren in gesloten plaatsing, ${placeName(ctx.geo)}`, [{ label: 'Gesloten plaatsing', rows }, { label: 'Alle jeugdhulp met verblijf', rows: rows.map((r) => ({ ...r, jongeren: r.met_verblijf })) }], (r) => formatNumber(r.jongeren));

export const source = { tables: ['84134NED', '85099NED (Beleidsinformatie Jeugd)'], citation: 'Bron: CBS' };

export const notes = [
  `In ${GOAL_YEAR} moet de huidige vorm van gesloten jeugdhulp (JeugdzorgPlus) verdwenen zijn; kleinschalige, gesloten plekken kunnen blijven. Nul is dus de grens van het doel, geen voorspelling.`,
  'De gestippelde lijn is een rechte lijn van het laatste cijfer naar nul, alleen om het benodigde tempo te laten zien.',
  ...caveatsOf(indicators),
];

const chart: ChartDef<GeslotenRow> = { id, title, question, sql, columns, indicators, hasData, plot, legend, summary, empty, table, source, notes };
export default chart;
