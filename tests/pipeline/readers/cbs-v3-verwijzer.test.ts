import { describe, expect, it } from 'vitest';
import { indicatorOf, observationsFromCbs } from '../../../src/pipeline/cbs-map.ts';
import { readCbsV3, type V3Input } from '../../../src/pipeline/readers/cbs-v3.ts';
import { deriveReferrerShares } from '../../../src/pipeline/referrers.ts';
import { fixture, names2022, variant } from './source.ts';

/** 85097NED "Jeugdhulptrajecten in natura; verwijzer, regio (gemeente)": titles as CBS prints them, keys guessed (README there). */
const T = 'cbs-v3/85097NED';
const base = (): V3Input => ({
  tableId: '85097NED',
  dataProperties: fixture(`${T}/DataProperties.json`),
  typedDataSet: fixture(`${T}/TypedDataSet.json`),
  dimensions: {
    VerwijzerJeugdzorg: fixture(`${T}/VerwijzerJeugdzorg.json`),
    RegioS: fixture(`${T}/RegioS.json`),
    Perioden: fixture(`${T}/Perioden.json`),
  },
});

describe('85097NED: trajectories by referrer', () => {
  it('maps the total-trajectories topic per referrer title; begun trajectories and half-years stay out', async () => {
    const rs = await readCbsV3(base());
    expect(rs).toHaveLength(27 * 2);
    const obs = observationsFromCbs(rs, await names2022(), (y) => y);
    // Only the annual NL rows: the half-year 2023 (NL and 's-Gravenhage) is no indicator of trajectories.
    expect(new Set(obs.map((o) => `${o.geo_code} ${o.period}`))).toEqual(new Set(['NL01 2021']));
    const v = (id: string) => obs.find((o) => o.indicator === id)?.value;
    expect(v('trajecten_jeugdhulp_natura')).toBe(625545);
    expect(v('trajecten_verwijzer_gemeentelijke_toegang')).toBe(195985);
    expect(v('trajecten_verwijzer_huisarts')).toBe(222165);
    expect(v('trajecten_verwijzer_rechter')).toBe(2325);
    expect(v('trajecten_verwijzer_geen')).toBe(94605);
    // A suppressed or missing cell stays null, never 0.
    expect(obs.find((o) => o.indicator === 'trajecten_verwijzer_onbekend')).toMatchObject({ value: null, status: 'voorlopig', source: '85097NED' });
    expect(obs).toHaveLength(9);
    expect(rs.filter((r) => r.measure.title === 'Totaal begonnen trajecten').map(indicatorOf).every((x) => x === undefined)).toBe(true);
  });

  it('stores each referrer’s share of all trajectories, from the two counts; an unknown part gives an unknown share', async () => {
    const obs = observationsFromCbs(await readCbsV3(base()), await names2022(), (y) => y);
    const shares = deriveReferrerShares(obs);
    const s = (id: string) => shares.find((o) => o.indicator === `aandeel_trajecten_${id}`);
    expect(s('huisarts')).toMatchObject({ value: 35.52, geo_code: 'NL01', period: 2021, status: 'voorlopig', source: '85097NED', source_file: `${T}/TypedDataSet.json` });
    expect(s('gemeentelijke_toegang')!.value).toBe(31.33);
    expect(s('onbekend')!.value).toBeNull();
    expect(shares).toHaveLength(8);
    // The known shares add up to 100 % less the part of the referrer CBS left empty (its count is the rest).
    const known = obs.filter((o) => o.indicator.startsWith('trajecten_verwijzer_') && o.value !== null).reduce((a, o) => a + o.value!, 0);
    const sum = shares.reduce((a, o) => a + (o.value ?? 0), 0);
    expect(sum).toBeCloseTo((100 * known) / 625545, 1);
  });

  it('a referrer title CBS adds later is not mistaken for one of the known ones', async () => {
    const renamed = variant(base().dimensions.VerwijzerJeugdzorg, (t) => t.replace('"Huisarts"', '"Praktijkondersteuner huisarts"'));
    const obs = observationsFromCbs(await readCbsV3({ ...base(), dimensions: { ...base().dimensions, VerwijzerJeugdzorg: renamed } }), await names2022(), (y) => y);
    expect(obs.some((o) => o.indicator === 'trajecten_verwijzer_huisarts')).toBe(false);
    expect(obs).toHaveLength(8);
  });
});
