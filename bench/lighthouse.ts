/**
 * npm run bench:lighthouse — Lighthouse scores and Web Vitals of the built site. Prints figures (no
 * timed tests); the target is 100 for every category.
 *
 * Serves dist/ with the static server of the browser tests (tests/e2e/server.ts: 127.0.0.1, a free
 * port, no compression, no caching headers) after ensureBuilt(), starts Debian's chromium (the same
 * binary and flags as the tests, plus a remote-debugging port and a throw-away profile) and runs
 * Lighthouse (the npm package, pinned; it drives that browser over the port and never downloads one)
 * on home, /regio/JZ20/, /gemeente/GM0307/ and /embed/gebruik-trend/NL01/. Per page it prints the
 * performance, accessibility, best-practices and SEO scores and LCP, CLS, TBT and FCP, the median of
 * BENCH_RUNS runs (default 3), then the audits that cost points. Nothing leaves 127.0.0.1: requests to
 * another host are listed as a warning.
 *
 * Lighthouse's default settings: a mobile device with simulated throttling (slow 4G, CPU 4× slower);
 * BENCH_LH_PRESET=desktop uses its desktop preset instead. Note that with no compression on the test
 * server the byte counts are larger than a real host's (brotli) would be.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, ensureBuilt, findChromium, isLocal, serveDir } from '../tests/e2e/server.ts';

const PAGES = ['/', '/regio/JZ20/', '/gemeente/GM0307/', '/embed/gebruik-trend/NL01/'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = [
  ['LCP', 'largest-contentful-paint', 'ms'],
  ['CLS', 'cumulative-layout-shift', ''],
  ['TBT', 'total-blocking-time', 'ms'],
  ['FCP', 'first-contentful-paint', 'ms'],
] as const;
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const PRESET = process.env.BENCH_LH_PRESET === 'desktop' ? 'desktop' : 'mobile';

interface Audit { id: string; title: string; score: number | null; scoreDisplayMode: string; numericValue?: number; displayValue?: string; details?: { items?: { url?: string }[] } }
interface Lhr {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, Audit>;
  runtimeError?: { code: string; message: string };
  runWarnings: string[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Start chromium with a remote-debugging port; resolves with the port once DevTools listens. */
function startChromium(path: string, profile: string): Promise<{ proc: ChildProcess; port: number }> {
  const proc = spawn(path, [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((ok, fail) => {
    let log = '';
    const timer = setTimeout(() => fail(new Error(`chromium did not open a DevTools port in 30 s:\n${log.slice(-2000)}`)), 30_000);
    proc.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(log);
      if (m) {
        clearTimeout(timer);
        ok({ proc, port: Number(m[1]) });
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`chromium exited (${code}) before it listened:\n${log.slice(-2000)}`));
    });
  });
}

const chromiumPath = findChromium();
console.log(`bench:lighthouse on Node ${process.version}, ${cpus().length} cores, ${chromiumPath ?? 'no chromium'}; ${PRESET} preset, ${RUNS} run(s) per page (median)`);
if (!chromiumPath) {
  console.log('bench:lighthouse: no chromium on PATH, nothing measured (apt-get install chromium, or set CHROMIUM_PATH)');
  process.exit(0);
}
let lighthouse: (url: string, flags: object, config?: object) => Promise<{ lhr: Lhr } | undefined>;
let desktopConfig: object | undefined;
try {
  lighthouse = (await import('lighthouse')).default as unknown as typeof lighthouse;
  if (PRESET === 'desktop') desktopConfig = (await import('lighthouse/core/config/desktop-config.js')).default;
} catch (e) {
  console.log(`bench:lighthouse: the lighthouse package cannot be loaded (${(e as Error).message}); run npm install`);
  process.exit(1);
}

console.log(ensureBuilt((s) => console.log(s)));
const served = await serveDir();
const profile = mkdtempSync(join(tmpdir(), 'jib-lighthouse-'));
const { proc, port } = await startChromium(chromiumPath, profile);
const results = new Map<string, Lhr[]>();
try {
  for (const path of PAGES) {
    const runs: Lhr[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const r = await lighthouse(
        served.url + path,
        { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
        desktopConfig,
      );
      if (!r) throw new Error(`Lighthouse returned nothing for ${path}`);
      if (r.lhr.runtimeError) throw new Error(`Lighthouse on ${path}: ${r.lhr.runtimeError.code} ${r.lhr.runtimeError.message}`);
      runs.push(r.lhr);
      process.stderr.write(`  ${path} run ${i + 1}/${RUNS}: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    }
    results.set(path, runs);
  }
} finally {
  proc.kill();
  await served.close();
  rmSync(profile, { recursive: true, force: true });
}

// ------------------------------------------------------------------------------------------- report

const pad = (s: string, n: number) => s.padEnd(n);
const head = ['page', ...CATEGORIES.map((c) => (c === 'best-practices' ? 'best-pr.' : c === 'accessibility' ? 'a11y' : c === 'performance' ? 'perf' : c)), ...METRICS.map((m) => m[0])];
const widths = [28, 6, 6, 9, 5, 9, 7, 8, 9];
console.log(`\n${head.map((h, i) => pad(h, widths[i])).join(' ')}`);
for (const [path, runs] of results) {
  const score = (c: string) => median(runs.map((l) => Math.round((l.categories[c]?.score ?? 0) * 100)));
  const metric = (id: string, unit: string) => {
    const v = median(runs.map((l) => l.audits[id]?.numericValue ?? NaN));
    return unit === 'ms' ? `${Math.round(v)} ms` : v.toFixed(3);
  };
  const row = [path, ...CATEGORIES.map((c) => String(score(c))), ...METRICS.map(([, id, unit]) => metric(id, unit))];
  console.log(row.map((x, i) => pad(x, widths[i])).join(' '));
}

console.log('\nwhat costs points (audits that are scored, weigh in their category and are below 1 in any run):');
let any = false;
for (const [path, runs] of results) {
  for (const c of CATEGORIES) {
    const weighted = new Set(runs[0].categories[c].auditRefs.filter((a) => a.weight > 0).map((a) => a.id));
    const failing = [...weighted].filter((id) => runs.some((l) => typeof l.audits[id]?.score === 'number' && l.audits[id].score! < 1));
    for (const id of failing) {
      any = true;
      const a = runs[0].audits[id];
      const scores = runs.map((l) => l.audits[id]?.score ?? '–').join('/');
      console.log(`  ${pad(path, 28)} ${pad(c, 15)} ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''} [score ${scores}]`);
    }
  }
  const warnings = [...new Set(runs.flatMap((l) => l.runWarnings))];
  for (const w of warnings) console.log(`  ${pad(path, 28)} warning: ${w}`);
  const outside = [...new Set(runs.flatMap((l) => (l.audits['network-requests']?.details?.items ?? []).map((x) => x.url ?? '').filter((u) => u && !isLocal(u, served))))];
  if (outside.length) console.log(`  ${pad(path, 28)} WARNING: requests that left 127.0.0.1: ${outside.join(', ')}`);
}
if (!any) console.log('  nothing: every scored audit passed');
