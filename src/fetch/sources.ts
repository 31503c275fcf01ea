/**
 * What `npm run fetch` downloads: the one place to change a table id, a year range or a host.
 * Hosts, endpoints and traps are described in ../shared/docs/cbs-api.md (beside the repository) (the same notes the readers follow).
 *
 * When CBS renames or replaces a table, change its id here; the readers match topics on Title, not on Key,
 * so a successor table with the same topic titles needs no other change.
 */
import { IV3_TABLES } from '../catalog/iv3.ts';
import { GEBIEDEN_TABLES } from '../catalog/gebieden.ts';

export type Host = 'opendata' | 'dataderden' | 'datasets' | 'cartomap';

/** The real hosts. `--base <url>` (or JEUGDHULP_CBS_BASE) replaces each by `<url>/<host name>`. */
export const DEFAULT_HOSTS: Record<Host, string> = {
  opendata: 'https://opendata.cbs.nl',
  dataderden: 'https://dataderden.cbs.nl',
  datasets: 'https://datasets.cbs.nl',
  cartomap: 'https://cartomap.github.io',
};

/** Paths under each host (OData v3 metadata, v3 bulk feed, v4). Case as CBS's own documentation writes them. */
export const PATHS = {
  opendata: { api: '/ODataApi/odata', feed: '/ODataFeed/odata' },
  dataderden: { api: '/ODataApi/OData', feed: '/ODataFeed/OData' },
  datasets: { v4: '/odata/v1/CBS' },
  cartomap: { geo: '/nl/wgs84' },
} as const;

export interface V3Source {
  kind: 'cbs-v3';
  id: string;
  table: string;
  title: string;
  /**
   * Dimensions filtered server-side to the categories whose Title matches one of the patterns (the pipeline
   * reads no others). Every pattern must match at least one category of the table: a breakdown CBS dropped
   * or renamed is an error naming what the table has, never a smaller download.
   */
  categories?: Record<string, RegExp[]>;
  /**
   * Topics fetched, by Title (trimmed, case-insensitive; each must be one Topic of the table): for a table
   * with many topics of which the pipeline reads a few (85097NED has ≈ 60 per verwijzer). Undefined: all.
   */
  topics?: string[];
}

export interface PopulationSource {
  kind: 'population';
  id: string;
  table: string;
  title: string;
  /** Years requested by default; a year CBS has not published yet is skipped, not an error. */
  years: [number, number];
  /** Measure, matched on MeasureCodes Title. */
  measureTitle: RegExp;
  /**
   * The Leeftijd codes fetched: the total (Title "Totaal") and the single years 0…maxAge ("0 jaar" …),
   * matched on Title. 03759ned has no 0–17 / 0–22 groups: the pipeline sums the single years.
   * Every one of them must exist: a missing code is an error, never a silently smaller sum.
   */
  maxAge: number;
}

/** A v4 table fetched as one series: some measures (matched on Title) per gemeente/jeugdregio/NL, annual periods. */
export interface V4SeriesSource {
  kind: 'cbs-v4';
  id: string;
  table: string;
  title: string;
  /** Measures by MeasureCodes Title (trimmed, case-insensitive); each must exist. */
  measureTitles: string[];
  /** Annual periods requested; those the table does not have are left out (none at all is an error). */
  years: [number, number];
  /** Observations file name: `cbs_<table>_<part>.json`. */
  part: string;
}

/** "Kerncijfers wijken en buurten": one v3 table per year, gemeente rows only, topics matched on Title. */
export interface KwbSource {
  kind: 'kwb';
  id: string;
  title: string;
  tables: Record<number, string>;
  /** Topic titles fetched (besides the region column and ID); each must exist in every edition. */
  topics: string[];
}

export interface GebiedenSource {
  kind: 'gebieden';
  id: string;
  title: string;
  /** "Gebieden in Nederland <year>": one table per year (indeling on 1 January). */
  tables: Record<number, string>;
}

export interface Iv3Source {
  kind: 'iv3';
  id: string;
  title: string;
  tables: Record<number, string>;
  /** Verslagsoort suffixes: X000 begroting, X005 jaarrekening (X001–X004 are quarters). */
  verslagsoorten: string[];
  /** Categorie prefixes: L lasten, B baten (A/P balance posts are not fetched). */
  categories: string[];
  /** Taakvelden besides the pipeline's cost regimes (taakveld.ts), e.g. 6.2 toegang, 6.92 coördinatie. */
  extraTaakvelden: string[];
}

export interface BoundariesSource {
  kind: 'boundaries';
  id: string;
  title: string;
  years: [number, number];
  regions: string[];
}

export type Source = V3Source | PopulationSource | V4SeriesSource | KwbSource | GebiedenSource | Iv3Source | BoundariesSource;

/**
 * "Kerncijfers wijken en buurten <year>" per edition (PROVENANCE §8 names 2015, 2020, 2021 and 2024; the
 * others as listed by several independent public CBS clients; a wrong id fails with a 404 naming it).
 */
export const KWB_TABLES: Record<number, string> = {
  2015: '83220NED', 2016: '83487NED', 2017: '83765NED', 2018: '84286NED', 2019: '84583NED',
  2020: '84799NED', 2021: '85039NED', 2022: '85318NED', 2023: '85618NED', 2024: '85984NED',
};

/** Topics the KWB readers need, by Title (CBS pads some titles with a trailing space; matched trimmed). */
export const KWB_TOPICS = ['Gemeentenaam', 'Soort regio', 'Aantal inwoners', 'Jongeren met jeugdzorg in natura', 'Percentage jongeren met jeugdzorg'];

export const SOURCES: Source[] = [
  // Beleidsinformatie Jeugd (opendata.cbs.nl, OData v3). Whole tables: CBS revises provisional figures in place.
  { kind: 'cbs-v3', id: '84134NED', table: '84134NED', title: 'Kerncijfers over jeugdzorg (2015–2020)' },
  { kind: 'cbs-v3', id: '85099NED', table: '85099NED', title: 'Jongeren met jeugdzorg; regio' },
  { kind: 'cbs-v3', id: '85098NED', table: '85098NED', title: 'Indicatoren jeugdzorg in natura; gemeenten' },
  { kind: 'cbs-v3', id: '82972NED', table: '82972NED', title: 'Indicatoren jeugdzorg in natura; gemeenten (2015–2019)' },
  { kind: 'cbs-v3', id: '83454NED', table: '83454NED', title: 'Gemeentelijke kosten; jeugdzorg, regio' },
  // Who uses youth care (Q3, Q6): sex, the four age groups and household type, for "JZ Totaal jeugdzorg" only
  // (its other forms × every Persoonskenmerk would be millions of rows). Titles "Totaal", "Geslacht: mannen",
  // "Leeftijd: 18 tot 23 jaar" as CBS's StatLine page of 85100NED prints them; the household titles are not on
  // any stored page (84316NED words them "Thuiswonend kind in eenouderhuishouden / bij een paar", "Ander
  // huishouden"), so that pattern only asks for some household category and the pipeline matches the words.
  {
    kind: 'cbs-v3', id: '85100NED', table: '85100NED', title: 'Jongeren met jeugdzorg; persoonskenmerken',
    categories: {
      Persoonskenmerken: [/^totaal$/i, /^geslacht: mannen$/i, /^geslacht: vrouwen$/i, /^leeftijd: 0 tot 4 jaar$/i, /^leeftijd: 4 tot 12 jaar$/i,
        /^leeftijd: 12 tot 18 jaar$/i, /^leeftijd: 18 tot 23 jaar$/i, /huishou|eenouder|bij (een )?paar/i],
      VormenVanJeugdzorg: [/^(jz )?totaal jeugdzorg$/i],
    },
  },
  // Trajectories by referrer (Q28, Q21, Q23). Title, the dimension title "Verwijzer jeugdzorg", its category
  // titles ("Totaal verwijzer", "Gemeentelijke toegang", "Huisarts", … "Verwijzer onbekend") and the topic
  // title are as CBS's StatLine page of 85097NED prints them (https://www.cbs.nl/nl-nl/cijfers/detail/85097NED).
  // The dimension key `VerwijzerJeugdzorg` is from ../shared/docs/cbs-api.md; the category and topic keys are
  // not known here (guessed in the synthetic world): the plan and the pipeline match on Title only.
  { kind: 'cbs-v3', id: '85097NED', table: '85097NED', title: 'Jeugdhulptrajecten in natura; verwijzer, regio (gemeente)', topics: ['Totaal jeugdhulptrajecten in natura'] },
  // Population by age per gemeente (datasets.cbs.nl, OData v4): ~98 M cells, so always filtered.
  {
    kind: 'population',
    id: '03759ned',
    table: '03759ned',
    title: 'Bevolking op 1 januari en gemiddeld; geslacht, leeftijd en regio',
    years: [2015, 2026],
    measureTitle: /^bevolking op 1 januari$/i,
    maxAge: 22,
  },
  // Total population per gemeente and NL (bevolking_totaal): Regionale kerncijfers Nederland.
  { kind: 'cbs-v4', id: '70072ned', table: '70072ned', title: 'Regionale kerncijfers Nederland', measureTitles: ['Totale bevolking'], years: [2015, 2026], part: 'bevolking' },
  // Young people with youth care per gemeente, CBS's own definition (under 23), one table per edition.
  { kind: 'kwb', id: 'kwb', title: 'Kerncijfers wijken en buurten', tables: KWB_TABLES, topics: KWB_TOPICS },
  { kind: 'gebieden', id: 'gebieden', title: 'Gebieden in Nederland', tables: GEBIEDEN_TABLES },
  {
    kind: 'iv3',
    id: 'iv3',
    title: 'Gemeenten <jaar> onbewerkte Iv3-data',
    tables: IV3_TABLES,
    verslagsoorten: ['X000', 'X005'],
    categories: ['L', 'B'],
    extraTaakvelden: ['6.2', '6.22', '6.92'],
  },
  { kind: 'boundaries', id: 'boundaries', title: 'Gemeente- en jeugdregiogrenzen (cartomap, vereenvoudigd CBS)', years: [2015, 2025], regions: ['gemeente', 'jeugdregio'] },
];

/** `--base http://127.0.0.1:1234` → every host under that base (`…/opendata`, `…/datasets`, …); tests use this. */
export function hostsFor(base: string | undefined): Record<Host, string> {
  if (!base) return { ...DEFAULT_HOSTS };
  const b = base.replace(/\/+$/, '');
  return { opendata: `${b}/opendata`, dataderden: `${b}/dataderden`, datasets: `${b}/datasets`, cartomap: `${b}/cartomap` };
}

/**
 * An absolute URL on a real host (CBS writes its next-page links so) moved onto `hosts`: with `--base` the
 * next page comes from the mirror too. URLs on other hosts are returned as they are (and then refused).
 */
export function onHosts(url: string, hosts: Record<Host, string>): string {
  for (const h of Object.keys(DEFAULT_HOSTS) as Host[]) {
    const real = DEFAULT_HOSTS[h];
    if (hosts[h] === real) continue;
    // http:// and https:// both: CBS has written links with either.
    const m = new RegExp(`^https?://${real.replace(/^https:\/\//, '').replace(/\./g, '\\.')}(?=/|$)`, 'i').exec(url);
    if (m) return hosts[h] + url.slice(m[0].length);
  }
  return url;
}
