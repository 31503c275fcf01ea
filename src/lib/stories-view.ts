/**
 * View model of the home page's four stories: per story the headline number, the sentence that says what
 * it is, the definition and the national chart, as plain strings. Each number is read from the indicator
 * its chart draws, so the headline and the chart under it cannot disagree; Stories.astro only lays it out.
 */
import { NL } from '../catalog/places.ts';
import { chartById } from '../charts/index.ts';
import { MEASURES, TOTAL_PUBLISHED } from '../charts/maatregelen-2022.ts';
import type { LegendItem } from '../charts/types.ts';
import { change, formatsFor } from '../shared/format.ts';
import { describeSeries, firstTrend, series, type SeriesStory, type Trend } from './headlines.ts';
import { measuresSvg } from './measures-view.ts';
import { renderChart, type RenderedChart } from './render.ts';
import type { Lang } from './site.ts';
import { indicator, type IndicatorId } from '../catalog/indicators.ts';

export type StoryKey = 'gebruik' | 'kosten' | 'verblijf' | 'maatregelen';

export interface Story {
  key: StoryKey;
  href: string;
  heading: string;
  /** The big number, formatted for the page's language; null when the dataset has no national figure. */
  headline: string | null;
  /** What the number is, with its year and how it changed; empty when there is no headline. */
  sentence: string;
  /** The definition line in Dutch ("Definitie: " and the warehouse's own text). */
  definition: string;
  /** The national chart at phone width; legend null when the drawing has no key (the measures bars). */
  chart: { svg: string; legend: LegendItem[] | null; legendHidden: boolean } | null;
  /** What the card says instead when there is no headline. */
  empty: string;
}

function provisional(status: string, en: boolean): string {
  return status !== 'definitief' ? (en ? ' (provisional)' : ' (voorlopig)') : '';
}

/** "…; +3,1 % sinds de piek in 2019." — the change a headline may name without hiding the series' shape. */
export function usersSentence(s: SeriesStory, lang: Lang): string {
  const en = lang === 'en';
  const f = formatsFor(lang);
  const what = en
    ? `young people received youth care (jeugdhulp) in ${s.last.jaar}${provisional(s.last.status, en)}`
    : `jongeren kregen jeugdhulp in ${s.last.jaar}${provisional(s.last.status, en)}`;
  if (s.since.jaar >= s.last.jaar) return what;
  const peak = s.since.jaar === s.peak.jaar && s.since.jaar !== s.first.jaar;
  const pct = f.change(change(s.since.waarde, s.last.waarde));
  return en
    ? `${what}; ${pct} since ${peak ? 'the peak in ' : ''}${s.since.jaar}.`
    : `${what}; ${pct} sinds ${peak ? 'de piek in ' : ''}${s.since.jaar}.`;
}

export function verblijfSentence(s: SeriesStory, lang: Lang): string {
  const en = lang === 'en';
  const f = formatsFor(lang);
  const what = en
    ? `young people in residential care in ${s.last.jaar}${provisional(s.last.status, en)}`
    : `jongeren met jeugdhulp met verblijf in ${s.last.jaar}${provisional(s.last.status, en)}`;
  if (s.since.jaar >= s.last.jaar) return what;
  if (s.since === s.peak && s.peak !== s.first) {
    const pct = f.change(change(s.peak.waarde, s.last.waarde));
    return en
      ? `${what}; ${pct} since the peak of ${f.number(s.peak.waarde)} in ${s.peak.jaar}.`
      : `${what}; ${pct} sinds de piek van ${f.number(s.peak.waarde)} in ${s.peak.jaar}.`;
  }
  const pct = f.change(change(s.first.waarde, s.last.waarde));
  return en ? `${what}; ${pct} since ${s.first.jaar}.` : `${what}; ${pct} sinds ${s.first.jaar}.`;
}

/** Netto (lasten − baten) is named as such; a gross series is not. Change in nominal euros, said so. */
export function kostenSentence(k: { indicator: string; trend: Trend }, lang: Lang): string {
  const en = lang === 'en';
  const { first, last } = k.trend;
  const what = k.indicator.startsWith('netto')
    ? (en ? `net spending of municipalities on individual youth care in ${last.jaar} (costs minus income, annual accounts)` : `gaven gemeenten netto uit aan individuele jeugdhulp in ${last.jaar} (lasten min baten, jaarrekening)`)
    : (en ? `spent by municipalities on youth care in ${last.jaar}` : `gaven gemeenten uit aan jeugdhulp in ${last.jaar}`);
  const c = first.jaar < last.jaar ? change(first.waarde, last.waarde) : null;
  if (c == null) return what;
  const pct = formatsFor(lang).change(c);
  return en ? `${what}; ${pct} since ${first.jaar} (not adjusted for inflation).` : `${what}; ${pct} sinds ${first.jaar} (niet gecorrigeerd voor inflatie).`;
}

/** The national chart at phone width, or null when it has no figures. */
function storyChart(r: RenderedChart | undefined): Story['chart'] {
  return r?.hasData && r.svg ? { svg: r.svg.narrow, legend: r.legend, legendHidden: r.selfLabelled } : null;
}

/** Spending: netto when the warehouse has it (money paid between gemeenten counts once), else gross, else CBS's own. */
export const KOSTEN_HEADLINE_INDICATORS: IndicatorId[] = ['netto_jeugdhulp_jaarrekening', 'kosten_jeugdhulp_jaarrekening', 'kosten_jeugdzorg_cbs_realisatie'];

export async function storiesView(lang: Lang): Promise<Story[]> {
  const en = lang === 'en';
  const f = formatsFor(lang);
  const pre = en ? '/en' : '';
  const noNational = en ? 'No national figures in this dataset.' : 'Geen landelijke cijfers in deze dataset.';
  const render = (id: string) => {
    const c = chartById(id);
    return c ? renderChart(c, NL) : Promise.resolve(undefined);
  };
  const [gebruikR, verblijfR, kostenR, users, verblijf, kosten] = await Promise.all([
    render('gebruik-trend'),
    render('verblijf-per-vorm'),
    render('kosten-trend'),
    series('jongeren_jeugdhulp', NL).then(describeSeries),
    series('jongeren_jeugdhulp_met_verblijf', NL).then(describeSeries),
    firstTrend(KOSTEN_HEADLINE_INDICATORS, NL),
  ]);
  const biggest = MEASURES[0];
  // A count of young people: the newest national value, how it changed, the indicator's definition, its chart.
  const countStory = (key: 'gebruik' | 'verblijf', heading: string, id: IndicatorId, s: SeriesStory | null, sentence: typeof usersSentence, r: RenderedChart | undefined): Story => ({
    key,
    href: `${pre}/${key}/`,
    heading,
    headline: s ? f.number(s.last.waarde) : null,
    sentence: s ? sentence(s, lang) : '',
    definition: `Definitie: ${indicator(id).definition}`,
    chart: storyChart(r),
    empty: noNational,
  });
  return [
    countStory('gebruik', en ? 'Young people receiving youth care' : 'Jongeren met jeugdhulp', 'jongeren_jeugdhulp', users, usersSentence, gebruikR),
    {
      key: 'kosten',
      href: `${pre}/kosten/`,
      heading: en ? 'Spending' : 'Kosten',
      headline: kosten ? f.euro(kosten.trend.last.waarde) : null,
      sentence: kosten ? kostenSentence(kosten, lang) : '',
      definition: kosten ? `Definitie: ${indicator(kosten.indicator).definition}` : '',
      chart: storyChart(kostenR),
      empty: en ? 'No national spending figures in this dataset.' : 'Geen landelijke kostencijfers in deze dataset.',
    },
    countStory('verblijf', en ? 'Living away from home' : 'Jeugdhulp met verblijf', 'jongeren_jeugdhulp_met_verblijf', verblijf, verblijfSentence, verblijfR),
    {
      // The 2022 measures: planned savings from the VNG inventory (not CBS figures), drawn at phone width.
      key: 'maatregelen',
      href: `${pre}/maatregelen-2022/`,
      heading: en ? 'The 2022 measures' : 'De maatregelen van 2022',
      headline: f.euro(TOTAL_PUBLISHED),
      sentence: en
        ? `savings municipalities expected in 2022 from a package of seven measures, most from "${biggest.en}", next to € 1.3 bn extra from central government. What changed afterwards?`
        : `besparing die gemeenten in 2022 verwachtten van een pakket van zeven maatregelen, het meest van "${biggest.nl}", naast € 1,3 mld extra van het Rijk. Wat veranderde er daarna?`,
      definition: 'Verwachte besparing per maatregel zoals gemeenten die in mei 2022 opgaven (VNG-inventarisatie); geen CBS-cijfer.',
      chart: { svg: measuresSvg(lang, 360), legend: null, legendHidden: true },
      empty: '',
    },
  ];
}
