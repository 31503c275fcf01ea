import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouse, type Warehouse } from '../../src/pipeline/build.ts';
import { readIv3Totals } from '../../src/pipeline/readers/iv3.ts';
import { CENTRUM_SHARE } from '../../src/catalog/net-cost-rules.ts';
import { regimeFor } from '../../src/catalog/iv3.ts';

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

  it('Iv3 jaarrekening 2023: youth-care lasten (6.72a–6.74c plus the old 6.72) ≈ € 5,72 mld, equal to the file\'s own Nederland rows', () => {
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

  describe('net costs and the per-taakveld table', () => {
    const REFINED = ['6.72a', '6.72b', '6.72c', '6.72d', '6.73a', '6.73b', '6.73c', '6.74a', '6.74b', '6.74c'];
    const tv = (geo: string | null, period: number, soort: string, codes: string[]) =>
      w.taakvelden.filter((r) => (geo === null || r.geo_code === geo) && r.period === period && r.verslagsoort === soort && codes.includes(r.taakveld));
    const sum = (rows: { lasten: number | null; baten: number | null }[], k: 'lasten' | 'baten') => rows.reduce((s, r) => s + r[k]!, 0);

    it('national 2023 jaarrekening on 6.72a–6.74c: lasten 5 713 673 and baten 151 284 (× € 1 000), as in the file\'s Nederland rows', () => {
      const rows = tv(null, 2023, 'jaarrekening', REFINED);
      expect(new Set(rows.map((r) => r.geo_code)).size).toBe(342);
      expect(Math.round(sum(rows, 'lasten') / 1000)).toBe(5_713_673);
      expect(Math.round(sum(rows, 'baten') / 1000)).toBe(151_284);
      const file = find(DIR!, /^iv3_2023_jaarrekening\.csv$/)[0];
      const nederland = readIv3Totals({ path: file, rel: relative(DIR!, file), bytes: new Uint8Array(readFileSync(file)) })
        .filter((r) => r.gemeente === 'Nederland' && REFINED.includes(r.taakveld));
      expect(Math.round(sum(rows, 'lasten') / 1000)).toBe(Math.round(nederland.reduce((s, r) => s + r.lasten!, 0)));
      expect(Math.round(sum(rows, 'baten') / 1000)).toBe(Math.round(nederland.reduce((s, r) => s + r.baten!, 0)));
    });

    it('netto is the headline for Nederland: lasten − baten, with the residual on the old 6.72 (≈ € 5,9 mln) included', () => {
      const residual = tv(null, 2023, 'jaarrekening', ['6.72']);
      expect(Math.round(sum(residual, 'lasten') / 1e5) / 10).toBe(5.9);
      const lasten = obs('kosten_jeugdhulp_jaarrekening', 'NL01', 2023)!.value!;
      const baten = obs('baten_jeugdhulp_jaarrekening', 'NL01', 2023)!.value!;
      expect(Math.round(lasten / 1000)).toBe(5_713_673 + Math.round(sum(residual, 'lasten') / 1000));
      expect(Math.round(baten / 1000)).toBe(151_284 + Math.round(sum(residual, 'baten') / 1000));
      expect(obs('netto_jeugdhulp_jaarrekening', 'NL01', 2023)!.value).toBe(lasten - baten);
      expect(obs('netto_jeugdhulp_per_inwoner_jaarrekening', 'NL01', 2023)!.value).toBeCloseTo((lasten - baten) / obs('bevolking_totaal', 'NL01', 2023)!.value!, 2);
    });

    it('the taakvelden table holds Amsterdam 6.72b jaarrekening 2023: lasten 249 468 × € 1 000, with its label', () => {
      expect(tv('GM0363', 2023, 'jaarrekening', ['6.72b'])).toEqual([
        expect.objectContaining({ taakveld_label: 'Jeugdhulp behandeling', lasten: 249_468_000, telt_mee_in: 'kosten_jeugdhulp, kosten_jeugdhulp_zonder_verblijf, kosten_behandeling', source: '45063NED' }),
      ]);
    });

    it('every gemeente cost figure is the sum of its taakvelden rows (both verslagsoorten, every year)', () => {
      const byPlace = Map.groupBy(w.taakvelden, (r) => `${r.geo_code}|${r.period}|${r.verslagsoort}`);
      for (const o of w.observations.filter((x) => /^kosten_.+_(jaarrekening|begroting)$/.test(x.indicator) && x.geo_code.startsWith('GM') && x.value !== null)) {
        const [, base, soort] = /^(kosten_.+)_(jaarrekening|begroting)$/.exec(o.indicator)!;
        const rows = (byPlace.get(`${o.geo_code}|${o.period}|${soort}`) ?? []).filter((r) => r.telt_mee_in.split(', ').includes(base));
        expect(Math.abs(sum(rows, 'lasten') - o.value!), `${o.indicator} ${o.geo_code} ${o.period}`).toBeLessThan(1);
      }
    });

    it('flags Breda, Amersfoort and Roosendaal as centrumgemeente in the 2023 jaarrekening, and no one else', () => {
      const flagged = w.observations.filter((o) => o.indicator === 'netto_jeugdhulp_jaarrekening' && o.period === 2023 && o.flag === 'centrumgemeente').map((o) => o.geo_code).sort();
      expect(flagged).toEqual(['GM0307', 'GM0758', 'GM1674']);
      expect(obs('aandeel_baten_jeugdhulp_jaarrekening', 'GM0758', 2023)!.value).toBeGreaterThan(50);
      for (const o of w.observations.filter((x) => x.indicator === 'aandeel_baten_jeugdhulp_jaarrekening' && x.period === 2023 && x.geo_code.startsWith('GM') && x.value !== null)) {
        expect(o.value! >= CENTRUM_SHARE, o.geo_code).toBe(o.flag === 'centrumgemeente');
      }
    });

    it('Vijfheerenlanden (€ 0) and Asten (only the old 6.72) book their youth care elsewhere: netto null, flagged, never ranked', () => {
      for (const gm of ['GM1961', 'GM0743']) {
        expect(sum(tv(gm, 2023, 'jaarrekening', REFINED), 'lasten'), gm).toBe(0);
        for (const ind of ['netto_jeugdhulp_jaarrekening', 'netto_jeugdhulp_per_inwoner_jaarrekening']) {
          expect(obs(ind, gm, 2023), `${ind} ${gm}`).toMatchObject({ value: null, flag: 'elders-geboekt' });
        }
      }
      const flagged = w.observations.filter((o) => o.indicator === 'netto_jeugdhulp_jaarrekening' && o.period === 2023 && o.flag === 'elders-geboekt').map((o) => o.geo_code).sort();
      expect(flagged).toEqual(['GM0743', 'GM1961']);
    });

    it('regional netto counts centrumgemeente payments once: the sum of its gemeenten\'s netto, well below the summed lasten', () => {
      const region = w.geography.membership.find((m) => m.gemeente_code === 'GM0758' && m.year === 2023)!.jeugdregio_code;
      const members = w.geography.membership.filter((m) => m.jeugdregio_code === region && m.year === 2023).map((m) => m.gemeente_code);
      const netto = obs('netto_jeugdhulp_jaarrekening', region, 2023)!;
      expect(netto.flag).toBe('som-gemeenten');
      const memberNetto = members.map((gm) => obs('netto_jeugdhulp_jaarrekening', gm, 2023)!.value!);
      expect(Math.abs(memberNetto.reduce((s, v) => s + v, 0) - netto.value!)).toBeLessThan(1);
      const gross = obs('kosten_jeugdhulp_jaarrekening', region, 2023)!.value!;
      // Breda's baten (€ 45 mln, paid by the other gemeenten of the region) are no longer counted twice.
      expect(gross - netto.value!).toBeGreaterThan(obs('baten_jeugdhulp_jaarrekening', 'GM0758', 2023)!.value!);
    });

    it('costs by form of care exist for all 342 gemeenten in 2023–2025, the three forms only in 2023–2024', () => {
      const count = (ind: string, year: number) => w.observations.filter((o) => o.indicator === ind && o.period === year && o.geo_code.startsWith('GM')).length;
      for (const soort of ['begroting', 'jaarrekening'] as const) {
        for (const year of soort === 'jaarrekening' ? [2023] : [2023, 2024, 2025]) {
          for (const f of ['jeugdhulp_met_verblijf', 'jeugdhulp_zonder_verblijf']) expect(count(`netto_${f}_${soort}`, year), `${f} ${soort} ${year}`).toBe(342);
          for (const f of ['pleegzorg', 'gezinsgericht', 'gesloten_plaatsing']) expect(count(`netto_${f}_${soort}`, year), `${f} ${soort} ${year}`).toBe(year <= 2024 ? 342 : 0);
        }
      }
    });
  });

  describe('where the money goes (Q11) and light versus heavy care (Q4/Q17)', () => {
    const fileRows = (name: RegExp) => {
      const file = find(DIR!, name)[0];
      return readIv3Totals({ path: file, rel: relative(DIR!, file), bytes: new Uint8Array(readFileSync(file)) });
    };
    const nederland = (rows: ReturnType<typeof fileRows>, codes: string[], k: 'lasten' | 'baten') =>
      Math.round(rows.filter((r) => r.gemeente === 'Nederland' && codes.includes(r.taakveld)).reduce((s, r) => s + r[k]!, 0));

    it('each new cost figure for Nederland is the file\'s own Nederland rows for its taakvelden, per year and verslagsoort', () => {
      const cases: [RegExp, number, 'jaarrekening' | 'begroting'][] = [
        [/^iv3_2023_jaarrekening\.csv$/, 2023, 'jaarrekening'], [/^iv3_2023_begroting\.csv$/, 2023, 'begroting'],
        [/^iv3_2024_begroting\.csv$/, 2024, 'begroting'], [/^iv3_2025_begroting\.csv$/, 2025, 'begroting'],
      ];
      for (const [name, year, soort] of cases) {
        const rows = fileRows(name);
        for (const [base, codes] of Object.entries(regimeFor(year)!)) {
          if (!['kosten_samenkracht', 'kosten_toegang', 'kosten_toegang_jeugd', 'kosten_begeleiding', 'kosten_behandeling', 'kosten_zonder_verblijf_overig', 'kosten_pgb_jeugd'].includes(base)) continue;
          const lasten = obs(`${base}_${soort}`, 'NL01', year)!.value!;
          const baten = obs(`${base.replace('kosten_', 'baten_')}_${soort}`, 'NL01', year)!.value!;
          // Rounded per gemeente in the file: allow € 1 000 per gemeente-row of rounding.
          expect(Math.abs(Math.round(lasten / 1000) - nederland(rows, codes, 'lasten')), `${base} ${soort} ${year}`).toBeLessThan(342);
          expect(Math.abs(Math.round(baten / 1000) - nederland(rows, codes, 'baten')), `${base} baten ${soort} ${year}`).toBeLessThan(342);
          expect(obs(`${base.replace('kosten_', 'netto_')}_${soort}`, 'NL01', year)!.value, `${base} netto ${year}`).toBeCloseTo(lasten - baten, 0);
        }
      }
    });

    it('begeleiding + behandeling + overig = jeugdhulp zonder verblijf, for every gemeente (2023 jaarrekening)', () => {
      const at = new Map(w.observations.filter((x) => x.period === 2023).map((x) => [`${x.indicator}|${x.geo_code}`, x.value]));
      for (const o of w.observations.filter((x) => x.indicator === 'kosten_jeugdhulp_zonder_verblijf_jaarrekening' && x.period === 2023 && x.geo_code.startsWith('GM'))) {
        const parts = ['kosten_begeleiding', 'kosten_behandeling', 'kosten_zonder_verblijf_overig'].map((b) => at.get(`${b}_jaarrekening|${o.geo_code}`) ?? 0);
        expect(Math.abs(parts.reduce((s, v) => s + v, 0) - o.value!), o.geo_code).toBeLessThan(1);
      }
    });

    it('splits exist only in their regime: begeleiding/behandeling 2023–2024, pgb and toegang jeugd from 2025; samenkracht and toegang every year', () => {
      const has = (ind: string, year: number) => obs(ind, 'NL01', year) !== undefined;
      expect(has('netto_begeleiding_begroting', 2024) && has('netto_behandeling_begroting', 2024)).toBe(true);
      expect(has('netto_begeleiding_begroting', 2025) || has('netto_behandeling_begroting', 2025)).toBe(false);
      expect(has('netto_pgb_jeugd_begroting', 2025) && has('netto_toegang_jeugd_begroting', 2025)).toBe(true);
      expect(has('netto_pgb_jeugd_begroting', 2024) || has('netto_toegang_jeugd_begroting', 2024)).toBe(false);
      for (const year of [2023, 2024, 2025]) expect(has('netto_samenkracht_begroting', year) && has('netto_toegang_begroting', year), `${year}`).toBe(true);
      // The 2025 toegang continues 6.2: it holds 6.22 jeugd and is larger than it.
      expect(obs('kosten_toegang_begroting', 'NL01', 2025)!.value!).toBeGreaterThan(obs('kosten_toegang_jeugd_begroting', 'NL01', 2025)!.value!);
    });

    it('the same netto rules: a gemeente that books its youth care elsewhere has no netto on the new taakvelden either', () => {
      const elsewhere = w.observations.filter((o) => o.indicator === 'netto_jeugdhulp_jaarrekening' && o.period === 2023 && o.flag === 'elders-geboekt').map((o) => o.geo_code);
      expect(elsewhere.length).toBeGreaterThan(0);
      for (const gm of elsewhere) expect(obs('netto_samenkracht_jaarrekening', gm, 2023), gm).toMatchObject({ value: null, flag: 'elders-geboekt' });
    });
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
