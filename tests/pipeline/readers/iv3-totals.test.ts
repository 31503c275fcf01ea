import { describe, expect, it } from 'vitest';
import { buildWarehouse } from '../../../src/pipeline/build.ts';
import { readIv3Totals } from '../../../src/pipeline/readers/iv3.ts';
import { costObservations } from '../../../src/pipeline/taakveld.ts';
import { fixture, inputError, textFile, variant } from './source.ts';

/**
 * Iv3 totals per gemeente × taakveld (iv3_<year>_<verslagsoort>.csv): ";"-separated, names instead of codes,
 * "6.72a Jeugdhulp begeleiding" as taakveld, Baten/Lasten × € 1 000 with a decimal point, and a
 * 'Nederland' total row per taakveld.
 */
const J2023 = 'iv3-totals/iv3_2023_jaarrekening.csv';
const B2025 = 'iv3-totals/iv3_2025_begroting.csv';

describe('iv3 totals reader', () => {
  it('reads year and verslagsoort from the file name, the taakveld code from its label, amounts as written', () => {
    const rs = readIv3Totals(fixture(J2023));
    expect(rs).toHaveLength(11);
    expect(rs.every((r) => r.year === 2023 && r.verslagsoort === 'jaarrekening')).toBe(true);
    expect(rs.map((r) => r.taakveld)).toEqual(['0.1', '6.72', '6.72a', '6.72b', '6.73a', '6.74a', '6.74c', '6.82a', '6.82b', '6.72a', '6.72a']);
    expect(rs[2]).toEqual({ file: J2023, line: 4, gemeente: 'Alkmaar', year: 2023, verslagsoort: 'jaarrekening', taakveld: '6.72a', lasten: 14250, baten: 35 });
    expect(rs[3]).toMatchObject({ taakveld: '6.72b', lasten: 8120.5, baten: 0 });
    // A negative correction is kept; a label with a trailing space or a truncated one still gives its code.
    expect(rs[6]).toMatchObject({ taakveld: '6.74c', lasten: -45 });
    expect(rs[7]).toMatchObject({ taakveld: '6.82a', lasten: 2480 });
    // A name with commas inside a ";" file.
    expect(rs[9]).toMatchObject({ gemeente: 'Nuenen, Gerwen en Nederwetten', lasten: 3105 });
  });

  it("keeps the 'Nederland' row as such (the build leaves it out of every sum)", () => {
    const rs = readIv3Totals(fixture(J2023));
    expect(rs.filter((r) => r.gemeente === 'Nederland')).toEqual([expect.objectContaining({ line: 12, taakveld: '6.72a', lasten: 1081009, baten: 50002 })]);
  });

  it('× € 1 000 into euros per cost indicator, 2023 taakvelden (6.72a–6.74c plus the residual on the old 6.72; 0.1 left out)', () => {
    const alkmaar = readIv3Totals(fixture(J2023)).filter((r) => r.gemeente === 'Alkmaar');
    const obs = costObservations(alkmaar.map((r) => ({ ...r, geo: 'GM0361' })), (y) => y);
    const get = (ind: string) => obs.find((o) => o.indicator === ind)?.value;
    // The 7 on the old parent 6.72 is youth-care money: in the total, but in no form of care.
    expect(get('kosten_jeugdhulp_jaarrekening')).toBe((7 + 14250 + 8120.5 + 3120 + 6890 - 45) * 1000);
    expect(get('baten_jeugdhulp_jaarrekening')).toBe(35_000);
    expect(get('baten_jeugdhulp_zonder_verblijf_jaarrekening')).toBe(35_000);
    expect(get('kosten_jeugdhulp_zonder_verblijf_jaarrekening')).toBe((14250 + 8120.5 + 6890) * 1000);
    expect(get('kosten_jeugdhulp_met_verblijf_jaarrekening')).toBe((3120 - 45) * 1000);
    expect(get('kosten_pleegzorg_jaarrekening')).toBe(3_120_000);
    expect(get('kosten_gesloten_plaatsing_jaarrekening')).toBe(-45_000);
    expect(get('kosten_jeugdbescherming_reclassering_jaarrekening')).toBe((2480 + 610) * 1000);
    expect(obs.every((o) => o.source === '45063NED' && o.source_file === J2023)).toBe(true);
  });

  it('2025 begroting: the 6.751–6.763 + 6.792 regime; 6.22 Toegang and pleegzorg are not youth-care cost splits', () => {
    const rs = readIv3Totals(fixture(B2025));
    expect(rs.every((r) => r.year === 2025 && r.verslagsoort === 'begroting')).toBe(true);
    const obs = costObservations(rs.filter((r) => r.gemeente === 'Alkmaar').map((r) => ({ ...r, geo: 'GM0361' })), (y) => y);
    const get = (ind: string) => obs.find((o) => o.indicator === ind)?.value;
    expect(get('kosten_jeugdhulp_begroting')).toBe((9800 + 5400 + 1200 + 2600 + 950) * 1000);
    expect(get('kosten_jeugdhulp_zonder_verblijf_begroting')).toBe((9800 + 5400) * 1000);
    expect(get('kosten_jeugdhulp_met_verblijf_begroting')).toBe((1200 + 2600) * 1000);
    expect(get('kosten_jeugdbescherming_reclassering_begroting')).toBe((2550 + 640) * 1000);
    expect(get('kosten_pleegzorg_begroting')).toBeUndefined();
  });

  it('the splits of Q4/Q11: begeleiding 6.72a, behandeling 6.72b and the rest of zonder verblijf (2023); pgb 6.792 and toegang jeugd 6.22 (2025)', () => {
    const at = (file: string, geo: string) => {
      const obs = costObservations(readIv3Totals(fixture(file)).filter((r) => r.gemeente === 'Alkmaar').map((r) => ({ ...r, geo })), (y) => y);
      return (ind: string) => obs.find((o) => o.indicator === ind)?.value;
    };
    const j = at(J2023, 'GM0361');
    expect(j('kosten_begeleiding_jaarrekening')).toBe(14_250_000);
    expect(j('baten_begeleiding_jaarrekening')).toBe(35_000);
    expect(j('kosten_behandeling_jaarrekening')).toBe(8_120_500);
    // GGZ behandeling zonder verblijf (6.74a) is not 6.72b: it goes to the rest of zonder verblijf.
    expect(j('kosten_zonder_verblijf_overig_jaarrekening')).toBe(6_890_000);
    expect(j('kosten_pgb_jeugd_jaarrekening')).toBeUndefined();
    // Alkmaar has no 6.1 or 6.2 row in this file: absent, not zero.
    expect(j('kosten_samenkracht_jaarrekening')).toBeUndefined();
    const b = at(B2025, 'GM0361');
    expect(b('kosten_pgb_jeugd_begroting')).toBe(950_000);
    expect(b('kosten_toegang_jeugd_begroting')).toBe(2_100_000);
    expect(b('kosten_toegang_begroting')).toBe(2_100_000);
    expect(b('kosten_begeleiding_begroting')).toBeUndefined();
  });

  it("in a build, 'Nederland' rows are not added to the gemeenten: NL01 is the sum of the gemeenten", async () => {
    const w = await buildWarehouse(new URL('../../fixtures/mini', import.meta.url).pathname);
    const cost = w.observations.filter((o) => o.indicator === 'kosten_jeugdhulp_jaarrekening' && o.period === 2023);
    const nl = cost.find((o) => o.geo_code === 'NL01')!;
    const gms = cost.filter((o) => o.geo_code.startsWith('GM'));
    expect(gms.map((o) => o.geo_code).sort()).toEqual(['GM0361', 'GM0441', 'GM1900', 'GM1980']);
    // Alkmaar: 14 250 + 3 120 + 6 890 thousand (its old code 6.72 holds 0.0).
    expect(gms.find((o) => o.geo_code === 'GM0361')?.value).toBe(24_260_000);
    expect(nl).toMatchObject({ flag: 'som-gemeenten', value: gms.reduce((s, o) => s + o.value!, 0) });
    // 66 050 thousand on 6.72a–6.74c plus Súdwest-Fryslân's 12 thousand left on the old 6.72.
    expect(nl.value).toBe(66_062_000);
    // The file's own Nederland rows (1 081 009 + 392 806 + 571 263 thousand) are nowhere in it.
    expect(w.observations.some((o) => o.value !== null && o.value >= 1e9 && o.indicator.startsWith('kosten_jeugdhulp'))).toBe(false);
  });

  it('an amount with a decimal comma is an error at its line and column', async () => {
    const f = variant(fixture(J2023), (t) => t.replace(';8120.5;', ';8120,5;'));
    expect(await inputError(() => readIv3Totals(f))).toMatchObject({ file: J2023, line: 5, column: 'Lasten', expected: 'an amount in thousands of euros with a decimal point, e.g. 23698.0' });
  });

  it('a gemeente × taakveld twice is an error naming both lines', async () => {
    const f = variant(fixture(J2023), (t) => `${t}Alkmaar;6.73a Pleegzorg;;0.0;3210.0;;;;;;\n`);
    const e = await inputError(() => readIv3Totals(f));
    expect(e).toMatchObject({ line: 13, column: 'Taakveld', expected: 'one row per gemeente and taakveld' });
    expect(e.message).toContain('(also line 6)');
  });

  it('a taakveld label without a code, and a file name without year and verslagsoort, are errors', async () => {
    const f = variant(fixture(J2023), (t) => t.replace('Alkmaar;6.73a Pleegzorg', 'Alkmaar;Pleegzorg'));
    expect(await inputError(() => readIv3Totals(f))).toMatchObject({ line: 6, column: 'Taakveld' });
    const noYear = textFile('iv3-totals/iv3_jaarrekening.csv', 'Gemeenten;Taakveld;Baten;Lasten\nAlkmaar;6.72a x;0.0;1.0\n');
    expect(await inputError(() => readIv3Totals(noYear))).toMatchObject({ expected: 'a name like iv3_2023_jaarrekening.csv' });
  });
});
