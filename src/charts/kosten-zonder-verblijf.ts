import { costFormChart } from './cost-forms.ts';

/**
 * Netto euros (stored by the pipeline) per form of non-residential care. Iv3 splits begeleiding (6.72a) and
 * behandeling (6.72b) only in 2023–2024; from 2025 only the ambulant total exists.
 */
export default costFormChart({
  id: 'kosten-zonder-verblijf',
  title: { nl: 'Uitgaven aan jeugdhulp zonder verblijf: begeleiding of behandeling (euro)', en: 'Spending on non-residential youth care: support or treatment (euros)' },
  question: 'Gaat het geld voor jeugdhulp zonder verblijf naar lichte begeleiding of naar behandeling?',
  what: 'zonder verblijf',
  forms: [
    { base: 'begeleiding', vorm: 'Begeleiding (6.72a)', ord: 0 },
    { base: 'behandeling', vorm: 'Behandeling (6.72b)', ord: 1 },
    { base: 'zonder_verblijf_overig', vorm: 'Overig: dagbesteding, GGZ zonder verblijf e.a.', ord: 2 },
    { base: 'jeugdhulp_zonder_verblijf', vorm: 'Zonder verblijf, niet naar vorm', ord: -1 },
  ],
  indicators: [
    'netto_begeleiding_jaarrekening', 'netto_behandeling_jaarrekening', 'netto_zonder_verblijf_overig_jaarrekening',
    'netto_jeugdhulp_zonder_verblijf_jaarrekening',
  ],
  unsplitNote: 'vanaf 2025 splitst Iv3 jeugdhulp zonder verblijf niet meer in begeleiding en behandeling',
  emptyWhat: 'uitgaven aan jeugdhulp zonder verblijf per vorm',
  taakvelden: '6.72a–d en 6.74a (2023–2024) en 6.751–6.753 (vanaf 2025)',
  source: {
    tables: ['Iv3 gemeenten (CBS dataderden, o.a. 45063NED, 45067NED, 45071NED)', 'taakvelden 6.72a–d, 6.74a (2023–2024), 6.751–6.753 (vanaf 2025)'],
    citation: 'Bron: CBS',
  },
  notes: [
    'Euro’s, geen aantallen jongeren. Licht en zwaar naast elkaar: de uitgaven met verblijf staan in de grafiek "Uitgaven aan jeugdhulp met verblijf, per vorm".',
    'Begeleiding is de lichtere vorm (ondersteuning bij dagelijkse dingen), behandeling richt zich op een stoornis of probleem; GGZ-behandeling zonder verblijf (6.74a) staat bij overig.',
  ],
});
