import { describe, expect, it } from 'vitest';
import { indicatorOf } from '../../src/pipeline/cbs-map.ts';
import type { CbsRecord } from '../../src/pipeline/readers/types.ts';

/**
 * 85100NED "Jongeren met jeugdzorg; persoonskenmerken" as the cbs-v3 reader hands it on: which cell becomes
 * which indicator. Category titles for age and sex as CBS's StatLine page prints them; the household titles
 * are 84316NED's wording (85100NED's own are not on any stored page, so the match is on the words).
 */
const rec = (kenmerk: string, vorm = 'JZ Totaal jeugdzorg', topic = 'Totaal jongeren met jeugdzorg'): CbsRecord => ({
  tableId: '85100NED', file: '85100NED/TypedDataSet.json', line: 1, region: 'NL01', period: { key: '2023JJ00', title: '2023*' }, status: 'voorlopig',
  measure: { key: 'TotaalJongerenMetJeugdzorg_1', title: topic, unit: 'aantal' },
  dims: { Persoonskenmerken: { key: 'X', title: kenmerk }, VormenVanJeugdzorg: { key: 'Y', title: vorm } },
  value: 100, column: 'TotaalJongerenMetJeugdzorg_1', text: null,
});

describe('85100NED person characteristics → indicators', () => {
  it.each([
    ['Leeftijd: 0 tot 4 jaar', 'jongeren_jeugdzorg_leeftijd_0_3'],
    ['Leeftijd: 4 tot 12 jaar', 'jongeren_jeugdzorg_leeftijd_4_11'],
    ['Leeftijd: 12 tot 18 jaar', 'jongeren_jeugdzorg_leeftijd_12_17'],
    ['Leeftijd: 18 tot 23 jaar', 'jongeren_jeugdzorg_leeftijd_18_22'],
    ['Geslacht: mannen', 'jongeren_jeugdzorg_jongens'],
    ['Geslacht: vrouwen', 'jongeren_jeugdzorg_meisjes'],
    ['Thuiswonend kind in eenouderhuishouden', 'jongeren_jeugdzorg_eenouderhuishouden'],
    ['Thuiswonend kind bij een paar', 'jongeren_jeugdzorg_bij_paar'],
    ['Ander huishouden', 'jongeren_jeugdzorg_ander_huishouden'],
    ['Totaal', 'jongeren_jeugdzorg'],
  ])('%s → %s', (kenmerk, id) => expect(indicatorOf(rec(kenmerk))).toBe(id));

  it('only for JZ Totaal jeugdzorg: a characteristic of another form, or one not kept, is left out', () => {
    expect(indicatorOf(rec('Leeftijd: 18 tot 23 jaar', 'JH 1 Totaal jeugdhulp'))).toBeUndefined();
    expect(indicatorOf(rec('Migratieachtergrond: Nederland'))).toBeUndefined();
    expect(indicatorOf(rec('Leeftijd: 18 tot 23 jaar', 'JZ Totaal jeugdzorg', 'Jongeren met jeugdzorg relatief'))).toBeUndefined();
    // The totals per form stay what they were (85099NED has precedence over them).
    expect(indicatorOf(rec('Totaal', 'JH 1 Totaal jeugdhulp'))).toBe('jongeren_jeugdhulp');
  });
});
