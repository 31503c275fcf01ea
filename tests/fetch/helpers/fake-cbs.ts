/**
 * A local stand-in for the CBS hosts (and cartomap), on 127.0.0.1 with a random port, answering as the real
 * services do according to the captures in ../shared/data/cbs-captures: OData v3 ODataFeed pages of 10 000
 * rows joined by an absolute `odata.nextLink` on the real CBS host (`https://opendata.cbs.nl/…?$skip=10000`,
 * `$filter` kept), v4 pages of up to 100 000 rows with `@odata.nextLink`, ODataApi refusing a result above
 * 10 000 rows unless paged with `$top`/`$skip`, v4 answering an unknown table with empty results (not 404),
 * `$select`, and a small `$filter` evaluator (eq, ge/gt/le/lt, and, or, startswith, substringof, parentheses).
 * `bodies` serves captured response bytes unchanged by path. Injectable faults: 429 (with any Retry-After),
 * 500, a body cut off mid-way, invalid JSON, a hang, redirects, oversized bodies and next-page links that leave
 * the host, repeat pages or never end. Everything it is asked is logged, so tests can bound request counts.
 */
import { listenLoopback } from '../../helpers/loopback.ts';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

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

export type FaultKind =
  | '429'
  | '500'
  | 'truncate'
  | 'invalid-json'
  | 'hang'
  /** HTTP 302 to `location`. */
  | 'redirect'
  /** A 200 body of `bytes` bytes, streamed without Content-Length (or with it: `declare`). */
  | 'huge'
  /** The normal page, but its next link replaced by `location`. */
  | 'next-link'
  /** Every page links to one more page, each with one new row: a chain that never ends. */
  | 'endless'
  /** The server ignores $skip: every page is the first page again, with a next link on. */
  | 'repeat-page';

export interface Fault {
  /** Matched against the decoded path + query. */
  match: RegExp;
  kind: FaultKind;
  /** How many matching requests get the fault (Infinity: all). */
  times: number;
  retryAfter?: string;
  location?: string;
  bytes?: number;
  declare?: boolean;
}

export interface FakeCbs {
  base: string;
  /** Decoded path + query of every request, in order. */
  log: string[];
  v3: Record<string, V3Table>;
  v4: Record<string, V4Table>;
  geo: Record<string, unknown>;
  /** Captured response bodies, served byte for byte, by decoded path + query (exact match first, then path alone). */
  bodies: Record<string, string | Buffer>;
  faults: Fault[];
  /** Rows per ODataFeed page (CBS: 10 000). */
  pageSize: number;
  /** Rows per v4 page (CBS: up to 100 000). */
  v4PageSize: number;
  /** ODataApi answers at most this many rows; asked for more without $top it refuses (CBS: 10 000). */
  apiLimit: number;
  /** Next links on the real CBS hosts (as CBS writes them) or on this server. */
  realLinks: boolean;
  /** Hosts without an ODataFeed (404), e.g. ['dataderden']. */
  noFeed: string[];
  /** Requests in flight at most, observed. */
  maxInFlight: number;
  close(): Promise<void>;
}

const REAL: Record<string, string> = { opendata: 'https://opendata.cbs.nl', dataderden: 'https://dataderden.cbs.nl', datasets: 'https://datasets.cbs.nl' };

export async function startFakeCbs(init: Partial<Pick<FakeCbs, 'v3' | 'v4' | 'geo' | 'bodies' | 'pageSize' | 'v4PageSize' | 'apiLimit'>> = {}): Promise<FakeCbs> {
  let inFlight = 0;
  const fake: FakeCbs = {
    base: '',
    log: [],
    v3: init.v3 ?? {},
    v4: init.v4 ?? {},
    geo: init.geo ?? {},
    bodies: init.bodies ?? {},
    faults: [],
    pageSize: init.pageSize ?? 10_000,
    v4PageSize: init.v4PageSize ?? 100_000,
    apiLimit: init.apiLimit ?? 10_000,
    realLinks: true,
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
  Object.assign(fake, await listenLoopback(server));
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
    if (fault.kind === '429') return send(res, 429, 'Too Many Requests', { 'retry-after': fault.retryAfter ?? '0' });
    if (fault.kind === '500') return send(res, 500, '{"odata.error":{"code":"","message":{"lang":"en-US","value":"An error has occurred."}}}');
    if (fault.kind === 'redirect') {
      res.writeHead(302, { location: fault.location ?? '/' });
      return void res.end();
    }
    if (fault.kind === 'huge') return streamHuge(res, fault.bytes ?? 1024 * 1024, fault.declare ?? false);
  }
  const captured = fake.bodies[logged] ?? fake.bodies[decodeURIComponent(url.pathname)];
  if (captured !== undefined && !fault) return send(res, 200, captured);
  let body: unknown;
  try {
    body = route(fake, url, fault);
  } catch (e) {
    return send(res, (e as { status?: number }).status ?? 400, JSON.stringify({ 'odata.error': { message: { value: (e as Error).message } } }));
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

function send(res: ServerResponse, status: number, text: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

/** A valid-looking JSON body that goes on and on (a 600 MB answer, scaled down), 64 KiB at a time. */
function streamHuge(res: ServerResponse, bytes: number, declare: boolean): void {
  res.writeHead(200, { 'content-type': 'application/json', ...(declare ? { 'content-length': String(bytes) } : {}) });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  const pump = () => {
    while (sent < bytes) {
      const n = Math.min(chunk.length, bytes - sent);
      sent += n;
      if (!res.write(chunk.subarray(0, n))) return void res.once('drain', pump);
    }
    res.end();
  };
  res.on('error', () => {});
  pump();
}

class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

function route(fake: FakeCbs, url: URL, fault: Fault | undefined): unknown {
  const p = url.pathname;
  const q = url.searchParams;
  let m: RegExpExecArray | null;
  if ((m = /^\/(opendata|dataderden)\/(ODataApi|ODataFeed)\/odata\/([^/]+)\/([^/]+?)\/?$/i.exec(p))) {
    const [, host, api, id, entity] = m;
    const t = fake.v3[id];
    if (!t || (api.toLowerCase() === 'odatafeed' && fake.noFeed.includes(host))) return undefined;
    const ctx = `${REAL[host]}/${api}/OData/${id}/$metadata#Cbs.OData.WebAPI.${entity}`;
    if (q.get('$format') !== 'json') throw new Error('$format=json expected');
    let rows: Row[] | undefined;
    if (entity === 'TableInfos') rows = [t.infos];
    else if (entity === 'DataProperties') rows = t.props;
    else if (entity === 'TypedDataSet') rows = t.rows;
    else rows = t.dims[entity];
    if (!rows) return undefined;
    rows = select(applyFilter(rows, q.get('$filter')), q.get('$select'));
    if (api.toLowerCase() === 'odatafeed') return page(fake, url, rows, fake.pageSize, ctx, 'odata.metadata', 'odata.nextLink', fault);
    const skip = Number(q.get('$skip') ?? 0);
    if (!q.has('$top') && rows.length - skip > fake.apiLimit) throw new HttpError(500, `Query returns more than ${fake.apiLimit} records. Please use a filter or the ODataFeed.`);
    const top = Math.min(Number(q.get('$top') ?? fake.apiLimit), fake.apiLimit);
    return { 'odata.metadata': ctx, value: rows.slice(skip, skip + top) };
  }
  if ((m = /^\/datasets\/odata\/v1\/CBS\/([^/]+)\/([^/]+)$/.exec(p))) {
    const [, id, entity] = m;
    const ctx = `${REAL.datasets}/odata/v1/CBS/${id}/$metadata#${entity}`;
    // An unknown table: empty results, as datasets.cbs.nl answers (no 404).
    const t = fake.v4[id] ?? { properties: {}, measures: [], dimensions: [], codes: {}, observations: [] };
    if (entity === 'Properties') return { '@odata.context': ctx, ...t.properties };
    let rows: Row[] | undefined;
    if (entity === 'MeasureCodes') rows = t.measures;
    else if (entity === 'Dimensions') rows = t.dimensions;
    else if (entity === 'Observations') rows = t.observations;
    else if (entity.endsWith('Codes')) rows = t.codes[entity.slice(0, -'Codes'.length)] ?? (fake.v4[id] ? undefined : []);
    if (!rows) return undefined;
    return page(fake, url, select(applyFilter(rows, q.get('$filter')), q.get('$select')), fake.v4PageSize, ctx, '@odata.context', '@odata.nextLink', fault);
  }
  if ((m = /^\/cartomap\/nl\/wgs84\/(\w+_\d{4})\.geojson$/.exec(p))) return fake.geo[m[1]];
  return undefined;
}

const select = (rows: Row[], sel: string | null) => {
  if (!sel) return rows;
  const cols = sel.split(',').map((c) => c.trim());
  return rows.map((r) => Object.fromEntries(cols.filter((c) => c in r).map((c) => [c, r[c]])));
};

/** One page of `rows` from `$skip` on, with a next link (absolute, `$filter` kept) while rows remain. */
function page(fake: FakeCbs, url: URL, rows: Row[], size: number, ctx: string, ctxKey: string, nextKey: string, fault: Fault | undefined): Row {
  const from = Number(url.searchParams.get('$skip') ?? 0);
  let value = rows.slice(from, from + size);
  const link = (skip: number) => {
    const next = new URL(url.href);
    next.searchParams.set('$skip', String(skip));
    const host = url.pathname.split('/')[1];
    return fake.realLinks && REAL[host] ? `${REAL[host]}${next.pathname.slice(host.length + 1)}${next.search}` : next.href;
  };
  if (fault?.kind === 'endless') {
    return { [ctxKey]: ctx, value: [{ ...rows[0], ID: 1_000_000 + from, Id: 1_000_000 + from }], [nextKey]: link(from + 1) };
  }
  if (fault?.kind === 'repeat-page') value = rows.slice(0, size);
  const out: Row = { [ctxKey]: ctx, value };
  // v4 `$count=true` (with `$top`, as CBS's clients ask it): the count of the whole filtered set, one short page.
  if (url.searchParams.get('$count') === 'true') out['@odata.count'] = rows.length;
  if (url.searchParams.has('$top')) {
    out.value = rows.slice(from, from + Number(url.searchParams.get('$top')));
    return out;
  }
  if (fault?.kind === 'next-link') out[nextKey] = fault.location;
  else if (fault?.kind === 'repeat-page' || from + size < rows.length) out[nextKey] = link(from + size);
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
    const op = take('id').v;
    const v = take('str').v;
    const cmp: Record<string, (a: string) => boolean> = { eq: (a) => a === v, ne: (a) => a !== v, ge: (a) => a >= v, gt: (a) => a > v, le: (a) => a <= v, lt: (a) => a < v };
    if (!cmp[op]) throw new Error(`unsupported operator ${op} in $filter: ${filter}`);
    return (r) => typeof r[id] === 'string' && cmp[op](r[id] as string);
  };
  const pred = or();
  if (i !== toks.length) throw new Error(`trailing tokens in $filter: ${filter}`);
  return rows.filter(pred);
}
