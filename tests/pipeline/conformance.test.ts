import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouse, type Warehouse } from '../../src/pipeline/build.ts';
import { readIv3Totals } from '../../src/pipeline/readers/iv3.ts';
import { regimeFor } from '../../src/pipeline/taakveld.ts';

/**
 * Conformance against the real CBS and Iv3 files. Runs whenever JEUGDHULP_DATA_DIR points at a raw
 * folder (CI sets it to ../shared/data/raw); expected figures come from CBS's own tables in that folder,
 * not from constants typed into the test.
 */
const DIR = process.env.JEUGDHULP_DATA_DIR;

function find(dir: string, re: RegExp): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? find(p, re) : re.test(n) ? [p] : [];
  });
}

describe.skipIf(!DIR)(`conformance on the real files (${DIR ?? 'JEUGDHULP_DATA_DIR not set'})`, () => {
  let w: Warehouse;
  const obs = (indicator: string, geo: string, period: number) => w.observations.find((o) => o.indicator === indicator && o.geo_code === geo && o.period === period);

  beforeAll(async () => {
    w = await buildWarehouse(DIR!);
  });

  it('has 342 gemeenten in 42 jeugdregio\'s in 2023–2025', () => {
    for (const year of [2023, 2024, 2025]) {
      const rows = w.geography.membership.filter((m) => m.year === year);
      expect(new Set(rows.map((m) => m.gemeente_code)).size, `gemeenten ${year}`).toBe(342);
      expect(new Set(rows.map((m) => m.jeugdregio_code)).size, `jeugdregio's ${year}`).toBe(42);
    }
  });

  it('puts every gemeente in exactly one jeugdregio per year', () => {
    const seen = new Set<string>();
    for (const m of w.geography.membership) {
      const k = `${m.gemeente_code}|${m.year}`;
      expect(seen.has(k), k).toBe(false);
      seen.add(k);
    }
  });

  it('population of the jeugdregio\'s adds up to the national total, every year', () => {
    const years = [...new Set(w.observations.filter((o) => o.indicator === 'bevolking_totaal' && o.value !== null).map((o) => o.period))];
    expect(years.length).toBeGreaterThanOrEqual(10);
    for (const year of years) {
      const nl = obs('bevolking_totaal', 'NL01', year);
      expect(nl?.value, `NL ${year}`).toBeGreaterThan(0);
      const regions = w.observations.filter((o) => o.indicator === 'bevolking_totaal' && o.period === year && o.geo_code.startsWith('JZ'));
      expect(regions.length, `regions ${year}`).toBe(new Set(w.geography.membership.filter((m) => m.year === Math.min(year, w.boundaryYear)).map((m) => m.jeugdregio_code)).size);
      expect(regions.reduce((s, o) => s + o.value!, 0)).toBe(nl!.value);
    }
  });

  it('national population equals the inwonertal of CBS Gebieden in Nederland (an independent table)', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const con = await (await DuckDBInstance.create(':memory:')).connect();
    for (const file of find(DIR!, /^cbs_gebieden_20(1[6-9]|2[0-5])\.parquet$/)) {
      const year = Number(/(\d{4})/.exec(file.split('/').pop()!)![1]);
      const r = await con.runAndReadAll(`SELECT sum(CAST(Value AS DOUBLE)) AS s FROM read_parquet('${file}') WHERE Measure = 'T001036_2'`);
      const inwonertal = Number(r.getRowObjectsJS()[0].s);
      const nl = obs('bevolking_totaal', 'NL01', year);
      // Both count inhabitants on 1 January; CBS revises one table later than the other, so allow 0.1 %.
      expect(Math.abs(nl!.value! - inwonertal) / inwonertal, `${year}`).toBeLessThan(0.001);
    }
  });

  it('Iv3 jaarrekening 2023: youth-care lasten (6.72a–6.74c) ≈ € 5,72 mld, equal to the file\'s own Nederland rows', () => {
    const nl = obs('kosten_jeugdhulp_jaarrekening', 'NL01', 2023);
    expect(nl?.flag).toBe('som-gemeenten');
    expect(nl!.value!).toBeGreaterThan(5.6e9);
    expect(nl!.value!).toBeLessThan(5.85e9);
    // No double counting: our sum over gemeenten equals the 'Nederland' total row of the source file.
    const file = find(DIR!, /^iv3_2023_jaarrekening\.csv$/)[0];
    const rows = readIv3Totals({ path: file, rel: relative(DIR!, file), bytes: new Uint8Array(readFileSync(file)) });
    const codes = regimeFor(2023)!.kosten_jeugdhulp;
    const nederland = rows.filter((r) => r.gemeente === 'Nederland' && codes.includes(r.taakveld)).reduce((s, r) => s + r.lasten! * 1000, 0);
    expect(Math.abs(nl!.value! - nederland)).toBeLessThan(1000 * codes.length);
    const gemeenten = w.observations.filter((o) => o.indicator === 'kosten_jeugdhulp_jaarrekening' && o.period === 2023 && o.geo_code.startsWith('GM'));
    expect(gemeenten.length).toBe(342);
  });

  it('resolves every Iv3 name to a GM code, in every Iv3 file', () => {
    for (const [indicator, year] of [['kosten_jeugdhulp_begroting', 2023], ['kosten_jeugdhulp_jaarrekening', 2023], ['kosten_jeugdhulp_begroting', 2024], ['kosten_jeugdhulp_begroting', 2025]] as const) {
      const gms = w.observations.filter((o) => o.indicator === indicator && o.period === year && o.geo_code.startsWith('GM'));
      expect(gms.length, `${indicator} ${year}`).toBe(342);
    }
  });

  it('keeps begroting and jaarrekening apart and shows splits only where the taakvelden have them', () => {
    expect(obs('kosten_pleegzorg_jaarrekening', 'NL01', 2023)?.value).toBeGreaterThan(0);
    expect(obs('kosten_pleegzorg_begroting', 'NL01', 2025)).toBeUndefined();
    expect(obs('kosten_jeugdhulp_begroting', 'NL01', 2025)?.value).toBeGreaterThan(0);
  });

  it('KWB 2021: the share of young people with youth care for all 352 gemeenten, as in the raw table (Baarn 10,8 %)', () => {
    const file = find(DIR!, /^TypedDataSet\.json$/).find((p) => p.includes('85039NED'));
    expect(file, 'kwb-2021-jeugdzorg/85039NED in the data folder').toBeDefined();
    const raw = JSON.parse(readFileSync(file!, 'utf8')).value as Record<string, unknown>[];
    const pctKey = Object.keys(raw[0]).find((k) => k.startsWith('PercentageJongerenMetJeugdzorg'))!;
    const kwb = w.observations.filter((o) => o.indicator === 'kwb_aandeel_jongeren_jeugdzorg' && o.period === 2021);
    expect(new Set(kwb.map((o) => o.geo_code)).size).toBe(352);
    for (const r of raw) {
      const code = String(r.WijkenEnBuurten).trim();
      expect(kwb.find((o) => o.geo_code === code)?.value, code).toBe(r[pctKey]);
    }
    expect(obs('kwb_aandeel_jongeren_jeugdzorg', 'GM0308', 2021)?.value).toBe(10.8);
    // A percentage is not recast across herindelingen: Weesp (into Amsterdam, 2022) keeps its own.
    expect(obs('kwb_aandeel_jongeren_jeugdzorg', 'GM0457', 2021)).toMatchObject({ boundary_year: 2021, flag: 'niet-omgerekend' });
    // Never summed into regions or Nederland, never merged with the Beleidsinformatie Jeugd series.
    expect(w.observations.some((o) => o.indicator.startsWith('kwb_') && !o.geo_code.startsWith('GM'))).toBe(false);
  });

  const CAPTURE = join(DIR ?? '.', '..', 'cbs-captures', 'v4-checkdecijfers-03759ned', 'observations-page-1.json');
  it.skipIf(!existsSync(CAPTURE))('population: 03759ned (Leeftijd Totaal, real capture) equals 70072ned for every gemeente and year both have', async () => {
    const capture = JSON.parse(readFileSync(CAPTURE, 'utf8')).value as { Measure: string; Value: number | null; ValueAttribute: string; Leeftijd: string; RegioS: string; Perioden: string }[];
    const byKey = new Map(capture.filter((r) => r.Measure === 'M000352' && r.Leeftijd === '10000' && r.RegioS.startsWith('GM') && r.Value !== null).map((r) => [`${r.RegioS}|${r.Perioden}`, r.Value]));
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const con = await (await DuckDBInstance.create(':memory:')).connect();
    const file = find(DIR!, /^cbs_70072ned_motorvoertuigen_gemeente\.parquet$/)[0];
    const r = await con.runAndReadAll(`SELECT trim(RegioS) AS g, Perioden AS p, CAST(Value AS DOUBLE) AS v FROM read_parquet('${file}') WHERE Measure = 'M000352_3' AND Value IS NOT NULL`);
    let shared = 0;
    for (const row of r.getRowObjectsJS() as { g: string; p: string; v: number }[]) {
      const other = byKey.get(`${row.g}|${row.p}`);
      if (other === undefined) continue;
      shared++;
      expect(other, `${row.g} ${row.p}`).toBe(row.v);
    }
    // 2019–2025 for every gemeente of each year: 355 + 355 + 352 + 345 + 342 × 3.
    expect(shared).toBe(355 + 355 + 352 + 345 + 342 * 3);
    // And what the warehouse publishes for 2024 is that figure.
    for (const [k, v] of byKey) if (k.endsWith('2024JJ00')) expect(obs('bevolking_totaal', k.split('|')[0], 2024)?.value, k).toBe(v);
  });
});
