import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { observationsFromCbs } from '../../src/pipeline/cbs-map.ts';
import { populationGroups } from '../../src/pipeline/population.ts';
import { readCbsV4, statusFromDescription } from '../../src/pipeline/readers/cbs-v4.ts';
import type { CbsRecord, SourceFile } from '../../src/pipeline/readers/types.ts';
import { inputError, names2022 } from './readers/source.ts';

/**
 * 03759ned "Bevolking op 1 januari" has Leeftijd "Totaal" and single years of age, no 0–17 or 0–22 group
 * (see codes-Leeftijd.json of the real capture). The records below have that shape; the values are a
 * seeded sequence, so the expected sums are computed here, not typed.
 */
function table(region: string, ages: (number | null)[], extra: { total?: number; open?: number; groups?: Record<string, number> } = {}): CbsRecord[] {
  let line = 1;
  const rec = (leeftijd: { key: string; title: string }, value: number | null): CbsRecord => ({
    tableId: '03759ned',
    file: 'cbs_03759ned_2024.json',
    line: line++,
    region,
    period: { key: '2024JJ00', title: '2024' },
    status: 'definitief',
    measure: { key: 'M000352', title: 'Bevolking op 1 januari', unit: 'aantal' },
    dims: { Geslacht: { key: 'T001038', title: 'Totaal mannen en vrouwen' }, Leeftijd: leeftijd, BurgerlijkeStaat: { key: 'T001019', title: 'Totaal burgerlijke staat' } },
    value,
    column: 'Value',
    text: null,
  });
  const out = ages.map((v, a) => rec({ key: String(10010 + a * 100), title: `${a} jaar` }, v));
  if (extra.open !== undefined) out.push(rec({ key: '22300', title: `${ages.length} jaar of ouder` }, extra.open));
  if (extra.total !== undefined) out.push(rec({ key: '10000', title: 'Totaal' }, extra.total));
  for (const [title, v] of Object.entries(extra.groups ?? {})) out.push(rec({ key: `g-${title}`, title }, v));
  return out;
}
const seq = (n: number, seed = 7) => Array.from({ length: n }, (_, i) => 100 + ((i * 37 + seed) % 53));
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe('population 0–17 and 0–22 from single years of age', () => {
  it('sums ages 0–17 and 0–22 into the groups cbs-map maps to bevolking_0_17 and bevolking_0_22', async () => {
    const ages = seq(30);
    const recs = table('GM0307', ages, { total: sum(ages) + 40, open: 40 });
    const pop = populationGroups(recs);
    expect(pop.gaps).toEqual([]);
    const obs = observationsFromCbs([...recs, ...pop.records], await names2022(), (y) => y);
    const get = (ind: string) => obs.find((o) => o.indicator === ind && o.geo_code === 'GM0307' && o.period === 2024)?.value;
    expect(get('bevolking_0_17')).toBe(sum(ages.slice(0, 18)));
    expect(get('bevolking_0_22')).toBe(sum(ages.slice(0, 23)));
    expect(get('bevolking_totaal')).toBe(sum(ages) + 40);
  });

  it('a missing or suppressed year of age leaves the group out and says so; nothing is guessed', () => {
    const ages: (number | null)[] = seq(25);
    ages[20] = null;
    const pop = populationGroups(table('GM0307', ages));
    expect(pop.records.map((r) => r.dims.Leeftijd.title)).toEqual(['0 tot 18 jaar']);
    expect(pop.gaps).toEqual(['03759ned GM0307 2024JJ00: 0 tot 23 jaar not summed, no value for age 20']);
    // A region without any age (it did not exist that year) is not a gap worth reporting.
    expect(populationGroups(table('GM0457', Array(25).fill(null))).gaps).toEqual([]);
  });

  it('a table that has its own group keeps it: no second value beside it', () => {
    const pop = populationGroups(table('NL01', seq(25), { groups: { '0 tot 18 jaar': 999 } }));
    expect(pop.records.map((r) => r.dims.Leeftijd.title)).toEqual(['0 tot 23 jaar']);
  });

  it('single years that do not add up to the table\'s Totaal are an error at the Totaal row', async () => {
    const ages = seq(30);
    const recs = table('GM0307', ages, { total: sum(ages) + 41, open: 40 });
    const e = await inputError(() => populationGroups(recs));
    expect(e).toMatchObject({ file: 'cbs_03759ned_2024.json', line: 32, column: 'Value', expected: 'a total equal to the sum of the ages' });
    expect(e.message).toContain(`add up to ${sum(ages) + 40}`);
  });

  it('two tables with the same population figure must agree (70072ned and 03759ned)', async () => {
    const recs = table('GM0307', seq(3), { total: 1000 });
    const other: CbsRecord = { ...recs[3], tableId: '70072ned', file: 'cbs_70072ned_x.json', line: 9, measure: { key: 'M000352_3', title: 'Totale bevolking', unit: 'aantal' }, dims: {}, value: 1000 };
    const names = await names2022();
    expect(observationsFromCbs([...recs, other], names, (y) => y).filter((o) => o.indicator === 'bevolking_totaal')).toHaveLength(1);
    const e = await inputError(() => observationsFromCbs([...recs, { ...other, value: 1001 }], names, (y) => y));
    expect(e).toMatchObject({ file: 'cbs_70072ned_x.json', line: 9 });
    expect(e.message).toContain('is 1001 here and 1000 in cbs_03759ned_2024.json');
  });
});

describe('period status from the period description (70072ned leaves Status empty)', () => {
  const measure = { title: 'Totale bevolking', description: 'Bevolking op 1 januari.\r\n\r\nBevolking:\r\nDe inwoners van een bepaald gebied.' };
  it('a listed theme that names the measure makes it provisional; other themes do not', () => {
    const d2025 = 'Uitkomsten zijn voorlopig over:\r\nNabijheid voorzieningen\r\nBevolking - Bevolkingssamenstelling op 1 januari\r\n\r\nUitkomsten zijn nader voorlopig over:\r\nWonen - Voorraad woningen\r\n';
    expect(statusFromDescription({ title: '2025', description: d2025 }, measure)).toBe('voorlopig');
    const d2024 = 'Uitkomsten zijn voorlopig over:\r\nBedrijfsvestigingen\r\nInkomen en vermogen\r\n\r\nUitkomsten zijn nader voorlopig over:\r\nSociale zekerheid\r\nMilieu en bodemgebruik - Afval van huishoudens\r\n';
    expect(statusFromDescription({ title: '2024', description: d2024 }, measure)).toBe('definitief');
    expect(statusFromDescription({ title: '2024', description: 'Uitkomsten zijn nader voorlopig over:\r\n- bevolking;' }, measure)).toBe('nader voorlopig');
    expect(statusFromDescription({ title: '2026*' }, measure)).toBe('voorlopig');
  });
});

/** The real 03759ned capture (Leeftijd Totaal, 2019–2026, NL, provinces and gemeenten): read as the pipeline reads it. */
const CAPTURE = fileURLToPath(new URL('../../../shared/data/cbs-captures/v4-checkdecijfers-03759ned/', import.meta.url));
const HAVE = existsSync(join(CAPTURE, 'observations-page-1.json'));
const cap = (name: string, rel: string): SourceFile => ({ path: join(CAPTURE, name), rel, bytes: new Uint8Array(readFileSync(join(CAPTURE, name))) });

describe.skipIf(!HAVE)(`the real 03759ned capture${HAVE ? '' : ' (skipped: ../shared/data/cbs-captures is absent)'}`, () => {
  it('reads its Leeftijd codes, maps Totaal to bevolking_totaal and keeps "Impossible" cells null', async () => {
    const recs = await readCbsV4({
      tableId: '03759ned',
      observations: cap('observations-page-1.json', 'cbs_03759ned_obs.json'),
      measureCodes: cap('measure-codes.json', 'cbs_03759ned_measurecodes.json'),
      dimensionCodes: {
        leeftijd: cap('codes-Leeftijd.json', 'cbs_03759ned_leeftijdcodes.json'),
        perioden: cap('codes-Perioden.json', 'cbs_03759ned_periodencodes.json'),
        geslacht: cap('codes-Geslacht.json', 'cbs_03759ned_geslachtcodes.json'),
        burgerlijkestaat: cap('codes-BurgerlijkeStaat.json', 'cbs_03759ned_burgerlijkestaatcodes.json'),
      },
    });
    expect(recs).toHaveLength(13_568);
    expect(recs.filter((r) => r.value === null).length).toBe(8_165);
    expect(new Set(recs.map((r) => r.dims.Leeftijd.title))).toEqual(new Set(['Totaal']));
    // Only Totaal: nothing to sum, and no group is invented.
    expect(populationGroups(recs).records).toEqual([]);
    const obs = observationsFromCbs(recs, await names2022(), (y) => y);
    const nl = obs.filter((o) => o.indicator === 'bevolking_totaal' && o.geo_code === 'NL01');
    expect(nl.map((o) => o.period)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(nl.every((o) => o.value! > 17_000_000)).toBe(true);
  });
});
