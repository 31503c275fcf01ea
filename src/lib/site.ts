/** Site-wide words and navigation, Dutch first; English for home and the theme pages. */
export type Lang = 'nl' | 'en';

export const SITE_NAME = 'Jeugdhulp in Beeld';

export interface NavItem {
  href: string;
  label: string;
}

export const NAV: Record<Lang, NavItem[]> = {
  nl: [
    { href: '/', label: 'Overzicht' },
    { href: '/gebruik/', label: 'Gebruik' },
    { href: '/verblijf/', label: 'Verblijf' },
    { href: '/kosten/', label: 'Kosten' },
    { href: '/maatregelen-2022/', label: 'Maatregelen 2022' },
    { href: '/kaart/', label: 'Kaart' },
    { href: '/verkennen/', label: 'Verkennen' },
    { href: '/zoeken/', label: 'Zoek gemeente of regio' },
    { href: '/data/', label: 'Data' },
    { href: '/sql/', label: 'SQL' },
  ],
  en: [
    { href: '/en/', label: 'Overview' },
    { href: '/en/gebruik/', label: 'Use' },
    { href: '/en/verblijf/', label: 'Residential care' },
    { href: '/en/kosten/', label: 'Spending' },
    { href: '/en/maatregelen-2022/', label: '2022 measures' },
    { href: '/en/explore/', label: 'Explore' },
    { href: '/zoeken/', label: 'Find a place (Dutch)' },
  ],
};

export const SAMPLE_NOTICE: Record<Lang, string> = {
  nl: 'Let op: deze site is gebouwd op een kleine voorbeeldset met gepubliceerde CBS-cijfers, niet op de volledige data. Veel gemeenten en jaren ontbreken.',
  en: 'Note: this site was built from a small sample of published CBS figures, not the full data. Many municipalities and years are missing.',
};

/** On every page built from the generated test world (npm run world): its figures are invented. */
export const SYNTHETIC_NOTICE: Record<Lang, string> = {
  nl: 'Let op: synthetische testgegevens. Deze site is gebouwd op verzonnen cijfers om de software te testen; geen enkel cijfer is echt.',
  en: 'Note: synthetic test data (synthetische testgegevens). This site was built from invented figures to test the software; no figure is real.',
};

/** Where the same page lives in the other language (home and theme pages); undefined = Dutch only. */
export function alternateOf(path: string): string | undefined {
  const clean = path.endsWith('/') ? path : `${path}/`;
  const themes = ['/', '/gebruik/', '/verblijf/', '/kosten/', '/maatregelen-2022/'];
  // Pages whose English name differs from the Dutch one.
  const renamed: Record<string, string> = { '/verkennen/': '/en/explore/' };
  const nl = Object.entries(renamed).find(([, e]) => e === clean)?.[0];
  if (nl) return nl;
  if (renamed[clean]) return renamed[clean];
  if (clean.startsWith('/en/')) return clean.slice(3) || '/';
  return themes.includes(clean) ? `/en${clean}` : undefined;
}

/** In a citation, the placeholder the browser replaces with the reader's access date (src/client/chart-tools.ts). */
export const ACCESS_PLACEHOLDER = { nl: '[datum van raadplegen]', en: '[date accessed]' } as const;
