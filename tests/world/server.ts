/**
 * Serves a generated world (generate.ts) on 127.0.0.1 the way the CBS hosts answer, as far as the captures in
 * ../shared/data/cbs-captures show: OData v3 ODataApi (at most 10 000 rows, no nextLink) and ODataFeed (pages of
 * 10 000 with an absolute `odata.nextLink` on the CBS host that keeps `$filter` and adds `$skip`), v4 pages of
 * up to 100 000 rows with `@odata.nextLink` (and `$count=true`, `$top`), an unknown v4 table answered with an empty result (not a 404),
 * cartomap GeoJSON. `$filter` is evaluated by the fake server's evaluator (tests/fetch/helpers/fake-cbs.ts).
 */
import { listenLoopback } from '../helpers/loopback.ts';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { applyFilter, type Row } from '../fetch/helpers/fake-cbs.ts';
import type { World } from './generate.ts';

export interface WorldServerOptions {
  /** v3 rows per page (CBS: 10 000). */
  v3Page?: number;
  /** v4 rows per page (CBS: up to 100 000). */
  v4Page?: number;
  /**
   * 'cbs': next links point at the real CBS host, as CBS writes them (a client behind --base must rewrite
   * them); 'mirror': at this server.
   */
  nextLinks?: 'cbs' | 'mirror';
}

export interface WorldServer {
  base: string;
  /** Requests served, by kind: what the report counts. */
  requests: number;
  log: string[];
  close(): Promise<void>;
}

const CBS_HOSTS: Record<string, string> = {
  opendata: 'https://opendata.cbs.nl',
  dataderden: 'https://dataderden.cbs.nl',
  datasets: 'https://datasets.cbs.nl',
};

export async function startWorldServer(world: World, opts: WorldServerOptions = {}): Promise<WorldServer> {
  const v3Page = opts.v3Page ?? 10_000;
  const v4Page = opts.v4Page ?? 100_000;
  const cache = new Map<string, Row[]>();
  const filtered = (key: string, rows: Row[], filter: string | null) => {
    if (!filter) return rows;
    const k = `${key}|${filter}`;
    let hit = cache.get(k);
    if (!hit) {
      hit = applyFilter(rows, filter);
      cache.set(k, hit);
    }
    return hit;
  };
  const srv: WorldServer = { base: '', requests: 0, log: [], close: async () => {} };

  const nextLink = (url: URL, host: string, skip: number) => {
    const q = new URLSearchParams(url.search);
    q.delete('$skip');
    q.delete('$skiptoken');
    // Encoded as CBS does: the filter's spaces as %20, not '+'.
    const query = [...q.entries(), ['$skip', String(skip)]].map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%24/g, '$').replace(/%2C/g, ',')}`).join('&');
    const path = url.pathname.replace(/^\/[^/]+/, '');
    return opts.nextLinks === 'mirror' ? `${srv.base}/${host}${path}?${query}` : `${CBS_HOSTS[host]}${path}?${query}`;
  };

  const route = (url: URL): unknown => {
    const p = url.pathname;
    const q = url.searchParams;
    let m: RegExpExecArray | null;
    if ((m = /^\/(opendata|dataderden)\/(ODataApi|ODataFeed)\/odata\/([^/]+)\/([^/]+?)\/?$/i.exec(p))) {
      const [, host, api, id, entity] = m;
      const t = world.v3[id.toUpperCase()];
      if (!t || (host === 'dataderden') !== world.dataderden.has(id.toUpperCase())) return undefined;
      const ctx = `${CBS_HOSTS[host]}/${api}/OData/${id}/$metadata#Cbs.OData.WebAPI.${entity}`;
      let rows: Row[] | undefined;
      if (entity === 'TableInfos') rows = [t.infos];
      else if (entity === 'DataProperties') rows = t.props;
      else if (entity === 'TypedDataSet') rows = t.rows;
      else rows = t.dims[entity];
      if (!rows) return undefined;
      rows = filtered(`${id}/${entity}`, rows, q.get('$filter'));
      const skip = Number(q.get('$skip') ?? 0);
      if (api.toLowerCase() === 'odataapi') {
        const top = Math.min(Number(q.get('$top') ?? v3Page), v3Page);
        return { 'odata.metadata': ctx, value: rows.slice(skip, skip + top) };
      }
      const out: Row = { 'odata.metadata': ctx, value: rows.slice(skip, skip + v3Page) };
      if (skip + v3Page < rows.length) out['odata.nextLink'] = nextLink(url, host, skip + v3Page);
      return out;
    }
    if ((m = /^\/datasets\/odata\/v1\/CBS\/([^/]+)\/([^/]+)$/.exec(p))) {
      const [, id, entity] = m;
      const t = world.v4[id] ?? world.v4[id.toLowerCase()];
      const ctx = `${CBS_HOSTS.datasets}/odata/v1/CBS/${id}/$metadata#${entity}`;
      // v4 answers an unknown table id with an empty result, not a 404.
      if (!t) return entity === 'Properties' ? { '@odata.context': ctx } : { '@odata.context': ctx, value: [] };
      if (entity === 'Properties') return { '@odata.context': ctx, ...t.properties };
      let rows: Row[] | undefined;
      if (entity === 'MeasureCodes') rows = t.measures;
      else if (entity === 'Dimensions') rows = t.dimensions;
      else if (entity === 'Observations') rows = t.observations;
      else if (entity.endsWith('Codes')) rows = t.codes[entity.slice(0, -'Codes'.length)];
      if (!rows) return undefined;
      rows = filtered(`${id}/${entity}`, rows, q.get('$filter'));
      const skip = Number(q.get('$skip') ?? 0);
      const top = Math.min(Number(q.get('$top') ?? v4Page), v4Page);
      // `$count=true`: the number of rows of the whole filter, beside the page (how fetch checks completeness).
      const out: Row = { '@odata.context': ctx, ...(q.get('$count') === 'true' ? { '@odata.count': rows.length } : {}), value: rows.slice(skip, skip + top) };
      if (!q.has('$top') && skip + v4Page < rows.length) out['@odata.nextLink'] = nextLink(url, 'datasets', skip + v4Page);
      return out;
    }
    if ((m = /^\/cartomap\/nl\/wgs84\/(\w+_\d{4})\.geojson$/.exec(p))) return world.geo[m[1]];
    return undefined;
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    srv.requests++;
    const url = new URL(req.url ?? '/', srv.base);
    srv.log.push(decodeURIComponent(url.pathname + url.search));
    let body: unknown;
    try {
      body = route(url);
    } catch (e) {
      return send(res, 400, JSON.stringify({ 'odata.error': { code: '', message: { lang: 'en-US', value: (e as Error).message } } }));
    }
    if (body === undefined) return send(res, 404, '{"odata.error":{"code":"","message":{"lang":"en-US","value":"Resource not found."}}}');
    send(res, 200, JSON.stringify(body), { 'last-modified': 'Tue, 01 Jul 2025 10:00:00 GMT' });
  };
  const server = createServer(handle);
  Object.assign(srv, await listenLoopback(server));
  return srv;
}

function send(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}
