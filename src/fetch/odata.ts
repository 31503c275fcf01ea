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
   * ODataApi returns at most this many rows and no nextLink ("the 10 000-row limit"). A page of exactly this
   * size without a nextLink is continued with `$skip`. The bulk feeds (ODataFeed, v4) page with nextLink.
   */
  rowLimit?: number;
  /** Pages already downloaded by an interrupted run, and where to keep new ones. */
  store?: PageStore;
  onPage?: (rows: number, pages: number) => void;
  maxPages?: number;
}

/** Follow `odata.nextLink` / `@odata.nextLink` (and `$skip` past a capped page) until the set is complete. */
export async function getAll(http: Http, url: string, opts: PagingOptions = {}): Promise<EntitySet> {
  const rowLimit = opts.rowLimit ?? 10_000;
  const maxPages = opts.maxPages ?? 100_000;
  const out: EntitySet = { url, context: null, contextKey: 'odata.metadata', rows: [], pages: 0 };
  let next: string | null = url;
  const resumed = opts.store?.load();
  if (resumed) {
    for (const p of resumed.pages) out.rows.push(...p);
    out.pages = resumed.pages.length;
    out.context = resumed.context;
    out.contextKey = resumed.contextKey;
    next = resumed.next;
    opts.onPage?.(out.rows.length, out.pages);
  }
  while (next) {
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
    out.rows.push(...(page as Record<string, unknown>[]));
    out.pages++;
    const link = o['odata.nextLink'] ?? o['@odata.nextLink'];
    let following: string | null = null;
    if (typeof link === 'string' && link) following = new URL(link, next).href;
    else if (page.length === rowLimit && rowLimit > 0) following = withPaging(url, out.rows.length, rowLimit);
    if (following === next) throw new FetchError(next, null, `GET ${next}: the next page link points at the same page`);
    if (out.pages >= maxPages && following) throw new FetchError(next, null, `GET ${url}: more than ${maxPages} pages; narrow the filter`);
    opts.store?.save(out.pages, page as Record<string, unknown>[], following, out.context, out.contextKey);
    opts.onPage?.(out.rows.length, out.pages);
    next = following;
  }
  return out;
}

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
