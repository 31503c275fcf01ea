import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Http } from '../../src/fetch/http.ts';
import { getAll } from '../../src/fetch/odata.ts';
import { GEBIEDEN_TABLES } from '../../src/catalog/gebieden.ts';
import { hostsFor, onHosts } from '../../src/fetch/sources.ts';
import { gebieden, HAVE_CAPTURES, kerncijfers70072, kwb84799, paging83599, population03759, SKIPPED } from './helpers/captures.ts';
import { startFakeCbs, type FakeCbs, type Row } from './helpers/fake-cbs.ts';
import { cli, json, type CliResult } from './helpers/run.ts';

/**
 * `npm run fetch` and `npm run build:data` against a replay of REAL CBS responses (../shared/data/cbs-captures
 * and the datavakwerk Parquet in ../shared/data/raw): CBS's own two-page nextLink paging, a KWB table with 40
 * TopicGroup rows and a GeoDetail region column, the 03759ned metadata byte for byte with its real age codes
 * and Impossible rows, Gebieden and 70072ned re-serialised with values unchanged. Real page sizes (10 000 v3,
 * 100 000 v4) and next links on the real CBS hosts, which the fetcher must move onto the mirror.
 */
const values = (path: string) => json(path).value as Row[];
const FAST = ['--attempts', '2', '--backoff', '1', '--timeout', '30', '--quiet'];

describe.skipIf(!HAVE_CAPTURES)(`fetch on real CBS bytes${SKIPPED}`, () => {
  let fake: FakeCbs;
  let tmp: string;
  let fetched: CliResult;
  let fetchedPop: CliResult;
  let built: CliResult;
  const raw = () => join(tmp, 'raw');
  const pop = HAVE_CAPTURES ? population03759() : null!;
  const paging = HAVE_CAPTURES ? paging83599() : null!;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'jib-captures-'));
    fake = await startFakeCbs({
      v3: { '84799NED': await kwb84799() },
      v4: {
        '03759ned': pop.table,
        '70072ned': await kerncijfers70072(),
        ...Object.fromEntries(await Promise.all(Object.entries(GEBIEDEN_TABLES).map(async ([y, id]) => [id, await gebieden(Number(y), id)]))),
      },
      bodies: { ...pop.bodies, ...paging.bodies },
    });
    // The real source config: KWB 2020 is 84799NED; Gebieden 2015–2026 (70072ned spans those years);
    // 03759ned for the years the capture holds (2019–2026).
    fetched = await cli('scripts/fetch.ts', ['--only', 'kwb/2020,70072ned,gebieden', ...FAST, '--base', fake.base, '--out', raw()]);
    fetchedPop = await cli('scripts/fetch.ts', ['--only', '03759ned', '--years', '2019-2026', ...FAST, '--base', fake.base, '--out', raw()]);
    built = await cli('scripts/build-data.ts', ['--data', raw(), '--out', join(tmp, 'out')]);
  }, 180_000);
  afterAll(async () => {
    await fake?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('v3 paging as CBS does it: 10 000 + 5 504 rows of 83599NED joined by its absolute odata.nextLink, read from the mirror', async () => {
    fake.log.length = 0;
    const url = `${fake.base}/opendata/ODataFeed/OData/83599NED/UntypedDataSet?$format=json`;
    const set = await getAll(new Http({ attempts: 1 }), url, { rewrite: (u) => onHosts(u, hostsFor(fake.base)) });
    expect(set.pages).toBe(2);
    expect(set.rows).toHaveLength(15_504);
    expect(set.rows).toEqual(paging.rows);
    expect(fake.log).toEqual(['/opendata/ODataFeed/OData/83599NED/UntypedDataSet?$format=json', '/opendata/ODataFeed/OData/83599NED/UntypedDataSet/?$format=json&$skip=10000']);
    // Without moving the link onto the mirror it points at opendata.cbs.nl: refused, and nothing is asked of it.
    fake.log.length = 0;
    await expect(getAll(new Http({ attempts: 1 }), url)).rejects.toThrow(/the next-page link https:\/\/opendata\.cbs\.nl\/ODataFeed\/OData\/83599NED\/UntypedDataSet\/\?\$format=json&\$skip=10000 leaves the request/);
    expect(fake.log).toHaveLength(1);
  });

  it('fetch exits 0 and writes every target', () => {
    expect(fetched.code, fetched.stderr).toBe(0);
    expect(fetched.stderr).toMatch(/fetch: 14 written, 0 unchanged, 0 skipped, 0 done earlier, 0 failed/);
    expect(fetchedPop.code, fetchedPop.stderr).toBe(0);
    expect(fetchedPop.stderr).toMatch(/fetch: 8 written, 0 unchanged, 0 skipped, 0 done earlier, 0 failed/);
  });

  it('KWB 2020 (84799NED): 40 TopicGroups accepted, GeoDetail region, gemeente rows only, topics found by their padded titles, values unchanged', async () => {
    const table = await kwb84799();
    expect(table.props.filter((p) => p.Type === 'TopicGroup' && p.Key === '')).toHaveLength(40);
    const dir = join(raw(), 'kwb/84799NED');
    const rows = values(join(dir, 'TypedDataSet.json'));
    const cols = ['ID', 'WijkenEnBuurten', 'Gemeentenaam_1', 'SoortRegio_2', 'AantalInwoners_5', 'JongerenMetJeugdzorgInNatura_87', 'PercentageJongerenMetJeugdzorg_88'];
    const expected = table.rows.filter((r) => String(r.WijkenEnBuurten).startsWith('GM')).map((r) => Object.fromEntries(cols.map((c) => [c, r[c]])));
    expect(rows).toHaveLength(355);
    expect(rows).toEqual(expected);
    expect(values(join(dir, 'WijkenEnBuurten.json'))).toEqual(table.dims.WijkenEnBuurten.filter((r) => String(r.Key).startsWith('GM')));
    expect(values(join(dir, 'DataProperties.json')).map((p) => p.Title)).toEqual(['Wijken en buurten', 'Gemeentenaam', 'Soort regio', 'Aantal inwoners', 'Jongeren met jeugdzorg in natura ', 'Percentage jongeren met jeugdzorg ']);
    expect(values(join(dir, 'TableInfos.json'))[0]).toMatchObject({ Identifier: '84799NED', Period: '2020' });
  });

  it('03759ned: Leeftijd Totaal and single years asked by their real codes; the captured rows (Impossible ones included) arrive unchanged', () => {
    const leeftijd = pop.codes('Leeftijd');
    const wanted = new Set(leeftijd.filter((c) => /^(Totaal|\d+ jaar)$/.test(String(c.Title)) && (c.Title === 'Totaal' || Number(String(c.Title).split(' ')[0]) <= 22)).map((c) => c.Identifier));
    expect(wanted.size).toBe(24);
    for (const year of [2019, 2020, 2021]) {
      const rows = values(join(raw(), `03759ned/${year}/cbs_03759ned_${year}.json`));
      const expected = pop.table.observations.filter((r) => r.Measure === 'M000352' && r.Perioden === `${year}JJ00` && wanted.has(r.Leeftijd) && (String(r.RegioS).startsWith('GM') || r.RegioS === 'NL01'));
      expect(rows).toEqual(expected);
      expect(rows.length).toBeGreaterThan(300);
      const url = decodeURIComponent(json(join(raw(), `03759ned/${year}/manifest.json`)).files.find((f: { file: string }) => f.file === `cbs_03759ned_${year}.json`).url);
      expect(url).toContain("Leeftijd eq '10000' or Leeftijd eq '10010' or Leeftijd eq '10100'");
      expect(url).toContain("Leeftijd eq '12200')");
      expect(url).toContain("(startswith(RegioS,'GM') or RegioS eq 'NL01')");
    }
    const impossible = values(join(raw(), '03759ned/2021/cbs_03759ned_2021.json')).filter((r) => r.ValueAttribute === 'Impossible');
    expect(impossible.length).toBeGreaterThan(0);
    expect(impossible.every((r) => r.Value === null)).toBe(true);
    // Code lists as CBS sent them (re-serialised one row per line, values unchanged).
    expect(values(join(raw(), '03759ned/2021/cbs_03759ned_leeftijdcodes.json'))).toEqual(leeftijd);
  });

  it('70072ned: Totale bevolking found by Title (M000352_3), PeriodenCodes Status null passed on as null', async () => {
    const t = await kerncijfers70072();
    const rows = values(join(raw(), '70072ned/cbs_70072ned_bevolking.json'));
    expect(new Set(rows.map((r) => r.Measure))).toEqual(new Set(['M000352_3']));
    expect(rows).toEqual(t.observations.filter((r) => r.Measure === 'M000352_3'));
    expect(values(join(raw(), '70072ned/cbs_70072ned_periodencodes.json')).every((p) => p.Status === null)).toBe(true);
  });

  it('Gebieden 2020 from 57 real measures: only the name and jeugdregio measures of gemeenten', () => {
    const rows = values(join(raw(), 'gebieden/2020/cbs_gebieden_2020.json'));
    expect(values(join(raw(), 'gebieden/2020/cbs_gebieden_measurecodes.json'))).toHaveLength(57);
    expect(rows.every((r) => String(r.RegioS).startsWith('GM'))).toBe(true);
    expect(new Set(rows.map((r) => r.RegioS)).size).toBe(355);
  });

  it('build-data reads all of it: population from 03759ned and 70072ned agrees, KWB rows per gemeente', () => {
    expect(built.code, built.stderr).toBe(0);
    const obs = readFileSync(join(tmp, 'out', 'observations.csv'), 'utf8');
    const nl2021 = pop.table.observations.find((r) => r.Measure === 'M000352' && r.RegioS === 'NL01' && r.Perioden === '2021JJ00')!;
    expect(obs).toContain(`bevolking_totaal,NL01,2021,${nl2021.Value},`);
    const baarn = pop.table.observations.find((r) => r.Measure === 'M000352' && r.RegioS === 'GM0308' && r.Perioden === '2020JJ00')!;
    expect(obs).toMatch(new RegExp(`bevolking_totaal,GM0308,2020,${baarn.Value},`));
  });
});
