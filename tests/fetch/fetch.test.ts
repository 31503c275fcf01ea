import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { selectTargets, UsageError } from '../../src/fetch/run.ts';
import { SOURCES } from '../../src/fetch/sources.ts';
import { writeTarget, type Manifest } from '../../src/fetch/writer.ts';
import { applyFilter, startFakeCbs, type FakeCbs } from './helpers/fake-cbs.ts';
import { fetchWorld, json, ROOT, snapshot } from './helpers/run.ts';
import { ageCode, WORLD_SOURCES, world } from './helpers/world.ts';

/**
 * `npm run fetch` end to end against the replay server (never the internet): the files and manifests it
 * writes, refreshes that change nothing or change figures, and every failure ending in either correct files
 * or a clear error with nothing half-written.
 */
const T0 = new Date('2025-07-01T12:00:00.000Z');
const T1 = new Date('2025-08-01T12:00:00.000Z');
const EXPECTED_FILES = [
  '03759ned/2022/cbs_03759ned_2022.json',
  '03759ned/2022/cbs_03759ned_burgerlijkestaatcodes.json',
  '03759ned/2022/cbs_03759ned_geslachtcodes.json',
  '03759ned/2022/cbs_03759ned_leeftijdcodes.json',
  '03759ned/2022/cbs_03759ned_measurecodes.json',
  '03759ned/2022/cbs_03759ned_periodencodes.json',
  '03759ned/2022/cbs_03759ned_regioscodes.json',
  '03759ned/2022/manifest.json',
  '70072ned/cbs_70072ned_bevolking.json',
  '70072ned/cbs_70072ned_measurecodes.json',
  '70072ned/cbs_70072ned_periodencodes.json',
  '70072ned/cbs_70072ned_regioscodes.json',
  '70072ned/manifest.json',
  '85099NED/DataProperties.json',
  '85099NED/Perioden.json',
  '85099NED/RegioS.json',
  '85099NED/TableInfos.json',
  '85099NED/TypedDataSet.json',
  '85099NED/VormenVanJeugdzorg.json',
  '85099NED/manifest.json',
  'boundaries/2022/gemeente.geojson',
  'boundaries/2022/jeugdregio.geojson',
  'boundaries/2022/manifest.json',
  'gebieden/2022/cbs_gebieden_2022.json',
  'gebieden/2022/cbs_gebieden_measurecodes.json',
  'gebieden/2022/manifest.json',
  'iv3/45063NED/Categorie.json',
  'iv3/45063NED/DataProperties.json',
  'iv3/45063NED/Gemeenten.json',
  'iv3/45063NED/TaakveldBalanspost.json',
  'iv3/45063NED/TableInfos.json',
  'iv3/45063NED/TypedDataSet.json',
  'iv3/45063NED/Verslagsoort.json',
  'iv3/45063NED/manifest.json',
  'kwb/85039NED/DataProperties.json',
  'kwb/85039NED/TableInfos.json',
  'kwb/85039NED/TypedDataSet.json',
  'kwb/85039NED/WijkenEnBuurten.json',
  'kwb/85039NED/manifest.json',
];

let fake: FakeCbs;
let tmp: string;
const fresh = () => mkdtempSync(join(tmp, 'raw-'));
const values = (path: string) => json(path).value as Record<string, unknown>[];
const leftovers = (raw: string) => Object.keys(snapshot(raw)).filter((p) => /(^|\/)\.(tmp|old)-|\.tmp$/.test(p) || p.startsWith('.fetch/'));

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'jib-fetch-'));
  fake = await startFakeCbs({ ...world(), pageSize: 5 });
});
afterAll(async () => {
  await fake.close();
  rmSync(tmp, { recursive: true, force: true });
});
beforeEach(() => {
  Object.assign(fake, world());
  fake.faults.length = 0;
  fake.log.length = 0;
  // Several pages per table, but not so many that the suite slows down; the resume tests use 5.
  fake.pageSize = 25;
});

describe('a fetch run writes the data-folder layout', () => {
  let raw: string;
  beforeAll(async () => {
    raw = mkdtempSync(join(tmpdir(), 'jib-fetch-layout-'));
    Object.assign(fake, world());
    const r = await fetchWorld(raw, fake, { now: () => T0 });
    expect(r.failed).toEqual([]);
    expect(r.skipped).toEqual(['03759ned/2023']);
  });
  afterAll(() => rmSync(raw, { recursive: true, force: true }));

  it('one folder per target, exactly the files the readers expect, and nothing else left behind', () => {
    expect(Object.keys(snapshot(raw))).toEqual(EXPECTED_FILES);
  });

  it('manifest.json lists url, retrieved, modified, rows and sha256 of every file', () => {
    for (const dir of ['85099NED', 'iv3/45063NED', '03759ned/2022', 'gebieden/2022', 'boundaries/2022']) {
      const m = json(join(raw, dir, 'manifest.json')) as Manifest;
      const files = readdirSync(join(raw, dir)).filter((f) => f !== 'manifest.json').sort();
      expect(m.files.map((f) => f.file)).toEqual(files);
      const sums = snapshot(join(raw, dir));
      for (const f of m.files) {
        expect(Object.keys(f)).toEqual(['file', 'url', 'retrieved', 'modified', 'rows', 'sha256']);
        expect(f.sha256, `${dir}/${f.file}`).toBe(sums[f.file]);
        expect(f.url.startsWith(`${fake.base}/`)).toBe(true);
        expect(f.retrieved).toBe(T0.toISOString());
        if (f.file.endsWith('.json') && dir !== 'boundaries/2022') expect(f.rows).toBe(values(join(raw, dir, f.file)).length);
      }
    }
    const m = json(join(raw, '85099NED', 'manifest.json')) as Manifest;
    expect(m).toMatchObject({ source: '85099NED', table: '85099NED', year: null });
    const tds = m.files.find((f) => f.file === 'TypedDataSet.json')!;
    expect(tds.modified).toBe('2025-06-30T02:00:00');
    expect(tds.url).toContain('/ODataFeed/odata/85099NED/TypedDataSet?$format=json&$filter=');
    expect(json(join(raw, 'gebieden/2022/manifest.json')).files[0].modified).toBe('2022-03-01T00:00:00Z');
    expect(json(join(raw, 'boundaries/2022/manifest.json')).files[0]).toMatchObject({ rows: 3, modified: '2025-07-01T10:00:00.000Z' });
  });

  it('youth-care table: filtered server-side to NL/JZ/GM, years and half-years; padded keys, nulls and provisional markers kept', () => {
    const rows = values(join(raw, '85099NED/TypedDataSet.json'));
    const all = world().v3['85099NED'].rows;
    // Half-years are CBS's newest releases: kept. Quarters and provinces are not asked for.
    expect(rows).toEqual(all.filter((r) => !String(r.RegioS).startsWith('PV') && /JJ00|HJ01/.test(String(r.Perioden))));
    expect(rows.some((r) => r.Perioden === '2022HJ01')).toBe(true);
    // DataProperties as CBS sends it, TopicGroup row with its empty Key included.
    expect(values(join(raw, '85099NED/DataProperties.json')).filter((p) => p.Type === 'TopicGroup')).toEqual([expect.objectContaining({ Key: '' })]);
    expect(rows.some((r) => r.RegioS === 'GM0361    ')).toBe(true);
    expect(rows.find((r) => r.RegioS === 'GM0362    ' && r.Perioden === '2022JJ00' && r.VormenVanJeugdzorg === 'A045561')!.JongerenMetJeugdzorg_1).toBeNull();
    // The code lists are whole (the reader checks every key against them).
    expect(values(join(raw, '85099NED/Perioden.json'))).toContainEqual({ Key: '2022JJ00', Title: '2022*', Description: 'Voorlopige cijfers.', Status: 'Voorlopig' });
    expect(values(join(raw, '85099NED/RegioS.json')).map((r) => r.Key)).toContain('PV27      ');
    const url = decodeURIComponent(json(join(raw, '85099NED/manifest.json')).files.find((f: { file: string }) => f.file === 'TypedDataSet.json').url);
    expect(url).toContain("(startswith(RegioS,'NL') or startswith(RegioS,'JZ') or startswith(RegioS,'GM')) and (Perioden eq '2021JJ00' or Perioden eq '2022JJ00' or Perioden eq '2022HJ01')");
  });

  it('raw Iv3: only begroting/jaarrekening, lasten/baten and the youth-care taakvelden', () => {
    const rows = values(join(raw, 'iv3/45063NED/TypedDataSet.json'));
    expect(rows.length).toBe(3 * 2 * 3 * 4);
    expect(new Set(rows.map((r) => r.Verslagsoort))).toEqual(new Set(['2023X000', '2023X005']));
    expect(new Set(rows.map((r) => String(r.Categorie).trim()))).toEqual(new Set(['L1.1', 'L7.1', 'B2.1']));
    expect(new Set(rows.map((r) => r.TaakveldBalanspost))).toEqual(new Set(['6.2   ', '6.72a ', '6.73a ', '6.82a ']));
    expect(rows[0].Gemeenten).toBe('GM0361   ');
  });

  it('population: one year, gemeenten and NL, Leeftijd Totaal and every single year 0–22, totals of sex and marital status; Impossible rows kept', () => {
    const rows = values(join(raw, '03759ned/2022/cbs_03759ned_2022.json'));
    expect(new Set(rows.map((r) => r.Perioden))).toEqual(new Set(['2022JJ00']));
    expect(new Set(rows.map((r) => r.RegioS))).toEqual(new Set(['GM0361', 'GM0441', 'GM0362', 'GM0420', 'NL01']));
    expect(new Set(rows.map((r) => r.Geslacht))).toEqual(new Set(['T001038']));
    expect(new Set(rows.map((r) => r.BurgerlijkeStaat))).toEqual(new Set(['T001019']));
    expect(new Set(rows.map((r) => r.Measure))).toEqual(new Set(['M000352']));
    expect(new Set(rows.map((r) => r.Leeftijd))).toEqual(new Set(['10000', ...Array.from({ length: 23 }, (_, a) => ageCode(a))]));
    // A cell CBS marks Impossible arrives as it is: null, never 0.
    const gone = rows.filter((r) => r.RegioS === 'GM0420');
    expect(gone.length).toBe(24);
    expect(gone.every((r) => r.ValueAttribute === 'Impossible' && r.Value === null)).toBe(true);
  });

  it('70072ned: Totale bevolking (resolved by Title) per gemeente, jeugdregio and NL; PeriodenCodes Status null as CBS sends it', () => {
    const rows = values(join(raw, '70072ned/cbs_70072ned_bevolking.json'));
    expect(new Set(rows.map((r) => r.Measure))).toEqual(new Set(['M000352_3']));
    expect(new Set(rows.map((r) => r.RegioS))).toEqual(new Set(['GM0361', 'GM0441', 'GM0362', 'JZ06', 'NL01']));
    expect(rows).toHaveLength(3 * 5);
    expect(values(join(raw, '70072ned/cbs_70072ned_periodencodes.json')).map((p) => p.Status)).toEqual([null, null, null]);
  });

  it('KWB: the contract layout of kwb-2021-jeugdzorg/85039NED, gemeente rows only, topics chosen by Title', () => {
    const dir = join(raw, 'kwb/85039NED');
    const rows = values(join(dir, 'TypedDataSet.json'));
    expect(rows.map((r) => r.WijkenEnBuurten)).toEqual(['GM0361    ', 'GM0441    ', 'GM0362    ']);
    expect(Object.keys(rows[0])).toEqual(['ID', 'WijkenEnBuurten', 'Gemeentenaam_1', 'SoortRegio_2', 'AantalInwoners_5', 'JongerenMetJeugdzorgInNatura_87', 'PercentageJongerenMetJeugdzorg_88']);
    expect(rows[2].PercentageJongerenMetJeugdzorg_88).toBeNull();
    const props = values(join(dir, 'DataProperties.json'));
    expect(props.map((p) => `${p.Type} ${p.Key}`)).toEqual(['GeoDetail WijkenEnBuurten', 'Topic Gemeentenaam_1', 'Topic SoortRegio_2', 'Topic AantalInwoners_5', 'Topic JongerenMetJeugdzorgInNatura_87', 'Topic PercentageJongerenMetJeugdzorg_88']);
    expect(props[5].Title).toBe('Percentage jongeren met jeugdzorg ');
    expect(values(join(dir, 'WijkenEnBuurten.json')).map((r) => String(r.Key).trim())).toEqual(['GM0361', 'GM0441', 'GM0362']);
    expect(values(join(dir, 'TableInfos.json'))[0].Period).toBe('2021');
    const url = decodeURIComponent(json(join(dir, 'manifest.json')).files.find((f: { file: string }) => f.file === 'TypedDataSet.json').url);
    expect(url).toMatch(/\/ODataFeed\/odata\/85039NED\/TypedDataSet\?\$format=json&\$filter=startswith\(WijkenEnBuurten,'GM'\)&\$select=ID,WijkenEnBuurten,Gemeentenaam_1,/);
  });

  it('Gebieden: only the gemeente-name and jeugdregio measures of GM rows', () => {
    const rows = values(join(raw, 'gebieden/2022/cbs_gebieden_2022.json'));
    expect(new Set(rows.map((r) => r.Measure))).toEqual(new Set(['GM000C_1', 'JZ0001', 'JZ0002']));
    expect(rows).toHaveLength(9);
    expect(values(join(raw, 'gebieden/2022/cbs_gebieden_measurecodes.json'))).toHaveLength(8);
  });

  it('boundaries are stored as served', () => {
    expect(JSON.parse(readFileSync(join(raw, 'boundaries/2022/jeugdregio.geojson'), 'utf8'))).toEqual(world().geo.jeugdregio_2022);
  });
});

describe('refreshes', () => {
  it('a refresh that changes nothing rewrites nothing (not even the manifests)', async () => {
    const raw = fresh();
    await fetchWorld(raw, fake, { now: () => T0 });
    const before = snapshot(raw, true);
    const r = await fetchWorld(raw, fake, { now: () => T1 });
    expect(r.written).toEqual([]);
    expect(r.unchanged.sort()).toEqual(['03759ned/2022', '70072ned', '85099NED', 'boundaries/2022', 'gebieden/2022', 'iv3/2023', 'kwb/2021']);
    expect(snapshot(raw, true)).toEqual(before);
  });

  it('CBS revising a provisional figure in place rewrites that table, and the manifest shows which files changed', async () => {
    const raw = fresh();
    await fetchWorld(raw, fake, { now: () => T0 });
    const before = json(join(raw, '85099NED/manifest.json')) as Manifest;
    const others = snapshot(join(raw, 'iv3'), true);
    // 2022 becomes definitive and one figure is revised.
    const t = fake.v3['85099NED'];
    t.infos.Modified = '2025-07-15T02:00:00';
    Object.assign(t.dims.Perioden[1], { Title: '2022', Description: '', Status: 'Definitief' });
    t.rows.find((r) => r.RegioS === 'GM0361    ' && r.Perioden === '2022JJ00' && r.VormenVanJeugdzorg === 'A045561')!.JongerenMetJeugdzorg_1 = 2850;
    const r = await fetchWorld(raw, fake, { now: () => T1 });
    expect(r.written).toEqual(['85099NED']);
    const changes = r.outcomes['85099NED'].changes;
    expect(changes.map((c) => c.file).sort()).toEqual(['Perioden.json', 'TableInfos.json', 'TypedDataSet.json']);
    expect(changes.find((c) => c.file === 'TypedDataSet.json')).toMatchObject({ kind: 'changed', rowsBefore: 36, rowsAfter: 36, linesAdded: 1, linesRemoved: 1 });
    const after = json(join(raw, '85099NED/manifest.json')) as Manifest;
    const entry = (m: Manifest, f: string) => m.files.find((e) => e.file === f)!;
    expect(entry(after, 'TypedDataSet.json')).toMatchObject({ retrieved: T1.toISOString(), modified: '2025-07-15T02:00:00', rows: 36 });
    expect(entry(after, 'TypedDataSet.json').sha256).not.toBe(entry(before, 'TypedDataSet.json').sha256);
    // Unchanged files keep their entry, so the manifest diff shows only what changed.
    expect(entry(after, 'DataProperties.json')).toEqual(entry(before, 'DataProperties.json'));
    expect(entry(after, 'RegioS.json')).toEqual(entry(before, 'RegioS.json'));
    expect(values(join(raw, '85099NED/TypedDataSet.json')).find((x) => x.RegioS === 'GM0361    ' && x.Perioden === '2022JJ00')!.JongerenMetJeugdzorg_1).toBe(2850);
    expect(snapshot(join(raw, 'iv3'), true)).toEqual(others);
    expect(leftovers(raw)).toEqual([]);
  });
});

describe('failures end in correct files or a clear error, never in half-written folders', () => {
  afterEach(() => {
    fake.faults.length = 0;
  });

  it.each([
    ['500', /failed after 3 attempts: HTTP 500/],
    ['truncate', /failed after 3 attempts: the body was cut off/],
    ['invalid-json', /failed after 3 attempts: invalid JSON/],
  ] as const)('%s on every attempt: the target fails clearly, the others are written, its old folder stays as it was', async (kind, message) => {
    const raw = fresh();
    await fetchWorld(raw, fake, { only: ['85099NED'], now: () => T0 });
    const before = snapshot(raw, true);
    fake.v3['85099NED'].rows[0].JongerenMetJeugdzorg_1 = 1; // a revision the failed run must not half-apply
    fake.faults.push({ match: /ODataFeed.*TypedDataSet/, kind, times: Infinity });
    fake.log.length = 0;
    const r = await fetchWorld(raw, fake, { only: ['85099NED', 'gebieden'], now: () => T1 });
    expect(r.failed).toEqual([{ target: '85099NED', error: expect.stringMatching(message) }]);
    expect(r.written).toEqual(['gebieden/2022']);
    expect(fake.log.filter((l) => /ODataFeed.*TypedDataSet/.test(l))).toHaveLength(3);
    const after = snapshot(raw, true);
    for (const [f, s] of Object.entries(before)) expect(after[f], f).toBe(s);
    expect(Object.keys(after).filter((f) => f.startsWith('85099NED/')).sort()).toEqual(Object.keys(before).filter((f) => f.startsWith('85099NED/')).sort());
    expect(Object.keys(after).filter((f) => /\.(tmp|old)-/.test(f))).toEqual([]);
  });

  it('a target that never succeeded leaves no folder at all', async () => {
    const raw = fresh();
    fake.faults.push({ match: /dataderden.*TypedDataSet/, kind: '500', times: Infinity });
    const r = await fetchWorld(raw, fake, { only: ['iv3'] });
    expect(r.failed.map((f) => f.target)).toEqual(['iv3/2023']);
    expect(existsSync(join(raw, 'iv3'))).toBe(false);
  });

  it('an empty table is a clear error; nothing is written for it', async () => {
    const raw = fresh();
    fake.v3['85099NED'].rows = [];
    const r = await fetchWorld(raw, fake, { only: ['85099NED', 'gebieden'] });
    expect(r.failed).toEqual([{ target: '85099NED', error: expect.stringMatching(/85099NED: CBS returned no rows for TypedDataSet with \$filter=.*emptied or replaced/) }]);
    expect(existsSync(join(raw, '85099NED'))).toBe(false);
    expect(existsSync(join(raw, 'gebieden/2022/cbs_gebieden_2022.json'))).toBe(true);
  });

  it('a body that is not GeoJSON is a clear error', async () => {
    const raw = fresh();
    fake.geo.jeugdregio_2022 = { type: 'Feature', properties: {} };
    const r = await fetchWorld(raw, fake, { only: ['boundaries'] });
    expect(r.failed).toEqual([{ target: 'boundaries/2022', error: expect.stringMatching(/jeugdregio_2022\.geojson: not a GeoJSON FeatureCollection/) }]);
    expect(existsSync(join(raw, 'boundaries'))).toBe(false);
  });

  it('a data row whose key its code list does not know is refused before anything is written', async () => {
    const raw = fresh();
    fake.v3['85099NED'].rows[0].RegioS = 'GM9999    ';
    const r = await fetchWorld(raw, fake, { only: ['85099NED'] });
    expect(r.failed[0].error).toMatch(/TypedDataSet row 1 has RegioS "GM9999    ", which RegioS\.json does not list/);
    expect(existsSync(join(raw, '85099NED'))).toBe(false);
  });
});

describe('hosts without a bulk feed', () => {
  afterEach(() => {
    fake.noFeed = [];
    fake.apiLimit = 10_000;
  });

  it('pages ODataApi with $top/$skip past its row limit when ODataFeed is missing', async () => {
    const raw = fresh();
    fake.noFeed = ['dataderden'];
    fake.apiLimit = 10;
    const warnings: string[] = [];
    const r = await fetchWorld(raw, fake, { only: ['iv3'], apiPageSize: 10, onEvent: (e) => e.type === 'warn' && warnings.push(e.message) });
    expect(r.written).toEqual(['iv3/2023']);
    expect(warnings).toEqual([expect.stringMatching(/45063NED: no ODataFeed at .*; paging ODataApi instead/)]);
    expect(values(join(raw, 'iv3/45063NED/TypedDataSet.json'))).toHaveLength(72);
    // Explicit pages of 10 from $skip=0: 72 rows are 7 full pages and one of 2.
    expect(fake.log.filter((l) => /ODataApi.*TypedDataSet.*\$top=10&\$skip=/.test(l))).toHaveLength(8);
    expect(json(join(raw, 'iv3/45063NED/manifest.json')).files.find((f: { file: string }) => f.file === 'TypedDataSet.json').url).toContain('/ODataApi/OData/45063NED/TypedDataSet?');
  });
});

describe('resuming an interrupted run', () => {
  beforeEach(() => {
    fake.pageSize = 5;
  });

  it('resumes a paged download at the page it stopped at, never joining pages of two table versions', async () => {
    const raw = fresh();
    // Page 3 of the data (rows 10–14) fails on every attempt: pages 1–2 are kept in data/raw/.fetch.
    fake.faults.push({ match: /TypedDataSet.*\$skip=10/, kind: '500', times: Infinity });
    const r1 = await fetchWorld(raw, fake, { only: ['85099NED'] });
    expect(r1.failed.map((f) => f.target)).toEqual(['85099NED']);
    expect(existsSync(join(raw, '85099NED'))).toBe(false);
    expect(Object.keys(snapshot(join(raw, '.fetch'))).filter((f) => /page-\d+\.json$/.test(f))).toHaveLength(2);

    fake.faults.length = 0;
    fake.log.length = 0;
    const r2 = await fetchWorld(raw, fake, { only: ['85099NED'] });
    expect(r2.written).toEqual(['85099NED']);
    const data = fake.log.filter((l) => l.includes('/ODataFeed/'));
    expect(data[0]).toContain('$skip=10');
    expect(data.some((l) => !l.includes('$skip'))).toBe(false);
    const expected = applyFilter(world().v3['85099NED'].rows, "startswith(RegioS,'GM') or startswith(RegioS,'JZ') or startswith(RegioS,'NL')").filter((x) => /JJ00|HJ01/.test(String(x.Perioden)));
    expect(values(join(raw, '85099NED/TypedDataSet.json'))).toEqual(expected);
    expect(existsSync(join(raw, '.fetch'))).toBe(false);
  });

  it('discards kept pages when CBS modified the table in between', async () => {
    const raw = fresh();
    fake.faults.push({ match: /TypedDataSet.*\$skip=10/, kind: '500', times: Infinity });
    await fetchWorld(raw, fake, { only: ['85099NED'] });
    fake.faults.length = 0;
    fake.log.length = 0;
    fake.v3['85099NED'].infos.Modified = '2025-09-01T02:00:00';
    const r = await fetchWorld(raw, fake, { only: ['85099NED'] });
    expect(r.written).toEqual(['85099NED']);
    expect(fake.log.filter((l) => l.includes('/ODataFeed/'))[0]).not.toContain('$skip');
  });

  it('skips the targets an interrupted run finished, and fetches only the rest', async () => {
    const raw = fresh();
    fake.pageSize = 25;
    fake.faults.push({ match: /85067NED\/Observations/, kind: '500', times: Infinity });
    const r1 = await fetchWorld(raw, fake);
    expect(r1.failed.map((f) => f.target)).toEqual(['gebieden/2022']);
    expect(existsSync(join(raw, '.fetch/run.json'))).toBe(true);

    fake.faults.length = 0;
    fake.log.length = 0;
    const r2 = await fetchWorld(raw, fake);
    expect(r2.resumed.sort()).toEqual(['03759ned/2022', '03759ned/2023', '70072ned', '85099NED', 'boundaries/2022', 'iv3/2023', 'kwb/2021']);
    expect(r2.written).toEqual(['gebieden/2022']);
    expect(fake.log.every((l) => l.includes('/85067NED/'))).toBe(true);
    expect(existsSync(join(raw, '.fetch'))).toBe(false);
    expect(Object.keys(snapshot(raw))).toEqual(EXPECTED_FILES);

    // An interrupted run of more than a day ago is not resumed: a later run is a refresh.
    fake.faults.push({ match: /85067NED\/Observations/, kind: '500', times: Infinity });
    await fetchWorld(raw, fake, { now: () => T0 });
    fake.faults.length = 0;
    fake.log.length = 0;
    const late = await fetchWorld(raw, fake, { now: () => new Date(T0.getTime() + 25 * 3600_000) });
    expect(late.resumed).toEqual([]);
    expect(late.unchanged).toContain('85099NED');

    // --fresh ignores an interrupted run's state.
    fake.faults.push({ match: /85067NED\/Observations/, kind: '500', times: Infinity });
    await fetchWorld(raw, fake);
    fake.faults.length = 0;
    fake.log.length = 0;
    const r3 = await fetchWorld(raw, fake, { fresh: true });
    expect(r3.resumed).toEqual([]);
    expect(fake.log.some((l) => l.includes('/85099NED/'))).toBe(true);
  });

  it('refuses to run beside another fetch on the same folder; takes over the lock of a killed one', async () => {
    const raw = fresh();
    mkdirSync(join(raw, '.fetch'), { recursive: true });
    writeFileSync(join(raw, '.fetch/lock'), String(process.pid));
    await expect(fetchWorld(raw, fake, { only: ['gebieden'] })).rejects.toThrow(/another fetch \(pid \d+\) is writing to/);
    expect(fake.log).toEqual([]);
    writeFileSync(join(raw, '.fetch/lock'), '2147483646');
    expect((await fetchWorld(raw, fake, { only: ['gebieden'] })).written).toEqual(['gebieden/2022']);
    expect(existsSync(join(raw, '.fetch'))).toBe(false);
  });

  it('puts a folder back that a crash left set aside between the two renames', () => {
    const raw = fresh();
    const dir = join(raw, 'T');
    const file = { name: 'a.json', bytes: new TextEncoder().encode('{"value":[]}\n'), url: 'http://x/a', rows: 0, modified: null };
    expect(writeTarget(dir, { source: 'T', title: 'T', table: null, year: null }, [file], T0).status).toBe('created');
    renameSync(dir, join(raw, `.old-T-123-0123abcd`));
    expect(writeTarget(dir, { source: 'T', title: 'T', table: null, year: null }, [file], T1).status).toBe('unchanged');
    expect(readdirSync(raw)).toEqual(['T']);
  });
});

describe('selection', () => {
  it('--only takes source ids, source/year and table ids; --years limits the per-year sources', () => {
    const ids = (only?: string[], years?: number[]) => selectTargets(only, years, SOURCES).map((t) => t.id);
    expect(ids(['iv3'], [2023, 2024])).toEqual(['iv3/2023', 'iv3/2024']);
    expect(ids(['45063NED'])).toEqual(['iv3/2023']);
    expect(ids(['gebieden/2024', '84134ned'])).toEqual(['84134NED', 'gebieden/2024']);
    expect(ids(undefined, [2023])).toEqual(['84134NED', '85099NED', '85098NED', '82972NED', '83454NED', '85100NED', '85097NED', '03759ned/2023', '70072ned', 'kwb/2023', 'gebieden/2023', 'iv3/2023', 'boundaries/2023']);
    expect(ids().length).toBe(7 + 12 + 1 + 10 + 12 + 10 + 11);
    expect(ids(['kwb'], [2015, 2020, 2021, 2024]).map((id) => selectTargets([id], undefined, SOURCES)[0].dir)).toEqual(['kwb/83220NED', 'kwb/84799NED', 'kwb/85039NED', 'kwb/85984NED']);
    expect(() => ids(['85099'])).toThrow(UsageError);
    expect(() => ids(['iv3'], [2010])).toThrow(/--only iv3: no such source for --years 2010/);
  });

  it('the world the tests replay has the shapes of the real config', () => {
    for (const s of WORLD_SOURCES) expect(SOURCES.find((r) => r.id === s.id)?.kind).toBe(s.kind);
  });
});

describe('a table fetched for some of its topics (85097NED, by Title)', () => {
  const FIX = join(ROOT, 'tests/fixtures/formats/cbs-v3/85097NED');
  const source = SOURCES.find((s) => s.id === '85097NED')!;
  const table = (edit: (props: Record<string, unknown>[]) => Record<string, unknown>[] = (p) => p) => {
    const v = (f: string) => json(join(FIX, f)).value as Record<string, unknown>[];
    return {
      infos: { ID: 0, Identifier: '85097NED', Title: 'Jeugdhulptrajecten in natura; verwijzer, regio (gemeente)', Modified: '2025-06-30T02:00:00', Period: '2021-2023' },
      props: edit(v('DataProperties.json')),
      dims: { VerwijzerJeugdzorg: v('VerwijzerJeugdzorg.json'), RegioS: v('RegioS.json'), Perioden: v('Perioden.json') },
      rows: v('TypedDataSet.json'),
    };
  };

  it('asks $select for the dimensions and the one topic, and DataProperties.json lists only those', async () => {
    const raw = fresh();
    fake.v3 = { '85097NED': table() };
    const r = await fetchWorld(raw, fake, { sources: [source], now: () => T0 });
    expect(r.failed).toEqual([]);
    expect(fake.log.some((l) => /85097NED\/TypedDataSet\?.*\$select=ID,VerwijzerJeugdzorg,RegioS,Perioden,TotaalJeugdhulptrajectenInNatura_1(&|$)/.test(l))).toBe(true);
    const rows = values(join(raw, '85097NED', 'TypedDataSet.json'));
    expect(rows).toHaveLength(27);
    expect(Object.keys(rows[0]).sort()).toEqual(['ID', 'Perioden', 'RegioS', 'TotaalJeugdhulptrajectenInNatura_1', 'VerwijzerJeugdzorg']);
    const topics = values(join(raw, '85097NED', 'DataProperties.json')).filter((p) => p.Type === 'Topic').map((p) => p.Title);
    expect(topics).toEqual(['Totaal jeugdhulptrajecten in natura']);
  });

  it('a topic the table lacks fails the target naming the title, and nothing is written', async () => {
    const raw = fresh();
    fake.v3 = { '85097NED': table((p) => p.map((x) => (x.Key === 'TotaalJeugdhulptrajectenInNatura_1' ? { ...x, Title: 'Totaal trajecten' } : x))) };
    const r = await fetchWorld(raw, fake, { sources: [source], now: () => T0 });
    expect(r.failed).toEqual([{ target: '85097NED', error: expect.stringMatching(/85097NED: no topic titled "Totaal jeugdhulptrajecten in natura"; related topics it has: .*"Totaal trajecten"/) }]);
    expect(existsSync(join(raw, '85097NED'))).toBe(false);
  });
});

describe('a table fetched for some categories of a dimension (85100NED, by Title)', () => {
  const source = SOURCES.find((s) => s.id === '85100NED')!;
  const KENMERKEN = ['Totaal', 'Geslacht: mannen', 'Geslacht: vrouwen', 'Leeftijd: 0 tot 4 jaar', 'Leeftijd: 4 tot 12 jaar', 'Leeftijd: 12 tot 18 jaar', 'Leeftijd: 18 tot 23 jaar', 'Migratieachtergrond: Nederland', 'Thuiswonend kind in eenouderhuishouden'];
  const FORMS = ['JZ Totaal jeugdzorg', 'JH 1 Totaal jeugdhulp'];
  const table = (kenmerken = KENMERKEN) => {
    const dim = (Key: string, Title: string, Type: string, ID: number) => ({ 'odata.type': `Cbs.OData.WebAPI.${Type}`, ID, Position: ID, ParentID: null, Type, Key, Title });
    const rows: Record<string, unknown>[] = [];
    kenmerken.forEach((_, k) => FORMS.forEach((_, f) => rows.push({ ID: rows.length, Persoonskenmerken: `K${k}   `, VormenVanJeugdzorg: `F${f}`, RegioS: 'NL01      ', Perioden: '2023JJ00', TotaalJongerenMetJeugdzorg_1: 1000 + rows.length })));
    return {
      infos: { ID: 0, Identifier: '85100NED', Title: 'Jongeren met jeugdzorg; persoonskenmerken', Modified: '2025-06-30T02:00:00', Period: '2023' },
      props: [dim('Persoonskenmerken', 'Persoonskenmerken', 'Dimension', 0), dim('VormenVanJeugdzorg', 'Vormen van jeugdzorg', 'Dimension', 1), dim('RegioS', "Regio's", 'GeoDimension', 2), dim('Perioden', 'Perioden', 'TimeDimension', 3),
        { ...dim('TotaalJongerenMetJeugdzorg_1', 'Totaal jongeren met jeugdzorg', 'Topic', 4), Unit: 'aantal', Datatype: 'Long', Decimals: 0 }],
      dims: {
        Persoonskenmerken: kenmerken.map((Title, k) => ({ Key: `K${k}   `, Title })),
        VormenVanJeugdzorg: FORMS.map((Title, f) => ({ Key: `F${f}`, Title })),
        RegioS: [{ Key: 'NL01      ', Title: 'Nederland' }],
        Perioden: [{ Key: '2023JJ00', Title: '2023*', Status: 'Voorlopig' }],
      },
      rows,
    };
  };

  it('asks only the wanted kenmerken (padded keys as CBS lists them) and one form; leaves migration background out', async () => {
    const raw = fresh();
    fake.v3 = { '85100NED': table() };
    const r = await fetchWorld(raw, fake, { sources: [source], now: () => T0 });
    expect(r.failed).toEqual([]);
    const rows = values(join(raw, '85100NED', 'TypedDataSet.json'));
    expect(rows.map((x) => x.VormenVanJeugdzorg)).toEqual(Array(8).fill('F0'));
    expect(rows.map((x) => x.Persoonskenmerken)).toEqual(['K0   ', 'K1   ', 'K2   ', 'K3   ', 'K4   ', 'K5   ', 'K6   ', 'K8   ']);
  });

  it('a breakdown the table no longer has fails the target with what it has, never a smaller download', async () => {
    const raw = fresh();
    fake.v3 = { '85100NED': table(KENMERKEN.filter((k) => k !== 'Leeftijd: 18 tot 23 jaar')) };
    const r = await fetchWorld(raw, fake, { sources: [source], now: () => T0 });
    expect(r.failed).toEqual([{ target: '85100NED', error: expect.stringMatching(/85100NED: no category of Persoonskenmerken matches \/\^leeftijd: 18 tot 23 jaar\$\/i; it has "Totaal", "Geslacht: mannen"/) }]);
    expect(existsSync(join(raw, '85100NED'))).toBe(false);
  });
});
