import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FetchError, Http } from '../../src/fetch/http.ts';
import { getAll, query, serialise, withPaging, type PagingOptions } from '../../src/fetch/odata.ts';
import { hostsFor, onHosts } from '../../src/fetch/sources.ts';
import { applyFilter, startFakeCbs, type FakeCbs } from './helpers/fake-cbs.ts';
import { jeugdzorgTable } from './helpers/world.ts';

/**
 * The OData client against the local replay server: paging (nextLink, and $skip past the 10 000-row cap),
 * retries with backoff on 429 / 5xx / cut-off bodies / invalid JSON / timeouts, a clear failure after the
 * last attempt, no retry on 404, and the cap on requests in flight. Backoff is 1 ms here.
 */
const FAST = { backoffMs: 1, maxBackoffMs: 5, attempts: 3, timeoutMs: 2000 };
const TABLE = jeugdzorgTable();
const ROWS = TABLE.rows.length;

describe('OData client', () => {
  let fake: FakeCbs;
  const feed = () => `${fake.base}/opendata/ODataFeed/odata/85099NED/TypedDataSet`;
  const api = () => `${fake.base}/opendata/ODataApi/odata/85099NED/TypedDataSet`;
  const mirror = () => (u: string) => onHosts(u, hostsFor(fake.base));
  /** As the plans call it: next links on the real CBS hosts are read from the mirror. */
  const get = (http: Http, url: string, opts: PagingOptions = {}) => getAll(http, url, { rewrite: mirror(), ...opts });

  beforeAll(async () => {
    fake = await startFakeCbs({ v3: { '85099NED': TABLE }, pageSize: 10 });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.log.length = 0;
    fake.faults.length = 0;
    fake.apiLimit = 10_000;
    fake.pageSize = 10;
    fake.maxInFlight = 0;
  });

  it('follows odata.nextLink (absolute, on the real CBS host) onto the mirror until the last page, rows in order', async () => {
    const http = new Http(FAST);
    const pages: number[] = [];
    const set = await get(http, query(feed(), { format: true }), { onPage: (_, p) => pages.push(p) });
    expect(set.rows).toEqual(TABLE.rows);
    expect(set.pages).toBe(Math.ceil(ROWS / 10));
    expect(pages).toEqual(Array.from({ length: set.pages }, (_, i) => i + 1));
    expect(fake.log).toHaveLength(set.pages);
    expect(fake.log[1]).toContain('$skip=10');
    expect(set.context).toContain('$metadata#Cbs.OData.WebAPI.TypedDataSet');
  });

  it('filters server-side: the filter reaches the server encoded once, padded keys matched by prefix', async () => {
    const http = new Http(FAST);
    const filter = "(startswith(RegioS,'GM') or startswith(RegioS,'NL')) and (Perioden eq '2021JJ00')";
    const url = query(feed(), { format: true, filter });
    expect(url).not.toContain(' ');
    const set = await get(http, url);
    expect(set.rows.length).toBe(applyFilter(TABLE.rows, filter).length);
    expect(set.rows.every((r) => /^(GM\d{4} {4}|NL01 {6})$/.test(String(r.RegioS)) && r.Perioden === '2021JJ00')).toBe(true);
    expect(fake.log[0]).toContain(`$filter=${filter}`);
  });

  it('pages ODataApi explicitly with $top/$skip (it refuses a larger result; it does not truncate it)', async () => {
    fake.apiLimit = 8;
    const http = new Http(FAST);
    const refused = await get(http, query(api(), { format: true })).catch((e) => e);
    expect(refused.message).toMatch(/more than 8 records/);
    fake.log.length = 0;
    const set = await get(http, query(api(), { format: true }), { pageSize: 8 });
    expect(set.rows).toEqual(TABLE.rows);
    const expected = Math.floor(ROWS / 8) + 1;
    expect(fake.log).toHaveLength(expected);
    expect(fake.log[0]).toMatch(/\$top=8&\$skip=0$/);
    expect(fake.log[1]).toMatch(/\$top=8&\$skip=8$/);
    expect(withPaging('http://x/T?$format=json&$skip=3', 16, 8)).toBe('http://x/T?$format=json&$top=8&$skip=16');
  });

  it('a 429 is retried after its Retry-After, then succeeds', async () => {
    fake.faults.push({ match: /TypedDataSet/, kind: '429', times: 1 });
    const retries: string[] = [];
    const http = new Http({ ...FAST, onRetry: (e) => retries.push(e.reason) });
    fake.pageSize = 1000;
    const set = await get(http, query(feed(), { format: true }));
    expect(set.rows).toHaveLength(ROWS);
    expect(fake.log).toHaveLength(2);
    expect(retries).toEqual([expect.stringContaining('HTTP 429')]);
  });

  it('a 500 three times ends in a clear error after exactly three attempts', async () => {
    fake.faults.push({ match: /TypedDataSet/, kind: '500', times: Infinity });
    const http = new Http(FAST);
    const err = await get(http, query(feed(), { format: true })).catch((e) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err.message).toMatch(/failed after 3 attempts: HTTP 500/);
    expect(err.message).toContain('/85099NED/TypedDataSet');
    expect(err.status).toBe(500);
    expect(fake.log).toHaveLength(3);
  });

  it('a body cut off mid-way is retried; cut off every time, it is a clear error', async () => {
    fake.pageSize = 1000;
    fake.faults.push({ match: /TypedDataSet/, kind: 'truncate', times: 1 });
    const set = await get(new Http(FAST), query(feed(), { format: true }));
    expect(set.rows).toHaveLength(ROWS);
    expect(fake.log).toHaveLength(2);

    fake.log.length = 0;
    fake.faults.push({ match: /TypedDataSet/, kind: 'truncate', times: Infinity });
    const err = await get(new Http(FAST), query(feed(), { format: true })).catch((e) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err.message).toMatch(/after 3 attempts: the body was cut off/);
    expect(fake.log).toHaveLength(3);
  });

  it('invalid JSON is retried; invalid every time, it is a clear error', async () => {
    fake.pageSize = 1000;
    fake.faults.push({ match: /TypedDataSet/, kind: 'invalid-json', times: 1 });
    expect((await get(new Http(FAST), query(feed(), { format: true }))).rows).toHaveLength(ROWS);
    fake.faults.push({ match: /TypedDataSet/, kind: 'invalid-json', times: Infinity });
    const err = await get(new Http(FAST), query(feed(), { format: true })).catch((e) => e);
    expect(err.message).toMatch(/after 3 attempts: invalid JSON \(.*bytes, starting "\{"odata\.metadata"/);
  });

  it('a request that hangs times out and is retried', async () => {
    fake.pageSize = 1000;
    fake.faults.push({ match: /TypedDataSet/, kind: 'hang', times: 1 });
    const retries: string[] = [];
    const http = new Http({ ...FAST, timeoutMs: 300, onRetry: (e) => retries.push(e.reason) });
    expect((await get(http, query(feed(), { format: true }))).rows).toHaveLength(ROWS);
    expect(retries).toEqual([expect.stringContaining('no complete response within 0.3 s')]);
  });

  it('a 404 is not retried and says what to check', async () => {
    const err = await get(new Http(FAST), `${fake.base}/opendata/ODataApi/odata/99999NED/DataProperties?$format=json`).catch((e) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err.message).toMatch(/HTTP 404.*renamed/);
    expect(fake.log).toHaveLength(1);
  });

  it('an empty table is an empty set (the plans turn that into an error), not a hang or a crash', async () => {
    const set = await get(new Http(FAST), query(feed(), { format: true, filter: "RegioS eq 'GM0000'" }));
    expect(set.rows).toEqual([]);
    expect(serialise(set)).toMatch(/"value":\[\]\}\n$/);
  });

  it('never has more requests in flight than its concurrency', async () => {
    fake.pageSize = 1000;
    const http = new Http({ ...FAST, concurrency: 2 });
    const urls = Array.from({ length: 8 }, (_, i) => query(feed(), { format: true, filter: `Perioden eq '${2015 + i}JJ00'` }));
    await Promise.all(urls.map((u) => get(http, u)));
    expect(fake.log).toHaveLength(8);
    expect(fake.maxInFlight).toBeLessThanOrEqual(2);
    expect(fake.maxInFlight).toBe(2);
  });

  it('writes one row per line in the API body shape', () => {
    const text = serialise({ context: 'ctx', contextKey: 'odata.metadata', rows: [{ a: 1 }, { a: 2 }] });
    expect(text).toBe('{"odata.metadata":"ctx","value":[\n{"a":1},\n{"a":2}\n]}\n');
    expect(JSON.parse(text).value).toHaveLength(2);
  });
});
