/**
 * GET with retries, backoff, a timeout per attempt and a cap on requests in flight.
 * Retried: 429, 408, 5xx, network errors (incl. a body cut off mid-way), timeouts and bodies that are not
 * valid JSON (a truncated response often parses as neither). Not retried: other 4xx (404 = wrong table id),
 * a body larger than `maxResponseBytes`, a redirect to another host, a Retry-After beyond `maxRetryAfterMs`.
 */

export interface HttpOptions {
  /** Attempts per request, the first included. */
  attempts: number;
  /** First backoff; doubles per retry, with ±25 % jitter. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Per attempt, body included. */
  timeoutMs: number;
  /** Requests in flight at once, over all targets. */
  concurrency: number;
  /**
   * Largest response body accepted, counted while it streams in (a bigger one is refused before it is
   * buffered). CBS pages are at most ~30 MB (100 000 v4 rows); 256 MiB leaves room without risking memory.
   */
  maxResponseBytes: number;
  /** A 429/503 Retry-After up to this long is waited for; a longer one fails the request with a message. */
  maxRetryAfterMs: number;
  onRetry?: (e: { url: string; attempt: number; reason: string; waitMs: number }) => void;
}

export const DEFAULT_HTTP: HttpOptions = {
  attempts: 5,
  backoffMs: 1000,
  maxBackoffMs: 30_000,
  timeoutMs: 120_000,
  concurrency: 4,
  maxResponseBytes: 256 * 1024 * 1024,
  maxRetryAfterMs: 600_000,
};

/** Same-host redirects followed per request (CBS redirects http→https and between path spellings). */
const MAX_REDIRECTS = 5;

export class FetchError extends Error {
  readonly url: string;
  readonly status: number | null;
  constructor(url: string, status: number | null, message: string) {
    super(message);
    this.name = 'FetchError';
    this.url = url;
    this.status = status;
  }
}

class Retryable extends Error {
  readonly status: number | null;
  readonly retryAfterMs: number | null;
  constructor(message: string, status: number | null = null, retryAfterMs: number | null = null) {
    super(message);
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

export interface Response {
  bytes: Uint8Array;
  text: string;
  /** Last-Modified header, as ISO date, when the server sent one. */
  lastModified: string | null;
}

export class Http {
  readonly options: HttpOptions;
  /** Requests sent (attempts, not logical requests): tests bound this. */
  requests = 0;
  private active = 0;
  private waiting: (() => void)[] = [];

  constructor(options: Partial<HttpOptions> = {}) {
    this.options = { ...DEFAULT_HTTP, ...options };
  }

  /** GET and parse JSON; retried as a whole when the body is not valid JSON. */
  async getJson(url: string): Promise<{ body: unknown; response: Response }> {
    return this.withRetry(url, async () => {
      const response = await this.once(url);
      try {
        return { body: JSON.parse(response.text), response };
      } catch (e) {
        const start = response.text.slice(0, 80).replace(/\s+/g, ' ');
        throw new Retryable(`invalid JSON (${(e as Error).message}; ${response.bytes.length} bytes, starting "${start}")`);
      }
    });
  }

  async getBytes(url: string): Promise<Response> {
    return this.withRetry(url, () => this.once(url));
  }

  private async withRetry<T>(url: string, attempt: () => Promise<T>): Promise<T> {
    const { attempts, backoffMs, maxBackoffMs } = this.options;
    let last: Retryable | undefined;
    for (let i = 1; i <= attempts; i++) {
      try {
        return await attempt();
      } catch (e) {
        if (!(e instanceof Retryable)) throw e;
        last = e;
        if (i === attempts) break;
        const exp = Math.min(maxBackoffMs, backoffMs * 2 ** (i - 1) * (0.75 + Math.random() * 0.5));
        // The server's own Retry-After is honoured as asked (not cut to maxBackoffMs), up to its maximum.
        if (e.retryAfterMs !== null && e.retryAfterMs > this.options.maxRetryAfterMs) {
          throw new FetchError(url, e.status, `GET ${url}: ${e.message}; the server asks to retry after ${seconds(e.retryAfterMs)}, more than the maximum of ${seconds(this.options.maxRetryAfterMs)} (--max-retry-after); run the same command again later`);
        }
        const waitMs = Math.max(exp, e.retryAfterMs ?? 0);
        this.options.onRetry?.({ url, attempt: i, reason: e.message, waitMs });
        await sleep(waitMs);
      }
    }
    throw new FetchError(url, last?.status ?? null, `GET ${url} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${last?.message}`);
  }

  private async once(url: string): Promise<Response> {
    await this.acquire();
    this.requests++;
    try {
      const signal = AbortSignal.timeout(this.options.timeoutMs);
      let res: globalThis.Response;
      let at = url;
      for (let hop = 0; ; hop++) {
        try {
          // Redirects by hand: one to another host is never followed (a mirror must not send us elsewhere).
          res = await fetch(at, { signal, redirect: 'manual', headers: { accept: 'application/json', 'user-agent': 'jeugdhulp-in-beeld-fetch' } });
        } catch (e) {
          throw new Retryable(describe(e, this.options.timeoutMs));
        }
        if (res.status < 300 || res.status >= 400 || res.status === 304) break;
        const location = res.headers.get('location');
        await res.body?.cancel();
        if (!location) throw new FetchError(url, res.status, `GET ${url}: HTTP ${res.status} redirect without a Location`);
        const to = new URL(location, at);
        if (to.origin !== new URL(at).origin) {
          throw new FetchError(url, res.status, `GET ${url}: HTTP ${res.status} redirect to another host (${to.href}); not followed (a table must come from the host it was asked of)`);
        }
        if (hop >= MAX_REDIRECTS) throw new FetchError(url, res.status, `GET ${url}: more than ${MAX_REDIRECTS} redirects`);
        at = to.href;
      }
      const bytes = await this.body(url, res);
      if (!res.ok) {
        const text = new TextDecoder().decode(bytes.subarray(0, 300)).replace(/\s+/g, ' ').trim();
        const msg = `HTTP ${res.status} ${res.statusText}${text ? ` ("${text}")` : ''}`;
        if (res.status === 429 || res.status === 408 || res.status >= 500) throw new Retryable(msg, res.status, retryAfter(res.headers.get('retry-after')));
        throw new FetchError(url, res.status, `GET ${url}: ${msg}${res.status === 404 ? ' — the table id or year may be wrong, or CBS renamed/withdrew the table (see README "Refresh the real data")' : ''}`);
      }
      const lm = res.headers.get('last-modified');
      const lastModified = lm && !Number.isNaN(Date.parse(lm)) ? new Date(lm).toISOString() : null;
      return { bytes, text: new TextDecoder('utf-8').decode(bytes), lastModified };
    } finally {
      this.release();
    }
  }

  /** The body, counted as it streams: refused (not retried) once it passes maxResponseBytes. */
  private async body(url: string, res: globalThis.Response): Promise<Uint8Array> {
    const max = this.options.maxResponseBytes;
    const tooLarge = (what: string) =>
      new FetchError(url, res.status, `GET ${url}: the response is ${what}, larger than the maximum of ${mb(max)} (--max-response-mb); refused. Narrow the request's $filter, or raise the limit if CBS really sends pages this large`);
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > max) {
      await res.body?.cancel();
      throw tooLarge(`${mb(declared)} (Content-Length)`);
    }
    if (!res.body) return new Uint8Array(0);
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > max) {
          await reader.cancel();
          throw tooLarge(`over ${mb(total)} and still coming`);
        }
        chunks.push(value);
      }
    } catch (e) {
      if (e instanceof FetchError) throw e;
      throw new Retryable(`the body was cut off (${describe(e, this.options.timeoutMs)})`, res.status);
    }
    const out = new Uint8Array(total);
    let off = 0;
    for (const c of chunks) {
      out.set(c, off);
      off += c.byteLength;
    }
    return out;
  }

  private async acquire(): Promise<void> {
    if (this.active < this.options.concurrency) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

function describe(e: unknown, timeoutMs: number): string {
  const err = e as Error & { cause?: Error & { code?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return `no complete response within ${timeoutMs / 1000} s`;
  const cause = err?.cause ? `: ${err.cause.code ?? err.cause.message}` : '';
  return `${err?.message ?? String(e)}${cause}`;
}

function retryAfter(h: string | null): number | null {
  if (!h) return null;
  const s = Number(h);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const t = Date.parse(h);
  return Number.isNaN(t) ? null : Math.max(0, t - Date.now());
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
