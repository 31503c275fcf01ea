import { describe, expect, it } from 'vitest';
import { enterTarget, normalise, searchPlaces } from '../../src/lib/search.ts';

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

  it('finds aliases (the names people use) and ranks former gemeenten after current places', () => {
    const places = [
      { code: 'GM0518', name: "'s-Gravenhage", aliases: ['Den Haag'] },
      { code: 'GM0796', name: "'s-Hertogenbosch", aliases: ['Den Bosch'] },
      { code: 'GM0400', name: 'Den Helder' },
      { code: 'GM0457', name: 'Weesp', former: true },
      { code: 'GM0363', name: 'Amsterdam' },
      { code: 'GM0362', name: 'Amstelveen' },
    ];
    expect(searchPlaces(places, 'Den Haag').map((p) => p.code)).toEqual(['GM0518']);
    expect(searchPlaces(places, 'den bosch').map((p) => p.code)).toEqual(['GM0796']);
    expect(searchPlaces(places, 'den').map((p) => p.code)).toEqual(['GM0518', 'GM0796', 'GM0400']);
    expect(searchPlaces(places, 'wee').map((p) => p.code)).toEqual(['GM0457']);
    expect(searchPlaces([...places, { code: 'GM9999', name: 'Weesperkarspel' }], 'wees').map((p) => p.code)).toEqual(['GM9999', 'GM0457']);
    // Enter opens only an exact or an only match.
    expect(enterTarget(searchPlaces(places, 'den haag'), 'den haag')?.code).toBe('GM0518');
    expect(enterTarget(searchPlaces(places, 'ams'), 'ams')).toBeUndefined();
    expect(enterTarget(searchPlaces(places, 'amsterdam'), 'amsterdam')?.code).toBe('GM0363');
    expect(enterTarget(searchPlaces(places, 'gm0362'), 'gm0362')?.code).toBe('GM0362');
  });
});
