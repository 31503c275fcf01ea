/**
 * What the browser tests (tests/e2e/*.test.ts) and `npm run bench:pages` share — one implementation:
 *
 * 1. ensureBuilt(): makes sure dist/ (or $JEUGDHULP_DIST) holds a built site. The warehouse is built
 *    from data/sample when public/data has none; the site is (re)built with `astro build` when its
 *    index.html is missing or older than any file under src/ or public/ or astro.config.mjs (so the
 *    tests never run against a stale site). Both run on this process's Node (`process.execPath`: Node 24
 *    under `npm test` and `npm run …`). A failed build throws with the end of its log. Vitest runs
 *    this once, before the browser test files, from tests/e2e/global-setup.ts. (dist/ is shared: a
 *    build started elsewhere at the same moment can break this one; JEUGDHULP_DIST=/tmp/… avoids that.)
 * 2. serveDir(): a small static file server for dist/ on 127.0.0.1 and a free port: directory → its
 *    index.html, unknown path → dist/404.html with status 404, content types for what the site ships.
 *    No compression and no caching headers: bytes on the wire are the file sizes.
 * 3. findChromium() / launchChromium(): Debian's chromium from PATH (`which chromium`; $CHROMIUM_PATH
 *    overrides), driven by playwright-core. No chromium → findChromium() returns undefined and the
 *    browser tests skip with CHROMIUM_MISSING as their reason.
 * 4. For the tests: openPage() (a fresh context that records every request, the ones leaving
 *    127.0.0.1, and uncaught page errors), builtOnSample(), sampleNoticeShown().
 */
import { afterAll, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { delimiter, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { headersFor, parseHeadersFile, type Host } from './host-headers.ts';
import { astroBuildArgs } from '../../scripts/build-site.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built site: dist/, or $JEUGDHULP_DIST (built there with `astro build --outDir` when needed). */
export const DIST = resolve(process.env.JEUGDHULP_DIST || join(ROOT, 'dist'));
const WAREHOUSE = join(ROOT, 'public', 'data');

// ---------------------------------------------------------------------------------------------- build

/** Newest modification time (ms) of any file under the given paths. */
function newest(paths: string[]): number {
  let max = 0;
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) for (const n of readdirSync(p)) walk(join(p, n));
    else max = Math.max(max, s.mtimeMs);
  };
  paths.forEach(walk);
  return max;
}

function run(label: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    const log = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`${label} failed (exit ${r.status ?? r.signal}):\n${log || r.error?.message}`);
  }
  return (performance.now() - t0) / 1000;
}

/** Why dist/ must be (re)built, or undefined when it is up to date. */
export function staleReason(): string | undefined {
  const index = join(DIST, 'index.html');
  if (!existsSync(index)) return `${index} is missing`;
  const built = statSync(index).mtimeMs;
  const inputs = newest([join(ROOT, 'src'), join(ROOT, 'public'), join(ROOT, 'astro.config.mjs')]);
  return inputs > built ? 'src/, public/ or astro.config.mjs changed after the last build' : undefined;
}

/** See the module comment. Returns what it did, for the log. */
export function ensureBuilt(log: (s: string) => void = console.log): string {
  const did: string[] = [];
  if (!existsSync(join(WAREHOUSE, 'observations.parquet')) || !existsSync(join(WAREHOUSE, 'geo.parquet'))) {
    log('e2e: public/data has no warehouse; building it from data/sample …');
    const env = { JEUGDHULP_DATA_DIR: '' };
    const s = run('npm run build:data -- --data data/sample', ['scripts/build-data.ts', '--data', 'data/sample'], env);
    did.push(`warehouse from data/sample in ${s.toFixed(1)} s`);
  }
  const why = staleReason();
  if (why) {
    log(`e2e: ${why}; running astro build …`);
    const s = run('astro build', astroBuildArgs(['--outDir', DIST]));
    did.push(`astro build in ${s.toFixed(1)} s`);
  }
  return did.length ? did.join(', ') : `${DIST} is up to date`;
}

// --------------------------------------------------------------------------------------------- server

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.gz': 'application/gzip',
  '.parquet': 'application/vnd.apache.parquet',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

export interface Served {
  /** http://127.0.0.1:<port> (no trailing slash) */
  url: string;
  close(): Promise<void>;
}

/**
 * Serve `root` (default dist/) on 127.0.0.1 and a free port. With `hostHeaders` it also sends the headers
 * of root/_headers for each path the way that host applies them (see host-headers.ts).
 */
export async function serveDir(root = DIST, opts: { hostHeaders?: Host } = {}): Promise<Served> {
  const base = resolve(root);
  const notFound = join(base, '404.html');
  const rules = opts.hostHeaders ? parseHeadersFile(readFileSync(join(base, '_headers'), 'utf8')) : [];
  const server = createServer((req, res) => {
    const send = (status: number, file: string | undefined, body?: Buffer) => {
      const data = body ?? (file ? readFileSync(file) : Buffer.alloc(0));
      const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const extra = opts.hostHeaders ? headersFor(rules, pathname, opts.hostHeaders) : {};
      res.writeHead(status, {
        ...extra,
        'content-type': file ? CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' : 'text/plain; charset=utf-8',
        'content-length': data.length,
      });
      res.end(req.method === 'HEAD' ? undefined : data);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, undefined, Buffer.from('method not allowed'));
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      return send(400, undefined, Buffer.from('bad request'));
    }
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) return send(403, undefined, Buffer.from('forbidden'));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (existsSync(file) && statSync(file).isFile()) return send(200, file);
    return existsSync(notFound) ? send(404, notFound) : send(404, undefined, Buffer.from('not found'));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

// ------------------------------------------------------------------------------------------- chromium

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

export const CHROMIUM_MISSING = process.env.CHROMIUM_PATH
  ? `browser tests skipped: CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file`
  : 'browser tests skipped: no `chromium` on PATH (install it with `apt-get install chromium`, or set CHROMIUM_PATH)';

/** `which chromium` (or $CHROMIUM_PATH), or undefined. */
export function findChromium(): string | undefined {
  const candidates = process.env.CHROMIUM_PATH
    ? [process.env.CHROMIUM_PATH]
    : (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((d) => join(d, 'chromium'));
  for (const c of candidates) {
    try {
      if (statSync(c).isFile()) {
        accessSync(c, constants.X_OK);
        return c;
      }
    } catch {
      // not here
    }
  }
  return undefined;
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/**
 * True for requests that stay on the machine: the local server itself, or data:/blob: URLs (which are
 * no network request at all). Everything else would leave 127.0.0.1.
 */
export function isLocal(url: string, served: Served): boolean {
  return url.startsWith(`${served.url}/`) || url === served.url || url.startsWith('data:') || url.startsWith('blob:');
}

// ------------------------------------------------------------------------------------ browser tests

export interface Tracked {
  page: Page;
  context: BrowserContext;
  /** URLs of requests that would leave 127.0.0.1 (must stay empty). */
  external: string[];
  /** Every request URL the page made. */
  requests: string[];
  /** Uncaught errors in the page's own scripts. */
  errors: string[];
}

/** A page in a new context (cold cache, own cookies), with its requests and script errors recorded. */
export async function openPage(browser: Browser, served: Served, opts: { js: boolean; width?: number }): Promise<Tracked> {
  const context = await browser.newContext({ javaScriptEnabled: opts.js, viewport: { width: opts.width ?? 1280, height: 900 }, locale: 'nl-NL' });
  const page = await context.newPage();
  const t: Tracked = { page, context, external: [], requests: [], errors: [] };
  context.on('request', (r) => {
    t.requests.push(r.url());
    if (!isLocal(r.url(), served)) t.external.push(r.url());
  });
  page.on('pageerror', (e) => t.errors.push(String(e)));
  return t;
}

/** Whether the served site was built on the embedded sample (its datapackage says so). */
export function builtOnSample(root = DIST): boolean {
  return JSON.parse(readFileSync(join(root, 'data', 'datapackage.json'), 'utf8')).sample === true;
}

/** The sample notice ("Let op: … kleine voorbeeldset …") is on the page and visible. */
export async function sampleNoticeShown(page: Page): Promise<boolean> {
  const n = page.locator('[data-sample-notice]');
  if ((await n.count()) !== 1) return false;
  return (await n.isVisible()) && /voorbeeldset|small sample/.test((await n.textContent()) ?? '');
}

/**
 * Serve dist/ and start Chromium for the enclosing describe block, closing both afterwards. Tests read
 * `site.served` and `site.browser` (set once beforeAll has run).
 */
export function useSite(executablePath: string): { served: Served; browser: Browser } {
  const site = {} as { served: Served; browser: Browser };
  beforeAll(async () => {
    site.served = await serveDir();
    site.browser = await launchChromium(executablePath);
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.served?.close();
  });
  return site;
}
