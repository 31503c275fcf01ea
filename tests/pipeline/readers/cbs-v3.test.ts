import { describe, expect, it } from 'vitest';
import { indicatorOf, observationsFromCbs } from '../../../src/pipeline/cbs-map.ts';
import { readCbsV3, type V3Input } from '../../../src/pipeline/readers/cbs-v3.ts';
import type { CbsRecord } from '../../../src/pipeline/readers/types.ts';
import { fixture, inputError, names2022, variant } from './source.ts';

/** CBS OData v3 TypedDataSet with DataProperties and one code list per dimension (84134NED Kerncijfers jeugdzorg). */
const T = 'cbs-v3/84134NED';
const base = (): V3Input => ({
  tableId: '84134NED',
  dataProperties: fixture(`${T}/DataProperties.json`),
  typedDataSet: fixture(`${T}/TypedDataSet.json`),
  dimensions: {
    RegioS: fixture(`${T}/RegioS.json`),
    Perioden: fixture(`${T}/Perioden.json`),
    VormenVanJeugdzorg: fixture(`${T}/VormenVanJeugdzorg.json`),
  },
});
const read = (o: Partial<V3Input> = {}) => readCbsV3({ ...base(), ...o });
const cell = (rs: CbsRecord[], vorm: string, region: string, period: string, topic = 'Jongeren met jeugdzorg') =>
  rs.filter((r) => r.dims.VormenVanJeugdzorg.key === vorm && r.region === region && r.period.key === period && r.measure.title === topic);

describe('cbs-v3 reader', () => {
  it('gives one record per row and topic, with trimmed keys and titles from the code lists', async () => {
    const rs = await read();
    expect(rs).toHaveLength(18);
    expect(rs[0]).toMatchObject({
      tableId: '84134NED',
      file: `${T}/TypedDataSet.json`,
      line: 1,
      region: 'GM0361',
      period: { key: '2018JJ00', title: '2018' },
      status: 'definitief',
      measure: { key: 'JongerenMetJeugdzorg_1', title: 'Jongeren met jeugdzorg', unit: 'aantal' },
      dims: { VormenVanJeugdzorg: { key: 'A045561', title: 'JZ Totaal jeugdzorg' } },
      value: 2655,
      column: 'JongerenMetJeugdzorg_1',
    });
    expect(rs[1]).toMatchObject({ measure: { key: 'JongerenMetJeugdzorgRelatief_2', unit: '% van leeftijdsklasse' }, value: 10.1, column: 'JongerenMetJeugdzorgRelatief_2' });
    // "GM0361    " and "NL01      " in the file: no padding survives.
    expect([...new Set(rs.map((r) => r.region))].sort()).toEqual(['GM0361', 'JZ06', 'NL01', 'PV27']);
    expect(cell(rs, 'A045561', 'NL01', '2019JJ00')[0].value).toBe(443125);
    expect(cell(rs, 'A027918', 'GM0361', '2019JJ00')[0]).toMatchObject({ value: 195, dims: { VormenVanJeugdzorg: { title: 'JH 3 Jeugdhulp met verblijf' } } });
  });

  it('takes voorlopig from Perioden.Status ("2019*"); half-years stay in the reader with their title', async () => {
    const rs = await read();
    expect(cell(rs, 'A045561', 'GM0361', '2019JJ00')[0]).toMatchObject({ value: 2740, period: { title: '2019*' }, status: 'voorlopig' });
    expect(cell(rs, 'A045561', 'GM0361', '2019HJ01')[0]).toMatchObject({ value: 2105, period: { title: '1e halfjaar 2019*' }, status: 'voorlopig' });
  });

  it('"**" and "Nader voorlopig" mean nader voorlopig, also without a Status field', async () => {
    const perioden = base().dimensions.Perioden;
    const withStatus = await read({ dimensions: { ...base().dimensions, Perioden: variant(perioden, (t) => t.replace('"2019*"', '"2019**"').replace('"Voorlopig"', '"Nader voorlopig"')) } });
    expect(cell(withStatus, 'A045561', 'GM0361', '2019JJ00')[0].status).toBe('nader voorlopig');
    const noStatus = variant(perioden, (t) => t.replace('"2019*"', '"2019**"').replace(/,\s*"Status": "[^"]*"/g, ''));
    const rs = await read({ dimensions: { ...base().dimensions, Perioden: noStatus } });
    expect(cell(rs, 'A045561', 'GM0361', '2019JJ00')[0].status).toBe('nader voorlopig');
    expect(cell(rs, 'A045561', 'GM0361', '2019HJ01')[0].status).toBe('voorlopig');
    expect(cell(rs, 'A045561', 'GM0361', '2018JJ00')[0].status).toBe('definitief');
  });

  it('null stays null (suppressed cells), never 0', async () => {
    const rs = await read();
    const pleegzorg = rs.filter((r) => r.dims.VormenVanJeugdzorg.key === 'A041629');
    expect(pleegzorg).toHaveLength(2);
    expect(pleegzorg.map((r) => r.value)).toEqual([null, null]);
    expect(cell(rs, 'A045561', 'GM0361', '2019HJ01', 'Jongeren met jeugdzorg relatief')[0].value).toBeNull();
  });

  it('the CSV copy ("." and right-aligned "         ." for missing) gives the same cells, with CSV lines', async () => {
    const json = await read();
    const csv = await read({ typedDataSet: fixture(`${T}/TypedDataSet.csv`) });
    expect(csv.filter((_, i) => i % 2 === 0).map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const strip = (r: CbsRecord) => ({ ...r, file: '', line: 0 });
    expect(csv.map(strip)).toEqual(json.map(strip));
  });

  it('matches topics on Title, not Key: a new key suffix changes nothing downstream', async () => {
    const rekey = (t: string) => t.replaceAll('JongerenMetJeugdzorg_1', 'JongerenMetJeugdzorg_7').replaceAll('JongerenMetJeugdzorgRelatief_2', 'JongerenMetJeugdzorgRelatief_9');
    const before = await read();
    const after = await read({ dataProperties: variant(base().dataProperties, rekey), typedDataSet: variant(base().typedDataSet, rekey) });
    expect(after.map((r) => r.measure.key)).toContain('JongerenMetJeugdzorg_7');
    expect(after.map((r) => [r.measure.title, r.value])).toEqual(before.map((r) => [r.measure.title, r.value]));
    expect(after.map(indicatorOf)).toEqual(before.map(indicatorOf));
    expect(indicatorOf(cell(after, 'A045561', 'GM0361', '2019JJ00')[0])).toBe('jongeren_jeugdzorg');
    expect(indicatorOf(cell(after, 'A041629', 'GM0361', '2019JJ00')[0])).toBe('jongeren_verblijf_pleegzorg');
    expect(indicatorOf(cell(after, 'A045561', 'GM0361', '2019JJ00', 'Jongeren met jeugdzorg relatief')[0])).toBeUndefined();
  });

  it('mapped to observations: years, and half-years as their own series; no provinces, status and nulls kept', async () => {
    const obs = observationsFromCbs(await read(), await names2022(), (y) => y);
    const find = (ind: string, geo: string, year: number) => obs.filter((o) => o.indicator === ind && o.geo_code === geo && o.period === year);
    expect(find('jongeren_jeugdzorg', 'GM0361', 2019)).toEqual([
      expect.objectContaining({ value: 2740, status: 'voorlopig', source: '84134NED', source_file: `${T}/TypedDataSet.json` }),
    ]);
    expect(find('jongeren_jeugdzorg', 'GM0361', 2018)[0]).toMatchObject({ value: 2655, status: 'definitief' });
    expect(find('jongeren_verblijf_pleegzorg', 'GM0361', 2019)[0].value).toBeNull();
    expect(obs.some((o) => o.geo_code === 'PV27')).toBe(false);
    expect(obs.filter((o) => o.indicator === 'jongeren_jeugdzorg' && o.geo_code === 'GM0361')).toHaveLength(2);
    // "1e halfjaar 2019*" is first half-year 2019, never added to (or mistaken for) the year.
    expect(find('jongeren_jeugdzorg_h1', 'GM0361', 2019)).toEqual([expect.objectContaining({ value: 2105, status: 'voorlopig' })]);
  });

  it('a key that is not in its code list is an error at the row and column', async () => {
    const e = await inputError(() => read({ typedDataSet: variant(base().typedDataSet, (t) => t.replace('"JZ06      "', '"JZ07      "')) }));
    expect(e).toMatchObject({ file: `${T}/TypedDataSet.json`, line: 7, column: 'RegioS', expected: 'a key listed in RegioS.json' });
    const c = await inputError(() => read({ typedDataSet: variant(fixture(`${T}/TypedDataSet.csv`), (t) => t.replace('2019HJ01', '2019HJ02')) }));
    expect(c).toMatchObject({ file: `${T}/TypedDataSet.csv`, line: 4, column: 'Perioden', expected: 'a key listed in Perioden.json' });
  });

  it('a topic value that is not a number is an error at its line and column', async () => {
    const e = await inputError(() => read({ typedDataSet: variant(fixture(`${T}/TypedDataSet.csv`), (t) => t.replace(',195,', ',195 (afgerond),')) }));
    expect(e).toMatchObject({ line: 6, column: 'JongerenMetJeugdzorg_1' });
    expect(e.message).toContain('"195 (afgerond)" is not a number');
  });

  it('without a topic, a code list or rows, it is an error naming the file', async () => {
    const noTopic = variant(base().dataProperties, (t) => t.replaceAll('"Type": "Topic"', '"Type": "TopicGroup"'));
    expect(await inputError(() => read({ dataProperties: noTopic }))).toMatchObject({ file: `${T}/DataProperties.json`, expected: 'at least one topic' });
    const { Perioden: _, ...noPerioden } = base().dimensions;
    expect(await inputError(() => read({ dimensions: noPerioden }))).toMatchObject({ column: 'Perioden', expected: 'a file Perioden.json beside DataProperties.json' });
    const empty = variant(base().typedDataSet, (t) => t.replace(/"value": \[[\s\S]*\]/, '"value": []'));
    expect(await inputError(() => read({ typedDataSet: empty }))).toMatchObject({ file: `${T}/TypedDataSet.json`, line: undefined, expected: 'at least one row of data' });
  });
});
