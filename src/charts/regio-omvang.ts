import type { IndicatorId } from '../catalog/indicators.ts';
/**
 * Region size (Q30): the 0–17 population of every jeugdregio in the newest year with figures, ranked, against
 * the proposed minimum of 65 000 young people per region (Hervormingsagenda Jeugd). The regional sums are
 * made by the pipeline (aggregate: the gemeenten of the region in that year); the page's own region is bold.
 */
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../shared/format.ts';
import { FONT_SIZE, OBS_CTE, ROLE_STYLE, noDataSentence, placeName } from './shared.ts';
import type { ChartContext, ChartDef, DataTable, PlotOptions } from './types.ts';

/** The proposed minimum size of a jeugdregio, in young people aged 0–17. */
export const MIN_JONGEREN = 65_000;

export interface RegioOmvangRow {
  [k: string]: string | number | boolean | null;
  geo_code: string;
  naam: string;
  jaar: number;
  jongeren_0_17: number | null;
  /** The page's region (the region itself, or the region of the gemeente). */
  eigen: boolean;
  status: string | null;
}

export const id = 'regio-omvang';
export const title = { nl: 'Hoe groot zijn de jeugdregio’s? Jongeren 0–17 jaar tegen de voorgestelde 65.000', en: 'How large are the youth-care regions? Young people aged 0–17 against the proposed 65,000' };
export const question = 'Welke jeugdregio’s hebben minder dan de voorgestelde 65.000 jongeren van 0 tot en met 17 jaar?';
export const definition = 'Inwoners van 0 tot en met 17 jaar op 1 januari per jeugdregio (CBS 03759ned, per leeftijd opgeteld; de regio is de som van haar gemeenten dat jaar), naast het voorgestelde minimum van 65.000 jongeren per regio.';

export const sql = `WITH ${OBS_CTE},
jaar AS (SELECT max(period) AS jaar FROM o WHERE indicator = 'bevolking_0_17' AND geo_code LIKE 'JZ%' AND value IS NOT NULL)
-- A join, not IN over a CTE: the build runs this SQL as a LATERAL for all places, and DuckDB decorrelates a join as written.
SELECT g.geo_code, g.name AS naam, v.period AS jaar, v.value AS jongeren_0_17,
       (g.geo_code = $geo OR g.geo_code IS NOT DISTINCT FROM m.jz) AS eigen, v.status
FROM o v
JOIN jaar j ON v.period = j.jaar
JOIN geo g ON g.geo_code = v.geo_code
LEFT JOIN (SELECT jeugdregio_code AS jz FROM membership WHERE gemeente_code = $geo ORDER BY year DESC LIMIT 1) m ON TRUE
WHERE v.indicator = 'bevolking_0_17' AND v.geo_code LIKE 'JZ%'
ORDER BY jongeren_0_17 DESC, naam`;

export const columns = ['geo_code', 'naam', 'jaar', 'jongeren_0_17', 'eigen', 'status'];
export const indicators = ['bevolking_0_17'] as const satisfies readonly IndicatorId[];

const known = (rows: RegioOmvangRow[]) => rows.filter((r) => r.jongeren_0_17 != null).sort((a, b) => b.jongeren_0_17! - a.jongeren_0_17! || a.naam.localeCompare(b.naam));
const below = (rows: RegioOmvangRow[]) => known(rows).filter((r) => r.jongeren_0_17! < MIN_JONGEREN);

export const hasData = (rows: RegioOmvangRow[]) => known(rows).length > 0;

export function plot(rows: RegioOmvangRow[], { document, width }: PlotOptions): Element {
  const data = known(rows);
  const narrow = width < 480;
  const row = 18;
  const svg = Plot.plot({
    document,
    width,
    height: data.length * row + 56,
    marginLeft: narrow ? 130 : 210,
    marginRight: 56,
    marginTop: 30,
    marginBottom: 26,
    style: { fontSize: `${FONT_SIZE - (narrow ? 2 : 1)}px`, overflow: 'visible' },
    x: { zero: true, nice: true, label: null, tickFormat: (v: number) => formatNumber(v), ticks: narrow ? 3 : 5 },
    y: { domain: data.map((r) => r.naam), label: null, tickSize: 0, tickFormat: (n: string) => (narrow && n.length > 20 ? `${n.slice(0, 19)}…` : n) },
    marks: [
      Plot.gridX({ ticks: narrow ? 3 : 5, strokeOpacity: 0.12 }),
      Plot.barX(data, {
        y: 'naam', x: 'jongeren_0_17', insetTop: 2, insetBottom: 2,
        fill: (r: RegioOmvangRow) => (r.eigen ? ROLE_STYLE[2].color : r.jongeren_0_17! < MIN_JONGEREN ? 'var(--b4, #c9d3dc)' : 'var(--b1, #1f4e79)'),
        title: (r: RegioOmvangRow) => `${r.naam}, ${r.jaar}: ${formatNumber(r.jongeren_0_17)} jongeren 0–17 jaar`,
      }),
      Plot.text(data.filter((r) => r.eigen), { y: 'naam', x: 'jongeren_0_17', text: (r: RegioOmvangRow) => formatNumber(r.jongeren_0_17), textAnchor: 'start', dx: 4, fill: 'currentColor', fontWeight: 700 }),
      Plot.ruleX([MIN_JONGEREN], { stroke: 'currentColor', strokeDasharray: '4 3' }),
      Plot.text([`minimum 65.000`], { x: MIN_JONGEREN, frameAnchor: 'top', dy: -20, text: (d: string) => d, textAnchor: 'start', dx: 4, fill: 'currentColor' }),
      Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.5 }),
    ],
  }) as unknown as Element;
  return svg;
}

export const legend = (rows: RegioOmvangRow[]) => {
  const items = [
    { label: 'Jeugdregio met 65.000 jongeren of meer', color: 'var(--b1, #1f4e79)', swatch: true },
    { label: 'Jeugdregio onder 65.000', color: 'var(--b4, #c9d3dc)', swatch: true },
  ];
  return known(rows).some((r) => r.eigen) ? [...items, { label: 'Deze jeugdregio', color: ROLE_STYLE[2].color, swatch: true }] : items;
};

export function summary(rows: RegioOmvangRow[], ctx: ChartContext): string {
  if (!hasData(rows)) return empty(ctx);
  const all = known(rows);
  const small = below(rows);
  const year = all[0].jaar;
  let s = `Op 1 januari ${year} hadden ${small.length} van de ${all.length} jeugdregio’s minder dan 65.000 jongeren van 0 tot en met 17 jaar`;
  s += small.length ? `; de kleinste is ${all[all.length - 1].naam} (${formatNumber(all[all.length - 1].jongeren_0_17)}).` : '.';
  const own = all.find((r) => r.eigen);
  if (own) {
    const rank = all.indexOf(own) + 1;
    s += ` Jeugdregio ${own.naam} heeft ${formatNumber(own.jongeren_0_17)} jongeren (plaats ${rank} van ${all.length}): ${own.jongeren_0_17! >= MIN_JONGEREN ? 'boven' : 'onder'} het voorgestelde minimum.`;
  }
  return s;
}

export const empty = (ctx: ChartContext) =>
  `${noDataSentence(ctx, 'het aantal jongeren per jeugdregio')} Daarvoor is de bevolking per leeftijd nodig (CBS 03759ned, met npm run fetch).`;

export function table(rows: RegioOmvangRow[], ctx: ChartContext): DataTable {
  const all = known(rows);
  return {
    caption: `Jongeren van 0–17 jaar per jeugdregio, 1 januari ${all[0]?.jaar ?? ''} (${placeName(ctx.geo)} vet in de grafiek)`.replace(' ()', ''),
    head: ['Plaats', 'Jeugdregio', 'Jongeren 0–17 jaar', 'Tegen 65.000'],
    body: all.map((r, i) => [String(i + 1), r.naam, formatNumber(r.jongeren_0_17), r.jongeren_0_17! >= MIN_JONGEREN ? 'erboven' : `${formatNumber(MIN_JONGEREN - r.jongeren_0_17!)} te weinig`]),
    rowHeader: 1,
  };
}

export const source = { tables: ['03759ned (bevolking per leeftijd, 0–17 jaar opgeteld)', 'CBS Gebieden in Nederland (gemeente → jeugdregio)'], citation: 'Bron: CBS' };
export const notes = [
  'Het minimum van 65.000 jongeren (0–17 jaar) per regio is een voorstel uit de Hervormingsagenda Jeugd; het is (nog) geen wettelijke eis.',
  'Een jeugdregio is hier de som van haar gemeenten op 1 januari van het jaar (CBS Gebieden in Nederland).',
];

const chart: ChartDef<RegioOmvangRow> = { id, title, question, definition, sql, columns, indicators, hasData, plot, legend, summary, empty, table, source, notes };
export default chart;
