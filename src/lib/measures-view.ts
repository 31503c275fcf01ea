/**
 * View model of the 2022 measures page: the VNG inventory drawn as bars (wide and narrow), its table and
 * summary, and per effect chart whether the national chart has figures or only the analysis's reason.
 * MeasuresPage.astro and the home page's story only lay it out.
 */
import { NL } from '../catalog/places.ts';
import { parseHTML } from 'linkedom';
import { EFFECT_CHARTS } from '../charts/index.ts';
import { MEASURES, SOURCE, TOTAL, TOTAL_PUBLISHED, plotMeasures } from '../charts/maatregelen-2022.ts';
import { EFFECT_SPECS } from '../charts/maatregelen-effect.ts';
import type { ChartDef, Row } from '../charts/types.ts';
import type { EffectSpec } from '../analysis/effects.ts';
import { formatsFor } from '../shared/format.ts';
import { NARROW, WIDE, renderChart } from './render.ts';
import type { Lang } from './site.ts';

/** The measures' bars as SVG markup at one width; decoration beside the table, so hidden from screen readers. */
export function measuresSvg(lang: Lang, width: number): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const el = plotMeasures(lang, { document: document as unknown as Document, width });
  el.setAttribute('aria-hidden', 'true');
  return el.outerHTML;
}

export interface MeasuresView {
  /** The published total of expected savings, formatted (the lead paragraph names it). */
  total: string;
  svg: { wide: string; narrow: string };
  summary: string;
  /** One row per measure and the published total, amounts formatted. */
  table: { label: string; amount: string }[];
  source: string;
  /** Per effect chart: drawn nationally, or listed with the analysis's reason (no empty box). */
  effects: { chart: ChartDef<Row>; spec: EffectSpec; hasData: boolean; reason: string }[];
}

export async function measuresView(lang: Lang): Promise<MeasuresView> {
  const en = lang === 'en';
  const euro = formatsFor(lang).euro;
  const national = await Promise.all(EFFECT_CHARTS.map((c) => renderChart(c, NL)));
  const largest = MEASURES.reduce((a, m) => (m.euro > a.euro ? m : a));
  const costs = MEASURES.find((m) => m.euro < 0);
  return {
    total: euro(TOTAL_PUBLISHED),
    svg: { wide: measuresSvg(lang, WIDE), narrow: measuresSvg(lang, NARROW) },
    summary: en
      ? `Together the measures were expected to save ${euro(TOTAL_PUBLISHED)} (the rounded amounts per measure add up to ${euro(TOTAL)}); the largest share was to come from ${largest.en.toLowerCase()} (${euro(largest.euro)})${costs ? `, while ${costs.en.toLowerCase()} was expected to cost ${euro(-costs.euro)}` : ''}.`
      : `Samen zouden de maatregelen ${euro(TOTAL_PUBLISHED)} besparen (de afgeronde bedragen per maatregel tellen op tot ${euro(TOTAL)}); het grootste deel moest komen van ${largest.nl.toLowerCase()} (${euro(largest.euro)})${costs ? `, terwijl ${costs.nl.toLowerCase()} ${euro(-costs.euro)} zou kosten` : ''}.`,
    table: [
      ...MEASURES.map((m) => ({ label: m[lang], amount: euro(m.euro) })),
      { label: en ? 'Total (as published)' : 'Totaal (zoals gepubliceerd)', amount: euro(TOTAL_PUBLISHED) },
    ],
    source: `${SOURCE.title}. ${SOURCE.note}`,
    effects: EFFECT_CHARTS.map((chart, i) => ({ chart, spec: EFFECT_SPECS[i], hasData: national[i].hasData, reason: national[i].summary })),
  };
}
