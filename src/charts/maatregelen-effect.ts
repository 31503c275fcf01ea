/**
 * "What changed after the 2022 measures?" — one registry chart per indicator: the pre-2022 trend of a
 * place, projected over 2022–latest with a 95 % prediction interval, against what actually happened.
 * The pipeline computes the analysis (src/analysis/effects.ts) into trend_series and trend_comparisons; the SQL
 * reads them, so the chart, its table, the CSV, the overview of all regions and the console show one result.
 * It shows what changed, not why: the measures' own inventory says single effects cannot be isolated.
 */
import * as Plot from '@observablehq/plot';
import { EFFECT_SPECS, type EffectSpec } from '../analysis/effects.ts';
import { formatChange, formatValue, formatYear, valueKind } from '../shared/format.ts';
import { FONT_SIZE, capitalise, caveatsOf, inPlace, noDataSentence, placeName, yearTicks } from './shared.ts';
import type { ChartContext, ChartDef, DataTable, LegendItem, PlotOptions } from './types.ts';

export { EFFECT_SPECS, type EffectSpec };

/** A row of trend_series joined with its place's trend_comparisons row (computed by the pipeline). */
export interface EffectRow {
  [k: string]: string | number | boolean | null;
  geo_code: string;
  jaar: number;
  werkelijk: number | null;
  status: string | null;
  trend: number | null;
  verwacht: number | null;
  ondergrens: number | null;
  bovengrens: number | null;
  ok: boolean;
  reden: string | null;
  toelichting: string;
  relatief: boolean;
  eenheid: string;
  laatste_jaar: number | null;
  laatste_werkelijk: number | null;
  laatste_verwacht: number | null;
  laatste_onder: number | null;
  laatste_boven: number | null;
  verschil: number | null;
  verschil_pct: number | null;
  oordeel: string | null;
  na_breuk: boolean | null;
}

export const NOTE_CAUSE =
  'Dit laat zien wat er na 2021 anders ging dan de trend van daarvoor, niet waardoor. Gemeenten namen in 2022 tegelijk meerdere maatregelen, het Rijk gaf extra geld, en de effecten van één maatregel zijn niet los te zien.';
export const NOTE_METHOD =
  'Trend: een rechte lijn door de jaren tot en met 2021 (Theil–Sen, ongevoelig voor één afwijkend jaar); de band is het 95%-voorspellingsinterval. Valt een werkelijk cijfer binnen de band, dan wijkt het niet duidelijk af van de trend. Te weinig jaren of een gat in de reeks: geen lijn, maar de reden.';
export const NOTE_SMALL = 'In kleine regio’s en gemeenten schommelen cijfers van jaar tot jaar sterk; de band is daar breed.';

export function effectChart(spec: EffectSpec): ChartDef<EffectRow> {
  // The analysis is warehouse data (trend_series, trend_comparisons): the chart only draws and words it.
  const sql = `SELECT s.geo_code, s.year AS jaar, s.actual AS werkelijk, s.status, s.fitted AS trend, s.expected AS verwacht,
  s.lower AS ondergrens, s.upper AS bovengrens, c.ok, c.reason AS reden, c.message AS toelichting, c.relative AS relatief,
  c.unit_label AS eenheid, c.year AS laatste_jaar, c.actual AS laatste_werkelijk, c.expected AS laatste_verwacht,
  c.lower AS laatste_onder, c.upper AS laatste_boven, c.diff AS verschil, c.diff_pct AS verschil_pct, c.verdict AS oordeel,
  c.after_break AS na_breuk
FROM trend_series s JOIN trend_comparisons c ON c.analysis = s.analysis AND c.geo_code = s.geo_code
WHERE s.analysis = '${spec.id}' AND s.geo_code = $geo
ORDER BY jaar`;
  const indicators = [spec.indicator, ...(spec.base ? [spec.base.indicator] : [])];

  const relativeOf = (rows: EffectRow[]) => Boolean(rows[0]?.relatief);
  const fmt = (relative: boolean) => (v: number) => formatValue(v, valueKind(spec.unit, relative ? spec.base!.factor : undefined));
  // A drawing only when there is a trend to compare with: a lone dot and "no comparison possible" is an
  // empty box; the place page lists it under "Niet beschikbaar" with the pipeline's reason instead.
  const hasData = (rows: EffectRow[]) => rows.some((r) => r.werkelijk != null) && Boolean(rows[0]?.ok);

  return {
    id: spec.id,
    title: spec.title,
    question: `Ging het aantal ${spec.what} na 2021 anders dan de trend van daarvoor deed verwachten?`,
    sql,
    columns: ['geo_code', 'jaar', 'werkelijk', 'status', 'trend', 'verwacht', 'ondergrens', 'bovengrens', 'ok', 'reden', 'toelichting', 'relatief', 'eenheid', 'laatste_jaar', 'laatste_werkelijk', 'laatste_verwacht', 'laatste_onder', 'laatste_boven', 'verschil', 'verschil_pct', 'oordeel', 'na_breuk'],
    indicators,
    hasData,
    plot(rows, { document, width }: PlotOptions) {
      const f = fmt(relativeOf(rows));
      const known = rows.filter((r) => r.werkelijk != null).map((r) => ({ year: r.jaar, value: r.werkelijk! }));
      const ys = known.map((p) => p.year);
      const lo = Math.min(...ys);
      // Always show 2022: a series that ends before the measures shows that it does.
      const hi = Math.max(...ys, 2022);
      const band = rows.filter((r) => r.verwacht != null).map((r) => ({ year: r.jaar, lower: r.ondergrens!, upper: r.bovengrens! }));
      const line = rows.filter((r) => r.trend != null || r.verwacht != null).map((r) => ({ year: r.jaar, value: (r.trend ?? r.verwacht)! }));
      const marks: Plot.Markish[] = [Plot.gridY({ ticks: 4, strokeOpacity: 0.12 }), Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.5 })];
      if (rows[0]?.ok) {
        marks.push(
          Plot.areaY(band, { x: 'year', y1: 'lower', y2: 'upper', fill: 'var(--c1, #0072b2)', fillOpacity: 0.15 }),
          Plot.line(line, { x: 'year', y: 'value', stroke: 'var(--c3, #444444)', strokeWidth: 2, strokeDasharray: '6 4' }),
        );
      }
      marks.push(
        Plot.ruleX([2021.5], { stroke: 'currentColor', strokeOpacity: 0.45, strokeDasharray: '3 3' }),
        // The label goes on the side of the rule with room for it: right of it on a wide chart, left of it
        // when 2022 is near the right edge of a narrow one (else it runs off a 320 px phone screen).
        ...(() => {
          const roomRight = ((hi + 0.5 - 2021.5) / (hi - lo + 1)) * width;
          const right = roomRight > 110;
          return [Plot.text([2021.5], { x: (d: number) => d, frameAnchor: 'top', dx: right ? 4 : -4, textAnchor: right ? 'start' : 'end', text: () => 'maatregelen 2022', fontSize: FONT_SIZE - 2, fill: 'currentColor' })];
        })(),
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
        // Round ticks without a decimal ("100", not "100,0"); the figures themselves keep theirs.
        y: { zero: true, nice: true, tickFormat: (d: number) => (Number.isInteger(d) && !f(d).includes('€') ? formatValue(d, 'aantal') : f(d)), label: rows[0]?.eenheid ?? spec.what, ticks: 4 },
        marks,
      }) as unknown as Element;
    },
    legend(rows): LegendItem[] {
      return [
        { label: 'Werkelijk', color: 'var(--c1, #0072b2)', symbol: 'circle' },
        ...(rows[0]?.ok ? [{ label: 'Trend tot en met 2021, doorgetrokken', color: 'var(--c3, #444444)', dash: '6 4' }, { label: '95%-band rond de trend', color: 'var(--c1, #0072b2)', swatch: true }] : []),
      ];
    },
    summary(rows, ctx: ChartContext) {
      const c = rows[0];
      const where = capitalise(inPlace(ctx.geo));
      if (!c.ok) return `${where}: geen trendvergelijking mogelijk. ${c.toelichting}`;
      if (c.laatste_jaar == null) return `${where}: geen trendvergelijking mogelijk. Er is nog geen vergelijkingsjaar met een cijfer.`;
      const f = fmt(c.relatief);
      const unit = c.relatief ? ` ${c.eenheid}` : '';
      const diff = c.verschil_pct != null ? formatChange(c.verschil_pct) : f(c.verschil!);
      let s = `${where} was het cijfer in ${c.laatste_jaar} ${f(c.laatste_werkelijk!)}${unit}; de trend van vóór 2022 gaf ${f(c.laatste_verwacht!)} (band ${f(c.laatste_onder!)}–${f(c.laatste_boven!)}). `;
      s += c.oordeel === 'binnen-band'
        ? `Het verschil (${diff}) valt binnen de band: geen duidelijke afwijking van de trend.`
        : `Dat is ${c.oordeel} dan de band (${diff}).`;
      if (c.na_breuk) s += ' Let op: er zit een breuk in de reeks tussen de trend en dit jaar.';
      return s;
    },
    empty: (ctx, rows) => {
      const why = rows?.find((r) => r.toelichting)?.toelichting;
      return why && rows!.some((r) => r.werkelijk != null)
        ? `Voor ${placeName(ctx.geo)} zijn geen cijfers over ${spec.what} na 2021 tegen de trend van daarvoor. ${why}`
        : noDataSentence(ctx, spec.what);
    },
    table(rows, ctx): DataTable {
      const relative = relativeOf(rows);
      const f = fmt(relative);
      return {
        caption: `${capitalise(spec.what)}${relative ? ` (${spec.base!.label})` : ''}, ${placeName(ctx.geo)}: werkelijk en volgens de trend tot en met 2021`,
        head: ['Jaar', 'Werkelijk', 'Trend', '95%-band'],
        body: rows.map((r) => [
          formatYear(r.jaar),
          r.werkelijk == null ? 'onbekend' : f(r.werkelijk),
          r.verwacht != null ? f(r.verwacht) : '–',
          r.verwacht != null ? `${f(r.ondergrens!)} – ${f(r.bovengrens!)}` : '–',
        ]),
        rowHeader: 0,
      };
    },
    source: { tables: [...spec.tables, 'trend_series', 'trend_comparisons'], citation: 'Bron: CBS; analyse Jeugdhulp in Beeld' },
    notes: [NOTE_CAUSE, NOTE_METHOD, NOTE_SMALL, ...caveatsOf(indicators)],
  };
}

export const EFFECT_CHARTS = EFFECT_SPECS.map(effectChart);
