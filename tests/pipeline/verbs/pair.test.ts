import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../src/pipeline/model.ts';
import { pair } from '../../../src/pipeline/verbs/pair.ts';

const o = (indicator: string, geo_code: string, boundary_year: number, value: number, period = 2020): Observation => ({
  indicator, geo_code, period, value, status: 'definitief', source: 'T', source_file: 'f', boundary_year, flag: null,
});

describe('pair (the row to divide or subtract by)', () => {
  const costs = [o('kosten', 'GM0001', 2020, 10), o('kosten', 'GM0002', 2020, 20), o('kosten', 'GM0003', 2020, 30)];
  const people = [
    o('bevolking', 'GM0001', 2019, 100), o('bevolking', 'GM0001', 2020, 101), // same indeling wins
    o('bevolking', 'GM0002', 2018, 200), o('bevolking', 'GM0002', 2019, 201), o('bevolking', 'GM0002', 2019, 202), // newest, first of equals
    o('bevolking', 'GM0003', 2020, 300, 2021), // another year: no pair
  ];

  it('takes the same indeling, else (with newest) the newest indeling of that year, else nothing', () => {
    expect(pair(costs, people, () => 'bevolking', true).map((p) => p?.value)).toEqual([101, 201, undefined]);
    expect(pair(costs, people, () => 'bevolking', false).map((p) => p?.value)).toEqual([101, undefined, undefined]);
  });

  it('looks for the indicator each left row wants', () => {
    const baten = [o('baten', 'GM0002', 2020, 5), o('kosten', 'GM0001', 2020, 99)];
    expect(pair(costs, baten, (c) => c.indicator.replace('kosten', 'baten'), false).map((p) => p?.value)).toEqual([undefined, 5, undefined]);
    expect(pair([], baten, () => 'baten', true)).toEqual([]);
  });
});
