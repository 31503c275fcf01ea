import { describe, expect, it } from 'vitest';
import { firstRepeat } from '../../../src/pipeline/verbs/first-repeat.ts';
import { preferTables, type Candidate } from '../../../src/pipeline/verbs/prefer-table.ts';
import { without } from '../../../src/pipeline/verbs/without.ts';

const PRECEDENCE = ['85099NED', '84134NED'];
const row = (source: string, value: number | null, line: number, geo_code = 'GM0001'): Candidate => ({
  indicator: 'bevolking_totaal', geo_code, period: 2020, value, status: 'definitief', source, source_file: `${source}.csv`,
  boundary_year: 2020, flag: null, line, column: 'Value',
});
const strip = ({ line: _l, column: _c, ...o }: Candidate) => o;

describe('preferTables (one figure per key from several CBS tables)', () => {
  it('keeps the listed table that comes first in the precedence, in whatever order the rows arrive', () => {
    const a = row('84134NED', 1, 2);
    const b = row('85099NED', 2, 7);
    expect(preferTables([a, b], PRECEDENCE)).toEqual([strip(b)]);
    expect(preferTables([b, a], PRECEDENCE)).toEqual([strip(b)]);
    // A listed table beats an unlisted one, even an unlisted one with a value against a listed empty cell.
    expect(preferTables([row('70072ned', 5, 1), row('84134NED', null, 3)], PRECEDENCE)).toEqual([strip(row('84134NED', null, 3))]);
  });

  it('takes the first known value of unlisted tables and keeps the order in which keys first occur', () => {
    const out = preferTables([row('03759ned', null, 1), row('70072ned', 9, 4, 'GM0002'), row('70072ned', 5, 2), row('03759ned', 9, 8, 'GM0002')], PRECEDENCE);
    expect(out.map((o) => [o.geo_code, o.value, o.source])).toEqual([['GM0001', 5, '70072ned'], ['GM0002', 9, '70072ned']]);
  });

  it('refuses a second value within one table and unlisted tables that disagree, naming both lines', () => {
    expect(() => preferTables([row('85099NED', 1, 2), row('84134NED', 1, 3), row('85099NED', 2, 9)], PRECEDENCE)).toThrow(/85099NED\.csv, line 9.*a second value for bevolking_totaal, GM0001, 2020 \(first at line 2\)/);
    expect(() => preferTables([row('70072ned', 5, 2), row('03759ned', 6, 4)], PRECEDENCE)).toThrow(/03759ned\.csv, line 4, column "Value".*is 6 here and 5 in 70072ned\.csv \(line 2\)/);
  });
});

describe('firstRepeat and without', () => {
  it('finds the first row that repeats a key, with the row it repeats', () => {
    const rows = [{ k: 'a', n: 1 }, { k: 'b', n: 2 }, { k: 'b', n: 3 }, { k: 'a', n: 4 }];
    expect(firstRepeat(rows, ['k'])).toEqual({ row: rows[2], first: rows[1] });
    expect(firstRepeat(rows, ['k', 'n'])).toBeUndefined();
  });

  it('keeps what the other set lacks, in order', () => {
    const [a, b, c] = [row('X', 1, 1, 'GM0001'), row('X', 2, 2, 'GM0002'), row('Y', 3, 3, 'GM0003')].map(strip);
    expect(without([c, b, a], [{ ...b, value: 99 }])).toEqual([c, a]);
    expect(without([a], [])).toEqual([a]);
  });
});
