import { describe, expect, it } from 'vitest';
import { normalise, searchPlaces } from '../../src/lib/search.ts';

const PLACES = [
  { code: 'GM1900', name: 'Súdwest-Fryslân' },
  { code: 'GM0307', name: 'Amersfoort' },
  { code: 'JZ20', name: 'Eemland' },
  { code: 'GM0796', name: "'s-Hertogenbosch" },
  { code: 'GM0014', name: 'Groningen' },
  { code: 'JZ01', name: 'Groningen' },
  { code: 'GM1979', name: 'Eemsdelta' },
];

describe('place search', () => {
  it('ignores diacritics, case and punctuation', () => {
    expect(normalise('Súdwest-Fryslân')).toBe('sudwest fryslan');
    expect(searchPlaces(PLACES, 'sudwest').map((p) => p.code)).toEqual(['GM1900']);
    expect(searchPlaces(PLACES, 'SUDWEST FRYSLAN').map((p) => p.code)).toEqual(['GM1900']);
    expect(searchPlaces(PLACES, 'hertogenbosch').map((p) => p.code)).toEqual(['GM0796']);
  });

  it('finds by code and puts names that start with the query first', () => {
    expect(searchPlaces(PLACES, 'gm0307').map((p) => p.code)).toEqual(['GM0307']);
    expect(searchPlaces(PLACES, 'eem').map((p) => p.name)).toEqual(['Eemland', 'Eemsdelta']);
    expect(searchPlaces(PLACES, 'foort').map((p) => p.code)).toEqual(['GM0307']);
    expect(searchPlaces(PLACES, 'groningen').map((p) => p.code).sort()).toEqual(['GM0014', 'JZ01']);
  });

  it('returns nothing for an empty query or no match', () => {
    expect(searchPlaces(PLACES, '  ')).toEqual([]);
    expect(searchPlaces(PLACES, 'xyz')).toEqual([]);
  });
});
