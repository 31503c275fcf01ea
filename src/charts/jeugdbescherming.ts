import type { IndicatorId } from '../catalog/indicators.ts';
/**
 * Young people under a child-protection order (ondertoezichtstelling or voogdij) and on youth probation per
 * year, for the place itself (Q25). Counts of unique young people from CBS Beleidsinformatie Jeugd and the
 * figures transcribed from CBS publications; the two series are different measures, drawn side by side.
 */
import { indicator } from '../catalog/indicators.ts';
import { change, formatChange, formatNumber, formatYear } from '../shared/format.ts';
import { CATEGORY_STYLE, OBS_CTE, capitalise, caveatsOf, inPlace, legendOf, lineChart, noDataSentence, pivotByYear, placeName, provisional, type Series } from './shared.ts';
import type { ChartContext, ChartDef, PlotOptions } from './types.ts';

export interface JeugdbeschermingRow {
  [k: string]: string | number | null;
  naam: string;
  ord: number;
  maatregel: string;
  jaar: number;
  jongeren: number | null;
  status: string | null;
}

export const id = 'jeugdbescherming';
export const title = { nl: 'Jongeren met jeugdbescherming en jeugdreclassering', en: 'Young people under child protection and on youth probation' };
export const question = 'Hoeveel jongeren hebben een kinderbeschermingsmaatregel (ondertoezichtstelling of voogdij) of jeugdreclassering, en neemt dat af?';
export const definition = `${indicator('jongeren_jeugdbescherming').definition} ${indicator('jongeren_jeugdreclassering').definition}`;

const MAATREGELEN = [
  { indicator: 'jongeren_jeugdbescherming', label: 'Jeugdbescherming (OTS en voogdij)' },
  { indicator: 'jongeren_jeugdreclassering', label: 'Jeugdreclassering' },
] as const satisfies readonly { indicator: IndicatorId; label: string }[];

export const sql = `WITH ${OBS_CTE},
maatregelen(indicator, maatregel, ord) AS (VALUES
${MAATREGELEN.map((m, i) => `  ('${m.indicator}', '${m.label}', ${i})`).join(',\n')}
)
SELECT g.name AS naam, m.ord, m.maatregel, v.period AS jaar, v.value AS jongeren, v.status
FROM maatregelen m
JOIN o v ON v.indicator = m.indicator AND v.geo_code = $geo
JOIN geo g ON g.geo_code = v.geo_code
ORDER BY ord, jaar`;

export const columns = ['naam', 'ord', 'maatregel', 'jaar', 'jongeren', 'status'];
export const indicators = MAATREGELEN.map((m) => m.indicator);

function seriesOf(rows: JeugdbeschermingRow[]): Series<JeugdbeschermingRow>[] {
  return MAATREGELEN.map((m, i) => ({ key: i, label: m.label, rows: rows.filter((r) => r.ord === i), ...CATEGORY_STYLE[i] }))
    .filter((s) => s.rows.some((r) => r.jongeren != null));
}

export const hasData = (rows: JeugdbeschermingRow[]) => rows.some((r) => r.jongeren != null);

export function plot(rows: JeugdbeschermingRow[], options: PlotOptions): Element {
  return lineChart<JeugdbeschermingRow>(
    {
      series: seriesOf(rows),
      x: 'jaar',
      y: 'jongeren',
      yLabel: 'jongeren',
      yFormat: (v) => formatNumber(v),
      title: (r) => `${r.maatregel}, ${formatYear(r.jaar)}: ${formatNumber(r.jongeren)} jongeren`,
    },
    options,
  );
}

export const legend = (rows: JeugdbeschermingRow[]) => legendOf(seriesOf(rows));

export function summary(rows: JeugdbeschermingRow[], ctx: ChartContext): string {
  if (!hasData(rows)) return empty(ctx);
  const parts: string[] = [];
  for (const s of seriesOf(rows)) {
    const known = s.rows.filter((r) => r.jongeren != null).sort((a, b) => a.jaar - b.jaar);
    const last = known[known.length - 1];
    const first = known[0];
    let p = `${s.label.charAt(0).toLowerCase()}${s.label.slice(1)} ${formatNumber(last.jongeren)} jongeren in ${last.jaar}`;
    const c = first !== last ? change(first.jongeren, last.jongeren) : null;
    if (c != null) p += ` (${formatChange(c)} sinds ${first.jaar})`;
    parts.push(p);
  }
  return `${capitalise(inPlace(ctx.geo))}: ${parts.join('; ')}.${provisional(rows)}`;
}

export const empty = (ctx: ChartContext) =>
  `${noDataSentence(ctx, 'jeugdbescherming en jeugdreclassering')} CBS publiceert deze aantallen per jaar in Beleidsinformatie Jeugd (85099NED); ze komen met npm run fetch.`;

export function table(rows: JeugdbeschermingRow[], ctx: ChartContext) {
  return pivotByYear(
    `Jongeren met jeugdbescherming en jeugdreclassering, ${placeName(ctx.geo)}`,
    seriesOf(rows).map((s) => ({ label: s.label, rows: s.rows })),
    (r) => formatNumber(r.jongeren),
  );
}

export const source = { tables: ['84134NED', '85099NED (Beleidsinformatie Jeugd)', 'CBS-publicaties (overgetypt)'], citation: 'Bron: CBS' };
export const notes = [
  'Wachttijden voor een jeugdbeschermingsmaatregel staan niet in deze CBS-cijfers: zie "Buiten de cijfers".',
  'Een maatregel apart naar ondertoezichtstelling en voogdij publiceert CBS per half jaar en per peildatum; die staan hier niet.',
  ...caveatsOf(indicators),
];

const chart: ChartDef<JeugdbeschermingRow> = { id, title, question, definition, sql, columns, indicators, hasData, plot, legend, summary, empty, table, source, notes };
export default chart;
