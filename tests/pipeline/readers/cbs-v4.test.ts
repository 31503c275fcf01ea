import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isGeographyMeasure } from '../../../src/catalog/gebieden.ts';
import { readCbsV4, type V4Input } from '../../../src/pipeline/readers/cbs-v4.ts';
import type { CbsRecord } from '../../../src/pipeline/readers/types.ts';
import { fixture, inputError, variant } from './source.ts';

/** CBS OData v4 Observations (datasets.cbs.nl): 70072ned Regionale kerncijfers and Gebieden in Nederland. */
const obsCsv = fixture('cbs-v4/cbs_70072ned_bevolking.csv');
const obsJson = fixture('cbs-v4/cbs_70072ned_bevolking.json');
const measureCodes = fixture('cbs-v4/cbs_70072ned_measurecodes.csv');
const periodCodes = fixture('cbs-v4/cbs_70072ned_periodencodes.csv');
const bevolking = (o: Partial<V4Input> = {}) =>
  readCbsV4({ tableId: '70072ned', observations: obsCsv, measureCodes, dimensionCodes: { perioden: periodCodes }, ...o });
const pick = (rs: CbsRecord[], region: string, period: string, measure = 'M000352_3') =>
  rs.filter((r) => r.region === region && r.period.key === period && r.measure.key === measure);

describe('cbs-v4 reader: 70072ned observations', () => {
  it('reads every row with its CSV line, measure title, unit and the Value column', async () => {
    const rs = await bevolking();
    expect(rs).toHaveLength(8);
    expect(rs[0]).toMatchObject({
      tableId: '70072ned',
      file: 'cbs-v4/cbs_70072ned_bevolking.csv',
      line: 2,
      region: 'GM0361',
      period: { key: '2022JJ00', title: '2022' },
      measure: { key: 'M000352_3', title: 'Totale bevolking', unit: 'aantal' },
      value: 110800,
      column: 'Value',
      text: null,
    });
    // The measure's description spans several lines inside quotes in MeasureCodes: read whole.
    expect(rs[0].measure.description).toBe('Bevolking op 1 januari.\r\n\r\nBevolking:\r\nDe inwoners van een bepaald gebied.');
    expect(pick(rs, 'NL01', '2022JJ00')[0].value).toBe(17590700);
    expect(pick(rs, 'GM0361', '2022JJ00', '40000_1')[0]).toMatchObject({ value: 5480, measure: { title: 'Jonger dan 5 jaar' }, line: 5 });
    expect(rs.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('takes the status from PeriodenCodes.Status: 2023* voorlopig; 2022 definitief although its description says "nader voorlopig"', async () => {
    const rs = await bevolking();
    expect(pick(rs, 'GM0361', '2023JJ00')[0]).toMatchObject({ value: 111900, period: { title: '2023*' }, status: 'voorlopig' });
    expect(pick(rs, 'GM0361', '2022JJ00')[0].status).toBe('definitief');
  });

  it('a ValueAttribute other than None means no value: null, never 0, even when Value holds 0.0', async () => {
    const rs = await bevolking();
    expect(pick(rs, 'GM0361', '2026JJ00')[0].value).toBeNull();
    const gm1900 = pick(rs, 'GM1900', '2026JJ00')[0];
    expect(gm1900.value).toBeNull();
    expect(gm1900.value).not.toBe(0);
  });

  it('the JSON copy (API body) gives the same cells, with row numbers instead of lines', async () => {
    const csv = await bevolking();
    const json = await bevolking({ observations: obsJson });
    expect(json.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const strip = (r: CbsRecord) => ({ ...r, file: '', line: 0 });
    expect(json.map(strip)).toEqual(csv.map(strip));
  });

  describe('the Parquet copy (all columns VARCHAR, like the real files)', () => {
    let dir: string;
    let parquet: { path: string; rel: string; bytes: Uint8Array };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'jib-v4-'));
      const path = join(dir, 'cbs_70072ned_bevolking.parquet');
      const con = await (await DuckDBInstance.create(':memory:')).connect();
      await con.run(`COPY (SELECT * FROM read_csv('${obsCsv.path}', all_varchar = true, header = true)) TO '${path}' (FORMAT parquet)`);
      parquet = { path, rel: 'cbs-v4/cbs_70072ned_bevolking.parquet', bytes: new Uint8Array(readFileSync(path)) };
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('gives the same cells as the CSV, with 1-based row numbers', async () => {
      const csv = await bevolking();
      const pq = await bevolking({ observations: parquet });
      expect(pq.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      const strip = (r: CbsRecord) => ({ ...r, file: '', line: 0 });
      expect(pq.map(strip)).toEqual(csv.map(strip));
    });

    it('reads only the measures asked for, and keeps the row numbers of the file', async () => {
      const pq = await bevolking({ observations: parquet, keepMeasure: (m) => m.title === 'Jonger dan 5 jaar' });
      expect(pq).toHaveLength(1);
      expect(pq[0]).toMatchObject({ line: 4, region: 'GM0361', value: 5480 });
    });

    it('a Parquet file cut short is refused before DuckDB reads it', async () => {
      const cut = { ...parquet, bytes: parquet.bytes.subarray(0, parquet.bytes.length - 10) };
      const cutPath = join(dir, 'cut.parquet');
      writeFileSync(cutPath, cut.bytes);
      const e = await inputError(() => bevolking({ observations: { ...cut, path: cutPath } }));
      expect(e).toMatchObject({ file: 'cbs-v4/cbs_70072ned_bevolking.parquet', line: undefined, expected: 'a complete Parquet file' });
      expect(e.message).toContain('truncated or not Parquet (no PAR1 footer)');
    });
  });

  it('an unknown measure code is an error naming line, column and the MeasureCodes file', async () => {
    const e = await inputError(() => bevolking({ observations: variant(obsCsv, (t) => t.replace('664573,40000_1', '664573,M999999_1')) }));
    expect(e).toMatchObject({ file: 'cbs-v4/cbs_70072ned_bevolking.csv', line: 5, column: 'Measure', expected: 'one of the 2 codes in cbs-v4/cbs_70072ned_measurecodes.csv' });
  });

  it('... unless the table is read with skipUnknownMeasures (the yearly Gebieden tables)', async () => {
    const rs = await bevolking({ observations: variant(obsCsv, (t) => t.replace('664573,40000_1', '664573,M999999_1')), skipUnknownMeasures: true });
    expect(rs).toHaveLength(7);
    expect(rs.some((r) => r.measure.key === 'M999999_1')).toBe(false);
  });

  it('a period that PeriodenCodes does not list is an error; without a code list the key is its own title', async () => {
    const e = await inputError(() => bevolking({ dimensionCodes: { perioden: variant(periodCodes, (t) => t.replace(/\n2023JJ00[^\n]*/, '')) } }));
    expect(e).toMatchObject({ line: 4, column: 'Perioden', expected: 'a period listed in cbs-v4/cbs_70072ned_periodencodes.csv' });
    expect(e.message).toContain('unknown period code "2023JJ00"');
    const rs = await bevolking({ dimensionCodes: {} });
    expect(pick(rs, 'GM0361', '2023JJ00')[0]).toMatchObject({ period: { key: '2023JJ00', title: '2023JJ00' }, status: 'definitief' });
  });

  it('a Value that is not a number is an error at its line and column', async () => {
    const e = await inputError(() => bevolking({ observations: variant(obsCsv, (t) => t.replace('90300.0', 'ca. 90300')) }));
    expect(e).toMatchObject({ line: 3, column: 'Value', expected: 'a number such as 1234.0, or an empty cell' });
  });

  it('a file with a header and no observations is an error at line 2', async () => {
    const e = await inputError(() => bevolking({ observations: variant(obsCsv, (t) => t.split('\n')[0] + '\n') }));
    expect(e).toMatchObject({ line: 2, expected: 'at least one observation row' });
  });

  it('a code listed twice in MeasureCodes is an error', async () => {
    const e = await inputError(() => bevolking({ measureCodes: variant(measureCodes, (t) => `${t}40000_1,11,Jonger dan 5 jaar,,10000_2,Double,aantal,0,Absolute\n`) }));
    // Line 7: the description of M000352_3 spans lines 2–5.
    expect(e).toMatchObject({ file: 'cbs-v4/cbs_70072ned_measurecodes.csv', line: 7, column: 'Identifier', expected: 'each code once' });
  });
});

describe('cbs-v4 reader: Gebieden in Nederland (text observations, no Perioden column)', () => {
  const gebieden = (o: Partial<V4Input> = {}) =>
    readCbsV4({
      tableId: '85067NED',
      observations: fixture('cbs-v4/cbs_gebieden_2022.csv'),
      measureCodes: fixture('cbs-v4/cbs_gebieden_measurecodes.json'),
      dimensionCodes: {},
      period: '2022JJ00',
      skipUnknownMeasures: true,
      ...o,
    });

  it('trims the right-padded StringValue and takes the period from the file name', async () => {
    const rs = await gebieden();
    expect(rs).toHaveLength(10);
    const text = (region: string, measure: string) => rs.find((r) => r.region === region && r.measure.key === measure)?.text;
    expect(text('GM0361', 'GM000C_1')).toBe('Alkmaar');
    expect(text('GM0361', 'JZ0001')).toBe('JZ06');
    expect(text('GM1900', 'GM000C_1')).toBe('Súdwest-Fryslân');
    expect(text('GM1900', 'JZ0002')).toBe('Friesland (Fryslân)');
    expect(rs.every((r) => r.period.key === '2022JJ00')).toBe(true);
    const inw = rs.find((r) => r.measure.key === 'T001036_2')!;
    expect(inw).toMatchObject({ region: 'GM0361', value: 110800, text: null, measure: { title: 'Inwonertal' } });
    // Text rows have no number.
    expect(rs.filter((r) => r.measure.key === 'GM000C_1').every((r) => r.value === null)).toBe(true);
  });

  it('with keepMeasure reads only the geography measures (name, jeugdregio code and name)', async () => {
    const rs = await gebieden({ keepMeasure: isGeographyMeasure });
    expect([...new Set(rs.map((r) => r.measure.key))].sort()).toEqual(['GM000C_1', 'JZ0001', 'JZ0002']);
    expect(rs).toHaveLength(9);
  });

  it('without a Perioden column and without a year in the file name, it is an error', async () => {
    const e = await inputError(() => gebieden({ period: undefined }));
    expect(e).toMatchObject({ file: 'cbs-v4/cbs_gebieden_2022.csv', column: 'Perioden' });
  });
});
