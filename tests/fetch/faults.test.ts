import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Http } from '../../src/fetch/http.ts';
import { getAll, query } from '../../src/fetch/odata.ts';
import type { RunEvent } from '../../src/fetch/run.ts';
import { hostsFor, onHosts } from '../../src/fetch/sources.ts';
import { startFakeCbs, type FakeCbs } from './helpers/fake-cbs.ts';
import { cli, FAST_HTTP, fetchWorld, json, ROOT, snapshot } from './helpers/run.ts';
import { world } from './helpers/world.ts';

/**
 * A fault-injecting mirror: next-page links and redirects that leave the host, pages that repeat, chains
 * that never end, bodies far larger than any CBS page, a set-aside folder left by a crash, long Retry-After.
 * Each ends in either correct files or a clear error with the previous files kept byte for byte. A second
 * server stands in for "another host" and must never be asked anything.
 */
let fake: FakeCbs;
let elsewhere: FakeCbs;
let tmp: string;
const fresh = () => mkdtempSync(join(tmp, 'raw-'));

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'jib-faults-'));
  fake = await startFakeCbs({ ...world(), pageSize: 10 });
  elsewhere = await startFakeCbs({ ...world(), pageSize: 10 });
});
afterAll(async () => {
  await fake.close();
  await elsewhere.close();
  rmSync(tmp, { recursive: true, force: true });
});
beforeEach(() => {
  Object.assign(fake, world());
  fake.faults.length = 0;
  fake.log.length = 0;
  fake.pageSize = 10;
  elsewhere.log.length = 0;
});

/** A good first fetch of 85099NED, then a second run under `fault`: it must fail and keep the first files. */
async function keepsPrevious(raw: string, run: () => Promise<{ failed: { target: string; error: string }[] }>, message: RegExp) {
  const before = snapshot(raw, true);
  const r = await run();
  expect(r.failed).toEqual([{ target: '85099NED', error: expect.stringMatching(message) }]);
  expect(snapshot(raw, true)).toEqual({ ...before, ...pick(snapshot(raw, true), /^\.fetch\//) });
  expect(elsewhere.log).toEqual([]);
}
const pick = (o: Record<string, string>, re: RegExp) => Object.fromEntries(Object.entries(o).filter(([k]) => re.test(k)));

describe('the fetcher stays on its host', () => {
  it('a next-page link to another host is not followed: the target fails, its previous files stay', async () => {
    const raw = fresh();
    expect((await fetchWorld(raw, fake, { only: ['85099NED'] })).failed).toEqual([]);
    fake.faults.push({ match: /ODataFeed.*TypedDataSet/, kind: 'next-link', location: `${elsewhere.base}/opendata/ODataFeed/odata/85099NED/TypedDataSet?$format=json&$skip=10`, times: Infinity });
    await keepsPrevious(raw, () => fetchWorld(raw, fake, { only: ['85099NED'] }), /the next-page link http:\/\/127\.0\.0\.1:\d+\/.* leaves the request .*; not followed/);
  });

  it('a next-page link to another path on the same host is not followed either', async () => {
    const raw = fresh();
    await fetchWorld(raw, fake, { only: ['85099NED'] });
    fake.faults.push({ match: /ODataFeed.*TypedDataSet/, kind: 'next-link', location: 'https://opendata.cbs.nl/ODataFeed/odata/85098NED/TypedDataSet?$format=json&$skip=10', times: Infinity });
    await keepsPrevious(raw, () => fetchWorld(raw, fake, { only: ['85099NED'] }), /leaves the request/);
  });

  it('an HTTP redirect to another host is not followed; one on the same host is', async () => {
    const raw = fresh();
    await fetchWorld(raw, fake, { only: ['85099NED'] });
    fake.faults.push({ match: /ODataFeed.*TypedDataSet/, kind: 'redirect', location: `${elsewhere.base}/opendata/ODataFeed/odata/85099NED/TypedDataSet?$format=json`, times: Infinity });
    await keepsPrevious(raw, () => fetchWorld(raw, fake, { only: ['85099NED'] }), /HTTP 302 redirect to another host \(http:\/\/127\.0\.0\.1:\d+\/.*\); not followed/);

    fake.faults.length = 0;
    fake.log.length = 0;
    const here = `${fake.base}/opendata/ODataFeed/odata/85099NED/TypedDataSet?$format=json`;
    fake.faults.push({ match: /moved=1/, kind: 'redirect', location: here, times: 1 });
    const set = await getAll(new Http(FAST_HTTP), `${here}&moved=1`, { rewrite: (u) => onHosts(u, hostsFor(fake.base)) });
    expect(set.rows).toEqual(world().v3['85099NED'].rows);
    expect(fake.log[1]).toBe('/opendata/ODataFeed/odata/85099NED/TypedDataSet?$format=json');
    expect(elsewhere.log).toEqual([]);
  });

  it('pages that repeat rows are refused before anything is written (a page served twice)', async () => {
    const raw = fresh();
    await fetchWorld(raw, fake, { only: ['85099NED'] });
    fake.v3['85099NED'].rows[0].JongerenMetJeugdzorg_1 = 1; // a revision that must not be half-applied
    fake.faults.push({ match: /ODataFeed.*TypedDataSet.*\$skip=10/, kind: 'repeat-page', times: 1 });
    await keepsPrevious(raw, () => fetchWorld(raw, fake, { only: ['85099NED'] }), /row ID 0 on page 2 was already on page 1; the pages repeat or overlap/);
  });
});

describe('a chain of next-page links always ends', () => {
  it('v4: more rows than CBS counts for the filter ($count), or than the table has, stops the chain', async () => {
    const raw = fresh();
    fake.faults.push({ match: /85067NED\/Observations(?!.*\$count)/, kind: 'endless', times: Infinity });
    const r = await fetchWorld(raw, fake, { only: ['gebieden'] });
    // 3 gemeenten × 3 measures asked for: the 10th row is one too many.
    expect(r.failed).toEqual([{ target: 'gebieden/2022', error: expect.stringMatching(/10 rows after 10 pages, more than the 9 expected; the next-page chain does not end/) }]);
    expect(fake.log.filter((l) => l.includes('Observations') && !l.includes('$count'))).toHaveLength(10);
    expect(existsSync(join(raw, 'gebieden'))).toBe(false);

    // Without a count in the answer, the table's ObservationCount (24) bounds it.
    const countUrl = `/datasets/odata/v1/CBS/85067NED/Observations?$filter=(Measure eq 'GM000C_1' or Measure eq 'JZ0001' or Measure eq 'JZ0002') and startswith(RegioS,'GM')&$count=true&$top=1`;
    fake.bodies[countUrl] = '{"value":[]}';
    const r2 = await fetchWorld(raw, fake, { only: ['gebieden'] });
    delete fake.bodies[countUrl];
    expect(r2.failed).toEqual([{ target: 'gebieden/2022', error: expect.stringMatching(/25 rows after 25 pages, more than the 24 expected/) }]);
    expect(existsSync(join(raw, 'gebieden'))).toBe(false);
  });

  it('v4: a chain that ends before CBS\'s count is an error too (pages cut short)', async () => {
    const raw = fresh();
    fake.v4PageSize = 3;
    fake.faults.push({ match: /85067NED\/Observations(?!.*\$count)/, kind: 'next-link', location: undefined, times: Infinity });
    const r = await fetchWorld(raw, fake, { only: ['gebieden'] });
    fake.v4PageSize = 100_000;
    expect(r.failed).toEqual([{ target: 'gebieden/2022', error: expect.stringMatching(/85067NED: 3 observations in 1 pages, but CBS counts 9 for this filter; the pages are incomplete/) }]);
  });

  it('v3 (no row count): the time limit per table stops it', async () => {
    const raw = fresh();
    fake.faults.push({ match: /ODataFeed.*TypedDataSet/, kind: 'endless', times: Infinity });
    const t0 = Date.now();
    const r = await fetchWorld(raw, fake, { only: ['85099NED'], tableTimeLimitMs: 400 });
    expect(r.failed).toEqual([{ target: '85099NED', error: expect.stringMatching(/still paging after the time limit per table \(\d+ pages, \d+ rows; --table-time-limit\)/) }]);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(existsSync(join(raw, '85099NED'))).toBe(false);
  });

  it('a link back to a page already read, and an empty page that links on, stop it', async () => {
    const http = new Http(FAST_HTTP);
    const url = `${fake.base}/opendata/ODataFeed/odata/85099NED/TypedDataSet?$format=json`;
    fake.faults.push({ match: /TypedDataSet\?\$format=json$/, kind: 'next-link', location: url, times: 1 });
    await expect(getAll(http, url)).rejects.toThrow(/the next page link points at a page already read/);
    fake.faults.length = 0;
    const empty = query(`${fake.base}/opendata/ODataFeed/odata/85099NED/TypedDataSet`, { format: true, filter: "RegioS eq 'XX'" });
    fake.faults.push({ match: /RegioS eq 'XX'/, kind: 'next-link', location: `${empty}&$skip=10`, times: 1 });
    await expect(getAll(http, empty)).rejects.toThrow(/an empty page that links to a next page/);
  });
});

describe('size limits', () => {
  it.each([
    ['streamed without a length', false, /the response is over 1(\.\d)? MiB and still coming, larger than the maximum of 1 MiB \(--max-response-mb\); refused/],
    ['announced by Content-Length', true, /the response is 20 MiB \(Content-Length\), larger than the maximum of 1 MiB/],
  ] as const)('a 20 MiB body %s is refused with the URL and the limit, once, not retried', async (_, declare, message) => {
    const raw = fresh();
    await fetchWorld(raw, fake, { only: ['85099NED'] });
    fake.faults.push({ match: /ODataFeed.*TypedDataSet/, kind: 'huge', bytes: 20 * 1024 * 1024, declare, times: Infinity });
    fake.log.length = 0;
    await keepsPrevious(raw, () => fetchWorld(raw, fake, { only: ['85099NED'], http: { ...FAST_HTTP, maxResponseBytes: 1024 * 1024 } }), message);
    expect(fake.log.filter((l) => /ODataFeed.*TypedDataSet/.test(l))).toHaveLength(1);
  });
});

describe('Retry-After', () => {
  it('is honoured as asked (beyond the backoff cap), up to its maximum', async () => {
    fake.faults.push({ match: /TypedDataSet/, kind: '429', retryAfter: '1', times: 1 });
    const waits: number[] = [];
    const http = new Http({ ...FAST_HTTP, maxBackoffMs: 5, onRetry: (e) => waits.push(e.waitMs) });
    const t0 = Date.now();
    const set = await getAll(http, `${fake.base}/opendata/ODataFeed/odata/85099NED/TypedDataSet?$format=json&$filter=${encodeURIComponent("RegioS eq 'NL01      '")}`);
    expect(set.rows.length).toBeGreaterThan(0);
    expect(waits).toEqual([1000]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
  });

  it('beyond the maximum the request fails at once with a message saying so', async () => {
    fake.faults.push({ match: /TypedDataSet/, kind: '429', retryAfter: '3600', times: Infinity });
    const http = new Http({ ...FAST_HTTP, maxRetryAfterMs: 2000 });
    const t0 = Date.now();
    const err = await getAll(http, `${fake.base}/opendata/ODataFeed/odata/85099NED/TypedDataSet?$format=json`).catch((e) => e);
    expect(err.message).toMatch(/HTTP 429 .*; the server asks to retry after 3600 s, more than the maximum of 2 s \(--max-retry-after\); run the same command again later/);
    expect(fake.log).toHaveLength(1);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});

describe('a crash between the two final renames', () => {
  it('the set-aside folder is put back at the start of the next run, even when that target then fails', async () => {
    const raw = fresh();
    await fetchWorld(raw, fake, { only: ['85099NED', 'iv3'] });
    const before = snapshot(raw, true);
    // What a kill after the first rename (old folder set aside, new one not yet in place) leaves behind.
    renameSync(join(raw, '85099NED'), join(raw, '.old-85099NED-4194304-0a1b2c3d'));
    renameSync(join(raw, 'iv3/45063NED'), join(raw, 'iv3/.old-45063NED-4194304-0a1b2c3d'));
    fake.faults.push({ match: /85099NED\/TypedDataSet/, kind: '500', times: Infinity });
    const events: RunEvent[] = [];
    const r = await fetchWorld(raw, fake, { only: ['85099NED'], onEvent: (e) => events.push(e) });
    expect(r.failed.map((f) => f.target)).toEqual(['85099NED']);
    expect(events.filter((e) => e.type === 'recovered').map((e) => (e as { dir: string }).dir).sort()).toEqual([join(raw, '85099NED'), join(raw, 'iv3/45063NED')]);
    const after = snapshot(raw, true);
    expect(Object.fromEntries(Object.entries(after).filter(([k]) => !k.startsWith('.fetch/')))).toEqual(before);
  });
});

describe('plans fail loudly where a table is not what they expect', () => {
  it('03759ned without a single year of age is an error naming it and what the table has (never a smaller sum)', async () => {
    const raw = fresh();
    const t = fake.v4['03759ned'];
    t.codes.Leeftijd = t.codes.Leeftijd.filter((c) => c.Title !== '17 jaar');
    const r = await fetchWorld(raw, fake, { only: ['03759ned/2022'] });
    expect(r.failed).toEqual([{ target: '03759ned/2022', error: expect.stringMatching(/03759ned: LeeftijdCodes has no "17 jaar" \(needed: "Totaal" and every single year 0–22\); it has "10000 Totaal", "10010 0 jaar", "10100 1 jaar"/) }]);
    expect(existsSync(join(raw, '03759ned'))).toBe(false);
  });

  it('a dimension without a Totaal code is an error, not a download of every code', async () => {
    const raw = fresh();
    fake.v4['03759ned'].codes.Geslacht = fake.v4['03759ned'].codes.Geslacht.filter((c) => c.Identifier !== 'T001038');
    const r = await fetchWorld(raw, fake, { only: ['03759ned/2022'] });
    expect(r.failed[0].error).toMatch(/03759ned: no "Totaal…" code in GeslachtCodes; it has "3000 Mannen"/);
  });

  it('an unknown v4 table id (empty answers, no 404) is an error naming the id', async () => {
    const raw = fresh();
    delete (fake.v4 as Record<string, unknown>)['70072ned'];
    const r = await fetchWorld(raw, fake, { only: ['70072ned'] });
    expect(r.failed).toEqual([{ target: '70072ned', error: expect.stringMatching(/70072ned: datasets\.cbs\.nl answered with empty Properties and no MeasureCodes; there is no table "70072ned" .*check the id in src\/fetch\/sources\.ts/) }]);
  });

  it('a KWB id that is another edition, or an edition without the youth-care topics, is an error', async () => {
    const raw = fresh();
    fake.v3['85039NED'].infos.Period = '2020';
    const r = await fetchWorld(raw, fake, { only: ['kwb'] });
    expect(r.failed[0].error).toMatch(/85039NED: TableInfos Period is "2020" \(Kerncijfers wijken en buurten 2021\), not 2021; check KWB_TABLES/);
    Object.assign(fake, world());
    fake.v3['85039NED'].props = fake.v3['85039NED'].props.filter((p) => !/^Percentage/.test(String(p.Title)));
    const r2 = await fetchWorld(raw, fake, { only: ['kwb'] });
    expect(r2.failed[0].error).toMatch(/85039NED: no topic titled "Percentage jongeren met jeugdzorg"; related topics it has: .*"Jongeren met jeugdzorg in natura"/);
    expect(existsSync(join(raw, 'kwb'))).toBe(false);
  });
});

describe('kill -9 at random moments', () => {
  /** Files and manifests without their retrieval times: what two fetches of the same tables must share. */
  const content = (raw: string) =>
    Object.fromEntries(
      Object.entries(snapshot(raw))
        .filter(([f]) => !f.startsWith('.fetch/'))
        .map(([f, sum]) => [f, f.endsWith('manifest.json') ? JSON.stringify({ ...json(join(raw, f)), files: json(join(raw, f)).files.map(({ retrieved: _, ...e }: Record<string, unknown>) => e) }) : sum]),
    );

  it('a fetch killed 12 times mid-run, then run once more, leaves exactly the files of an uninterrupted fetch', async () => {
    fake.pageSize = 3; // many small pages: a kill lands between pages, writes and renames
    const only = ['--only', '85099NED,03759ned/2022,70072ned,gebieden/2022,iv3/2023,boundaries/2022,kwb/2021', '--attempts', '2', '--backoff', '1', '--quiet'];
    const clean = fresh();
    const ok = await cli('scripts/fetch.ts', [...only, '--base', fake.base, '--out', clean]);
    expect(ok.code, ok.stderr).toBe(0);
    const raw = fresh();
    let killed = 0;
    for (let i = 0; i < 12; i++) {
      const child = spawn(process.execPath, ['scripts/fetch.ts', ...only, '--base', fake.base, '--out', raw], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, JEUGDHULP_CBS_BASE: '', JEUGDHULP_DATA_DIR: '' } });
      const done = new Promise<number | null>((resolve) => child.on('close', resolve));
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 900));
      if (child.exitCode === null && child.kill('SIGKILL')) killed++;
      await done;
    }
    const last = await cli('scripts/fetch.ts', [...only, '--base', fake.base, '--out', raw]);
    expect(last.code, last.stderr).toBe(0);
    expect(killed).toBeGreaterThanOrEqual(6);
    expect(content(raw)).toEqual(content(clean));
    expect(readdirSync(raw).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 120_000);
});
