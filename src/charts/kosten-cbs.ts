import type { IndicatorId } from '../catalog/indicators.ts';
/**
 * Youth-care costs as gemeenten report them to CBS (83454NED "Gemeentelijke kosten; jeugdzorg, regio"):
 * budgeted against realised, per year, for the place (Q7, Q8). A source of its own beside Iv3 (kosten-trend),
 * with another definition (jeugdhulp, jeugdbescherming and jeugdreclassering together, gross), so it is a chart
 * of its own and never added to or drawn against the Iv3 figures.
 */
import { indicator } from '../catalog/indicators.ts';
import { change, formatChange, formatEuro, formatYear } from '../shared/format.ts';
import { OBS_CTE, ROLE_STYLE, capitalise, caveatsOf, inPlace, legendOf, lineChart, noDataSentence, pivotByYear, placeName, provisional, type Series } from './shared.ts';
import type { ChartContext, ChartDef, PlotOptions } from './types.ts';

export interface KostenCbsRow {
  [k: string]: string | number | null;
  naam: string;
  ord: number;
  soort: string;
  jaar: number;
  kosten: number | null;
  status: string | null;
}

export const id = 'kosten-cbs';
export const title = { nl: 'Kosten jeugdzorg volgens CBS: begroot en gerealiseerd', en: 'Youth-care costs reported to CBS: budgeted and actual' };
export const question = 'Hoeveel geeft de gemeente uit aan jeugdzorg volgens haar eigen opgave aan CBS, en valt dat hoger of lager uit dan begroot?';
export const definition = indicator('kosten_jeugdzorg_cbs_realisatie').definition;

const SOORTEN = [
  { indicator: 'kosten_jeugdzorg_cbs_begroting', label: 'Begroot' },
  { indicator: 'kosten_jeugdzorg_cbs_realisatie', label: 'Gerealiseerd' },
] as const satisfies readonly { indicator: IndicatorId; label: string }[];

export const sql = `WITH ${OBS_CTE},
soorten(indicator, soort, ord) AS (VALUES
${SOORTEN.map((s, i) => `  ('${s.indicator}', '${s.label}', ${i})`).join(',\n')}
)
SELECT g.name AS naam, s.ord, s.soort, v.period AS jaar, v.value AS kosten, v.status
FROM soorten s
JOIN o v ON v.indicator = s.indicator AND v.geo_code = $geo
JOIN geo g ON g.geo_code = v.geo_code
ORDER BY ord, jaar`;

export const columns = ['naam', 'ord', 'soort', 'jaar', 'kosten', 'status'];
export const indicators = SOORTEN.map((s) => s.indicator);

function seriesOf(rows: KostenCbsRow[]): Series<KostenCbsRow>[] {
  return SOORTEN.map((s, i) => ({ key: i, label: s.label, rows: rows.filter((r) => r.ord === i), ...ROLE_STYLE[i === 0 ? 2 : 1] }))
    .filter((s) => s.rows.some((r) => r.kosten != null));
}

export const hasData = (rows: KostenCbsRow[]) => rows.some((r) => r.kosten != null);

export function plot(rows: KostenCbsRow[], options: PlotOptions): Element {
  return lineChart<KostenCbsRow>(
    {
      series: seriesOf(rows),
      x: 'jaar',
      y: 'kosten',
      yLabel: 'euro',
      yFormat: (v) => formatEuro(v),
      title: (r) => `${r.soort}, ${formatYear(r.jaar)}: ${formatEuro(r.kosten)}`,
    },
    options,
  );
}

export const legend = (rows: KostenCbsRow[]) => legendOf(seriesOf(rows));

export function summary(rows: KostenCbsRow[], ctx: ChartContext): string {
  if (!hasData(rows)) return empty(ctx);
  const real = rows.filter((r) => r.ord === 1 && r.kosten != null).sort((a, b) => a.jaar - b.jaar);
  const budget = rows.filter((r) => r.ord === 0 && r.kosten != null);
  const place = capitalise(inPlace(ctx.geo));
  if (!real.length) {
    const b = budget.sort((x, y) => x.jaar - y.jaar).at(-1)!;
    return `${place} was voor ${b.jaar} ${formatEuro(b.kosten)} aan jeugdzorg begroot; de gerealiseerde kosten staan er (nog) niet in.${provisional(rows)}`;
  }
  const last = real[real.length - 1];
  let s = `${place} kostte de jeugdzorg in ${last.jaar} ${formatEuro(last.kosten)} volgens de opgave aan CBS`;
  const b = budget.find((r) => r.jaar === last.jaar);
  const diff = b ? change(b.kosten, last.kosten) : null;
  if (diff != null) s += `, ${formatChange(diff)} ten opzichte van de begroting (${formatEuro(b!.kosten)})`;
  const first = real[0];
  const growth = first !== last ? change(first.kosten, last.kosten) : null;
  if (growth != null) s += `; sinds ${first.jaar} ${formatChange(growth)}`;
  return `${s}.${provisional(rows)}`;
}

export const empty = (ctx: ChartContext) =>
  `${noDataSentence(ctx, 'de kosten van jeugdzorg volgens CBS')} CBS publiceert begrote en gerealiseerde kosten per gemeente, jeugdregio en Nederland in 83454NED; ze komen met npm run fetch.`;

export function table(rows: KostenCbsRow[], ctx: ChartContext) {
  return pivotByYear(
    `Kosten jeugdzorg volgens CBS, ${placeName(ctx.geo)}`,
    seriesOf(rows).map((s) => ({ label: s.label, rows: s.rows })),
    (r) => formatEuro(r.kosten),
  );
}

export const source = { tables: ['83454NED (Beleidsinformatie Jeugd, gemeentelijke kosten)', 'CBS-publicaties (overgetypt)'], citation: 'Bron: CBS' };
export const notes = [
  'Kosten zoals gemeenten ze aan CBS opgeven (bruto, jeugdhulp, jeugdbescherming en jeugdreclassering samen); niet te vergelijken met of op te tellen bij de Iv3-lasten en netto-uitgaven op deze site.',
  'Niet gecorrigeerd voor inflatie.',
  ...caveatsOf(indicators),
];

const chart: ChartDef<KostenCbsRow> = { id, title, question, definition, sql, columns, indicators, hasData, plot, legend, summary, empty, table, source, notes };
export default chart;
