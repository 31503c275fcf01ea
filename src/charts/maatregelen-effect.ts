/**
 * "What changed after the 2022 measures?" — one registry chart per indicator: the pre-2022 trend of a
 * place, projected over 2022–latest with a 95 % prediction interval, against what actually happened.
 * The SQL returns the raw series (and its base, for per-1 000 figures); the analysis (src/pipeline/
 * trend.ts) runs in plot(), summary() and table(), so every view of the chart shows the same result.
 * It shows what changed, not why: the measures' own inventory says single effects cannot be isolated.
 */
import * as Plot from '@observablehq/plot';
import { analyseSeries, breaksFor, type Analysis, type BreakSource, type Refusal } from '../pipeline/trend.ts';
import { formatChange, formatEuro, formatNumber, formatYear } from '../lib/format.ts';
import { FONT_SIZE, OBS_CTE, capitalise, caveatsOf, inPlace, noDataSentence, placeName, yearTicks } from './shared.ts';
import type { ChartContext, ChartDef, DataTable, LegendItem, PlotOptions } from './types.ts';

export interface EffectRow {
  [k: string]: string | number | null;
  geo_code: string;
  jaar: number;
  waarde: number | null;
  basis: number | null;
  status: string | null;
}

export interface EffectSpec {
  id: string;
  title: { nl: string; en: string };
  /** What is measured, for sentences: "jongeren met jeugdhulp". */
  what: string;
  indicator: string;
  /** Divide by this indicator × factor (per 1 000 young people, per inhabitant). */
  base?: { indicator: string; factor: number; label: string };
  unit: 'jongeren' | 'euro';
  source: BreakSource;
  tables: string[];
}

export const NOTE_CAUSE =
  'Dit laat zien wat er na 2021 anders ging dan de trend van daarvoor, niet waardoor. Gemeenten namen in 2022 tegelijk meerdere maatregelen, het Rijk gaf extra geld, en de effecten van één maatregel zijn niet los te zien.';
export const NOTE_METHOD =
  'Trend: een rechte lijn door de jaren tot en met 2021 (Theil–Sen, ongevoelig voor één afwijkend jaar); de band is het 95%-voorspellingsinterval. Valt een werkelijk cijfer binnen de band, dan wijkt het niet duidelijk af van de trend. Te weinig jaren of een gat in de reeks: geen lijn, maar de reden.';
export const NOTE_SMALL = 'In kleine regio’s en gemeenten schommelen cijfers van jaar tot jaar sterk; de band is daar breed.';

export function effectChart(spec: EffectSpec): ChartDef<EffectRow> {
  const sql = `WITH ${OBS_CTE}
SELECT v.geo_code, v.period AS jaar, v.value AS waarde, ${spec.base ? 'b.value' : 'NULL::DOUBLE'} AS basis, v.status
FROM o v
${spec.base ? `LEFT JOIN o b ON b.geo_code = v.geo_code AND b.period = v.period AND b.indicator = '${spec.base.indicator}'` : ''}
WHERE v.geo_code = $geo AND v.indicator = '${spec.indicator}'
ORDER BY jaar`;
  const indicators = [spec.indicator, ...(spec.base ? [spec.base.indicator] : [])];

  const analyse = (rows: EffectRow[], national: boolean) => analyseRows(spec, rows, national);
  const unitLabel = (relative: boolean) => (relative ? spec.base!.label : spec.unit === 'euro' ? 'euro' : spec.what);
  const fmt = (relative: boolean) => (v: number) =>
    spec.unit === 'euro' && !(relative && spec.base!.factor > 1) ? formatEuro(v) : formatNumber(v, relative ? 1 : 0);

  const hasData = (rows: EffectRow[]) => rows.some((r) => r.waarde != null);
  // The woonplaatsbeginsel break only moves figures between gemeenten: not a break for Nederland.
  const isNational = (rows: EffectRow[]) => rows.length > 0 && rows[0].geo_code === 'NL01';

  return {
    id: spec.id,
    title: spec.title,
    question: `Ging het aantal ${spec.what} na 2021 anders dan de trend van daarvoor deed verwachten?`,
    sql,
    columns: ['geo_code', 'jaar', 'waarde', 'basis', 'status'],
    indicators,
    hasData,
    plot(rows, { document, width }: PlotOptions) {
      const { relative, a, points } = analyse(rows, isNational(rows));
      const f = fmt(relative);
      const known = points.filter((p) => p.value != null) as { year: number; value: number }[];
      const ys = known.map((p) => p.year);
      const lo = Math.min(...ys);
      // Always show 2022: a series that ends before the measures shows that it does.
      const hi = Math.max(...ys, 2022);
      const marks: Plot.Markish[] = [Plot.gridY({ ticks: 4, strokeOpacity: 0.12 }), Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.5 })];
      if (a.ok) {
        marks.push(
          Plot.areaY(a.expected, { x: 'year', y1: 'lower', y2: 'upper', fill: 'var(--c1, #0072b2)', fillOpacity: 0.15 }),
          Plot.line([...a.fitted, ...a.expected.map((e) => ({ year: e.year, value: e.value }))], {
            x: 'year', y: 'value', stroke: 'var(--c3, #444444)', strokeWidth: 2, strokeDasharray: '6 4',
          }),
        );
      }
      marks.push(
        Plot.ruleX([2021.5], { stroke: 'currentColor', strokeOpacity: 0.45, strokeDasharray: '3 3' }),
        Plot.text([2021.5], { x: (d: number) => d, frameAnchor: 'top', dx: 4, textAnchor: 'start', text: () => 'maatregelen 2022', fontSize: FONT_SIZE - 2, fill: 'currentColor' }),
        Plot.line(known, { x: 'year', y: 'value', stroke: 'var(--c1, #0072b2)', strokeWidth: 2.5 }),
        Plot.dot(known, {
          x: 'year', y: 'value', r: 4.5, fill: 'var(--c1, #0072b2)', stroke: 'var(--plot-background, #fff)', symbol: 'circle',
          title: (p: { year: number; value: number }) => `${formatYear(p.year)}: ${f(p.value)}`,
        }),
      );
      return Plot.plot({
        document,
        width,
        height: width < 480 ? 260 : 300,
        marginLeft: width < 480 ? 52 : 64,
        marginTop: 24,
        style: { fontSize: `${FONT_SIZE}px`, overflow: 'visible' },
        x: { type: 'linear', domain: [lo - 0.3, hi + 0.3], ticks: yearTicks([...ys, hi], width), tickFormat: (d: number) => formatYear(d), label: null },
        y: { zero: true, nice: true, tickFormat: f, label: unitLabel(relative), ticks: 4 },
        marks,
      }) as unknown as Element;
    },
    legend(rows): LegendItem[] {
      const { a } = analyse(rows, isNational(rows));
      return [
        { label: 'Werkelijk', color: 'var(--c1, #0072b2)', symbol: 'circle' },
        ...(a.ok ? [{ label: 'Trend tot en met 2021, doorgetrokken', color: 'var(--c3, #444444)', dash: '6 4' }, { label: '95%-band rond de trend', color: 'var(--c1, #0072b2)', swatch: true }] : []),
      ];
    },
    summary(rows, ctx: ChartContext) {
      const { relative, a } = analyse(rows, isNational(rows));
      const where = capitalise(inPlace(ctx.geo));
      if (!a.ok) return `${where}: geen trendvergelijking mogelijk. ${a.message}`;
      const last = a.comparisons[a.comparisons.length - 1];
      const f = fmt(relative);
      const unit = relative ? ` ${spec.base!.label}` : '';
      let s = `${where} was het cijfer in ${last.year} ${f(last.actual)}${unit}; de trend van vóór 2022 gaf ${f(last.expected)} (band ${f(last.lower)}–${f(last.upper)}). `;
      s += last.coversZero
        ? `Het verschil (${last.diffPct != null ? formatChange(last.diffPct) : f(last.diff)}) valt binnen de band: geen duidelijke afwijking van de trend.`
        : `Dat is ${last.diff < 0 ? 'lager' : 'hoger'} dan de band (${last.diffPct != null ? formatChange(last.diffPct) : f(last.diff)}).`;
      if (last.afterBreak) s += ' Let op: er zit een breuk in de reeks tussen de trend en dit jaar.';
      return s;
    },
    empty: (ctx) => noDataSentence(ctx, spec.what),
    table(rows, ctx): DataTable {
      const { relative, a, points } = analyse(rows, isNational(rows));
      const f = fmt(relative);
      const exp = new Map(a.ok ? a.expected.map((e) => [e.year, e]) : []);
      return {
        caption: `${capitalise(spec.what)}${relative ? ` (${spec.base!.label})` : ''}, ${placeName(ctx.geo)}: werkelijk en volgens de trend tot en met 2021`,
        head: ['Jaar', 'Werkelijk', 'Trend', '95%-band'],
        body: points.map((p) => {
          const e = exp.get(p.year);
          return [formatYear(p.year), p.value == null ? 'onbekend' : f(p.value), e ? f(e.value) : '–', e ? `${f(e.lower)} – ${f(e.upper)}` : '–'];
        }),
        rowHeader: 0,
      };
    },
    source: { tables: spec.tables, citation: 'Bron: CBS; analyse Jeugdhulp in Beeld' },
    notes: [NOTE_CAUSE, NOTE_METHOD, NOTE_SMALL, ...caveatsOf(indicators)],
  };
}

/**
 * The analysis of a place's rows: per-base values when every year has its base, otherwise the counts
 * themselves (the summary says which). Used by the chart and by the overview of all regions.
 */
export function analyseRows(spec: EffectSpec, rows: EffectRow[], national: boolean): { relative: boolean; a: Analysis | Refusal; points: { year: number; value: number | null }[] } {
  const relative = Boolean(spec.base) && rows.some((r) => r.waarde != null) && rows.every((r) => r.waarde == null || r.basis != null);
  const points = rows.map((r) => ({ year: r.jaar, value: r.waarde == null ? null : relative ? (spec.base!.factor * r.waarde) / r.basis! : r.waarde }));
  return { relative, points, a: analyseSeries(points, { breaks: breaksFor(spec.source, { national }) }) };
}

export const EFFECT_SPECS: EffectSpec[] = [
  {
    id: 'maatregelen-jeugdhulp', title: { nl: 'Jeugdhulp na 2022: werkelijk tegen de trend', en: 'Youth care after 2022: actual against trend' },
    what: 'jongeren met jeugdhulp', indicator: 'jongeren_jeugdhulp', unit: 'jongeren', source: 'cbs',
    base: { indicator: 'bevolking_0_22', factor: 1000, label: 'per 1.000 jongeren' }, tables: ['84134NED', '85099NED', '03759ned'],
  },
  {
    id: 'maatregelen-verblijf', title: { nl: 'Jeugdhulp met verblijf na 2022: werkelijk tegen de trend', en: 'Residential care after 2022: actual against trend' },
    what: 'jongeren met jeugdhulp met verblijf', indicator: 'jongeren_jeugdhulp_met_verblijf', unit: 'jongeren', source: 'cbs',
    base: { indicator: 'bevolking_0_22', factor: 1000, label: 'per 1.000 jongeren' }, tables: ['84134NED', '85099NED', '03759ned'],
  },
  {
    id: 'maatregelen-gesloten', title: { nl: 'Gesloten plaatsing na 2022: werkelijk tegen de trend', en: 'Secure placement after 2022: actual against trend' },
    what: 'jongeren in gesloten plaatsing', indicator: 'jongeren_verblijf_gesloten', unit: 'jongeren', source: 'cbs', tables: ['84134NED', '85099NED'],
  },
  {
    id: 'maatregelen-kosten', title: { nl: 'Uitgaven aan jeugdhulp na 2022: werkelijk tegen de trend', en: 'Youth-care spending after 2022: actual against trend' },
    what: 'lasten individuele jeugdhulp', indicator: 'kosten_jeugdhulp_jaarrekening', unit: 'euro', source: 'iv3',
    base: { indicator: 'bevolking_totaal', factor: 1, label: 'euro per inwoner' }, tables: ['Iv3 gemeenten (jaarrekening)', '70072ned'],
  },
];

export const EFFECT_CHARTS = EFFECT_SPECS.map(effectChart);
