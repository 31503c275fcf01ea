/**
 * Questions readers ask about youth care that CBS StatLine and Iv3 cannot answer (../docs/requirements.md,
 * Q13, Q19, Q26, Q27, Q31–Q35), with why and where a reader can look instead. One list: the page
 * /buiten-de-cijfers/ renders it, theme pages link to the entries of their theme.
 */
export interface OutsideQuestion {
  /** Anchor on the page, stable: theme pages link to it. */
  id: string;
  /** The question in requirements.md it answers for. */
  ref: string;
  theme: 'gebruik' | 'kosten' | 'verblijf' | 'maatregelen-2022' | 'context';
  question: string;
  why: string;
  where: { name: string; url?: string; what: string }[];
}

export const OUTSIDE_QUESTIONS: OutsideQuestion[] = [
  {
    id: 'wachttijden',
    ref: 'Q27, Q25',
    theme: 'gebruik',
    question: 'Hoe lang wachten jongeren op jeugdhulp of op een jeugdbeschermingsmaatregel?',
    why: 'Gemeenten en aanbieders leveren aan CBS wie jeugdhulp kreeg, niet wie erop wachtte. Er is geen landelijke registratie van wachttijden die per gemeente is te vergelijken.',
    where: [
      { name: 'Inspectie Gezondheidszorg en Jeugd', url: 'https://www.igj.nl/', what: 'toezichtrapporten over wachtlijsten bij gecertificeerde instellingen' },
      { name: 'de eigen jeugdregio', what: 'regionale wachttijdoverzichten van gecontracteerde aanbieders, waar de regio die bijhoudt' },
    ],
  },
  {
    id: 'scheidingen',
    ref: 'Q26',
    theme: 'gebruik',
    question: 'Hoeveel jeugdbescherming hangt samen met complexe echtscheidingen?',
    why: 'CBS telt jongeren met een ondertoezichtstelling of voogdij, maar legt niet vast waarom de maatregel werd opgelegd.',
    where: [{ name: 'Raad voor de Kinderbescherming', url: 'https://www.kinderbescherming.nl/', what: 'jaarverslagen met onderzoeken naar gezag en omgang' }],
  },
  {
    id: 'rijksfinanciering',
    ref: 'Q13',
    theme: 'kosten',
    question: 'Krijgen gemeenten genoeg geld van het Rijk voor jeugdzorg, en hoe groot is het tekort?',
    why: 'Iv3 laat zien wat gemeenten aan jeugdhulp uitgeven, niet welk deel van de algemene uitkering uit het Gemeentefonds voor jeugd bedoeld is: dat geld is niet geoormerkt. Een tekort is daarom geen getal dat uit deze bronnen volgt.',
    where: [
      { name: 'Rijksfinanciën (ministerie van Financiën)', url: 'https://www.rijksfinancien.nl/', what: 'de begroting van het Gemeentefonds en de circulaires' },
      { name: 'onderzoek in opdracht van Rijk en VNG', what: 'zoals het AEF-rapport over de kosten van het jeugdstelsel (2020) en de afspraken in de Hervormingsagenda Jeugd' },
    ],
  },
  {
    id: 'inkoop',
    ref: 'Q19, Q20',
    theme: 'maatregelen-2022',
    question: 'Met hoeveel aanbieders werkt een regio, en wat betaalt zij per product?',
    why: 'Contracten, tarieven en het aantal gecontracteerde aanbieders staan in de inkoopstukken van regio’s, niet in CBS- of Iv3-tabellen.',
    where: [
      { name: 'TenderNed', url: 'https://www.tenderned.nl/', what: 'aanbestedingen van jeugdhulp door gemeenten en regio’s' },
      { name: 'de eigen jeugdregio', what: 'regiovisie, inkoopdocumenten en productcatalogus met tarieven' },
    ],
  },
  {
    id: 'aanbieders',
    ref: 'Q31, Q33',
    theme: 'context',
    question: 'Hoeveel jeugdhulpaanbieders zijn er, en lopen zij financieel risico?',
    why: 'CBS publiceert jeugdhulp per gemeente, niet per aanbieder. Jaarrekeningen van aanbieders zijn een andere bron.',
    where: [
      { name: 'Jeugdautoriteit', url: 'https://www.jeugdautoriteit.nl/', what: 'signalen over de continuïteit van jeugdhulp en de financiële positie van aanbieders' },
      { name: 'Kamer van Koophandel', what: 'het aantal bedrijven met jeugdzorg als hoofdactiviteit' },
    ],
  },
  {
    id: 'personeel',
    ref: 'Q32',
    theme: 'context',
    question: 'Groeit het personeel in de jeugdzorg, en waar zijn tekorten?',
    why: 'Banen en vacatures in de branche jeugdzorg worden apart bijgehouden in de statistiek over de arbeidsmarkt in zorg en welzijn, niet in de tabellen over jeugdhulpgebruik.',
    where: [{ name: 'AZW StatLine (Arbeidsmarkt Zorg en Welzijn)', url: 'https://azwstatline.cbs.nl/', what: 'werknemers en banen per branche en regio, per kwartaal' }],
  },
  {
    id: 'sociaaleconomisch',
    ref: 'Q34',
    theme: 'context',
    question: 'Bereikt jeugdhulp de gezinnen die het het hardst nodig hebben?',
    why: 'De tabellen per gemeente geven geen inkomen of uitkeringssituatie van het gezin. CBS heeft zulke koppelingen wel in onderzoek gebruikt.',
    where: [{ name: 'CBS Landelijke Jeugdmonitor', url: 'https://jeugdmonitor.cbs.nl/', what: 'publicaties over jeugdzorggebruik naar kenmerken van het huishouden' }],
  },
  {
    id: 'mentale-gezondheid',
    ref: 'Q35',
    theme: 'context',
    question: 'Gaat het slechter met de mentale gezondheid van jongeren?',
    why: 'Jeugdhulpgebruik zegt iets over zorg, niet over hoe jongeren zich voelen. Dat meten vragenlijstonderzoeken.',
    where: [
      { name: 'Staat van Volksgezondheid en Zorg', url: 'https://www.staatvenz.nl/', what: 'cijfers over psychische gezondheid van jongeren' },
      { name: 'Gezondheidsmonitor Jeugd van de GGD’en', what: 'cijfers per gemeente en GGD-regio' },
    ],
  },
];

export const THEME_TITLES: Record<OutsideQuestion['theme'], string> = {
  gebruik: 'Gebruik en jeugdbescherming',
  kosten: 'Kosten',
  verblijf: 'Verblijf',
  'maatregelen-2022': 'De maatregelen van 2022',
  context: 'Aanbieders, personeel en achtergrond',
};
