/** The theme pages: which registry charts each shows, and the words around them (nl and en). */
import type { Lang } from './site.ts';

export interface Theme {
  slug: 'gebruik' | 'verblijf' | 'kosten';
  title: Record<Lang, string>;
  intro: Record<Lang, string>;
  charts: string[];
  /** The catalogue metric (src/catalog/metrics.ts) whose latest value per jeugdregio is listed under the national chart. */
  regionMetric: string;
}

export const THEMES: Theme[] = [
  {
    slug: 'gebruik',
    title: { nl: 'Hoeveel jongeren krijgen jeugdhulp?', en: 'How many young people receive youth care?' },
    intro: {
      nl: 'Sinds de Jeugdwet van 2015 regelen gemeenten de jeugdhulp. Het aantal jongeren dat hulp krijgt steeg sindsdien; ongeveer één op de tien jongeren krijgt nu een vorm van jeugdzorg. Hier ziet u hoeveel, en hoe snel dat groeit.',
      en: 'Since the Youth Act of 2015, municipalities have been responsible for youth care. The number of young people receiving care has grown since; about one in ten now gets some form of youth care. This page shows how many, and how fast that grows.',
    },
    charts: ['gebruik-trend', 'gebruik-natura', 'gebruik-leeftijd', 'jongvolwassenen', 'jeugdbescherming', 'verwijzers'],
    regionMetric: 'jongeren_jeugdhulp_per_1000',
  },
  {
    slug: 'verblijf',
    title: { nl: 'Wonen minder kinderen buiten huis?', en: 'Are fewer children living away from home?' },
    intro: {
      nl: 'Het beleid wil dat kinderen zo veel mogelijk thuis opgroeien. Jeugdhulp met verblijf — pleegzorg, een gezinshuis, gesloten plaatsing of een andere woonvorm — zou daarom moeten afnemen. Of dat gebeurt, ziet u hier.',
      en: 'Policy aims for children to grow up at home wherever possible, so residential youth care — foster care, family-style homes, secure placement and other forms — should decline. This page shows whether it does.',
    },
    charts: ['verblijf-per-vorm', 'kosten-verblijf', 'kosten-zonder-verblijf', 'gesloten-2030', 'kosten-gesloten'],
    regionMetric: 'jongeren_jeugdhulp_met_verblijf_per_1000',
  },
  {
    slug: 'kosten',
    title: { nl: 'Wat kost de jeugdhulp?', en: 'What does youth care cost?' },
    intro: {
      nl: 'Gemeenten boeken hun uitgaven aan jeugdhulp in hun begroting en jaarrekening op vaste taakvelden (Iv3). We tonen netto uitgaven (lasten min baten), zodat geld dat gemeenten elkaar betalen niet dubbel telt. Begroting en jaarrekening tonen we apart: de eerste is een verwachting, de tweede wat er echt is uitgegeven.',
      en: 'Municipalities book youth-care spending on fixed task fields (Iv3) in their budgets and annual accounts. We show net spending (costs minus income), so money municipalities pay each other is not counted twice. Budgets and accounts are shown apart: a budget is an expectation, the accounts are what was actually spent.',
    },
    charts: ['kosten-trend', 'kosten-cbs', 'kosten-per-inwoner', 'kosten-verdeling'],
    regionMetric: 'netto_jeugdhulp_per_inwoner_jaarrekening',
  },
];

export const themeBySlug = (slug: string) => THEMES.find((t) => t.slug === slug);
