import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCrosswalk, successors } from '../../src/pipeline/herindeling.ts';
import { recast } from '../../src/pipeline/verbs/recast.ts';
import type { Observation } from '../../src/pipeline/model.ts';

const CROSSWALK = parseCrosswalk(new Uint8Array(readFileSync('data/reference/herindelingen.csv')), 'data/reference/herindelingen.csv');
const EXISTED: Record<string, [number, number]> = {
  GM0738: [2015, 2018], GM0870: [2015, 2018], GM0874: [2015, 2018], GM1959: [2019, 2026],
  GM0788: [2015, 2020], GM0824: [2015, 2026], GM0865: [2015, 2026], GM0757: [2015, 2026], GM0855: [2015, 2026],
  GM0457: [2015, 2022], GM0363: [2015, 2026], GM0307: [2015, 2026],
};
const existed = (c: string, y: number) => (EXISTED[c] ? EXISTED[c][0] <= y && y <= EXISTED[c][1] : false);
const additive = (id: string) => id !== 'aandeel';

const obs = (geo_code: string, value: number | null, boundary_year: number, indicator = 'euro', period = boundary_year): Observation => ({
  indicator, geo_code, period, value, status: 'definitief', source: 'T', source_file: `f-${geo_code}`, boundary_year, flag: null,
});

describe('herindelingen crosswalk', () => {
  it('reads the committed crosswalk: every split adds up to 1', () => {
    expect(CROSSWALK.length).toBeGreaterThan(70);
    expect(successors('GM0738', 2018, 2026, CROSSWALK)).toEqual([{ code: 'GM1959', share: 1, exact: true }]);
    const haaren = successors('GM0788', 2020, 2026, CROSSWALK);
    expect(haaren.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 10);
    expect(haaren.every((p) => !p.exact)).toBe(true);
    expect(successors('GM0307', 2015, 2026, CROSSWALK)).toEqual([{ code: 'GM0307', share: 1, exact: true }]);
  });

  it('rejects shares that do not add up, naming the file', () => {
    const bad = 'year,from_code,from_name,to_code,to_name,share,exact,source\n2021,GM0788,Haaren,GM0824,Oisterwijk,0.5,false,x\n';
    expect(() => parseCrosswalk(new TextEncoder().encode(bad), 'x.csv')).toThrow(/x\.csv.*add up to 0\.5/);
  });
});

describe('recast to one indeling', () => {
  it('sums the predecessors of a merger and flags the result', () => {
    const out = recast([obs('GM0738', 10, 2018), obs('GM0870', 20, 2018), obs('GM0874', 30, 2018)], CROSSWALK, 2026, additive, existed);
    const altena = out.find((o) => o.geo_code === 'GM1959');
    expect(altena).toMatchObject({ value: 60, boundary_year: 2026, flag: 'herindeling', period: 2018 });
    // The source's own figures stay, at their own indeling.
    expect(out.filter((o) => o.boundary_year === 2018).map((o) => o.geo_code).sort()).toEqual(['GM0738', 'GM0870', 'GM0874']);
  });

  it('makes no sum when one predecessor is unknown: a gap is never a zero', () => {
    const out = recast([obs('GM0738', 10, 2018), obs('GM0870', null, 2018), obs('GM0874', 30, 2018)], CROSSWALK, 2026, additive, existed);
    expect(out.find((o) => o.geo_code === 'GM1959')).toBeUndefined();
    expect(out.every((o) => o.flag === 'niet-omgerekend')).toBe(true);
  });

  it('adds an absorbed gemeente to the one that took it over (Weesp into Amsterdam, 2023)', () => {
    const out = recast([obs('GM0363', 1000, 2022), obs('GM0457', 100, 2022)], CROSSWALK, 2026, additive, existed);
    expect(out.find((o) => o.geo_code === 'GM0363' && o.boundary_year === 2026)).toMatchObject({ value: 1100, flag: 'herindeling' });
  });

  it('splits a divided gemeente by approximate shares and says so', () => {
    const input = [obs('GM0788', 1000, 2020), obs('GM0824', 100, 2020), obs('GM0865', 100, 2020), obs('GM0757', 100, 2020), obs('GM0855', 100, 2020)];
    const out = recast(input, CROSSWALK, 2026, additive, existed);
    const vught = out.find((o) => o.geo_code === 'GM0865' && o.boundary_year === 2026)!;
    expect(vught.value).toBeCloseTo(100 + 1000 * 0.36, 6);
    expect(vught.flag).toBe('herindeling-benadering');
    const total = out.filter((o) => o.boundary_year === 2026).reduce((s, o) => s + o.value!, 0);
    expect(total).toBeCloseTo(1400, 6);
  });

  it('keeps percentages of merged gemeenten at their own indeling, flagged', () => {
    const out = recast([obs('GM0738', 10, 2018, 'aandeel'), obs('GM0870', 12, 2018, 'aandeel'), obs('GM0307', 11, 2018, 'aandeel')], CROSSWALK, 2026, additive, existed);
    expect(out.find((o) => o.geo_code === 'GM1959')).toBeUndefined();
    expect(out.find((o) => o.geo_code === 'GM0738')).toMatchObject({ boundary_year: 2018, flag: 'niet-omgerekend' });
    // An untouched gemeente's figure is valid in the new indeling as it is.
    expect(out.find((o) => o.geo_code === 'GM0307')).toMatchObject({ boundary_year: 2026, flag: null, value: 11 });
  });

  it('leaves jeugdregio and national rows alone', () => {
    const row = { ...obs('JZ20', 5, 2018), geo_code: 'JZ20' };
    expect(recast([row], CROSSWALK, 2026, additive, existed)).toEqual([row]);
  });
});
