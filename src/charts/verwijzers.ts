import type { IndicatorId } from '../catalog/indicators.ts';
/**
 * Who refers young people to youth care (Q28; Q21, Q23 turn on it): the share of each referrer in all
 * trajectories of jeugdhulp in natura of the place, per year (CBS 85097NED; the shares are computed in the
 * pipeline from the two counts and stored). Two of the 2022 measures aim at the medical route, so the summary
 * sets the GP's share in the last year before 2022 beside the newest year.
 */
import { VERWIJZERS } from '../catalog/indicators.ts';
import { formatNumber, formatPercent, formatYear } from '../shared/format.ts';
import { CATEGORY_STYLE, OBS_CTE, capitalise, caveatsOf, inPlace, legendOf, lineChart, noDataSentence, pivotByYear, placeName, provisional, type Series } from './shared.ts';
import type { ChartContext, ChartDef, PlotOptions } from './types.ts';

export interface VerwijzersRow {
  [k: string]: string | number | null;
  naam: string;
  ord: number;
  verwijzer: string;
  jaar: number;
  aandeel: number | null;
  trajecten: number | null;
  status: string | null;
}

export const id = 'verwijzers';
export const title = { nl: 'Wie verwijst naar jeugdhulp?', en: 'Who refers young people to youth care?' };
export const question = 'Via wie komen jongeren bij de jeugdhulp: de gemeente, de huisarts, een jeugdarts of medisch specialist, of een gecertificeerde instelling? En verwijst de huisarts na 2022 minder?';
export const definition = 'Per verwijzer het aantal trajecten jeugdhulp in natura als percentage van alle trajecten van de plaats in het jaar (CBS 85097NED; het aandeel is in de pipeline berekend uit de twee aantallen).';

/** Drawn as lines (the five largest routes); the table lists every referrer CBS has. */
const DRAWN = ['huisarts', 'gemeentelijke_toegang', 'gecertificeerde_instelling', 'medisch_specialist', 'geen'] as const;
const ORDER: string[] = [...DRAWN, ...VERWIJZERS.map((v) => v.id).filter((v) => !(DRAWN as readonly string[]).includes(v))];
const label = (vid: string) => VERWIJZERS.find((v) => v.id === vid)!.nl;

export const sql = `WITH ${OBS_CTE},
verwijzers(id, verwijzer, ord) AS (VALUES
${ORDER.map((v, i) => `  ('${v}', '${label(v).replace(/'/g, "''")}', ${i})`).join(',\n')}
)
SELECT g.name AS naam, w.ord, w.verwijzer, a.period AS jaar, a.value AS aandeel, t.value AS trajecten, a.status
FROM verwijzers w
JOIN o a ON a.indicator = 'aandeel_trajecten_' || w.id AND a.geo_code = $geo
LEFT JOIN o t ON t.indicator = 'trajecten_verwijzer_' || w.id AND t.geo_code = a.geo_code AND t.period = a.period
JOIN geo g ON g.geo_code = a.geo_code
ORDER BY ord, jaar`;

export const columns = ['naam', 'ord', 'verwijzer', 'jaar', 'aandeel', 'trajecten', 'status'];
export const indicators: readonly IndicatorId[] = [
  ...VERWIJZERS.map((v) => `trajecten_verwijzer_${v.id}` as const),
  ...VERWIJZERS.map((v) => `aandeel_trajecten_${v.id}` as const),
];

function seriesOf(rows: VerwijzersRow[], all = false): Series<VerwijzersRow>[] {
  return ORDER.slice(0, all ? ORDER.length : DRAWN.length)
    .map((v, i) => ({ key: i, label: label(v), rows: rows.filter((r) => r.ord === i), ...CATEGORY_STYLE[i % CATEGORY_STYLE.length] }))
    .filter((s) => s.rows.some((r) => r.aandeel != null));
}

export const hasData = (rows: VerwijzersRow[]) => rows.some((r) => r.aandeel != null);

export function plot(rows: VerwijzersRow[], options: PlotOptions): Element {
  return lineChart<VerwijzersRow>(
    {
      series: seriesOf(rows),
      x: 'jaar',
      y: 'aandeel',
      yLabel: '% van de trajecten',
      yFormat: (v) => formatNumber(v),
      title: (r) => `${r.verwijzer}, ${formatYear(r.jaar)}: ${formatPercent(r.aandeel)} van de trajecten${r.trajecten == null ? '' : ` (${formatNumber(r.trajecten)})`}`,
    },
    options,
  );
}

export const legend = (rows: VerwijzersRow[]) => legendOf(seriesOf(rows));

const known = (rows: VerwijzersRow[], vid: string) =>
  rows.filter((r) => r.ord === ORDER.indexOf(vid) && r.aandeel != null).sort((a, b) => a.jaar - b.jaar);

/** "via de huisarts", "zonder verwijzer", "met een onbekende verwijzer". */
const route = (name: string) =>
  name === 'Geen verwijzer' ? 'zonder verwijzer' : name === 'Verwijzer onbekend' ? 'met een onbekende verwijzer' : `via de ${name.toLowerCase()}`;

export function summary(rows: VerwijzersRow[], ctx: ChartContext): string {
  if (!hasData(rows)) return empty(ctx);
  const place = capitalise(inPlace(ctx.geo));
  const last = Math.max(...rows.filter((r) => r.aandeel != null).map((r) => r.jaar));
  const top = rows.filter((r) => r.jaar === last && r.aandeel != null).sort((a, b) => b.aandeel! - a.aandeel!)[0];
  let s = `${place} liep in ${last} de grootste groep trajecten ${route(top.verwijzer)} (${formatPercent(top.aandeel)}).`;
  const gp = known(rows, 'huisarts');
  const before = gp.filter((r) => r.jaar <= 2021).pop();
  const after = gp.filter((r) => r.jaar >= 2022).pop();
  if (before && after) {
    const d = after.aandeel! - before.aandeel!;
    s += ` Het aandeel van de huisarts was ${formatPercent(before.aandeel)} in ${before.jaar}, voor de maatregelen van 2022, en ${formatPercent(after.aandeel)} in ${after.jaar} (${d >= 0 ? '+' : '−'}${formatNumber(Math.abs(d), 1)} procentpunt).`;
  } else if (gp.length) {
    const r = gp[gp.length - 1];
    s += ` De huisarts verwees ${formatPercent(r.aandeel)} van de trajecten in ${r.jaar}; cijfers ${r.jaar <= 2021 ? 'van na 2022' : 'van voor 2022'} zijn er hier niet, dus een voor-en-na is niet te geven.`;
  }
  return `${s}${provisional(rows)}`;
}

export const empty = (ctx: ChartContext) =>
  `${noDataSentence(ctx, 'verwijzers naar jeugdhulp')} CBS publiceert de trajecten per verwijzer per gemeente, jeugdregio en Nederland in 85097NED; ze komen met npm run fetch.`;

export function table(rows: VerwijzersRow[], ctx: ChartContext) {
  return pivotByYear(
    `Aandeel jeugdhulptrajecten per verwijzer (%), ${placeName(ctx.geo)}`,
    seriesOf(rows, true).map((s) => ({ label: s.label, rows: s.rows })),
    (r) => (r.aandeel == null ? '–' : formatPercent(r.aandeel)),
  );
}

export const source = { tables: ['85097NED (Beleidsinformatie Jeugd)', 'CBS-publicaties 85096NED, 82970NED (overgetypt)'], citation: 'Bron: CBS' };
export const notes = [
  'Een aandeel is het aantal trajecten via die verwijzer gedeeld door alle trajecten jeugdhulp in natura van de plaats in dat jaar; de verwijzers samen zijn 100 %.',
  'Of een verwijzing naar gecontracteerde of niet-gecontracteerde zorg ging en de rol van de praktijkondersteuner jeugd (POH-jeugd) staan niet in deze CBS-cijfers.',
  ...caveatsOf(indicators),
];

const chart: ChartDef<VerwijzersRow> = { id, title, question, definition, sql, columns, indicators, hasData, plot, legend, summary, empty, table, source, notes };
export default chart;
