import { CENTRUM_SHARE, ELSEWHERE_FRACTION, NET_BASES, SOORTEN, nettoId } from './net-cost-rules.ts';

/**
 * The indicators of the warehouse: one stable id per figure the site shows, with its definition.
 * Readers map source-specific topics (matched on CBS titles, never on keys whose suffix changes
 * between table versions) to these ids; pages and downloads read labels and units from here.
 */

export type Theme = 'gebruik' | 'kosten' | 'verblijf' | 'bevolking';
export type Unit = 'jongeren' | 'euro' | 'personen' | 'procent' | 'trajecten';

export interface IndicatorDef<I extends string = string> {
  id: I;
  label_nl: string;
  label_en: string;
  unit: Unit;
  theme: Theme;
  definition: string;
  /** Counts of persons or euros that may be summed over gemeenten (false: percentages, unique persons). */
  additive: boolean;
  /** Where the figure comes from: CBS table ids or Iv3 taakvelden. */
  source_tables: string;
  caveats: string[];
}

const BREAK_2021 =
  'Vanaf 2021 telt CBS meer jeugdhulpaanbieders mee; cijfers voor en na 2021 zijn niet volledig vergelijkbaar.';
const UNIQUE_PERSONS =
  'Unieke jongeren: een regio telt elke jongere één keer, dus een regiototaal is geen optelling van gemeenten.';
const IV3_2023 =
  'In 2023 splitste Iv3 taakveld 6.72 in 6.72a–6.74c en in 2025 opnieuw in 6.751–6.763 en 6.792; de totalen zijn op elkaar aangesloten.';

/** An entry whose id keeps its literal type, so the ids below add up to the IndicatorId union. */
const def = <const I extends string>(d: IndicatorDef<I>): IndicatorDef<I> => d;

const users = <const I extends string>(id: I, nl: string, en: string, definition: string, caveats: string[] = []): IndicatorDef<I> => ({
  id,
  label_nl: nl,
  label_en: en,
  unit: 'jongeren',
  theme: id.startsWith('jongeren_verblijf') || id === 'jongeren_jeugdhulp_met_verblijf' ? 'verblijf' : 'gebruik',
  definition,
  additive: false,
  source_tables: '84134NED, 85099NED (CBS Beleidsinformatie Jeugd)',
  caveats: [BREAK_2021, UNIQUE_PERSONS, ...caveats],
});

const RESIDUAL_672 =
  'In 2023 en 2024 boeken sommige gemeenten nog een deel op de oude code 6.72 (jaarrekening 2023 samen € 5,9 mln; Asten alles). Dat telt mee in het totaal, maar niet in de verdeling naar vorm: zonder en met verblijf samen zijn daarom iets minder dan het totaal.';

const cost = <const I extends string>(id: I, nl: string, en: string, definition: string, taakvelden: string, caveats: string[] = []): IndicatorDef<I> => ({
  id,
  label_nl: nl,
  label_en: en,
  unit: 'euro',
  theme: 'kosten',
  definition,
  additive: true,
  source_tables: `Iv3 gemeenten (dataderden 45063NED e.v.), taakvelden ${taakvelden}`,
  caveats,
});

const FRONT_ALL_AGES =
  'Voor alle leeftijden, niet alleen jeugd: Iv3 splitst deze taakvelden niet naar doelgroep. Vergelijk ze dus met de uitgaven aan jeugdhulp als richting, niet als deel daarvan.';

const REALISATIE = 'jaarrekening (realisatie)';
const BEGROTING = 'begroting (primitief)';

/** Cost indicators exist twice: begroting and jaarrekening are never mixed in one series. */
function costPair<const B extends string>(base: B, nl: string, en: string, definition: string, taakvelden: string, caveats: string[] = []) {
  return [
    cost(`${base}_jaarrekening`, `${nl} (jaarrekening)`, `${en} (actuals)`, `${definition} Bron: ${REALISATIE}.`, taakvelden, caveats),
    cost(`${base}_begroting`, `${nl} (begroting)`, `${en} (budget)`, `${definition} Bron: ${BEGROTING}.`, taakvelden, caveats),
  ] as const;
}

/** The lasten definitions, which the net-cost indicators are derived from (they come first in INDICATORS). */
const lastenDef = (id: string): IndicatorDef => {
  const d = LASTEN.find((x) => x.id === id);
  if (!d) throw new Error(`internal: no lasten indicator ${id}`);
  return d;
};

/** Iv3 lasten (gross spending) per taakveld group: begroting and jaarrekening never in one series. */
const LASTEN = [
  ...costPair('kosten_jeugdhulp', 'Lasten individuele jeugdhulp', 'Spending on individual youth care',
    'Lasten van gemeenten op de individuele jeugdhulp: 6.72 (t/m 2022), 6.72a–6.74c plus wat nog op de oude code 6.72 staat (2023–2024), 6.751–6.763 en 6.792 pgb (vanaf 2025).',
    '6.72 ≙ 6.72 + 6.72a–6.74c ≙ 6.751–6.763 + 6.792', [IV3_2023, RESIDUAL_672]),
  ...costPair('kosten_jeugdbescherming_reclassering', 'Lasten jeugdbescherming en -reclassering', 'Spending on child protection and youth probation',
    'Lasten op geëscaleerde zorg 18-: 6.82 (t/m 2022), 6.82a+b plus wat nog op de oude code 6.82 staat (2023–2024), 6.821+6.822 (vanaf 2025).', '6.82 ≙ 6.82 + 6.82a+b ≙ 6.821+6.822'),
  ...costPair('kosten_jeugdhulp_zonder_verblijf', 'Lasten jeugdhulp zonder verblijf', 'Spending on non-residential youth care',
    'Lasten op jeugdhulp zonder verblijf: 6.72a–d en 6.74a (2023–2024), 6.751–6.753 ambulant (vanaf 2025; pgb apart).', '6.72a–d, 6.74a | 6.751–6.753',
    ['Alleen vanaf 2023 zichtbaar; in 2025 is pgb (6.792) niet naar verblijf gesplitst.']),
  ...costPair('kosten_jeugdhulp_met_verblijf', 'Lasten jeugdhulp met verblijf', 'Spending on residential youth care',
    'Lasten op jeugdhulp met verblijf: 6.73a–c, 6.74b–c (2023–2024), 6.761–6.763 (vanaf 2025).', '6.73a–c, 6.74b–c | 6.761–6.763',
    ['Alleen vanaf 2023 zichtbaar; in 2025 is pgb (6.792) niet naar verblijf gesplitst.']),
  ...costPair('kosten_pleegzorg', 'Lasten pleegzorg', 'Spending on foster care', 'Lasten op taakveld 6.73a Pleegzorg.', '6.73a',
    ['Alleen 2023–2024: vanaf 2025 is pleegzorg niet meer apart zichtbaar in Iv3.']),
  ...costPair('kosten_gezinsgericht', 'Lasten gezinsgericht verblijf', 'Spending on family-style homes', 'Lasten op taakveld 6.73b Gezinsgericht.', '6.73b',
    ['Alleen 2023–2024: vanaf 2025 is gezinsgericht niet meer apart zichtbaar in Iv3.']),
  ...costPair('kosten_gesloten_plaatsing', 'Lasten gesloten plaatsing', 'Spending on secure placement', 'Lasten op taakveld 6.74c Gesloten plaatsing.', '6.74c',
    ['Alleen 2023–2024: vanaf 2025 is gesloten plaatsing niet meer apart zichtbaar in Iv3.']),
  ...costPair('kosten_verblijf_overig', 'Lasten overig verblijf', 'Spending on other residential care',
    'Lasten op 6.73c Jeugdhulp met verblijf overig en 6.74b Jeugdhulp crisis/LTA/GGZ-verblijf: het deel van jeugdhulp met verblijf dat geen pleegzorg, gezinsgericht of gesloten is.', '6.73c, 6.74b',
    ['Alleen 2023–2024: vanaf 2025 is de verdeling naar vorm niet meer zichtbaar in Iv3.']),
  ...costPair('kosten_begeleiding', 'Lasten jeugdhulp begeleiding', 'Spending on youth-care support (begeleiding)',
    'Lasten op taakveld 6.72a Jeugdhulp begeleiding: ondersteuning bij dagelijkse dingen, de lichtere vorm van jeugdhulp zonder verblijf.', '6.72a',
    ['Alleen 2023–2024: vanaf 2025 splitst Iv3 jeugdhulp zonder verblijf niet meer in begeleiding en behandeling.']),
  ...costPair('kosten_behandeling', 'Lasten jeugdhulp behandeling', 'Spending on youth-care treatment (behandeling)',
    'Lasten op taakveld 6.72b Jeugdhulp behandeling: behandeling zonder verblijf (GGZ-behandeling zonder verblijf staat apart op 6.74a).', '6.72b',
    ['Alleen 2023–2024: vanaf 2025 splitst Iv3 jeugdhulp zonder verblijf niet meer in begeleiding en behandeling.']),
  ...costPair('kosten_zonder_verblijf_overig', 'Lasten overige jeugdhulp zonder verblijf', 'Spending on other non-residential youth care',
    'Lasten op 6.72c Jeugdhulp dagbesteding, 6.72d Jeugdhulp zonder verblijf overig en 6.74a Jeugd behandeling GGZ zonder verblijf: het deel van jeugdhulp zonder verblijf dat geen begeleiding of behandeling (6.72a/b) is.', '6.72c, 6.72d, 6.74a',
    ['Alleen 2023–2024: vanaf 2025 splitst Iv3 jeugdhulp zonder verblijf niet meer naar vorm.']),
  ...costPair('kosten_pgb_jeugd', 'Lasten pgb jeugd', 'Spending on personal budgets for youth care (pgb)',
    'Lasten op taakveld 6.792 PGB Jeugd: jeugdhulp die ouders met een persoonsgebonden budget zelf inkopen.', '6.792',
    ['Pas vanaf 2025 apart zichtbaar; tot en met 2024 zit pgb in de taakvelden van de zorgvorm.']),
  ...costPair('kosten_samenkracht', 'Lasten samenkracht en burgerparticipatie', 'Spending on community strength and participation (social base)',
    'Lasten op taakveld 6.1 Samenkracht en burgerparticipatie: de sociale basis (welzijn, jongerenwerk, buurtactiviteiten, mantelzorg- en vrijwilligerssteun, voorzieningen zonder beschikking).', '6.1',
    [FRONT_ALL_AGES]),
  ...costPair('kosten_toegang', 'Lasten toegang en wijkteams', 'Spending on access and neighbourhood teams',
    'Lasten op taakveld 6.2 Wijkteams (t/m 2022) / Toegang en eerstelijnsvoorzieningen (2023–2024), en vanaf 2025 de som van 6.21 Wmo, 6.22 Jeugd en 6.23 Integraal, waarin Iv3 6.2 toen splitste.', '6.2 ≙ 6.21 + 6.22 + 6.23',
    [FRONT_ALL_AGES, 'In 2023 veranderden de boekingsvoorschriften (o.a. de Centra voor Jeugd en Gezin naar 6.2): 2023 en later is niet goed vergelijkbaar met eerdere jaren.']),
  ...costPair('kosten_toegang_jeugd', 'Lasten toegang jeugd', 'Spending on access to youth care',
    'Lasten op taakveld 6.22 Toegang en eerstelijnsvoorzieningen Jeugd: de toegang die alleen voor jeugd is (jeugdteam, CJG-toegang).', '6.22',
    ['Pas vanaf 2025 apart zichtbaar; integrale wijkteams voor alle leeftijden staan op 6.23.']),
];

// ---- net costs (src/pipeline/net-costs.ts): baten and netto beside every lasten indicator ----------------

const NETTO_WHY =
  'Netto = lasten − baten. Een centrumgemeente koopt jeugdhulp in voor de hele regio en boekt de bijdragen van de andere gemeenten als baten; die gemeenten boeken hetzelfde geld als lasten. Netto telt dat geld één keer, bij de gemeente die het uiteindelijk betaalt.';
const CENTRUM =
  `Gemeenten waarvan de baten minstens ${CENTRUM_SHARE} % van de lasten zijn, heten hier centrumgemeente (vlag centrumgemeente): hun lasten bevatten zorg voor de regio.`;
const ELDERS =
  `Een gemeente met lasten van € 0 of minder, of netto per inwoner onder ${ELSEWHERE_FRACTION * 100} % van de mediaan van alle gemeenten, boekt haar jeugdhulp elders (bijvoorbeeld in een gemeenschappelijke regeling): netto is dan leeg (vlag elders-geboekt) en regio- en landtotalen met zo'n gemeente zijn te laag (vlag som-gemeenten-onvolledig).`;

type NetBase = (typeof NET_BASES)[number];
type Soort = (typeof SOORTEN)[number];
type NoKosten<B> = B extends `kosten_${infer R}` ? R : never;
/** The ids net-costs.ts derives: baten and netto beside every lasten pair, netto per inwoner and per jongere, and the baten share. */
type NetCostId =
  | `baten_${NoKosten<NetBase>}_${Soort}`
  | `netto_${NoKosten<NetBase>}_${Soort}`
  | `netto_jeugdhulp_per_inwoner_${Soort}`
  | `netto_jeugdhulp_per_jongere_${Soort}`
  | `aandeel_baten_jeugdhulp_${Soort}`;

function netCostIndicators(): IndicatorDef<NetCostId>[] {
  const out: IndicatorDef<NetCostId>[] = [];
  // The ids are built from NET_BASES and SOORTEN, whose literal types NetCostId spells out.
  const id = (s: string) => s as NetCostId;
  for (const base of NET_BASES) {
    for (const soort of SOORTEN) {
      const lasten = lastenDef(`${base}_${soort}`);
      const what = lasten.label_nl.replace(/^Lasten /, '').replace(/ \((jaarrekening|begroting)\)$/, '');
      const whatEn = lasten.label_en.replace(/^Spending on /, '').replace(/ \((actuals|budget)\)$/, '');
      const tail = soort === 'jaarrekening' ? ['(jaarrekening)', '(actuals)', REALISATIE] : ['(begroting)', '(budget)', BEGROTING];
      out.push(
        { ...lasten, id: id(`baten_${base.slice('kosten_'.length)}_${soort}`), label_nl: `Baten ${what} ${tail[0]}`, label_en: `Income on ${whatEn} ${tail[1]}`,
          definition: `Baten op dezelfde taakvelden als "${lasten.label_nl}": vooral bijdragen van andere gemeenten aan een centrumgemeente. Bron: ${tail[2]}.` },
        { ...lasten, id: id(`${nettoId(base)}_${soort}`), label_nl: `Netto uitgaven ${what} ${tail[0]}`, label_en: `Net spending on ${whatEn} ${tail[1]}`,
          definition: `Lasten minus baten op dezelfde taakvelden als "${lasten.label_nl}". Bron: ${tail[2]}.`, caveats: [NETTO_WHY, CENTRUM, ELDERS, ...lasten.caveats] },
      );
    }
  }
  for (const soort of SOORTEN) {
    const tail = soort === 'jaarrekening' ? ['(jaarrekening)', '(actuals)'] : ['(begroting)', '(budget)'];
    out.push(
      { ...lastenDef(`kosten_jeugdhulp_${soort}`), id: `netto_jeugdhulp_per_inwoner_${soort}`, additive: false,
        label_nl: `Netto uitgaven individuele jeugdhulp per inwoner ${tail[0]}`, label_en: `Net spending on individual youth care per inhabitant ${tail[1]}`,
        definition: `Netto lasten individuele jeugdhulp gedeeld door alle inwoners op 1 januari van hetzelfde jaar (70072ned), in euro per inwoner.`,
        source_tables: `${lastenDef(`kosten_jeugdhulp_${soort}`).source_tables}; 70072ned`, caveats: [NETTO_WHY, CENTRUM, ELDERS, 'Niet gecorrigeerd voor inflatie.'] },
      { ...lastenDef(`kosten_jeugdhulp_${soort}`), id: `netto_jeugdhulp_per_jongere_${soort}`, additive: false,
        label_nl: `Netto uitgaven individuele jeugdhulp per jongere (0–17 jaar) ${tail[0]}`, label_en: `Net spending on individual youth care per young inhabitant (0–17) ${tail[1]}`,
        definition: `Netto lasten individuele jeugdhulp gedeeld door de inwoners van 0 tot en met 17 jaar op 1 januari van hetzelfde jaar (03759ned), in euro per jongere.`,
        source_tables: `${lastenDef(`kosten_jeugdhulp_${soort}`).source_tables}; 03759ned`,
        caveats: [NETTO_WHY, CENTRUM, ELDERS, 'Niet gecorrigeerd voor inflatie.', 'De Jeugdwet geldt tot 18 jaar (met verlenging tot 23); de noemer is 0–17 jaar, de gangbare maat voor "per jeugdige".'] },
      { ...lastenDef(`kosten_jeugdhulp_${soort}`), id: `aandeel_baten_jeugdhulp_${soort}`, unit: 'procent', additive: false,
        label_nl: `Baten als deel van de lasten, individuele jeugdhulp ${tail[0]}`, label_en: `Income as a share of spending, individual youth care ${tail[1]}`,
        definition: `Baten gedeeld door lasten op de taakvelden van individuele jeugdhulp, in procent. Hoog bij centrumgemeenten (≥ ${CENTRUM_SHARE} %: vlag centrumgemeente).`,
        caveats: [CENTRUM] },
    );
  }
  return out;
}

const KWB_SOURCE = 'CBS Kerncijfers wijken en buurten (één tabel per jaar: 83220NED 2015 … 85039NED 2021 … 85984NED 2024)';
const KWB_CAVEATS = [
  'Een andere CBS-bron dan Beleidsinformatie Jeugd, met een eigen definitie: niet vergelijken met of optellen bij de reeksen "Jongeren met jeugdzorg".',
  'Alleen per gemeente: CBS publiceert deze kerncijfers niet voor jeugdregio\'s of Nederland, en een regiototaal is geen optelling van gemeenten.',
];

/**
 * Referrers of 85097NED ("Verwijzer jeugdzorg"), by the category title CBS prints, in CBS's order. `title`
 * matches the normalised title; the share of each in all trajectories is derived in the pipeline (referrers.ts).
 */
export const VERWIJZERS = [
  { id: 'gemeentelijke_toegang', title: /^gemeentelijke toegang$/, nl: 'Gemeentelijke toegang', en: 'municipal access team' },
  { id: 'huisarts', title: /^huisarts$/, nl: 'Huisarts', en: 'GP' },
  { id: 'jeugdarts', title: /^jeugdarts$/, nl: 'Jeugdarts', en: 'youth physician' },
  { id: 'gecertificeerde_instelling', title: /^gecertificeerde instelling$/, nl: 'Gecertificeerde instelling', en: 'certified child-protection agency' },
  { id: 'medisch_specialist', title: /^medisch specialist$/, nl: 'Medisch specialist', en: 'medical specialist' },
  { id: 'rechter', title: /^rechter/, nl: 'Rechter of officier van justitie', en: 'court or public prosecutor' },
  { id: 'geen', title: /^geen verwijzer$/, nl: 'Geen verwijzer', en: 'no referrer' },
  { id: 'onbekend', title: /^verwijzer onbekend$/, nl: 'Verwijzer onbekend', en: 'referrer unknown' },
] as const;

/**
 * Person characteristics of 85100NED ("Persoonskenmerken"), for "JZ Totaal jeugdzorg": the category title (normalised)
 * decides the indicator. CBS's age groups are "0 tot 4 jaar" …: 0–3, 4–11, 12–17 and 18–22 years old.
 */
export const KENMERKEN = [
  { id: 'leeftijd_0_3', title: /^leeftijd: 0 tot 4 jaar$/, nl: '0 tot 4 jaar', en: 'aged 0–3' },
  { id: 'leeftijd_4_11', title: /^leeftijd: 4 tot 12 jaar$/, nl: '4 tot 12 jaar', en: 'aged 4–11' },
  { id: 'leeftijd_12_17', title: /^leeftijd: 12 tot 18 jaar$/, nl: '12 tot 18 jaar', en: 'aged 12–17' },
  { id: 'leeftijd_18_22', title: /^leeftijd: 18 tot 23 jaar$/, nl: '18 tot 23 jaar', en: 'aged 18–22' },
  { id: 'jongens', title: /^geslacht: mannen$/, nl: 'jongens', en: 'boys and young men' },
  { id: 'meisjes', title: /^geslacht: vrouwen$/, nl: 'meisjes', en: 'girls and young women' },
  { id: 'eenouderhuishouden', title: /eenouder/, nl: 'thuiswonend in een eenouderhuishouden', en: 'living with one parent' },
  { id: 'bij_paar', title: /bij (een )?paar|tweeouder/, nl: 'thuiswonend bij een paar', en: 'living with a couple' },
  { id: 'ander_huishouden', title: /ander(e)? huishouden|overig huishouden|^huishouden: overig/, nl: 'in een ander huishouden', en: 'in another household' },
] as const;

const kenmerkIndicators = () => KENMERKEN.map((k) => def({
  ...users(`jongeren_jeugdzorg_${k.id}` as const, `Jongeren met jeugdzorg, ${k.nl}`, `Young people in youth care, ${k.en}`,
    `Jongeren met jeugdzorg (CBS "JZ Totaal jeugdzorg"), alleen ${k.id.startsWith('leeftijd') ? `wie ${k.nl} oud was` : k.nl} (CBS 85100NED, Persoonskenmerken).`),
  source_tables: '85100NED (CBS Beleidsinformatie Jeugd)',
}));

const TRAJECT_SOURCE = '85097NED (CBS Beleidsinformatie Jeugd)';
const TRAJECT_CAVEATS = [
  'Trajecten, geen jongeren: een jongere met twee trajecten telt twee keer. Telt alleen jeugdhulp in natura (geen pgb).',
  'CBS rondt af op vijftallen en onderdrukt kleine aantallen per gemeente.',
  BREAK_2021,
];

const trajectIndicators = () => [
  def({
    id: 'trajecten_jeugdhulp_natura',
    label_nl: 'Jeugdhulptrajecten in natura',
    label_en: 'Youth-care trajectories in kind',
    unit: 'trajecten',
    theme: 'gebruik',
    definition: 'Trajecten jeugdhulp in natura die in het jaar liepen, alle verwijzers samen (CBS 85097NED "Totaal verwijzer").',
    additive: true,
    source_tables: TRAJECT_SOURCE,
    caveats: TRAJECT_CAVEATS,
  }),
  ...VERWIJZERS.map((v) => def({
    id: `trajecten_verwijzer_${v.id}` as const,
    label_nl: `Jeugdhulptrajecten via ${v.nl === 'Geen verwijzer' ? 'geen verwijzer' : v.nl === 'Verwijzer onbekend' ? 'onbekende verwijzer' : v.nl.toLowerCase()}`,
    label_en: `Youth-care trajectories referred by ${v.en}`,
    unit: 'trajecten',
    theme: 'gebruik',
    definition: `Trajecten jeugdhulp in natura in het jaar met als verwijzer "${v.nl}" (CBS 85097NED).`,
    additive: true,
    source_tables: TRAJECT_SOURCE,
    caveats: TRAJECT_CAVEATS,
  })),
  ...VERWIJZERS.map((v) => def({
    id: `aandeel_trajecten_${v.id}` as const,
    label_nl: `Aandeel trajecten via ${v.nl === 'Geen verwijzer' ? 'geen verwijzer' : v.nl === 'Verwijzer onbekend' ? 'onbekende verwijzer' : v.nl.toLowerCase()}`,
    label_en: `Share of trajectories referred by ${v.en}`,
    unit: 'procent',
    theme: 'gebruik',
    definition: `Trajecten met als verwijzer "${v.nl}" als percentage van alle jeugdhulptrajecten in natura van de plaats in het jaar (berekend uit CBS 85097NED).`,
    additive: false,
    source_tables: TRAJECT_SOURCE,
    caveats: [...TRAJECT_CAVEATS, 'Een percentage wordt berekend na het omrekenen naar één gemeentelijke indeling, uit de twee aantallen.'],
  })),
];

/** Every indicator read from a source or derived in the pipeline (the half-years follow below). */
const BASE = [
  users('jongeren_jeugdzorg', 'Jongeren met jeugdzorg', 'Young people in youth care',
    'Jongeren tot 23 jaar met jeugdhulp, jeugdbescherming of jeugdreclassering in het jaar (CBS "JZ Totaal jeugdzorg", incl. pgb).'),
  {
    ...users('jongeren_jeugdzorg_tot23', 'Jongeren tot 23 jaar met jeugdzorg (CBS-publicaties)', 'Young people under 23 in youth care (CBS publications)',
      'Jongeren tot 23 jaar met jeugdzorg zoals CBS ze in nieuwsberichten en de Jeugdmonitor noemt (jeugdzorg in natura en pgb samen geteld per jongere, afgerond).'),
    source_tables: 'CBS nieuwsberichten en Jeugdmonitor (overgetypt)',
  },
  users('jongeren_jeugdhulp', 'Jongeren met jeugdhulp', 'Young people receiving youth care services',
    'Jongeren tot 23 jaar met jeugdhulp (in natura of pgb) in het jaar (CBS "JH Totaal jeugdhulp").'),
  users('jongeren_jeugdhulp_zonder_verblijf', 'Jongeren met jeugdhulp zonder verblijf', 'Young people in non-residential care',
    'Jongeren tot 23 jaar met jeugdhulp zonder verblijf (ambulant, thuis) in het jaar.'),
  users('jongeren_jeugdhulp_met_verblijf', 'Jongeren met jeugdhulp met verblijf', 'Young people in residential care',
    'Jongeren tot 23 jaar met jeugdhulp met verblijf (pleegzorg, gezinsgericht, gesloten, overig) in het jaar.'),
  users('jongeren_verblijf_pleegzorg', 'Jongeren in pleegzorg', 'Young people in foster care',
    'Jongeren tot 23 jaar met jeugdhulp met verblijf in een pleeggezin.'),
  users('jongeren_verblijf_gezinsgericht', 'Jongeren in gezinsgericht verblijf', 'Young people in family-style homes',
    'Jongeren tot 23 jaar met gezinsgericht verblijf (gezinshuis).'),
  users('jongeren_verblijf_gesloten', 'Jongeren in gesloten plaatsing', 'Young people in secure placement',
    'Jongeren tot 23 jaar in gesloten plaatsing (JeugdzorgPlus).', ['Kleine aantallen: CBS onderdrukt kleine cellen.']),
  users('jongeren_verblijf_overig', 'Jongeren in overig verblijf', 'Young people in other residential care',
    'Jongeren tot 23 jaar met ander verblijf (behandelgroep, logeren, kamertraining …).'),
  users('jongeren_jeugdbescherming', 'Jongeren met jeugdbescherming', 'Young people under a child-protection order',
    'Jongeren met een jeugdbeschermingsmaatregel (ondertoezichtstelling of voogdij) in het jaar.'),
  users('jongeren_jeugdreclassering', 'Jongeren met jeugdreclassering', 'Young people on youth probation',
    'Jongeren met jeugdreclassering in het jaar.'),
  def({
    id: 'aandeel_jongeren_jeugdhulp_in_natura',
    label_nl: 'Aandeel jongeren met jeugdhulp in natura',
    label_en: 'Share of young people receiving youth care in kind',
    unit: 'procent',
    theme: 'gebruik',
    definition: 'Jongeren met jeugdhulp in natura als percentage van alle jongeren tot 18 jaar (CBS 85098NED, 82972NED; noemer volgens CBS).',
    additive: false,
    source_tables: '85098NED, 82972NED',
    caveats: ['Percentage zoals CBS het publiceert; de telling is niet herberekend.', BREAK_2021],
  }),
  def({
    id: 'bevolking_totaal',
    label_nl: 'Inwoners',
    label_en: 'Inhabitants',
    unit: 'personen',
    theme: 'bevolking',
    definition: 'Totale bevolking op 1 januari (CBS 70072ned Regionale kerncijfers).',
    additive: true,
    source_tables: '70072ned',
    caveats: [],
  }),
  def({
    id: 'bevolking_0_17',
    label_nl: 'Jongeren 0–17 jaar',
    label_en: 'Young people aged 0–17',
    unit: 'personen',
    theme: 'bevolking',
    definition: 'Bevolking van 0 tot en met 17 jaar op 1 januari (CBS 03759ned).',
    additive: true,
    source_tables: '03759ned',
    caveats: [],
  }),
  def({
    id: 'bevolking_0_22',
    label_nl: 'Jongeren 0–22 jaar',
    label_en: 'Young people aged 0–22',
    unit: 'personen',
    theme: 'bevolking',
    definition: 'Bevolking van 0 tot en met 22 jaar op 1 januari (CBS 03759ned): de leeftijdsgroep van de jeugdzorgcijfers.',
    additive: true,
    source_tables: '03759ned',
    caveats: [],
  }),
  ...(['begroting', 'realisatie'] as const).map((soort) => def({
    id: `kosten_jeugdzorg_cbs_${soort}` as const,
    label_nl: `Kosten jeugdzorg volgens CBS (${soort === 'begroting' ? 'begroot' : 'gerealiseerd'})`,
    label_en: `Youth-care costs reported to CBS (${soort === 'begroting' ? 'budgeted' : 'actual'})`,
    unit: 'euro',
    theme: 'kosten',
    definition: `${soort === 'begroting' ? 'Begrote' : 'Gerealiseerde'} kosten van jeugdzorg (jeugdhulp, jeugdbescherming en jeugdreclassering) zoals gemeenten ze aan CBS opgeven (83454NED), los van Iv3.`,
    additive: true,
    source_tables: '83454NED',
    caveats: ['Een andere bron dan Iv3: de bedragen zijn niet gelijk aan de Iv3-lasten.'],
  })),
  ...LASTEN,
  ...netCostIndicators(),
  ...trajectIndicators(),
  ...kenmerkIndicators(),
  def({
    id: 'kwb_jongeren_jeugdzorg',
    label_nl: 'Jongeren met jeugdzorg in natura (kerncijfers wijken en buurten)',
    label_en: 'Young people in youth care in kind (neighbourhood key figures)',
    unit: 'jongeren',
    theme: 'gebruik',
    definition: 'Personen jonger dan 23 jaar die op enig moment in het jaar jeugdhulp in natura, jeugdbescherming of jeugdreclassering kregen, per gemeente (CBS Kerncijfers wijken en buurten).',
    additive: false,
    source_tables: KWB_SOURCE,
    caveats: KWB_CAVEATS,
  }),
  def({
    id: 'kwb_aandeel_jongeren_jeugdzorg',
    label_nl: 'Percentage jongeren met jeugdzorg (kerncijfers wijken en buurten)',
    label_en: 'Share of young people in youth care (neighbourhood key figures)',
    unit: 'procent',
    theme: 'gebruik',
    definition: 'Jongeren tot 23 jaar met jeugdhulp in natura, jeugdbescherming of jeugdreclassering als percentage van alle personen tot 23 jaar in de gemeente (CBS Kerncijfers wijken en buurten).',
    additive: false,
    source_tables: KWB_SOURCE,
    caveats: [...KWB_CAVEATS, 'Een percentage wordt niet omgerekend naar een nieuwe gemeentelijke indeling: na een herindeling blijft het bij de oude gemeente staan.'],
  }),
];

type BaseId = (typeof BASE)[number]['id'];
/**
 * Every indicator id, as a type: a chart's `indicators`, a map metric or a comparison spec naming an id that
 * does not exist fails `npm run typecheck`. The half-year ids are typed for every base id (a superset: which
 * bases have half-years is decided from their source tables below).
 */
export type IndicatorId = BaseId | `${BaseId}_h${1 | 2}`;

export const INDICATORS: IndicatorDef<IndicatorId>[] = [...BASE];


/**
 * CBS's newest youth-care releases are half-years ("1e halfjaar 2025"). A half-year counts each young person
 * once in that half, so it is its own series: first half against first half, never summed into a year.
 */
export const halfYearId = (id: string, half: 1 | 2): string => `${id}_h${half}`;
const HALF_YEAR_SOURCES = new Set(BASE.filter((d) => d.source_tables.includes('85099NED') || d.id === 'aandeel_jongeren_jeugdhulp_in_natura').map((d) => d.id));
for (const base of [...HALF_YEAR_SOURCES]) {
  const d = BASE.find((x) => x.id === base)!;
  for (const half of [1, 2] as const) {
    INDICATORS.push({
      ...d,
      id: halfYearId(base, half) as `${BaseId}_h${typeof half}`,
      label_nl: `${d.label_nl} (${half}e halfjaar)`,
      label_en: `${d.label_en} (${half === 1 ? 'first' : 'second'} half-year)`,
      definition: `${d.definition} Alleen het ${half}e halfjaar (${half === 1 ? 'januari–juni' : 'juli–december'}): elke jongere telt één keer per halfjaar, dus twee halfjaren tellen niet op tot een jaar.`,
      caveats: [...d.caveats, 'Halfjaarcijfer: alleen vergelijken met hetzelfde halfjaar van andere jaren.'],
    });
  }
}

const BY_ID = new Map<string, IndicatorDef<IndicatorId>>(INDICATORS.map((d) => [d.id, d]));

export const hasIndicator = (id: string): boolean => BY_ID.has(id);

export function indicator(id: string): IndicatorDef<IndicatorId> {
  const d = BY_ID.get(id);
  if (!d) throw new Error(`unknown indicator ${id}`);
  return d;
}

export const isAdditive = (id: string): boolean => indicator(id).additive;

/** Normalise a CBS title for matching: lower case, no diacritics, single spaces, no provisional marks. */
export function normTitle(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * CBS youth-care tables: the category of "Vormen van jeugdzorg" decides the indicator. CBS numbers
 * the titles ("JH 1 Totaal jeugdhulp", "JH 3 Jeugdhulp met verblijf"), and the numbers differ between
 * tables, so the prefix is dropped and the rest is matched.
 */
const FORM_RULES: [RegExp, string][] = [
  [/^totaal jeugdzorg$/, 'jongeren_jeugdzorg'],
  [/^totaal jeugdhulp$/, 'jongeren_jeugdhulp'],
  [/^(totaal )?jeugdhulp zonder verblijf$/, 'jongeren_jeugdhulp_zonder_verblijf'],
  [/^(totaal )?jeugdhulp met verblijf$/, 'jongeren_jeugdhulp_met_verblijf'],
  [/pleegzorg|pleeggezin/, 'jongeren_verblijf_pleegzorg'],
  [/gezinsgericht|gezinshuis/, 'jongeren_verblijf_gezinsgericht'],
  [/gesloten/, 'jongeren_verblijf_gesloten'],
  [/(overig|ander) verblijf|verblijf (overig|anders)/, 'jongeren_verblijf_overig'],
  [/^totaal jeugdbescherming$/, 'jongeren_jeugdbescherming'],
  [/^totaal jeugdreclassering$/, 'jongeren_jeugdreclassering'],
];

export function formIndicator(title: string): string | undefined {
  const t = normTitle(title).replace(/^(jz|jh|jb|jr)( \d+)*\.? /, '');
  return FORM_RULES.find(([re]) => re.test(t))?.[1];
}
