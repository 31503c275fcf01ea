/**
 * npm run bench:pages — how fast the built pages show their first chart, and what they cost in bytes.
 * Prints figures (no timed tests); targets are printed beside them.
 *
 * Serves dist/ with the static server of the browser tests (tests/e2e/server.ts: 127.0.0.1, a free
 * port, no compression) after ensureBuilt() and measures, in headless Chromium with CPU slowed 4×
 * (CDP Emulation.setCPUThrottlingRate) and a cold cache (a new browser context for every run), for
 * home, /regio/JZ20/ and /gemeente/GM0307/, each with JavaScript on and off:
 *
 * - first chart: when the first chart (`figure.chart [data-plot] svg`; the small legend keys before it
 *   are not the chart) is painted, in ms after navigation start. Method: a probe injected with CDP
 *   Page.addScriptToEvaluateOnNewDocument into an isolated world — so it runs with page JavaScript off
 *   too and cannot disturb the page's own scripts — watches the parser with a MutationObserver. When the
 *   chart's SVG is in the DOM it asks for the next frame (requestAnimationFrame) and, from that frame,
 *   posts a MessageChannel message: that message runs right after the frame's style, layout and paint,
 *   and sets performance.mark('bench-painted'). The first chart is painted at
 *   max(first-contentful-paint, bench-painted): when the chart is part of the first frame this is FCP
 *   (Paint Timing, presentation time), when it arrives later it is the end of the frame that drew it.
 *   Median of BENCH_RUNS runs (default 5) after one discarded warm-up run.
 * - before chart: bytes a reader must receive before the first chart can paint: the HTML up to the end of
 *   the first chart's </svg> plus the render-blocking CSS (and blocking head scripts, if any), each
 *   compressed with brotli (node:zlib brotliCompressSync, quality 11, as for precompressed static
 *   files). The same for JS on and off: module scripts do not block rendering.
 * - total / JS: every response body the page loaded until the network was idle (uncompressed, and each
 *   compressed with brotli), and the part of it that is JavaScript.
 * - DuckDB: bytes of any request whose URL contains "duckdb" (DuckDB-wasm belongs on /sql/ and the workbench only).
 *
 * The workbench (/verkennen/) separately, JS on, same throttling and cold cache: the opening chart (drawn at
 * build time, so the probe above), DuckDB ready (the page's data-db-ms: instantiate + the three tables),
 * the first chart of a permalink (performance.mark('workbench-predrawn'): drawn from the precomputed rows of
 * /verkennen/cijfers/ before DuckDB is ready; the mark is set when the SVG is in the DOM), the first chart drawn
 * by DuckDB from that permalink (performance.mark('workbench-chart') after navigation start), and a later change (choosing another metric: the page's data-change-ms, query to drawn SVG), with the
 * client's performance marks (PHASES). Then the SQL console's first answer: /sql/?q=SELECT count(*) FROM
 * observations, "Uitvoeren" clicked at load and 3 s after it, click → result table (median and range of ≥ 7).
 *
 * Build times are npm run bench:build's. Loopback only; nothing is fetched. JEUGDHULP_DIST=<dir> measures
 * (and if needed builds) that folder instead of dist/.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants as zc } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { DIST, ensureBuilt, findChromium, isLocal, launchChromium, serveDir, type Served } from '../tests/e2e/server.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PAGES = ['/', '/regio/JZ20/', '/gemeente/GM0307/'];
const CHART = 'figure.chart [data-plot] svg';
const TARGET = { firstChartMs: 500, beforeChartBytes: 50 * 1024, duckdb: 0, workbenchFirstMs: 1500, workbenchChangeMs: 200, consoleAnswerMs: 1000 };
/** Metrics the workbench bench opens and then changes to: the first two with figures for JZ20's gemeenten in the served warehouse. */
const WORKBENCH_METRICS = ['jongeren_jeugdhulp_per_1000', 'jongeren_jeugdzorg_per_1000', 'kosten_jeugdhulp_jaarrekening_per_inwoner', 'kosten_jeugdhulp_begroting_per_inwoner', 'kosten_jeugdhulp_begroting', 'netto_jeugdhulp_begroting', 'bevolking_totaal'];

/**
 * The permalink (JZ20's gemeenten over time) and the metric of the "later change", chosen on the warehouse
 * dist/ serves: the real files have almost no per-1 000 figures for gemeenten, the synthetic world has all.
 */
async function workbenchCase(): Promise<{ permalink: string; change: string; changeIndicator: string } | undefined> {
  process.env.JEUGDHULP_WAREHOUSE = join(DIST, 'data');
  const { query } = await import('../src/lib/warehouse.ts');
  const { workbenchSql, queryOf, defaultState } = await import('../src/lib/workbench-query.ts');
  const { metric, hasMetric } = await import('../src/catalog/metrics.ts');
  const dp = JSON.parse(readFileSync(join(DIST, 'data', 'datapackage.json'), 'utf8'));
  const years = { min: dp.temporal?.start ?? 2015, max: dp.temporal?.end ?? 2024 };
  const found: { id: string; from: number; to: number }[] = [];
  for (const id of WORKBENCH_METRICS.filter(hasMetric)) {
    // The change must show in the SQL: another numerator than the permalink's.
    if (found.length && metric(found[0].id).numerator === metric(id).numerator) continue;
    const rows = await query<{ jaar: number; waarde: number | null }>(workbenchSql({ ...defaultState(years), metric: id, places: ['leden:JZ20'] })).catch(() => []);
    const have = rows.filter((r) => r.waarde != null).map((r) => Number(r.jaar));
    if (have.length && new Set(have).size > 1) found.push({ id, from: Math.min(...have), to: Math.max(...have) });
    if (found.length === 2) break;
  }
  if (found.length < 2) return undefined;
  const [a, b] = found;
  const state = { ...defaultState(years), metric: a.id, places: ['leden:JZ20'], from: Math.min(a.from, b.from), to: Math.max(a.to, b.to) };
  return { permalink: `/verkennen/?${queryOf(state)}`, change: b.id, changeIndicator: metric(b.id).numerator };
}

const br = (b: Buffer | string) => brotliCompressSync(b, { params: { [zc.BROTLI_PARAM_QUALITY]: 11 } }).length;
const ms = (n: number) => `${Math.round(n)} ms`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

/** "mark 123 · mark 456" with the median of each mark over the runs, in time order. */
function phaseLine(runs: Record<string, number>[]): string {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  const meds = names.map((n) => [n, median(runs.map((r) => r[n]).filter((x) => x != null))] as const).sort((a, b) => a[1] - b[1]);
  return meds.map(([n, t]) => `${n} ${Math.round(t)}`).join(' · ') || 'no marks';
}

// ------------------------------------------------------------------------------- bytes before the chart

function fileFor(path: string) {
  return join(DIST, path, path.endsWith('/') ? 'index.html' : '');
}

/** Brotli bytes of the HTML up to the first chart's </svg> plus the render-blocking CSS/JS in <head>. */
function beforeChart(path: string): { html: number; blocking: number; total: number } | undefined {
  const html = readFileSync(fileFor(path), 'utf8');
  const plot = html.indexOf('data-plot');
  const end = plot < 0 ? -1 : html.indexOf('</svg>', plot);
  if (end < 0) return undefined;
  const head = html.slice(0, html.indexOf('</head>'));
  const blocking: string[] = [];
  for (const tag of head.match(/<link\b[^>]*>/g) ?? []) {
    if (/\brel=["']?stylesheet/.test(tag) && !/\bmedia=["']?print/.test(tag)) blocking.push(/\bhref=["']?([^"' >]+)/.exec(tag)![1]);
  }
  for (const tag of head.match(/<script\b[^>]*>/g) ?? []) {
    const src = /\bsrc=["']?([^"' >]+)/.exec(tag)?.[1];
    if (src && !/\b(async|defer)\b|type=["']?module/.test(tag)) blocking.push(src);
  }
  const h = br(html.slice(0, end + '</svg>'.length));
  const b = blocking.reduce((s, href) => s + br(readFileSync(join(DIST, new URL(href, 'http://x/').pathname))), 0);
  return { html: h, blocking: b, total: h + b };
}

// ------------------------------------------------------------------------------------------ one run

const PROBE = `(() => {
  const done = new Set();
  const mark = (k) => { if (!done.has(k)) { done.add(k); performance.mark('bench-' + k); } };
  const check = () => {
    if (!document.querySelector(${JSON.stringify(CHART)})) return false;
    mark('chart-in-dom');
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => mark('painted');
      ch.port2.postMessage(0);
    });
    return true;
  };
  const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
  mo.observe(document, { childList: true, subtree: true });
})()`;

interface Run {
  firstChart: number | null;
  fcp: number | null;
  total: number;
  totalBr: number;
  js: number;
  jsBr: number;
  duckdb: number;
  requests: number;
  external: string[];
}

/** A fresh context (cold cache) and a page with the CPU slowed 4× and the paint probe installed. */
async function throttledPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ ...options, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: PROBE, worldName: 'bench' });
  return { context, page };
}

async function measure(browser: Browser, served: Served, path: string, js: boolean): Promise<Run> {
  const { context, page } = await throttledPage(browser, { javaScriptEnabled: js });
  try {
    const bodies: Promise<void>[] = [];
    const r: Run = { firstChart: null, fcp: null, total: 0, totalBr: 0, js: 0, jsBr: 0, duckdb: 0, requests: 0, external: [] };
    context.on('request', (q) => {
      r.requests++;
      if (!isLocal(q.url(), served)) r.external.push(q.url());
    });
    context.on('response', (res) =>
      bodies.push(
        res.body().then(
          (b) => {
            const c = br(b);
            r.total += b.length;
            r.totalBr += c;
            const type = res.request().resourceType();
            if (type === 'script' || /javascript|wasm/.test(res.headers()['content-type'] ?? '')) {
              r.js += b.length;
              r.jsBr += c;
            }
            if (res.url().toLowerCase().includes('duckdb')) r.duckdb += b.length;
          },
          () => undefined,
        ),
      ),
    );
    await page.goto(served.url + path, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    // Let a chart that is painted after load be recorded (not the case for these static pages).
    const hasChart = (await page.locator(CHART).count()) > 0;
    if (hasChart) await page.waitForFunction(() => performance.getEntriesByName('bench-painted').length > 0, null, { timeout: 10_000 }).catch(() => undefined);
    const t = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      painted: performance.getEntriesByName('bench-painted')[0]?.startTime ?? null,
    }));
    r.fcp = t.fcp;
    r.firstChart = hasChart && t.painted != null ? Math.max(t.fcp ?? 0, t.painted) : null;
    await Promise.all(bodies);
    return r;
  } finally {
    await context.close();
  }
}

// ------------------------------------------------------------------------------------------ workbench

interface WorkbenchRun {
  openingChart: number | null;
  dbReady: number | null;
  permalinkChart: number | null;
  /** The permalink's chart from the precomputed rows (null: not drawn before DuckDB). */
  predrawn: number | null;
  change: number | null;
  duckdbBytes: number;
  /** The client's marks on the permalink page (see PHASES). */
  phases: Record<string, number>;
  /** The change's own marks, in ms after its query started (the newest entry of each). */
  changePhases: Record<string, number>;
  external: string[];
}

async function measureWorkbench(browser: Browser, served: Served, wb: { permalink: string; change: string; changeIndicator: string }): Promise<WorkbenchRun> {
  const r: WorkbenchRun = { openingChart: null, dbReady: null, permalinkChart: null, predrawn: null, change: null, duckdbBytes: 0, phases: {}, changePhases: {}, external: [] };
  for (const path of ['/verkennen/', wb.permalink]) {
    const { context, page } = await throttledPage(browser);
    try {
      const bodies: Promise<void>[] = [];
      context.on('request', (q) => {
        if (!isLocal(q.url(), served)) r.external.push(q.url());
      });
      context.on('response', (res) => {
        if (path === '/verkennen/' && res.url().toLowerCase().includes('duckdb')) bodies.push(res.body().then((b) => void (r.duckdbBytes += b.length), () => undefined));
      });
      await page.goto(served.url + path, { waitUntil: 'load' });
      if (path === '/verkennen/') {
        await page.waitForFunction(() => performance.getEntriesByName('bench-painted').length > 0, null, { timeout: 20_000 }).catch(() => undefined);
        const t = await page.evaluate(() => ({
          fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
          painted: performance.getEntriesByName('bench-painted')[0]?.startTime ?? null,
        }));
        r.openingChart = t.painted == null ? null : Math.max(t.fcp ?? 0, t.painted);
        await page.waitForSelector('[data-workbench][data-ready]', { timeout: 60_000 });
        r.dbReady = Number(await page.getAttribute('[data-workbench]', 'data-db-ms'));
        await Promise.all(bodies);
      } else {
        await page.waitForFunction(() => performance.getEntriesByName('workbench-chart').length > 0, null, { timeout: 60_000 });
        r.permalinkChart = await page.evaluate(() => performance.getEntriesByName('workbench-chart')[0].startTime);
        r.predrawn = await page.evaluate(() => performance.getEntriesByName('workbench-predrawn')[0]?.startTime ?? null);
        r.phases = await phases(page);
        await page.selectOption('#wb-metric', wb.change);
        await page.waitForFunction((ind) => document.querySelector('[data-workbench]')?.getAttribute('data-ran-sql')?.includes(`t.indicator = '${ind}'`), wb.changeIndicator, { timeout: 30_000 });
        r.change = Number(await page.getAttribute('[data-workbench]', 'data-change-ms'));
        r.changePhases = await page.evaluate(() => {
          const last = (n: string) => performance.getEntriesByName(n).at(-1)?.startTime;
          const q = last('workbench-query')!;
          return Object.fromEntries(['workbench-rows', 'workbench-plot', 'workbench-chart'].map((n) => [n, last(n)! - q]));
        });
      }
    } finally {
      await context.close();
    }
  }
  return r;
}

/** The client's own performance marks (src/client/*.ts), in ms after navigation start; missing ones left out. */
const PHASES = ['workbench-start', 'workbench-init', 'duckdb-worker', 'duckdb-instantiated', 'duckdb-tables', 'duckdb-locked', 'workbench-predrawn', 'workbench-query', 'workbench-rows', 'workbench-plot', 'workbench-chart', 'console-start', 'console-run', 'console-answer'];
async function phases(page: import('playwright-core').Page): Promise<Record<string, number>> {
  return page.evaluate((names) => Object.fromEntries(names.map((n) => [n, performance.getEntriesByName(n)[0]?.startTime]).filter(([, t]) => t != null)), PHASES);
}

// ------------------------------------------------------------------------------------- SQL console

const CONSOLE_QUERY = 'SELECT count(*) FROM observations';

interface ConsoleRun {
  /** Click on "Uitvoeren" to the result table in the DOM. */
  answer: number | null;
  /** Navigation start to the result table in the DOM. */
  answerAfterNav: number | null;
  phases: Record<string, number>;
  duckdbBytes: number;
  tables: string[];
  external: string[];
}

/**
 * /sql/?q=SELECT count(*) FROM observations, "Uitvoeren" clicked `clickAfter` ms after the load event (0: a
 * reader who clicks at once), JS on, CPU 4×, cold cache. The first answer = click → result table.
 */
async function measureConsole(browser: Browser, served: Served, clickAfter: number): Promise<ConsoleRun> {
  const { context, page } = await throttledPage(browser);
  const r: ConsoleRun = { answer: null, answerAfterNav: null, phases: {}, duckdbBytes: 0, tables: [], external: [] };
  try {
    const bodies: Promise<void>[] = [];
    context.on('request', (q) => {
      if (!isLocal(q.url(), served)) r.external.push(q.url());

    });
    context.on('response', (res) => {
      if (res.url().toLowerCase().includes('duckdb')) bodies.push(res.body().then((b) => void (r.duckdbBytes += b.length), () => undefined));
    });
    await page.goto(`${served.url}/sql/?q=${encodeURIComponent(CONSOLE_QUERY)}`, { waitUntil: 'load' });
    if (clickAfter) await page.waitForTimeout(clickAfter);
    // The bench's own marks (not the page's): the click, and the result table entering the DOM.
    await page.evaluate(() => {
      const result = document.querySelector('[data-result]')!;
      const mo = new MutationObserver(() => {
        if (result.querySelector('table')) {
          performance.mark('bench-answer');
          mo.disconnect();
        }
      });
      mo.observe(result, { childList: true, subtree: true });
      document.querySelector('[data-run]')!.addEventListener('click', () => performance.mark('bench-click'), { capture: true, once: true });
    });
    await page.locator('[data-run]').click();
    await page.waitForFunction(() => performance.getEntriesByName('bench-answer').length > 0, null, { timeout: 60_000 });
    r.phases = await phases(page);
    // Tables fetched before the answer (after it the console prepares a standby with every table).
    r.tables = await page.evaluate(() => {
      const answer = performance.getEntriesByName('bench-answer')[0].startTime;
      return performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime < answer)
        .map((e) => /\/data\/(\w+)\.parquet$/.exec(new URL(e.name).pathname)?.[1])
        .filter((t): t is string => !!t);
    });
    const t = await page.evaluate(() => ({ click: performance.getEntriesByName('bench-click')[0]?.startTime, answer: performance.getEntriesByName('bench-answer')[0].startTime }));
    if (t.click != null) r.answer = t.answer - t.click;
    r.answerAfterNav = t.answer;
    await Promise.all(bodies);
  } finally {
    await context.close();
  }
  return r;
}

// -------------------------------------------------------------------------------------------- main

const chromiumPath = findChromium();
console.log(`bench:pages on Node ${process.version}, ${cpus().length} cores, ${chromiumPath ?? 'no chromium'}; ${RUNS} runs per row (median), CPU 4× slower, cold cache`);
console.log(ensureBuilt((s) => console.log(s)));
const sample = JSON.parse(readFileSync(join(DIST, 'data', 'datapackage.json'), 'utf8')).sample === true;
console.log(`dist/ built on ${sample ? 'the embedded sample' : 'a full warehouse'}\n`);

if (!chromiumPath) {
  console.log('no chromium on PATH: page timings skipped (apt-get install chromium)');
} else {
  const served = await serveDir();
  const browser = await launchChromium(chromiumPath);
  const rows: string[][] = [];
  const external = new Set<string>();
  // The floor of this machine: a one-line HTML page (no CSS, no chart), measured the same way.
  const blankDir = mkdtempSync(join(tmpdir(), 'bench-blank-'));
  writeFileSync(join(blankDir, 'index.html'), '<!doctype html><html lang="nl"><title>leeg</title><p>Leeg.</p></html>');
  const blank = await serveDir(blankDir);
  try {
    // BENCH_WORKBENCH_ONLY=1: only the workbench figures below.
    for (const js of process.env.BENCH_WORKBENCH_ONLY === '1' ? [] : [true, false]) {
      await measure(browser, blank, '/', js);
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, blank, '/', js));
      rows.push(['(blank page)', js ? 'on' : 'off', '—', ms(median(runs.map((r) => r.fcp ?? NaN))), '—', '', '', '', '']);
    }
    for (const path of process.env.BENCH_WORKBENCH_ONLY === '1' ? [] : PAGES) {
      const before = beforeChart(path);
      for (const js of [true, false]) {
        await measure(browser, served, path, js); // warm-up: server, disk cache of the OS, Chromium's code caches
        const runs: Run[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, served, path, js));
        runs.forEach((r) => r.external.forEach((u) => external.add(u)));
        const charts = runs.map((r) => r.firstChart).filter((x): x is number => x != null);
        const last = runs[runs.length - 1];
        const fc = charts.length ? median(charts) : null;
        rows.push([
          path,
          js ? 'on' : 'off',
          fc == null ? 'no chart' : `${ms(fc)} ${fc <= TARGET.firstChartMs ? 'ok' : 'OVER'}`,
          ms(median(runs.map((r) => r.fcp ?? NaN))),
          before ? `${kb(before.total)} ${before.total <= TARGET.beforeChartBytes ? 'ok' : 'OVER'}` : '—',
          `${kb(last.total)} / ${kb(last.totalBr)}`,
          `${kb(last.js)} / ${kb(last.jsBr)}`,
          `${last.duckdb} B ${last.duckdb === TARGET.duckdb ? 'ok' : 'OVER'}`,
          String(last.requests),
        ]);
      }
    }
  } finally {
    await browser.close();
    await served.close();
    await blank.close();
    rmSync(blankDir, { recursive: true, force: true });
  }
  const head = ['page', 'JS', 'first chart', 'FCP', 'before chart (br)', 'total raw / br', 'JS raw / br', 'DuckDB', 'requests'];
  const targets = ['', '', '≤ 500 ms', '', '≤ 50.0 KB', '', '', '0 B', ''];
  const all = [head, targets, ...rows];
  const w = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(w[i])).join('  ').trimEnd();
  console.log(line(head));
  console.log(line(targets.map((t, i) => (t ? t : i === 0 ? 'target' : ''))));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  rows.forEach((r) => console.log(line(r)));
  console.log(
    `\nfirst chart = max(FCP, end of the first frame with ${CHART} in the DOM), median; before chart = brotli(HTML up to the ` +
      `first chart's </svg>) + brotli(render-blocking CSS); total/JS = all response bodies until network idle (one run); ` +
      `(blank page) = FCP of a one-line page: what this machine and browser need before any page paints.`,
  );
  console.log(external.size ? `REQUESTS THAT LEFT 127.0.0.1: ${[...external].join(', ')}` : 'requests outside 127.0.0.1: none');

  const wb = existsSync(join(DIST, 'verkennen', 'index.html')) ? await workbenchCase() : undefined;
  if (!wb) console.log('\nworkbench: no two metrics with figures for the gemeenten of JZ20 in this warehouse; not measured');
  else {
    console.log(`\nworkbench permalink ${wb.permalink}, then the metric ${wb.change}`);
    const wbServed = await serveDir();
    const wbBrowser = await launchChromium(chromiumPath);
    try {
      await measureWorkbench(wbBrowser, wbServed, wb); // warm-up
      const runs: WorkbenchRun[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measureWorkbench(wbBrowser, wbServed, wb));
      const med = (f: (r: WorkbenchRun) => number | null) => median(runs.map(f).filter((x): x is number => x != null));
      const ok = (v: number, t: number) => `${ms(v)} ${v <= t ? 'ok' : 'OVER'}`;
      const range = (f: (r: WorkbenchRun) => number | null) => {
        const xs = runs.map(f).filter((x): x is number => x != null);
        return xs.length ? `[${ms(Math.min(...xs))}–${ms(Math.max(...xs))}]` : '';
      };
      console.log(`\nworkbench /verkennen/ (JS on, CPU 4×, cold cache, median [min–max] of ${RUNS}):`);
      console.log(`  opening chart (drawn at build time)   ${ok(med((r) => r.openingChart), TARGET.workbenchFirstMs)}   (target ≤ ${TARGET.workbenchFirstMs} ms)`);
      console.log(`  DuckDB ready (wasm + 3 tables)        ${ms(med((r) => r.dbReady))}`);
      console.log(`  first chart (permalink, precomputed)  ${runs.some((r) => r.predrawn != null) ? `${ok(med((r) => r.predrawn), TARGET.workbenchFirstMs)} ${range((r) => r.predrawn)}` : 'not drawn before DuckDB'}   (SVG in the DOM, after navigation start; target ≤ ${TARGET.workbenchFirstMs} ms)`);
      console.log(`  first chart from DuckDB (permalink)   ${ok(med((r) => r.permalinkChart), TARGET.workbenchFirstMs)} ${range((r) => r.permalinkChart)}   (after navigation start; target ≤ ${TARGET.workbenchFirstMs} ms)`);
      console.log(`  change (another metric → drawn)       ${ok(med((r) => r.change), TARGET.workbenchChangeMs)} ${range((r) => r.change)}   (target ≤ ${TARGET.workbenchChangeMs} ms)`);
      console.log(`  DuckDB bytes on /verkennen/           ${kb(runs[runs.length - 1].duckdbBytes)}`);
      console.log(`  where the permalink's time goes (client marks, ms after navigation start, median): ${phaseLine(runs.map((r) => r.phases))}`);
      console.log(`  where a change's time goes (ms after its query started, median): ${phaseLine(runs.map((r) => r.changePhases))}`);
      const ext = runs.flatMap((r) => r.external);
      console.log(ext.length ? `  REQUESTS THAT LEFT 127.0.0.1: ${ext.join(', ')}` : '  requests outside 127.0.0.1: none');
    } finally {
      await wbBrowser.close();
      await wbServed.close();
    }
  }
}

// BENCH_CONSOLE=0 leaves the console out (it takes as long as the workbench's figures).
if (chromiumPath && process.env.BENCH_CONSOLE !== '0' && existsSync(join(DIST, 'sql', 'index.html'))) {
  const cServed = await serveDir();
  const cBrowser = await launchChromium(chromiumPath);
  const runs = Math.max(RUNS, 7);
  try {
    console.log(`\nSQL console /sql/, "${CONSOLE_QUERY}" (JS on, CPU 4×, cold cache, ${runs} runs, median [min–max]; target ≤ ${TARGET.consoleAnswerMs} ms click → answer):`);
    for (const clickAfter of [0, 3000]) {
      await measureConsole(cBrowser, cServed, clickAfter); // warm-up
      const rs: ConsoleRun[] = [];
      for (let i = 0; i < runs; i++) rs.push(await measureConsole(cBrowser, cServed, clickAfter));
      const a = rs.map((r) => r.answer).filter((x): x is number => x != null);
      const n = rs.map((r) => r.answerAfterNav).filter((x): x is number => x != null);
      const m = median(a);
      console.log(
        `  click ${clickAfter ? `${clickAfter / 1000} s after load` : 'at load     '} → answer ${ms(m)} [${ms(Math.min(...a))}–${ms(Math.max(...a))}] ${m <= TARGET.consoleAnswerMs ? 'ok' : 'OVER'}` +
          `   (after navigation start ${ms(median(n))} [${ms(Math.min(...n))}–${ms(Math.max(...n))}])`,
      );
      console.log(`    client marks (median): ${phaseLine(rs.map((r) => r.phases))}`);
      const last = rs[rs.length - 1];
      console.log(`    DuckDB bytes ${kb(last.duckdbBytes)} (JS and worker; the wasm is fetched by the worker); tables fetched before the answer: ${last.tables.join(', ') || 'none'}${rs.some((r) => r.external.length) ? `; REQUESTS THAT LEFT 127.0.0.1: ${rs.flatMap((r) => r.external).join(', ')}` : ''}`);
    }
  } finally {
    await cBrowser.close();
    await cServed.close();
  }
}
