import { FetchError, type Http } from './http.ts';
import type { PageStore } from './partial.ts';

/** One entity set as the API delivered it, all pages joined. */
export interface EntitySet {
  /** The first URL (what the manifest records). */
  url: string;
  /** `odata.metadata` (v3) or `@odata.context` (v4) of the first page. */
  context: string | null;
  contextKey: 'odata.metadata' | '@odata.context';
  rows: Record<string, unknown>[];
  pages: number;
}

export interface PagingOptions {
  /**
   * Page explicitly with `$top`/`$skip` in pages of this size (ODataApi, which refuses a result above
   * 10 000 rows instead of paging it). Without it, the set is paged only by the server's next link.
   */
  pageSize?: number;
  /**
   * Maps a next link onto the host the request went to: CBS writes absolute links on its own hosts, which
   * with `--base` must be read from the mirror (identity without a mirror).
   */
  rewrite?: (url: string) => string;
  /** The rows expected at most (v4 `$count`, else Properties ObservationCount): more is an endless or wrong chain. */
  maxRows?: number | null;
  /** Epoch ms after which no further page is requested (the time limit per table). */
  deadline?: number;
  /** Pages already downloaded by an interrupted run, and where to keep new ones. */
  store?: PageStore;
  onPage?: (rows: number, pages: number) => void;
  maxPages?: number;
}

/** Row identity of the OData bodies: `ID` (v3 TypedDataSet), `Id` (v4 Observations); code lists have `Key`/`Identifier`. */
const ID_KEYS = ['ID', 'Id', 'Key', 'Identifier'] as const;

/**
 * Follow `odata.nextLink` / `@odata.nextLink` (or `$skip` with an explicit page size) until the set is
 * complete. A next link must stay on the host and path of the request (after `rewrite`); a URL asked twice,
 * an empty page that still links on, a row id seen before, more rows than `maxRows` or passing `deadline`
 * stop the chain with an error: nothing of such a set is ever written.
 */
export async function getAll(http: Http, url: string, opts: PagingOptions = {}): Promise<EntitySet> {
  const maxPages = opts.maxPages ?? 100_000;
  const first = opts.pageSize ? withPaging(url, 0, opts.pageSize) : url;
  const out: EntitySet = { url, context: null, contextKey: 'odata.metadata', rows: [], pages: 0 };
  const seenIds = new Map<unknown, number>();
  const asked = new Set<string>();
  let idKey: string | null = null;
  const checkIds = (page: Record<string, unknown>[], pageNo: number, at: string) => {
    if (idKey === null && page.length) idKey = ID_KEYS.find((k) => k in page[0]) ?? '';
    if (!idKey) return;
    for (const r of page) {
      const id = r[idKey];
      const before = seenIds.get(id);
      if (before !== undefined) {
        throw new FetchError(at, null, `GET ${at}: row ${idKey} ${JSON.stringify(id)} on page ${pageNo} was already on page ${before}; the pages repeat or overlap, so the set is refused (previous files kept)`);
      }
      seenIds.set(id, pageNo);
    }
  };
  let next: string | null = first;
  const resumed = opts.store?.load();
  if (resumed) {
    resumed.pages.forEach((p, i) => {
      checkIds(p, i + 1, url);
      out.rows.push(...p);
    });
    out.pages = resumed.pages.length;
    out.context = resumed.context;
    out.contextKey = resumed.contextKey;
    next = resumed.next;
    opts.onPage?.(out.rows.length, out.pages);
  }
  const origin = new URL(url);
  while (next) {
    asked.add(next);
    const { body } = await http.getJson(next);
    const o = body as Record<string, unknown> | null;
    if (!o || typeof o !== 'object' || Array.isArray(o) || !Array.isArray(o.value)) {
      const err = o && typeof o === 'object' ? (o['odata.error'] ?? o.error) : undefined;
      throw new FetchError(next, null, `GET ${next}: the response has no "value" array${err ? ` (error: ${JSON.stringify(err).slice(0, 300)})` : ''}`);
    }
    const page = o.value as unknown[];
    page.forEach((r, i) => {
      if (!r || typeof r !== 'object' || Array.isArray(r)) throw new FetchError(next!, null, `GET ${next}: row ${i + 1} of the page is not an object`);
    });
    if (out.pages === 0) {
      if (typeof o['@odata.context'] === 'string') {
        out.context = o['@odata.context'];
        out.contextKey = '@odata.context';
      } else if (typeof o['odata.metadata'] === 'string') out.context = o['odata.metadata'];
    }
    const rows = page as Record<string, unknown>[];
    checkIds(rows, out.pages + 1, next);
    out.rows.push(...rows);
    out.pages++;
    if (opts.maxRows != null && out.rows.length > opts.maxRows) {
      throw new FetchError(next, null, `GET ${url}: ${out.rows.length} rows after ${out.pages} pages, more than the ${opts.maxRows} expected; the next-page chain does not end`);
    }
    const link = o['odata.nextLink'] ?? o['@odata.nextLink'];
    let following: string | null = null;
    if (typeof link === 'string' && link) {
      following = (opts.rewrite ?? ((u: string) => u))(new URL(link, next).href);
      const to = new URL(following);
      if (to.origin !== origin.origin || normPath(to.pathname) !== normPath(origin.pathname)) {
        throw new FetchError(next, null, `GET ${next}: the next-page link ${link} leaves the request (${origin.origin}${origin.pathname}); not followed`);
      }
      if (!rows.length) throw new FetchError(next, null, `GET ${next}: an empty page that links to a next page (${link}); the chain does not end`);
    } else if (opts.pageSize && rows.length >= opts.pageSize) following = withPaging(url, out.rows.length, opts.pageSize);
    if (following !== null && asked.has(following)) throw new FetchError(next, null, `GET ${next}: the next page link points at a page already read (${following})`);
    if (following && out.pages >= maxPages) throw new FetchError(next, null, `GET ${url}: more than ${maxPages} pages; narrow the filter`);
    if (following && opts.deadline !== undefined && Date.now() > opts.deadline) {
      throw new FetchError(next, null, `GET ${url}: still paging after the time limit per table (${out.pages} pages, ${out.rows.length} rows; --table-time-limit)`);
    }
    opts.store?.save(out.pages, rows, following, out.context, out.contextKey);
    opts.onPage?.(out.rows.length, out.pages);
    next = following;
  }
  return out;
}

/** CBS's own links differ from the request in case (`OData`/`odata`) and a trailing slash only. */
const normPath = (p: string) => decodeURIComponent(p).replace(/\/+$/, '').toLowerCase();

/** `url` with `$top`/`$skip` set (kept as typed: URLSearchParams would turn the filter's spaces into '+'). */
export function withPaging(url: string, skip: number, top: number): string {
  const [base, query = ''] = url.split('?');
  const kept = query.split('&').filter((p) => p && !/^\$(skip|top)=/.test(p));
  return `${base}?${[...kept, `$top=${top}`, `$skip=${skip}`].join('&')}`;
}

/** A URL with an optional `$format=json` (v3) and `$filter`, encoded once. */
export function query(url: string, opts: { format?: boolean; filter?: string } = {}): string {
  const parts = [];
  if (opts.format) parts.push('$format=json');
  if (opts.filter) parts.push(`$filter=${encodeURIComponent(opts.filter)}`);
  return parts.length ? `${url}?${parts.join('&')}` : url;
}

/** Single-valued v4 resources (Properties) are an object, not `{value: [...]}`. */
export async function getObject(http: Http, url: string): Promise<Record<string, unknown>> {
  const { body } = await http.getJson(url);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new FetchError(url, null, `GET ${url}: expected a JSON object`);
  return body as Record<string, unknown>;
}

/**
 * The entity set as a file: the API body shape (`{"odata.metadata": …, "value": [...]}`) with one row per
 * line, so that a revision shows up in a diff as the rows that changed.
 */
export function serialise(set: Pick<EntitySet, 'context' | 'contextKey' | 'rows'>): string {
  const head = set.context ? `${JSON.stringify(set.contextKey)}:${JSON.stringify(set.context)},` : '';
  if (!set.rows.length) return `{${head}"value":[]}\n`;
  return `{${head}"value":[\n${set.rows.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`;
}

/** OData string literal: quotes doubled. */
export const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** `(K eq 'a' or K eq 'b')`. */
export const anyOf = (key: string, values: string[]) => `(${values.map((v) => `${key} eq ${lit(v)}`).join(' or ')})`;

/** `(startswith(K,'GM') or …)`: prefixes avoid guessing the padding of v3 keys. */
export const startsWithAny = (key: string, prefixes: string[]) => `(${prefixes.map((p) => `startswith(${key},${lit(p)})`).join(' or ')})`;
