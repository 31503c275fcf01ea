/**
 * GET with retries, backoff, a timeout per attempt and a cap on requests in flight.
 * Retried: 429, 408, 5xx, network errors (incl. a body cut off mid-way), timeouts and bodies that are not
 * valid JSON (a truncated response often parses as neither). Not retried: other 4xx (404 = wrong table id).
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
  onRetry?: (e: { url: string; attempt: number; reason: string; waitMs: number }) => void;
}

export const DEFAULT_HTTP: HttpOptions = { attempts: 5, backoffMs: 1000, maxBackoffMs: 30_000, timeoutMs: 120_000, concurrency: 4 };

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
        const exp = backoffMs * 2 ** (i - 1) * (0.75 + Math.random() * 0.5);
        const waitMs = Math.min(maxBackoffMs, Math.max(exp, e.retryAfterMs ?? 0));
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
      let res: globalThis.Response;
      const signal = AbortSignal.timeout(this.options.timeoutMs);
      try {
        res = await fetch(url, { signal, headers: { accept: 'application/json', 'user-agent': 'jeugdhulp-in-beeld-fetch' } });
      } catch (e) {
        throw new Retryable(describe(e, this.options.timeoutMs));
      }
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await res.arrayBuffer());
      } catch (e) {
        throw new Retryable(`the body was cut off (${describe(e, this.options.timeoutMs)})`, res.status);
      }
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

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
