import { describe, expect, it } from 'vitest';
import { sumMembers } from '../../src/pipeline/verbs/sum-members.ts';
import { isAdditive } from '../../src/catalog/indicators.ts';
import type { MembershipRow, Observation } from '../../src/pipeline/model.ts';
import { deriveNetCosts } from '../../src/pipeline/net-costs.ts';

/**
 * A region of five gemeenten, as Iv3 shows one: the centrumgemeente GM0002 buys care for everyone and books
 * the others' payments as baten; they book the same payments as lasten. GM0005 books its youth care in a
 * gemeenschappelijke regeling (€ 0 here). Amounts in euros, 1 000 inhabitants each.
 */
const BOOKED: [string, number, number][] = [
  ['GM0001', 300_000, 0],
  ['GM0002', 800_000, 400_000], // centrum: 50 % baten
  ['GM0003', 320_000, 10_000],
  ['GM0004', 280_000, 0],
  ['GM0005', 0, 0],
];
const membership: MembershipRow[] = BOOKED.map(([gm]) => ({ gemeente_code: gm, jeugdregio_code: 'JZ01', year: 2023 }));
const o = (indicator: string, geo: string, value: number | null): Observation => ({
  indicator, geo_code: geo, period: 2023, value, status: 'definitief', source: '45063NED', source_file: 'iv3_2023_jaarrekening.csv', boundary_year: 2023, flag: null,
});
const gemeenten = BOOKED.flatMap(([gm, lasten, baten]) => [
  o('kosten_jeugdhulp_jaarrekening', gm, lasten),
  o('baten_jeugdhulp_jaarrekening', gm, baten),
  { ...o('bevolking_totaal', gm, 1000), source: '70072ned', source_file: '70072ned.parquet' },
]);

function build(obs = gemeenten) {
  const all = [...obs, ...sumMembers(obs, membership, isAdditive, true)];
  const derived = deriveNetCosts(all, membership);
  return (indicator: string, geo: string) => derived.find((d) => d.indicator === indicator && d.geo_code === geo);
}

describe('net costs', () => {
  it('netto = lasten − baten per gemeente, and a region counts a centrumgemeente payment once', () => {
    const get = build();
    expect(get('netto_jeugdhulp_jaarrekening', 'GM0002')?.value).toBe(400_000);
    // Gross, the region spends 1 700 000; 410 000 of it was paid twice (by a gemeente and again by the centrum).
    expect(get('netto_jeugdhulp_jaarrekening', 'JZ01')).toMatchObject({ value: 1_290_000 });
    expect(get('netto_jeugdhulp_jaarrekening', 'NL01')?.value).toBe(1_290_000);
  });

  it('per inwoner and the baten share are stored with the netto', () => {
    const get = build();
    expect(get('netto_jeugdhulp_per_inwoner_jaarrekening', 'GM0003')?.value).toBe(310);
    expect(get('netto_jeugdhulp_per_inwoner_jaarrekening', 'GM0003')?.source).toBe('45063NED; 70072ned');
    expect(get('aandeel_baten_jeugdhulp_jaarrekening', 'GM0002')?.value).toBe(50);
    expect(get('aandeel_baten_jeugdhulp_jaarrekening', 'GM0003')?.value).toBe(3.13);
  });

  it('per jongere divides netto by the 0–17 population, where the warehouse has it, and carries the same flags', () => {
    const kids = BOOKED.map(([gm]) => ({ ...o('bevolking_0_17', gm, 200), source: '03759ned', source_file: '03759ned.json' }));
    const get = build([...gemeenten, ...kids]);
    expect(get('netto_jeugdhulp_per_jongere_jaarrekening', 'GM0003')).toMatchObject({ value: 1550, source: '03759ned; 45063NED' });
    expect(get('netto_jeugdhulp_per_jongere_jaarrekening', 'JZ01')?.value).toBe(1_290_000 / 1000);
    expect(get('netto_jeugdhulp_per_jongere_jaarrekening', 'GM0002')?.flag).toBe('centrumgemeente');
    expect(get('netto_jeugdhulp_per_jongere_jaarrekening', 'GM0005')).toMatchObject({ value: null, flag: 'elders-geboekt' });
    // Without 0–17 figures (the sample, the CI files) there is no per-jongere figure at all, never one over 0.
    expect(build()('netto_jeugdhulp_per_jongere_jaarrekening', 'GM0003')).toBeUndefined();
  });

  it('flags a centrumgemeente (baten ≥ 20 % of lasten) and no one else', () => {
    const get = build();
    expect(get('netto_jeugdhulp_jaarrekening', 'GM0002')?.flag).toBe('centrumgemeente');
    expect(get('netto_jeugdhulp_per_inwoner_jaarrekening', 'GM0002')?.flag).toBe('centrumgemeente');
    for (const gm of ['GM0001', 'GM0003', 'GM0004']) expect(get('netto_jeugdhulp_jaarrekening', gm)?.flag, gm).toBeNull();
  });

  it('a gemeente with € 0 youth-care lasten gets no netto (never the cheapest), and sums with it say they are incomplete', () => {
    const get = build();
    expect(get('netto_jeugdhulp_jaarrekening', 'GM0005')).toMatchObject({ value: null, flag: 'elders-geboekt' });
    expect(get('netto_jeugdhulp_per_inwoner_jaarrekening', 'GM0005')).toMatchObject({ value: null, flag: 'elders-geboekt' });
    expect(get('netto_jeugdhulp_jaarrekening', 'JZ01')?.flag).toBe('som-gemeenten-onvolledig');
  });

  it('a netto per inwoner under a quarter of the median is booked elsewhere too (Asten: only a residual on the old code)', () => {
    const obs = gemeenten.map((x) => (x.geo_code === 'GM0005' && x.indicator === 'kosten_jeugdhulp_jaarrekening' ? { ...x, value: 60_000 } : x));
    const get = build(obs);
    // Median of 300, 400, 310, 280 and 60 per inwoner is 300; 60 < 75.
    expect(get('netto_jeugdhulp_jaarrekening', 'GM0005')).toMatchObject({ value: null, flag: 'elders-geboekt' });
    expect(get('netto_jeugdhulp_jaarrekening', 'GM0004')?.flag).toBeNull();
  });

  it('an unknown baten amount makes netto unknown, never lasten alone', () => {
    const obs = gemeenten.map((x) => (x.geo_code === 'GM0001' && x.indicator === 'baten_jeugdhulp_jaarrekening' ? { ...x, value: null } : x));
    const get = build(obs);
    expect(get('netto_jeugdhulp_jaarrekening', 'GM0001')?.value).toBeNull();
    // The regional sum of baten has a gap, so there is no regional netto at all rather than one that is too high.
    expect(get('netto_jeugdhulp_jaarrekening', 'JZ01')).toBeUndefined();
  });
});
