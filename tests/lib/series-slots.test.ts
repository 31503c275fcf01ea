import { describe, expect, it } from 'vitest';
import { SERIES_STYLES, assignSlots } from '../../src/lib/series-slots.ts';

describe('series styles of a comparison', () => {
  it('keeps each place on its style while others are added and removed', () => {
    const memory = new Map<string, number>([['GM0307', 0], ['JZ20', 1], ['NL01', 2]]);
    const start = assignSlots(['GM0307', 'JZ20', 'NL01'], memory);
    expect([...start]).toEqual([['GM0307', 0], ['JZ20', 1], ['NL01', 2]]);
    // Remove the gemeente: Nederland stays on slot 2 (by position it would move to 1).
    expect(assignSlots(['JZ20', 'NL01'], memory).get('NL01')).toBe(2);
    // A new place takes the lowest free slot, and a returning place gets its old one back.
    const added = assignSlots(['JZ20', 'NL01', 'GM0363'], memory);
    expect(added.get('GM0363')).toBe(0);
    const back = assignSlots(['JZ20', 'NL01', 'GM0363', 'GM0307'], memory);
    expect(back.get('GM0307')).toBe(3);
    expect(back.get('NL01')).toBe(2);
    expect(new Set(back.values()).size).toBe(4);
  });

  it('gives five places five different colours, dashes and markers, and refuses a sixth', () => {
    const slots = assignSlots(['a', 'b', 'c', 'd', 'e'], new Map());
    const styles = [...slots.values()].map((i) => SERIES_STYLES[i]);
    expect(new Set(styles.map((s) => s.color)).size).toBe(5);
    expect(new Set(styles.map((s) => s.dash ?? '')).size).toBe(5);
    expect(new Set(styles.map((s) => s.symbol)).size).toBe(5);
    expect(() => assignSlots(['a', 'b', 'c', 'd', 'e', 'f'], new Map())).toThrow(/at most 5/);
  });
});
