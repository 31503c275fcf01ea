import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { observationsFromCbs } from '../../../src/pipeline/cbs-map.ts';
import { duck, sqlString } from '../../../src/pipeline/duckdb.ts';
import { readCbsV3, type V3Input } from '../../../src/pipeline/readers/cbs-v3.ts';
import type { SourceFile } from '../../../src/pipeline/readers/types.ts';
import { fixture, inputError, names2022, variant } from './source.ts';

/**
 * Kerncijfers wijken en buurten (KWB) in the v3 layout fetch writes: a GeoDetail region column
 * (WijkenEnBuurten), TopicGroup rows with an empty Key, String topics (names), titles with a trailing
 * space and no Perioden (the year is TableInfos' Period). The fixture has the real shape of 85039NED with
 * made-up values, except Baarn's 10.8 % (CBS's published figure for 2021).
 */
const T = 'cbs-v3/kwb-85039NED';
const base = (): V3Input => ({
  tableId: '85039NED',
  dataProperties: fixture(`${T}/DataProperties.json`),
  typedDataSet: fixture(`${T}/TypedDataSet.json`),
  dimensions: { WijkenEnBuurten: fixture(`${T}/WijkenEnBuurten.json`) },
  tableInfos: fixture(`${T}/TableInfos.json`),
});

describe('cbs-v3 reader: Kerncijfers wijken en buurten', () => {
  it('reads the GeoDetail region, skips TopicGroups, keeps names as text and takes the year from TableInfos', async () => {
    const rs = await readCbsV3(base());
    expect(rs).toHaveLength(4 * 5);
    const baarn = rs.filter((r) => r.region === 'GM0308');
    expect(baarn.map((r) => r.measure.key)).toEqual(['Gemeentenaam_1', 'SoortRegio_2', 'AantalInwoners_5', 'JongerenMetJeugdzorgInNatura_87', 'PercentageJongerenMetJeugdzorg_88']);
    expect(baarn[0]).toMatchObject({ value: null, text: 'Baarn', period: { key: '2021JJ00', title: '2021' }, status: 'definitief' });
    expect(baarn[4]).toMatchObject({ value: 10.8, text: null, measure: { title: 'Percentage jongeren met jeugdzorg', unit: '%' } });
  });

  it('maps to KWB indicators of their own, per gemeente only; wijken are left out and empty cells stay null', async () => {
    const obs = observationsFromCbs(await readCbsV3(base()), await names2022(), (y) => y);
    const get = (ind: string, geo: string) => obs.find((o) => o.indicator === ind && o.geo_code === geo);
    expect(get('kwb_aandeel_jongeren_jeugdzorg', 'GM0308')).toMatchObject({ period: 2021, value: 10.8, source: '85039NED', source_file: `${T}/TypedDataSet.json` });
    expect(get('kwb_jongeren_jeugdzorg', 'GM0307')?.value).toBe(5100);
    expect(get('kwb_jongeren_jeugdzorg', 'GM0313')?.value).toBeNull();
    expect(obs.some((o) => o.geo_code.startsWith('WK'))).toBe(false);
    // Never merged with the Beleidsinformatie Jeugd series.
    expect(obs.some((o) => o.indicator === 'jongeren_jeugdzorg')).toBe(false);
    expect(new Set(obs.map((o) => o.indicator))).toEqual(new Set(['kwb_jongeren_jeugdzorg', 'kwb_aandeel_jongeren_jeugdzorg']));
  });

  it('without TableInfos a table without Perioden has no year, which mapping refuses at the row', async () => {
    const { tableInfos: _, ...noInfos } = base();
    const e = await inputError(async () => observationsFromCbs(await readCbsV3(noInfos), await names2022(), (y) => y));
    expect(e).toMatchObject({ file: `${T}/TypedDataSet.json`, line: 1, column: 'Perioden' });
  });

  it('a TableInfos Period that is not a year, or a property of an unknown Type, is an error naming the file', async () => {
    const infos = variant(base().tableInfos!, (t) => t.replace('"Period": "2021"', '"Period": "2021-2022"'));
    expect(await inputError(() => readCbsV3({ ...base(), tableInfos: infos }))).toMatchObject({ file: `${T}/TableInfos.json`, line: 1, column: 'Period' });
    const props = variant(base().dataProperties, (t) => t.replace('"Type": "TopicGroup", "Key": "", "Title": "Bevolking"', '"Type": "Topicgroep", "Key": "", "Title": "Bevolking"'));
    expect(await inputError(() => readCbsV3({ ...base(), dataProperties: props }))).toMatchObject({ file: `${T}/DataProperties.json`, line: 5, column: 'Type' });
    const noKey = variant(base().dataProperties, (t) => t.replace('"Key": "AantalInwoners_5"', '"Key": ""'));
    expect(await inputError(() => readCbsV3({ ...base(), dataProperties: noKey }))).toMatchObject({ line: 6, column: 'Key', expected: 'every dimension and topic with a Key' });
  });
});

/**
 * The real 84799NED (KWB 2020) as CBS served it, stored as Parquet by statline-bq: 40 TopicGroup rows with Key "",
 * a GeoDetail column, 116 topics over 17 341 gemeenten, wijken and buurten. Read from ../shared, never copied: the
 * test narrows it to the columns fetch selects, as fetch's $select would.
 */
const CAPTURE = fileURLToPath(new URL('../../../../shared/data/cbs-captures/v3-statline-bq/84799NED/', import.meta.url));
const HAVE_CAPTURE = existsSync(join(CAPTURE, 'cbs.v3.84799NED_DataProperties.parquet'));

describe.skipIf(!HAVE_CAPTURE)(`cbs-v3 reader on the real 84799NED capture${HAVE_CAPTURE ? '' : ' (skipped: ../shared/data/cbs-captures is absent)'}`, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'jib-kwb-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const file = (name: string): SourceFile => {
    const path = join(tmp, name);
    return { path, rel: `84799NED/${name}`, bytes: new Uint8Array(readFileSync(path)) };
  };

  it('TopicGroups with an empty Key, the GeoDetail column and trailing-space titles read as they are', async () => {
    const con = await duck();
    const src = (t: string) => sqlString(join(CAPTURE, `cbs.v3.84799NED_${t}.parquet`));
    const keys = `('WijkenEnBuurten', 'Gemeentenaam_1', 'SoortRegio_2', 'AantalInwoners_5', 'JongerenMetJeugdzorgInNatura_87', 'PercentageJongerenMetJeugdzorg_88')`;
    await con.run(`COPY (SELECT * FROM read_parquet(${src('DataProperties')}) WHERE Type = 'TopicGroup' OR Key IN ${keys}) TO ${sqlString(join(tmp, 'DataProperties.parquet'))} (FORMAT parquet)`);
    await con.run(`COPY (SELECT ID, WijkenEnBuurten, Gemeentenaam_1, SoortRegio_2, AantalInwoners_5, JongerenMetJeugdzorgInNatura_87, PercentageJongerenMetJeugdzorg_88 FROM read_parquet(${src('TypedDataSet')}) WHERE WijkenEnBuurten LIKE 'GM%') TO ${sqlString(join(tmp, 'TypedDataSet.parquet'))} (FORMAT parquet)`);
    await con.run(`COPY (SELECT * FROM read_parquet(${src('WijkenEnBuurten')}) WHERE Key LIKE 'GM%') TO ${sqlString(join(tmp, 'WijkenEnBuurten.parquet'))} (FORMAT parquet)`);
    const groups = await con.runAndReadAll(`SELECT count(*) FROM read_parquet(${sqlString(join(tmp, 'DataProperties.parquet'))}) WHERE Type = 'TopicGroup' AND Key = ''`);
    expect(Number(groups.getRows()[0][0])).toBe(40);

    const rs = await readCbsV3({ tableId: '84799NED', dataProperties: file('DataProperties.parquet'), typedDataSet: file('TypedDataSet.parquet'), dimensions: { WijkenEnBuurten: file('WijkenEnBuurten.parquet') } });
    const gemeenten = new Set(rs.map((r) => r.region));
    expect(gemeenten.size).toBe(355); // the indeling of 2020
    expect([...gemeenten].every((g) => /^GM\d{4}$/.test(g))).toBe(true);
    const names = rs.filter((r) => r.measure.key === 'Gemeentenaam_1');
    expect(names.every((r) => r.text && r.text === r.text.trim())).toBe(true);
    const pct = rs.filter((r) => r.measure.key === 'PercentageJongerenMetJeugdzorg_88');
    expect(pct[0].measure.title).toBe('Percentage jongeren met jeugdzorg');
    // The 2020 release left the youth-care columns empty: null, never 0.
    expect(pct.every((r) => r.value === null)).toBe(true);
  });
});
