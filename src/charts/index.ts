/**
 * The chart registry (design §4): every chart the site shows, in one list. Pages, embeds, downloads,
 * the comparison data, Open Graph images and the tests all iterate over these lists; a chart that is
 * not here does not exist.
 */
import gebruikTrend from './gebruik-trend.ts';
import gebruikKwb from './gebruik-kwb.ts';
import gebruikNatura from './gebruik-natura.ts';
import kostenPerInwoner from './kosten-per-inwoner.ts';
import kostenTrend from './kosten-trend.ts';
import kostenCbs from './kosten-cbs.ts';
import verblijfPerVorm from './verblijf-per-vorm.ts';
import gesloten2030 from './gesloten-2030.ts';
import kostenVerblijf from './kosten-verblijf.ts';
import kostenGesloten from './kosten-gesloten.ts';
import kostenZonderVerblijf from './kosten-zonder-verblijf.ts';
import kostenVerdeling from './kosten-verdeling.ts';
import jeugdbescherming from './jeugdbescherming.ts';
import verwijzers from './verwijzers.ts';
import gebruikLeeftijd, { jongvolwassenen } from './gebruik-leeftijd.ts';
import regioOmvang from './regio-omvang.ts';
import { EFFECT_CHARTS } from './maatregelen-effect.ts';
import type { ChartDef, Row } from './types.ts';

/**
 * The stories of every place page: use, residential care, spending. Use opens with the place's own share
 * (KWB, every gemeente) before the Beleidsinformatie Jeugd series, which CBS has for few gemeenten.
 * Residential care and secure placement each have a count of young people (CBS, where it has them) and the
 * euros (Iv3, for every gemeente); light care (begeleiding, behandeling) beside it. Spending ends with where the
 * money goes (sociale basis, toegang, individual care, protection), then the size of the jeugdregio (Q30).
 * CBS's own cost table (83454NED) follows the Iv3 cost trend, as a second source beside it.
 * Use by age group and 18–22 on its own (85100NED) follow the totals; who refers (85097NED) follows protection.
 */
export const CORE_CHARTS: ChartDef<any>[] = [
  gebruikKwb, gebruikNatura, gebruikTrend, gebruikLeeftijd, jongvolwassenen, jeugdbescherming, verwijzers, verblijfPerVorm, kostenVerblijf, kostenZonderVerblijf, gesloten2030, kostenGesloten,
  kostenTrend, kostenCbs, kostenPerInwoner, kostenVerdeling, regioOmvang,
];

/** Actual against the pre-2022 trend, per indicator (the 2022 measures). */
export { EFFECT_CHARTS };

export const CHARTS: ChartDef<any>[] = [...CORE_CHARTS, ...EFFECT_CHARTS];

export function chartById(id: string): ChartDef<Row> | undefined {
  return CHARTS.find((c) => c.id === id);
}
