import { costFormChart } from './cost-forms.ts';

/**
 * Netto euros (stored by the pipeline) per form of residential care. Iv3 splits the forms only in 2023–2024;
 * from 2025 only the total met verblijf exists.
 */
export default costFormChart({
  id: 'kosten-verblijf',
  title: { nl: 'Uitgaven aan jeugdhulp met verblijf, per vorm (euro)', en: 'Spending on residential youth care, by type (euros)' },
  question: 'Hoeveel euro gaat er naar jeugdhulp met verblijf, en naar welke vorm: pleegzorg, gezinshuis, gesloten of ander verblijf?',
  what: 'met verblijf',
  forms: [
    { base: 'pleegzorg', vorm: 'Pleegzorg', ord: 0 },
    { base: 'gezinsgericht', vorm: 'Gezinsgericht (gezinshuis)', ord: 1 },
    { base: 'gesloten_plaatsing', vorm: 'Gesloten plaatsing', ord: 2 },
    { base: 'verblijf_overig', vorm: 'Overig verblijf (o.a. crisis, GGZ)', ord: 3 },
    { base: 'jeugdhulp_met_verblijf', vorm: 'Met verblijf, niet naar vorm', ord: -1 },
  ],
  indicators: [
    'netto_pleegzorg_jaarrekening', 'netto_gezinsgericht_jaarrekening', 'netto_gesloten_plaatsing_jaarrekening',
    'netto_verblijf_overig_jaarrekening', 'netto_jeugdhulp_met_verblijf_jaarrekening',
  ],
  unsplitNote: 'vanaf 2025 maakt Iv3 geen onderscheid meer naar vorm',
  emptyWhat: 'uitgaven aan jeugdhulp met verblijf',
  taakvelden: '6.73a–c en 6.74b–c (2023–2024) en 6.761–6.763 (vanaf 2025)',
  source: {
    tables: ['Iv3 gemeenten (CBS dataderden, o.a. 45063NED, 45067NED, 45071NED)', 'taakvelden 6.73a–c, 6.74b–c (2023–2024), 6.761–6.763 (vanaf 2025)'],
    citation: 'Bron: CBS',
  },
  notes: [
    'Euro’s, geen aantallen jongeren: hoeveel jongeren verblijf kregen staat in de grafiek "Jeugdhulp met verblijf, per vorm" (waar CBS die cijfers heeft).',
  ],
});
