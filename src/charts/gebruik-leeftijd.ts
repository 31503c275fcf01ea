import type { IndicatorId } from '../catalog/indicators.ts';
/**
 * Which groups grow (Q3) and young adults (Q6): young people with jeugdzorg per age group for the place (CBS
 * 85100NED Persoonskenmerken, "JZ Totaal jeugdzorg"). Two views of the same rows: the four age groups side by
 * side, and 18–22-year-olds on their own axis, where their growth is not flattened by the larger groups.
 * Sex and household type are indicators (workbench, downloads) without a chart of their own.
 */
import { indicator, KENMERKEN } from '../catalog/indicators.ts';
import { change, formatChange, formatNumber, formatYear } from '../shared/format.ts';
import { CATEGORY_STYLE, OBS_CTE, capitalise, caveatsOf, inPlace, legendOf, lineChart, noDataSentence, pivotByYear, placeName, provisional, type Series } from './shared.ts';
import type { ChartContext, ChartDef, PlotOptions } from './types.ts';

export interface LeeftijdRow {
  [k: string]: string | number | null;
  naam: string;
  ord: number;
  leeftijd: string;
  jaar: number;
  jongeren: number | null;
  status: string | null;
}

const AGES = KENMERKEN.filter((k) => k.id.startsWith('leeftijd_'));
const ids = (ages: readonly (typeof AGES)[number][]) => ages.map((k) => `jongeren_jeugdzorg_${k.id}` as const);
const ageLabel = (nl: string) => nl.replace(/^(\d+) tot (\d+) jaar$/, (_, a, b) => `${a}–${Number(b) - 1} jaar`);

const sqlFor = (ages: readonly (typeof AGES)[number][]) => `WITH ${OBS_CTE},
leeftijden(indicator, leeftijd, ord) AS (VALUES
${ages.map((k, i) => `  ('jongeren_jeugdzorg_${k.id}', '${ageLabel(k.nl)}', ${i})`).join(',\n')}
)
SELECT g.name AS naam, l.ord, l.leeftijd, v.period AS jaar, v.value AS jongeren, v.status
FROM leeftijden l
JOIN o v ON v.indicator = l.indicator AND v.geo_code = $geo
JOIN geo g ON g.geo_code = v.geo_code
ORDER BY ord, jaar`;

const columns = ['naam', 'ord', 'leeftijd', 'jaar', 'jongeren', 'status'];

function seriesOf(rows: LeeftijdRow[], labels: string[]): Series<LeeftijdRow>[] {
  return labels
    .map((label, i) => ({ key: i, label, rows: rows.filter((r) => r.ord === i), ...CATEGORY_STYLE[i] }))
    .filter((s) => s.rows.some((r) => r.jongeren != null));
}

const hasData = (rows: LeeftijdRow[]) => rows.some((r) => r.jongeren != null);

/** "12–17 jaar 120.000 jongeren in 2024 (+8,1 % sinds 2015)" per series, largest growth first. */
function growth(rows: LeeftijdRow[], labels: string[]): { label: string; text: string; change: number | null }[] {
  return seriesOf(rows, labels).map((s) => {
    const known = s.rows.filter((r) => r.jongeren != null).sort((a, b) => a.jaar - b.jaar);
    const first = known[0];
    const last = known[known.length - 1];
    const c = first !== last ? change(first.jongeren, last.jongeren) : null;
    return { label: s.label, change: c, text: `${s.label} ${formatNumber(last.jongeren)} jongeren in ${last.jaar}${c == null ? '' : ` (${formatChange(c)} sinds ${first.jaar})`}` };
  });
}

function makeChart(opts: { id: string; title: { nl: string; en: string }; question: string; ages: readonly (typeof AGES)[number][]; what: string }): ChartDef<LeeftijdRow> {
  const labels = opts.ages.map((k) => ageLabel(k.nl));
  const indicators: readonly IndicatorId[] = ids(opts.ages);
  const empty = (ctx: ChartContext) =>
    `${noDataSentence(ctx, opts.what)} CBS publiceert jongeren met jeugdzorg naar leeftijd per gemeente, jeugdregio en Nederland in 85100NED; ze komen met npm run fetch.`;
  return {
    id: opts.id,
    title: opts.title,
    question: opts.question,
    definition: `${indicator('jongeren_jeugdzorg').definition} Per leeftijdsgroep (CBS 85100NED Persoonskenmerken).`,
    sql: sqlFor(opts.ages),
    columns,
    indicators,
    hasData,
    plot: (rows: LeeftijdRow[], options: PlotOptions) =>
      lineChart<LeeftijdRow>(
        {
          series: seriesOf(rows, labels),
          x: 'jaar',
          y: 'jongeren',
          yLabel: 'jongeren met jeugdzorg',
          yFormat: (v) => formatNumber(v),
          title: (r) => `${r.leeftijd}, ${formatYear(r.jaar)}: ${formatNumber(r.jongeren)} jongeren met jeugdzorg`,
        },
        options,
      ),
    legend: (rows: LeeftijdRow[]) => legendOf(seriesOf(rows, labels)),
    summary: (rows: LeeftijdRow[], ctx: ChartContext) => {
      if (!hasData(rows)) return empty(ctx);
      const g = growth(rows, labels);
      let s = `${capitalise(inPlace(ctx.geo))}: ${g.map((x) => x.text).join('; ')}.`;
      const grown = g.filter((x) => x.change != null).sort((a, b) => b.change! - a.change!);
      if (grown.length > 1) s += ` Het snelst groeide de groep ${grown[0].label}.`;
      return `${s}${provisional(rows)}`;
    },
    empty,
    table: (rows: LeeftijdRow[], ctx: ChartContext) =>
      pivotByYear(`Jongeren met jeugdzorg naar leeftijd, ${placeName(ctx.geo)}`, seriesOf(rows, labels).map((s) => ({ label: s.label, rows: s.rows })), (r) => formatNumber(r.jongeren)),
    source: { tables: ['85100NED (Beleidsinformatie Jeugd, persoonskenmerken)'], citation: 'Bron: CBS' },
    notes: [
      'Leeftijdsgroepen zoals CBS ze indeelt: 0 tot 4, 4 tot 12, 12 tot 18 en 18 tot 23 jaar. Een jongere telt één keer, in één groep.',
      'Na het 18e jaar loopt jeugdzorg alleen door als verlengde jeugdhulp (tot 23 jaar), jeugdreclassering of een voortgezette maatregel; hulp via de Wmo of de Zorgverzekeringswet telt hier niet mee.',
      ...caveatsOf(indicators),
    ],
  };
}

const chart = makeChart({
  id: 'gebruik-leeftijd',
  title: { nl: 'Jongeren met jeugdzorg naar leeftijd', en: 'Young people in youth care by age group' },
  question: 'Welke leeftijdsgroepen krijgen jeugdzorg, en welke groeien het snelst?',
  ages: AGES,
  what: 'jeugdzorg naar leeftijd',
});
export default chart;

/** 18–22-year-olds on their own axis (Q6). */
export const jongvolwassenen = makeChart({
  id: 'jongvolwassenen',
  title: { nl: 'Jongvolwassenen (18–22 jaar) met jeugdzorg', en: 'Young adults (18–22) in youth care' },
  question: 'Hoeveel jongvolwassenen van 18 tot 23 jaar krijgen nog jeugdzorg, en groeit die groep?',
  ages: AGES.filter((k) => k.id === 'leeftijd_18_22'),
  what: 'jongvolwassenen met jeugdzorg',
});
