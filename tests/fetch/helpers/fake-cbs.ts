/**
 * A local stand-in for the CBS hosts (and cartomap), on 127.0.0.1 with a random port, answering in the
 * documented formats (cbs-api.md): OData v3 ODataApi/ODataFeed bodies with `odata.metadata` and
 * `odata.nextLink`, padded v3 keys, v4 bodies with `@odata.context`/`@odata.nextLink`, a small $filter
 * evaluator (eq, and, or, startswith, substringof, parentheses), and injectable faults: 429, 500, a body cut
 * off mid-way, invalid JSON, a hang. Everything it is asked is logged, so tests can bound request counts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Row = Record<string, unknown>;

export interface V3Table {
  infos: Row;
  props: Row[];
  dims: Record<string, Row[]>;
  rows: Row[];
}

export interface V4Table {
  properties: Row;
  measures: Row[];
  dimensions: Row[];
  codes: Record<string, Row[]>;
  observations: Row[];
}

export type FaultKind = '429' | '500' | 'truncate' | 'invalid-json' | 'hang';

export interface Fault {
  /** Matched against the decoded path + query. */
  match: RegExp;
  kind: FaultKind;
  /** How many matching requests get the fault (Infinity: all). */
  times: number;
}

export interface FakeCbs {
  base: string;
  /** Decoded path + query of every request, in order. */
  log: string[];
  v3: Record<string, V3Table>;
  v4: Record<string, V4Table>;
  geo: Record<string, unknown>;
  faults: Fault[];
  /** Rows per ODataFeed / v4 page (nextLink after each full page). */
  pageSize: number;
  /** Rows ODataApi returns at most (no nextLink: the "10 000-row limit", scaled down). */
  apiLimit: number;
  /** When true, the v3 feed behaves like ODataApi: capped pages and no nextLink ($skip must be used). */
  feedWithoutNextLink: boolean;
  /** Hosts without an ODataFeed (404), e.g. ['dataderden']. */
  noFeed: string[];
  /** Requests in flight at most, observed. */
  maxInFlight: number;
  close(): Promise<void>;
}

export async function startFakeCbs(init: Partial<Pick<FakeCbs, 'v3' | 'v4' | 'geo' | 'pageSize' | 'apiLimit'>> = {}): Promise<FakeCbs> {
  let inFlight = 0;
  const fake: FakeCbs = {
    base: '',
    log: [],
    v3: init.v3 ?? {},
    v4: init.v4 ?? {},
    geo: init.geo ?? {},
    faults: [],
    pageSize: init.pageSize ?? 3,
    apiLimit: init.apiLimit ?? 10_000,
    feedWithoutNextLink: false,
    noFeed: [],
    maxInFlight: 0,
    close: async () => {},
  };
  const server = createServer((req, res) => {
    inFlight++;
    fake.maxInFlight = Math.max(fake.maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    // A little latency, so that concurrent requests overlap.
    setTimeout(() => handle(fake, req, res), 5);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

function handle(fake: FakeCbs, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', fake.base);
  const logged = decodeURIComponent(url.pathname + url.search);
  fake.log.push(logged);
  const fault = fake.faults.find((f) => f.times > 0 && f.match.test(logged));
  if (fault) {
    fault.times--;
    if (fault.kind === 'hang') return; // never answers; the client's timeout must fire
    if (fault.kind === '429') return send(res, 429, 'Too Many Requests', { 'retry-after': '0' });
    if (fault.kind === '500') return send(res, 500, '{"odata.error":{"code":"","message":{"lang":"en-US","value":"An error has occurred."}}}');
  }
  let body: unknown;
  try {
    body = route(fake, url);
  } catch (e) {
    return send(res, 400, JSON.stringify({ 'odata.error': { message: { value: (e as Error).message } } }));
  }
  if (body === undefined) return send(res, 404, '{"odata.error":{"code":"","message":{"lang":"en-US","value":"Resource not found."}}}');
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  if (fault?.kind === 'truncate') {
    // Announce the whole body, send half, hang up: the client sees a body cut off mid-way.
    const bytes = Buffer.from(text);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': bytes.length });
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.destroy());
    return;
  }
  if (fault?.kind === 'invalid-json') return send(res, 200, text.slice(0, Math.floor(text.length / 2)));
  send(res, 200, text, { 'last-modified': 'Tue, 01 Jul 2025 10:00:00 GMT' });
}

function send(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

function route(fake: FakeCbs, url: URL): unknown {
  const p = url.pathname;
  const q = url.searchParams;
  let m: RegExpExecArray | null;
  if ((m = /^\/(opendata|dataderden)\/(ODataApi|ODataFeed)\/odata\/([^/]+)\/([^/]+)$/i.exec(p))) {
    const [, host, api, id, entity] = m;
    const t = fake.v3[id];
    if (!t || (api.toLowerCase() === 'odatafeed' && fake.noFeed.includes(host))) return undefined;
    const ctx = `${fake.base}/${host}/${api}/OData/${id}/$metadata#Cbs.OData.WebAPI.${entity}`;
    if (q.get('$format') !== 'json') throw new Error('$format=json expected');
    let rows: Row[] | undefined;
    if (entity === 'TableInfos') rows = [t.infos];
    else if (entity === 'DataProperties') rows = t.props;
    else if (entity === 'TypedDataSet') rows = t.rows;
    else rows = t.dims[entity];
    if (!rows) return undefined;
    rows = applyFilter(rows, q.get('$filter'));
    const feed = api.toLowerCase() === 'odatafeed' && !fake.feedWithoutNextLink;
    if (feed) return page(fake, url, rows, ctx, 'odata.metadata', 'odata.nextLink');
    const skip = Number(q.get('$skip') ?? 0);
    const top = Math.min(Number(q.get('$top') ?? fake.apiLimit), fake.apiLimit);
    return { 'odata.metadata': ctx, value: rows.slice(skip, skip + top) };
  }
  if ((m = /^\/datasets\/odata\/v1\/CBS\/([^/]+)\/([^/]+)$/.exec(p))) {
    const [, id, entity] = m;
    const t = fake.v4[id];
    if (!t) return undefined;
    const ctx = `${fake.base}/datasets/odata/v1/CBS/${id}/$metadata#${entity}`;
    if (entity === 'Properties') return { '@odata.context': ctx, ...t.properties };
    let rows: Row[] | undefined;
    if (entity === 'MeasureCodes') rows = t.measures;
    else if (entity === 'Dimensions') rows = t.dimensions;
    else if (entity === 'Observations') rows = t.observations;
    else if (entity.endsWith('Codes')) rows = t.codes[entity.slice(0, -'Codes'.length)];
    if (!rows) return undefined;
    return page(fake, url, applyFilter(rows, q.get('$filter')), ctx, '@odata.context', '@odata.nextLink');
  }
  if ((m = /^\/cartomap\/nl\/wgs84\/(\w+_\d{4})\.geojson$/.exec(p))) return fake.geo[m[1]];
  return undefined;
}

/** One page of `rows` from `$skiptoken` on, with a next link while rows remain. */
function page(fake: FakeCbs, url: URL, rows: Row[], ctx: string, ctxKey: string, nextKey: string): Row {
  const from = Number(url.searchParams.get('$skiptoken') ?? 0);
  const value = rows.slice(from, from + fake.pageSize);
  const out: Row = { [ctxKey]: ctx, value };
  if (from + fake.pageSize < rows.length) {
    const next = new URL(url.href);
    next.searchParams.set('$skiptoken', String(from + fake.pageSize));
    out[nextKey] = next.href;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// $filter: the subset CBS clients use.

type Token = { t: 'id' | 'str' | 'p'; v: string };

function tokens(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) i++;
    else if (c === '(' || c === ')' || c === ',') {
      out.push({ t: 'p', v: c });
      i++;
    } else if (c === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= s.length) throw new Error(`unterminated string in $filter: ${s}`);
        if (s[i] === "'" && s[i + 1] === "'") {
          v += "'";
          i += 2;
        } else if (s[i] === "'") {
          i++;
          break;
        } else v += s[i++];
      }
      out.push({ t: 'str', v });
    } else {
      const m = /^[A-Za-z_][\w]*/.exec(s.slice(i));
      if (!m) throw new Error(`unexpected "${c}" in $filter: ${s}`);
      out.push({ t: 'id', v: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

export function applyFilter(rows: Row[], filter: string | null): Row[] {
  if (!filter) return rows;
  const toks = tokens(filter);
  let i = 0;
  const peek = () => toks[i];
  const take = (t?: string, v?: string) => {
    const k = toks[i++];
    if (!k || (t && k.t !== t) || (v && k.v !== v)) throw new Error(`bad $filter near token ${i}: ${filter}`);
    return k;
  };
  type Pred = (r: Row) => boolean;
  const or = (): Pred => {
    const parts = [and()];
    while (peek()?.t === 'id' && peek().v === 'or') {
      i++;
      parts.push(and());
    }
    return (r) => parts.some((p) => p(r));
  };
  const and = (): Pred => {
    const parts = [unary()];
    while (peek()?.t === 'id' && peek().v === 'and') {
      i++;
      parts.push(unary());
    }
    return (r) => parts.every((p) => p(r));
  };
  const unary = (): Pred => {
    const k = peek();
    if (k?.t === 'p' && k.v === '(') {
      i++;
      const e = or();
      take('p', ')');
      return e;
    }
    const id = take('id').v;
    if (id === 'startswith') {
      take('p', '(');
      const col = take('id').v;
      take('p', ',');
      const s = take('str').v;
      take('p', ')');
      return (r) => String(r[col] ?? '').startsWith(s);
    }
    if (id === 'substringof') {
      take('p', '(');
      const s = take('str').v;
      take('p', ',');
      const col = take('id').v;
      take('p', ')');
      return (r) => String(r[col] ?? '').includes(s);
    }
    take('id', 'eq');
    const v = take('str').v;
    return (r) => r[id] === v;
  };
  const pred = or();
  if (i !== toks.length) throw new Error(`trailing tokens in $filter: ${filter}`);
  return rows.filter(pred);
}
