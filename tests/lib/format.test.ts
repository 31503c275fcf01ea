import { describe, expect, it } from 'vitest';
import { change, formatChange, formatEuro, formatNumber, formatPercent, formatValue, formatYear, listNl, NBSP, valueKind } from '../../src/shared/format.ts';

describe('Dutch number formats', () => {
  it('groups thousands with a dot and uses a decimal comma', () => {
    expect(formatNumber(1234.5, 1)).toBe('1.234,5');
    expect(formatNumber(416665)).toBe('416.665');
    expect(formatPercent(11.34)).toBe(`11,3${NBSP}%`);
    expect(formatYear(2023)).toBe('2023');
  });

  it('shortens euros to mln and mld', () => {
    expect(formatEuro(5.72e9)).toBe(`€${NBSP}5,7${NBSP}mld`);
    expect(formatEuro(249_468_000)).toBe(`€${NBSP}249${NBSP}mln`);
    expect(formatEuro(-47e6)).toBe(`−€${NBSP}47${NBSP}mln`);
    expect(formatEuro(471.2)).toBe(`€${NBSP}471`);
  });

  it('never turns unknown into zero', () => {
    expect(formatNumber(null)).toBe('onbekend');
    expect(formatEuro(undefined)).toBe('onbekend');
    expect(formatPercent(Number.NaN)).toBe('onbekend');
    expect(change(0, 5)).toBeNull();
    expect(change(null, 5)).toBeNull();
  });

  it('signs changes with a real minus', () => {
    expect(formatChange(change(100, 112.4))).toBe(`+12,4${NBSP}%`);
    expect(formatChange(-3)).toBe(`−3,0${NBSP}%`);
    expect(listNl(['a', 'b', 'c'])).toBe('a, b en c');
  });
});

describe('formatValue: the "euro or count" rule once, in both languages', () => {
  it('chooses the kind from the unit and, for a figure divided by a base, its factor', () => {
    expect(valueKind('euro')).toBe('euro');
    expect(valueKind('euro', 1)).toBe('euro'); // euro per inwoner stays euros
    expect(valueKind('jongeren', 1000)).toBe('per_1000');
    expect(valueKind('jongeren')).toBe('aantal');
    expect(valueKind('procent')).toBe('procent');
    expect(valueKind('euro per inwoner')).toBe('euro');
  });
  it('writes each kind in Dutch and English from Intl.NumberFormat, never by replacing characters', () => {
    expect(formatValue(48300, 'euro', 'nl')).toBe('€\u00a048.300');
    expect(formatValue(48300, 'euro', 'en')).toBe('€48,300');
    expect(formatValue(1.234e9, 'euro', 'en')).toBe('€1.2bn');
    expect(formatValue(121.44, 'per_1000', 'nl')).toBe('121,4');
    expect(formatValue(12, 'per_1000', 'en')).toBe('12.0');
    expect(formatValue(11.25, 'procent', 'nl')).toBe('11,3\u00a0%');
    expect(formatValue(11.25, 'procent', 'en')).toBe('11.3%');
    expect(formatValue(12345.6, 'aantal', 'nl')).toBe('12.346');
    expect(formatValue(12345.6, 'aantal', 'en')).toBe('12,346');
    expect(formatValue(-0.04, 'per_1000', 'nl')).toBe('0,0');
  });
  it('unknown stays unknown, never 0', () => {
    expect(formatValue(null, 'euro', 'nl')).toBe('onbekend');
    expect(formatValue(Number.NaN, 'aantal', 'en')).toBe('unknown');
  });
});
