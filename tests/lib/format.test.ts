import { describe, expect, it } from 'vitest';
import { change, formatChange, formatEuro, formatNumber, formatPercent, formatYear, listNl, NBSP } from '../../src/shared/format.ts';

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
