import { describe, expect, it } from 'vitest';
import { observationsFromCbs } from '../../../src/pipeline/cbs-map.ts';
import { readStatlineCsv } from '../../../src/pipeline/readers/statline-csv.ts';
import { fixture, inputError, names2022, textFile, variant } from './source.ts';

/**
 * StatLine CSV export: ";"-separated, quoted, labels instead of codes, decimal comma with "." as thousands
 * separator, "." for missing, a UTF-8 BOM (or Latin-1 in older exports).
 */
const EXPORT = 'statline/83454NED_export.csv';
const read = (f = fixture(EXPORT)) => readStatlineCsv('83454NED', f);

describe('statline-csv reader', () => {
  it('reads labels, topics with their unit, decimal comma and thousands dots', async () => {
    const rs = read();
    expect(rs).toHaveLength(10);
    expect(rs[0]).toMatchObject({
      tableId: '83454NED',
      file: EXPORT,
      line: 2,
      region: 'Alkmaar',
      period: { key: '2020', title: '2020' },
      status: 'definitief',
      measure: { key: 'Begrote kosten (x 1 000 euro)', title: 'Begrote kosten', unit: 'x 1 000 euro' },
      value: 24310,
      column: 'Begrote kosten (x 1 000 euro)',
    });
    expect(rs[1]).toMatchObject({ measure: { title: 'Gerealiseerde kosten' }, value: 25102.4 });
    // The BOM is not part of the first header: the dimension is "Vormen van jeugdzorg".
    expect(rs[0].dims).toEqual({ 'Vormen van jeugdzorg': { key: 'JZ Totaal jeugdzorg', title: 'JZ Totaal jeugdzorg' } });
    const nl = rs.filter((r) => r.region === 'Nederland');
    expect(nl.map((r) => r.value)).toEqual([5612345.6, 5801210]);
    expect(rs.filter((r) => r.line === 6).map((r) => [r.dims['Vormen van jeugdzorg'].key, r.value])).toEqual([
      ['JH 1 Totaal jeugdhulp', 20104],
      ['JH 1 Totaal jeugdhulp', null],
    ]);
  });

  it('"." and a right-aligned "         ." are missing: null, never 0', () => {
    const rs = read();
    const missing = rs.filter((r) => r.value === null);
    expect(missing.map((r) => [r.line, r.region])).toEqual([
      [3, 'Alkmaar'],
      [4, 'Alkmaar (Noord-Kennemerland) (JZ)'],
      [6, 'Alkmaar'],
    ]);
  });

  it('"2021*" is voorlopig and "2021**" nader voorlopig', () => {
    expect(read().filter((r) => r.period.key === '2021*').every((r) => r.status === 'voorlopig')).toBe(true);
    const rs = read(variant(fixture(EXPORT), (t) => t.replaceAll('"2021*"', '"2021**"')));
    expect(rs.filter((r) => r.line > 2).every((r) => r.status === 'nader voorlopig')).toBe(true);
  });

  it('mapped to observations: names resolved to codes, × 1 000 euro to euros, missing stays null', async () => {
    const obs = observationsFromCbs(read(), await names2022(), (y) => y);
    const get = (ind: string, geo: string, year: number) => obs.find((o) => o.indicator === ind && o.geo_code === geo && o.period === year);
    expect(get('kosten_jeugdzorg_cbs_begroting', 'GM0361', 2020)?.value).toBe(24_310_000);
    expect(get('kosten_jeugdzorg_cbs_realisatie', 'GM0361', 2020)?.value).toBe(25_102_400);
    expect(get('kosten_jeugdzorg_cbs_begroting', 'JZ06', 2021)).toMatchObject({ value: 61_820_000, status: 'voorlopig' });
    expect(get('kosten_jeugdzorg_cbs_begroting', 'NL01', 2021)?.value).toBe(5_612_345_600);
    expect(get('kosten_jeugdzorg_cbs_realisatie', 'GM0361', 2021)?.value).toBeNull();
    // "JH 1 Totaal jeugdhulp" is not the total of youth care: not mapped.
    expect(obs).toHaveLength(8);
  });

  describe('encodings that are valid but unusual are read, not rejected', () => {
    const latin1 = fixture('encodings/85099NED_latin1.csv');
    const bom = fixture('encodings/85099NED_utf8bom.csv');

    it('the fixtures really are Latin-1 and UTF-8 with BOM', () => {
      expect([...latin1.bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
      expect(latin1.bytes.includes(0xfa)).toBe(true); // ú in Latin-1
      expect(latin1.bytes.includes(0xc3)).toBe(false); // no UTF-8 lead byte
      expect([...bom.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    });

    it('both give "Súdwest-Fryslân", 2 290 jongeren, voorlopig, and the same records', () => {
      const a = readStatlineCsv('85099NED', latin1);
      const b = readStatlineCsv('85099NED', bom);
      expect(a).toHaveLength(1);
      expect(a[0]).toMatchObject({
        region: 'Súdwest-Fryslân',
        period: { key: '2022*' },
        status: 'voorlopig',
        measure: { title: 'Jongeren met jeugdzorg', unit: 'aantal' },
        dims: { 'Vormen van jeugdzorg': { key: 'JZ Totaal jeugdzorg' } },
        value: 2290,
      });
      expect(b.map((r) => ({ ...r, file: '' }))).toEqual(a.map((r) => ({ ...r, file: '' })));
    });
  });

  it('an export with another separator is an error at line 1 that says so', async () => {
    const f = variant(fixture(EXPORT), (t) => t.replaceAll('";"', '","'));
    expect(await inputError(() => read(f))).toMatchObject({ file: EXPORT, line: 1, expected: 'semicolon-separated columns "Perioden"' });
  });

  it('an export without a region column or without topic columns is an error', async () => {
    const noRegion = variant(fixture(EXPORT), (t) => t.replace('"Regio\'s"', '"Gebied"'));
    expect(await inputError(() => read(noRegion))).toMatchObject({ line: 1, column: "Regio's" });
    const noUnit = textFile('x/83454NED.csv', '"Regio\'s";"Perioden";"Begrote kosten"\n"Alkmaar";"2020";"1,0"\n');
    expect((await inputError(() => read(noUnit))).message).toContain('no topic column');
  });

  it('a value that is not a number is an error at its line and column', async () => {
    const f = variant(fixture(EXPORT), (t) => t.replace('"20.104,0"', '"20 104"'));
    expect(await inputError(() => read(f))).toMatchObject({ line: 6, column: 'Begrote kosten (x 1 000 euro)', expected: "a number with decimal comma, or '.' for missing" });
  });
});
