/**
 * Downloads show a figure's precision (issue 12): counts and euros whole, percentages and per 1 000 one
 * decimal, in both CSV dialects, parsed back; the unrounded value stays in the warehouse (toDelimited without
 * digits writes it in full). Every numeric column a registry chart returns has a precision.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/charts/index.ts';
import { COLUMN_DIGITS, TEXT_COLUMNS, digitsOf } from '../../src/lib/precision.ts';
import { roundTo, toDelimited, type Column } from '../../src/shared/delimited.ts';

const ROWS = [
  { naam: 'Amersfoort', jaar: 2023, lasten: 48_312_345.678, per_inwoner: 470.7979024502516, aandeel: 11.349999, jongeren: 4321 },
  { naam: 'Súdwest-Fryslân', jaar: 2023, lasten: -1234.5, per_inwoner: null, aandeel: 0.04, jongeren: null },
];

describe('CSV downloads rounded to the precision of the figure', () => {
  const columns: Column[] = [
    { name: 'naam', type: 'string' },
    { name: 'jaar', type: 'integer', digits: COLUMN_DIGITS.jaar },
    { name: 'lasten', type: 'number', digits: COLUMN_DIGITS.lasten },
    { name: 'per_inwoner', type: 'number', digits: COLUMN_DIGITS.per_inwoner },
    { name: 'aandeel', type: 'number', digits: COLUMN_DIGITS.aandeel },
    { name: 'jongeren', type: 'integer', digits: COLUMN_DIGITS.jongeren },
  ];

  it('writes whole euros and counts and one-decimal percentages, in both dialects', () => {
    for (const [dialect, delimiter, dec] of [['international', ',', '.'], ['excel-nl', ';', ',']] as const) {
      const text = toDelimited(columns, ROWS, dialect).replace(/^\ufeff/, '');
      const rows = Papa.parse<Record<string, string>>(text, { header: true, delimiter, skipEmptyLines: true }).data;
      expect(rows[0], dialect).toEqual({ naam: 'Amersfoort', jaar: '2023', lasten: '48312346', per_inwoner: '471', aandeel: `11${dec}3`, jongeren: '4321' });
      // Half away from zero; null stays empty, never 0.
      expect(rows[1], dialect).toEqual({ naam: 'Súdwest-Fryslân', jaar: '2023', lasten: '-1235', per_inwoner: '', aandeel: '0', jongeren: '' });
      expect(text).not.toContain('470,79');
      expect(text).not.toContain('470.79');
    }
  });

  it('keeps every digit without a precision (the warehouse tables)', () => {
    const text = toDelimited([{ name: 'per_inwoner', type: 'number' }], [ROWS[0]], 'international');
    expect(text).toBe('per_inwoner\n470.7979024502516\n');
  });

  it('rounds half away from zero without binary surprises', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(Object.is(roundTo(-0.04, 1), 0)).toBe(true);
  });

  it('has a precision for every column a chart returns', () => {
    const missing = CHARTS.flatMap((c) => c.columns.filter((k) => !(k in COLUMN_DIGITS) && !TEXT_COLUMNS.has(k)).map((k) => `${c.id}.${k}`));
    expect(missing).toEqual([]);
  });

  it('writes a value per 1 000 with one decimal, a count or euros per inwoner whole', () => {
    expect(digitsOf('waarde', { relatief: false, eenheid: 'jongeren met jeugdhulp' })).toBe(0);
    expect(digitsOf('waarde', { relatief: true, eenheid: 'per 1.000 jongeren (0–22 jaar)' })).toBe(1);
    expect(digitsOf('waarde', { relatief: true, eenheid: 'euro per inwoner' })).toBe(0);
    expect(digitsOf('verwacht')).toBe(1);
  });
});
