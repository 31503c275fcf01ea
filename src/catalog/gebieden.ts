/** Facts about CBS "Gebieden in Nederland" that both the fetch plans and the pipeline need. */
import { normTitle } from './indicators.ts';

/** CBS "Gebieden in Nederland" table per year (cbs-api.md §5). */
export const GEBIEDEN_TABLES: Record<number, string> = {
  2015: '82949NED', 2016: '83287NED', 2017: '83553NED', 2018: '83859NED', 2019: '84378NED', 2020: '84721NED',
  2021: '84929NED', 2022: '85067NED', 2023: '85385NED', 2024: '85755NED', 2025: '86059NED', 2026: '86247NED',
};

/** The Gebieden measures the geography uses: gemeente name, jeugdregio code and name. */
export const isGeographyMeasure = (m: { key: string; title: string; description?: string }): boolean =>
  measureKind({ measure: m }) !== undefined;

/** Which geography column a Gebieden measure is, judged on its title, description and key (keys change per table). */
export function measureKind(r: { measure: { key: string; title: string; description?: string } }): 'gm-name' | 'jz-code' | 'jz-name' | undefined {
  const title = normTitle(r.measure.title);
  const about = normTitle(`${r.measure.description ?? ''} ${r.measure.key}`);
  const jz = /jeugdregio|jeugdzorgregio|^jz/.test(about) || /jeugdregio/.test(title);
  if (jz && /code/.test(title)) return 'jz-code';
  if (jz && /naam/.test(title)) return 'jz-name';
  // "Namen van de … gemeentelijke gezondheidsdiensten" (GGD) also mentions gemeenten: match the gemeente's own name.
  if (!jz && title === 'naam' && /naam van de gemeente|\bgm000c/.test(about)) return 'gm-name';
  return undefined;
}
