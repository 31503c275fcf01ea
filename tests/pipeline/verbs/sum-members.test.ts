import { describe, expect, it } from 'vitest';
import type { MembershipRow, Observation } from '../../../src/pipeline/model.ts';
import { sumMembers } from '../../../src/pipeline/verbs/sum-members.ts';

const gm = (geo: string, value: number | null, extra: Partial<Observation> = {}): Observation => ({
  indicator: 'kosten_jeugdhulp_jaarrekening', geo_code: geo, period: 2021, value, status: 'definitief',
  source: '45063NED', source_file: `iv3/${geo}.csv`, boundary_year: 2021, flag: null, ...extra,
});
// JZ01 = GM0001 + GM0002 in 2021; GM0003 is in JZ02 alone. Only 2021 is known: 2023 takes its membership.
const membership: MembershipRow[] = [
  { gemeente_code: 'GM0001', jeugdregio_code: 'JZ01', year: 2021 },
  { gemeente_code: 'GM0002', jeugdregio_code: 'JZ01', year: 2021 },
  { gemeente_code: 'GM0003', jeugdregio_code: 'JZ02', year: 2021 },
];
const additive = (id: string) => id.startsWith('kosten_');
const find = (rows: Observation[], geo: string, period = 2021, indicator = 'kosten_jeugdhulp_jaarrekening') =>
  rows.find((o) => o.geo_code === geo && o.period === period && o.indicator === indicator);

describe('sumMembers (gemeenten → jeugdregio and Nederland)', () => {
  it('sums the members of the year, to the cent, with the weakest status and every source', () => {
    const out = sumMembers([gm('GM0001', 10.004), gm('GM0002', 20.003, { status: 'voorlopig', source_file: 'iv3/b.csv' }), gm('GM0003', 5)], membership, additive, true);
    expect(find(out, 'JZ01')).toEqual({
      indicator: 'kosten_jeugdhulp_jaarrekening', geo_code: 'JZ01', period: 2021, value: 30.01, status: 'voorlopig',
      source: '45063NED', source_file: 'iv3/GM0001.csv; iv3/b.csv', boundary_year: 2021, flag: 'som-gemeenten',
    });
    expect(find(out, 'JZ02')?.value).toBe(5);
    expect(find(out, 'NL01')?.value).toBe(35.01);
    expect(out).toHaveLength(3);
  });

  it('makes no total where a member is missing or unknown, and no national sum for a partial sample', () => {
    expect(find(sumMembers([gm('GM0001', 10), gm('GM0003', 5)], membership, additive, true), 'JZ01')).toBeUndefined();
    const gap = sumMembers([gm('GM0001', 10), gm('GM0002', null), gm('GM0003', 5)], membership, additive, true);
    expect(gap.map((o) => o.geo_code)).toEqual(['JZ02']);
    expect(sumMembers([gm('GM0001', 1), gm('GM0002', 2), gm('GM0003', 3)], membership, additive, false).map((o) => o.geo_code).sort()).toEqual(['JZ01', 'JZ02']);
  });

  it("leaves a source's own regional figure alone, skips non-additive indicators, and uses the nearest membership year", () => {
    const own = gm('JZ01', 99, { source: '85099NED' });
    const out = sumMembers([gm('GM0001', 1), gm('GM0002', 2), gm('GM0003', 3), own], membership, additive, true);
    expect(find(out, 'JZ01')).toBeUndefined();
    const pct = { indicator: 'aandeel_jongeren_jeugdhulp_in_natura' };
    expect(sumMembers([gm('GM0001', 1, pct), gm('GM0002', 2, pct)], membership, additive, true)).toEqual([]);
    const later = sumMembers([gm('GM0001', 1, { period: 2023 }), gm('GM0002', 2, { period: 2023 })], membership, additive, true);
    expect(find(later, 'JZ01', 2023)?.value).toBe(3);
  });
});
