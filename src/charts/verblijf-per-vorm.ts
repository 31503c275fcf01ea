import type { IndicatorId } from '../catalog/indicators.ts';
import { change, formatChange, formatNumber, formatPercent, formatYear, listNl } from '../shared/format.ts';
import {
  CATEGORY_STYLE, NOTE_CORONA, NOTE_WOONPLAATS, OBS_CTE, caveatsOf, capitalise, inPlace, legendOf, lineChart, years,
  noDataSentence, pivotByYear, placeName, provisional, type Series,
  exploreOf,
} from './shared.ts';
import type { ChartContext, ChartDef, ExploreSpec, PlotOptions } from './types.ts';

export interface VerblijfRow {
  [k: string]: string | number | null;
  naam: string;
  vorm: string;
  ord: number;
  jaar: number;
  jongeren: number | null;
  status: string | null;
}

export const id = 'verblijf-per-vorm';
export const title = { nl: 'Jeugdhulp met verblijf, per vorm', en: 'Residential youth care by type' };
export const question = 'Wonen minder kinderen buiten huis, en in welke vorm van verblijf zitten ze?';

/** ord 0 is the unique total; 1–4 the forms (a young person can have more than one form in a year). */
export const sql = `WITH ${OBS_CTE},
vormen(indicator, vorm, ord) AS (VALUES
  ('jongeren_jeugdhulp_met_verblijf', 'Alle jeugdhulp met verblijf', 0),
  ('jongeren_verblijf_pleegzorg', 'Pleegzorg', 1),
  ('jongeren_verblijf_gezinsgericht', 'Gezinsgericht (gezinshuis)', 2),
  ('jongeren_verblijf_gesloten', 'Gesloten plaatsing', 3),
  ('jongeren_verblijf_overig', 'Overig verblijf', 4)
)
SELECT g.name AS naam, v.vorm, v.ord, o.period AS jaar, o.value AS jongeren, o.status
FROM vormen v
JOIN o ON o.indicator = v.indicator AND o.geo_code = $geo
JOIN geo g ON g.geo_code = o.geo_code
ORDER BY v.ord, jaar`;

export const columns = ['naam', 'vorm', 'ord', 'jaar', 'jongeren', 'status'];
export const indicators = [
  'jongeren_jeugdhulp_met_verblijf', 'jongeren_verblijf_pleegzorg', 'jongeren_verblijf_gezinsgericht',
  'jongeren_verblijf_gesloten', 'jongeren_verblijf_overig',
] as const satisfies readonly IndicatorId[];

const hasForms = (rows: VerblijfRow[]) => rows.some((r) => r.ord > 0 && r.jongeren != null);

/**
 * The total as a line, with the forms that have at least two years (a form known in one year only is in
 * the summary and the table, not a lone dot beside the line); without a total, the forms.
 */
function seriesOf(rows: VerblijfRow[]): Series<VerblijfRow>[] {
  const knownYears = (ord: number) => years(rows.filter((r) => r.ord === ord && r.jongeren != null)).length;
  const hasTotal = knownYears(0) > 0;
  const ords = [...new Set(rows.map((r) => r.ord))].filter((ord) => (ord === 0 ? hasTotal : knownYears(ord) >= (hasTotal ? 2 : 1))).sort();
  return ords.map((ord) => {
    const sub = rows.filter((r) => r.ord === ord);
    const st = CATEGORY_STYLE[ord === 0 ? 4 : ord - 1];
    return { key: ord, label: sub[0].vorm, rows: sub, ...st };
  });
}

/** The finding: the newest total, against its peak when the peak came later than the first year. */
export function headline(rows: VerblijfRow[], ctx: ChartContext): string {
  const where = capitalise(inPlace(ctx.geo));
  const total = rows.filter((r) => r.ord === 0 && r.jongeren != null).sort((a, b) => a.jaar - b.jaar);
  if (!total.length) return title.nl;
  const last = total[total.length - 1];
  const first = total[0];
  const peak = total.reduce((a, r) => (r.jongeren! > a.jongeren! ? r : a));
  let s = `${where} kregen in ${last.jaar} ${formatNumber(last.jongeren)} jongeren jeugdhulp met verblijf`;
  if (peak.jaar !== last.jaar && peak.jaar !== first.jaar) s += `, ${formatChange(change(peak.jongeren, last.jongeren))} sinds de piek in ${peak.jaar}`;
  else if (first.jaar < last.jaar) s += `, ${formatChange(change(first.jongeren, last.jongeren))} sinds ${first.jaar}`;
  return s;
}

export const hasData = (rows: VerblijfRow[]) => rows.some((r) => r.jongeren != null);

export function plot(rows: VerblijfRow[], options: PlotOptions): Element {
  return lineChart<VerblijfRow>(
    {
      series: seriesOf(rows),
      x: 'jaar',
      y: 'jongeren',
      yLabel: 'jongeren tot 23 jaar',
      yFormat: (v) => formatNumber(v),
      title: (r) => `${r.vorm}, ${formatYear(r.jaar)}: ${formatNumber(r.jongeren)} jongeren`,
      breaks: [{ year: 2021, label: 'breuk 2021' }],
      corona: true,
    },
    options,
  );
}

export const legend = (rows: VerblijfRow[]) => legendOf(seriesOf(rows));

export function summary(rows: VerblijfRow[], ctx: ChartContext): string {
  if (!hasData(rows)) return empty(ctx);
  const where = capitalise(inPlace(ctx.geo));
  const total = rows.filter((r) => r.ord === 0 && r.jongeren != null).sort((a, b) => b.jaar - a.jaar);
  const parts: string[] = [];
  if (total.length) {
    const last = total[0];
    parts.push(`${where} kregen in ${last.jaar} ${formatNumber(last.jongeren)} jongeren jeugdhulp met verblijf: ze woonden (een deel van de tijd) niet thuis.`);
    const first = total[total.length - 1];
    const c = change(first.jongeren, last.jongeren);
    if (first.jaar < last.jaar && c != null) {
      parts.push(`In ${first.jaar} waren dat er ${formatNumber(first.jongeren)} (${formatChange(c)}).`);
    }
    // A change between the ends hides a peak in between (46 185 in 2017 nationally).
    const peak = [...total].sort((a, b) => (b.jongeren ?? 0) - (a.jongeren ?? 0))[0];
    if (peak.jaar !== first.jaar && peak.jaar !== last.jaar && (peak.jongeren ?? 0) > Math.max(first.jongeren ?? 0, last.jongeren ?? 0)) {
      parts.push(`Het hoogste aantal was ${formatNumber(peak.jongeren)} in ${peak.jaar}.`);
    }
  }
  if (hasForms(rows)) {
    const y = Math.max(...rows.filter((r) => r.ord > 0 && r.jongeren != null).map((r) => r.jaar));
    const forms = rows.filter((r) => r.ord > 0 && r.jaar === y && r.jongeren != null);
    const sum = forms.reduce((a, r) => a + (r.jongeren ?? 0), 0);
    const biggest = [...forms].sort((a, b) => (b.jongeren ?? 0) - (a.jongeren ?? 0))[0];
    if (biggest && sum > 0) {
      parts.push(
        `${biggest.vorm.split(' (')[0]} was in ${y} de meest gebruikte vorm: ${formatNumber(biggest.jongeren)} jongeren, ${formatPercent((100 * (biggest.jongeren ?? 0)) / sum, 0)} van alle verblijfsvormen samen.`,
      );
    }
    const missing = rows.filter((r) => r.ord > 0 && r.jaar === y && r.jongeren == null).map((r) => r.vorm.toLowerCase());
    if (missing.length) parts.push(`Voor ${listNl(missing)} publiceert CBS hier geen cijfer (te kleine aantallen of onbekend).`);
  } else {
    parts.push('Een verdeling naar vorm van verblijf is voor deze plek niet beschikbaar.');
  }
  return parts.join(' ') + provisional(rows);
}

export const empty = (ctx: ChartContext) => noDataSentence(ctx, 'jeugdhulp met verblijf');

export function table(rows: VerblijfRow[], ctx: ChartContext) {
  const ords = [...new Set(rows.map((r) => r.ord))].sort();
  return pivotByYear(
    `Jongeren met jeugdhulp met verblijf per vorm, ${placeName(ctx.geo)}`,
    ords.map((ord) => {
      const sub = rows.filter((r) => r.ord === ord);
      return { label: sub[0].vorm, rows: sub };
    }),
    (r) => formatNumber(r.jongeren),
  );
}

export const source = { tables: ['84134NED', '85099NED (Beleidsinformatie Jeugd)'], citation: 'Bron: CBS' };

export const notes = [
  'Een jongere die in één jaar in meer dan één vorm van verblijf zat, telt bij elke vorm mee. Daarom is de som van de vormen groter dan het totaal.',
  ...caveatsOf(indicators, [NOTE_CORONA, NOTE_WOONPLAATS]),
];

export const explore: ExploreSpec = exploreOf('jongeren_jeugdhulp_met_verblijf_per_1000');

const chart: ChartDef<VerblijfRow> = { id, title, question, sql, columns, indicators, hasData, plot, legend, summary, headline, empty, table, source, notes, explore };
export default chart;
