/**
 * Privacy and security gates in headless Chromium, JavaScript on and the page's own CSP in force:
 *
 * - every page type (tests/e2e/page-types.ts): no request leaves the site's origin, the browser reports
 *   no CSP violation (a blocked attempt counts too: `securitypolicyviolation` events, recorded by an init
 *   script), the Content-Security-Policy <meta> is there before any script or stylesheet and allows no
 *   inline script, and the live DOM has no <script> with inline code (a module with src and JSON data
 *   blocks are fine), no on…= handler attribute and no javascript: link;
 * - hostile URL parameters on the pages that read them (/zoeken/ ?q, the comparison permalink on
 *   /gemeente/, /embed/<chart>/?geo, /sql/ ?q): no dialog, window.__pwned stays undefined, nothing
 *   injected, no request leaves, no CSP violation, no uncaught error, and a page with its h1;
 * - unknown codes give the "Niet gevonden" page with status 404;
 * - the SQL console refuses other hosts and extensions with a visible message, also when the URL is
 *   built inside the query, and makes no outside request.
 *
 * Every page's HTML (all of them, not one per type) is also checked in Node: tests/site/pages.test.ts.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { tablesNamed } from '../../src/client/sql-tables.ts';
import { EXAMPLES } from '../../src/lib/sql-examples.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_TYPES } from './page-types.ts';
import { CHROMIUM_MISSING, findChromium, isLocal, launchChromium, openPage, serveDir, type Served } from './server.ts';

const CHROMIUM = findChromium();
if (!CHROMIUM) console.warn(CHROMIUM_MISSING);

const PWN = 'window.__pwned=1';
const HOSTILE = {
  img: `<img src=x onerror=${PWN}>`,
  script: `<script>${PWN}</script>`,
  svg: `"><svg onload=${PWN}>`,
  textarea: `</textarea><img src=x onerror=${PWN}>`,
  js: `javascript:${PWN}`,
  long: `${'GM0307,'.repeat(600)}${'x'.repeat(3000)}`,
  unicode: 'Súdwest-Fryslân \u202e\u0000 𝕏 ﷽ 🏳️‍🌈 \ud800',
};
/** [what the test is called, the URL path with its query] */
const fuzz = (path: string, params: Record<string, string>, hash = ''): [string, string] => [
  `${path}?${Object.entries(params).map(([k, v]) => `${k}=${v.length > 60 ? `${v.slice(0, 40)}…(${v.length} characters)` : v}`).join('&')}${hash ? '#…' : ''}`,
  `${path}?${new URLSearchParams(params)}${hash ? `#${encodeURIComponent(hash)}` : ''}`,
];
const FUZZ: [string, string][] = [
  ...[HOSTILE.img, HOSTILE.svg, HOSTILE.long, HOSTILE.unicode].map((v) => fuzz('/zoeken/', { q: v })),
  fuzz('/gemeente/GM0307/', { vergelijk: 'gebruik-trend', plaatsen: `${HOSTILE.script},GM0307`, weergave: HOSTILE.svg, van: HOSTILE.img, tot: '1e999' }),
  fuzz('/gemeente/GM0307/', { vergelijk: 'gebruik-trend', plaatsen: HOSTILE.long, weergave: HOSTILE.unicode, van: '-1', tot: '99999' }),
  fuzz('/gemeente/GM0307/', { vergelijk: HOSTILE.svg, plaatsen: HOSTILE.js }, HOSTILE.img),
  ...[HOSTILE.js, '//example.com/x', `GM0307\n${HOSTILE.script}`, HOSTILE.unicode, HOSTILE.long].map((v) => fuzz('/embed/gebruik-trend/', { geo: v })),
  ...[HOSTILE.img, HOSTILE.textarea, HOSTILE.long, HOSTILE.unicode].map((v) => fuzz('/sql/', { q: v })),
];

interface Watch { external: string[]; errors: string[]; dialogs: string[] }

/** What the live page holds that it must not: inline script code, handler attributes, javascript: links. */
function domProblems(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const s of document.querySelectorAll('script')) {
      const type = (s.getAttribute('type') ?? '').toLowerCase();
      if (s.src) {
        if (new URL(s.src).origin !== location.origin) out.push(`script from another origin: ${s.src}`);
      } else if (!/^application\/(ld\+)?json$/.test(type) && s.textContent!.trim()) {
        out.push(`inline script with code: ${s.outerHTML.slice(0, 120)}`);
      }
    }
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.getAttributeNames()) if (a.startsWith('on')) out.push(`handler attribute ${a} on <${el.tagName.toLowerCase()}>`);
    }
    for (const a of document.querySelectorAll('[href], [src], [action], [formaction]')) {
      for (const attr of ['href', 'src', 'action', 'formaction']) {
        if (/^\s*javascript:/i.test(a.getAttribute(attr) ?? '')) out.push(`javascript: URL in ${attr} of <${a.tagName.toLowerCase()}>`);
      }
    }
    return out;
  });
}

describe.skipIf(!CHROMIUM)(`privacy and security in headless Chromium (${CHROMIUM ?? 'no chromium'})`, () => {
  let served: Served;
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    served = await serveDir();
    browser = await launchChromium(CHROMIUM!);
    // One context for the page and fuzz checks, a page per check (they run side by side: most of the
    // time is waiting for the network to go quiet). The CSP of each page applies as on the web.
    context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`));
    });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  /** A new page that records what leaves the origin, uncaught errors and dialogs (dismissed). */
  const open = async () => {
    const page = await context.newPage();
    const watch: Watch = { external: [], errors: [], dialogs: [] };
    page.on('request', (r) => {
      if (!isLocal(r.url(), served)) watch.external.push(r.url());
    });
    page.on('pageerror', (e) => watch.errors.push(String(e)));
    page.on('dialog', (d) => {
      watch.dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    const csp = () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    return { page, watch, csp };
  };

  for (const p of PAGE_TYPES) {
    it.concurrent(`${p.path} (${p.type}): CSP meta without inline script, no inline code, nothing leaves the origin`, async ({ expect }) => {
      const { page, watch, csp } = await open();
      try {
        const res = await page.goto(served.url + p.path, { waitUntil: 'load' });
        await page.waitForLoadState('networkidle');
        expect(res?.status()).toBe(p.status);
        const meta = await page.evaluate(() => {
          const metas = [...document.querySelectorAll('meta[http-equiv]')].filter((m) => m.getAttribute('http-equiv')!.toLowerCase() === 'content-security-policy');
          const first = document.head.querySelector('script, link[rel~="stylesheet"], style');
          return {
            count: metas.length,
            inHead: metas.every((m) => m.parentElement === document.head),
            // A <meta> CSP covers only what comes after it.
            beforeResources: metas.length > 0 && (!first || Boolean(metas[0].compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING)),
            content: metas[0]?.getAttribute('content') ?? '',
          };
        });
        expect.soft(meta.count, 'Content-Security-Policy <meta> elements').toBe(1);
        expect.soft(meta.inHead).toBe(true);
        expect.soft(meta.beforeResources, 'CSP <meta> before any script or stylesheet').toBe(true);
        const directives = new Map(meta.content.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));
        const scriptSrc = directives.get('script-src') ?? directives.get('default-src') ?? [];
        expect.soft(scriptSrc.length, 'script-src (or default-src)').toBeGreaterThan(0);
        expect.soft(scriptSrc.filter((s) => !["'self'", "'wasm-unsafe-eval'"].includes(s)), 'script-src beyond self (and wasm on /sql/)').toEqual([]);
        expect.soft(directives.get('default-src')).toEqual(["'self'"]);
        expect.soft(directives.get('connect-src') ?? ["'self'"]).toEqual(["'self'"]);
        expect.soft(directives.get('object-src')).toEqual(["'none'"]);
        expect.soft(await domProblems(page)).toEqual([]);
        expect.soft(watch.external, 'requests that left the origin').toEqual([]);
        expect.soft(await csp(), 'CSP violations (blocked attempts)').toEqual([]);
        expect.soft(watch.errors, 'uncaught errors').toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  for (const [label, path] of FUZZ) {
    // Control, bidi and lone surrogate characters written as \uXXXX in the test's name.
    const name = label.replace(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    // Concurrent tests must use their own expect (expect.soft needs to know its test).
    it.concurrent(`hostile parameters run nothing and send nothing: ${name}`, async ({ expect }) => {
      const { page, watch, csp } = await open();
      try {
        const res = await page.goto(served.url + path, { waitUntil: 'load' });
        // Lazy work (the finder's places.json, a comparison's data and Plot) included.
        await page.waitForLoadState('networkidle');
        expect(res?.status()).toBe(200);
        expect.soft(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), 'window.__pwned').toBeUndefined();
        expect.soft(watch.dialogs, 'dialogs').toEqual([]);
        expect.soft(await domProblems(page), 'injected markup').toEqual([]);
        expect.soft(await page.locator('img[src="x"], svg[onload]').count(), 'injected elements').toBe(0);
        expect.soft(watch.external, 'requests that left the origin').toEqual([]);
        expect.soft(await csp(), 'CSP violations').toEqual([]);
        expect.soft(watch.errors, 'uncaught errors').toEqual([]);
        // Still a clear page: the one asked for (an unusable ?geo= leaves the embed chooser as it is).
        expect.soft(new URL(page.url()).pathname).toBe(new URL(path, served.url).pathname);
        expect.soft(await page.locator('h1, [data-embed-redirect]').first().isVisible(), 'a heading or the embed chooser').toBe(true);
      } finally {
        await page.close();
      }
    });
  }

  it('unknown codes give the "Niet gevonden" page with status 404', async () => {
    const { page, watch } = await open();
    try {
      for (const path of ['/gemeente/GM9999/', '/regio/JZ99/', '/embed/gebruik-trend/GM9999/']) {
        const res = await page.goto(served.url + path);
        expect(res?.status(), path).toBe(404);
        expect((await page.locator('h1').textContent())?.trim(), path).toBe('Niet gevonden');
      }
      // ?geo= with a well-formed but unknown code goes to that (missing) page: again "Niet gevonden", 404.
      const redirected = page.waitForResponse((r) => new URL(r.url()).pathname === '/embed/gebruik-trend/GM9999/');
      await page.goto(`${served.url}/embed/gebruik-trend/?geo=GM9999`);
      expect((await redirected).status()).toBe(404);
      await page.waitForURL(`${served.url}/embed/gebruik-trend/GM9999/`);
      expect((await page.locator('h1').textContent())?.trim()).toBe('Niet gevonden');
      expect(watch.external).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the SQL console refuses other hosts and extensions with a visible message and sends nothing out', async () => {
    const t = await openPage(browser, served, { js: true });
    try {
      const { page } = t;
      await page.goto(`${served.url}/sql/`);
      const run = async (sql: string) => {
        await page.locator('#sql-text').fill(sql);
        await page.getByRole('button', { name: 'Uitvoeren' }).click();
        const error = page.locator('[data-result] [data-error]');
        await error.waitFor({ state: 'visible', timeout: 30_000 });
        return (await error.textContent())!;
      };
      // Refused before DuckDB is even loaded.
      expect(await run("SELECT * FROM read_parquet('https://example.com/x.parquet')")).toMatch(/^Fout: .*https:\/\/example\.com\/x\.parquet is niet toegestaan/);
      expect(await run('INSTALL httpfs')).toMatch(/^Fout: Extensies installeren .* kan in deze console niet/);
      // The adversarial run's bypasses of the old text check: a comment inside INSTALL, and settings.
      expect(await run('INSTALL/**/httpfs')).toMatch(/^Fout: Extensies installeren .* kan in deze console niet/);
      expect(await run('SET autoinstall_known_extensions=true')).toMatch(/^Fout: Deze console kan alleen lezen .*"SET" is niet toegestaan/);
      expect(await run('SELECT 1; SET enable_external_access = true')).toMatch(/^Fout: .*"SET" is niet toegestaan/);
      expect(await run("ATTACH 'https://example.com/db.duckdb' AS x")).toMatch(/^Fout: /);
      // DuckDB itself starts with the page, and reads the table of the example in the box (the first answer
      // comes sooner); the refused queries read nothing more.
      const example = tablesNamed(EXAMPLES[0].sql).map((n) => `/data/${n}.parquet`);
      const fetched = t.requests.filter((u) => u.endsWith('.parquet')).map((u) => new URL(u).pathname);
      expect(fetched.filter((p) => !example.includes(p)), 'a table fetched for a refused query').toEqual([]);
      // A URL the text check cannot see: DuckDB itself no longer reads files once the tables are in.
      expect(await run("SELECT * FROM read_csv(concat('https:', '//example.com/x.csv'))")).toMatch(/^Fout: .*(disabled|niet)/);
      expect(await run("SELECT * FROM read_parquet(concat('https:', '//example.com/x.parquet'))")).toMatch(/^Fout: /);
      expect(await page.locator('[data-status]').textContent()).toBe('De query gaf een fout.');
      // The console still works on the site's own tables.
      await page.locator('#sql-text').fill('SELECT count(*) AS n FROM geo');
      await page.getByRole('button', { name: 'Uitvoeren' }).click();
      await page.locator('[data-result] table').waitFor({ state: 'visible', timeout: 30_000 });
      // Its CSV export shows formulas as text and keeps numbers (negative ones too) as numbers.
      await page.locator('#sql-text').fill("SELECT '=HYPERLINK(\"x\";\"y\")' AS naam, '@SUM(1)' AS b, -1234.5::DOUBLE AS euro");
      await page.getByRole('button', { name: 'Uitvoeren' }).click();
      await page.locator('[data-result] td', { hasText: '@SUM(1)' }).waitFor({ state: 'visible', timeout: 30_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-csv]').click()]);
      expect(readFileSync((await download.path())!, 'utf8')).toBe('naam,b,euro\n"\'=HYPERLINK(""x"";""y"")",\'@SUM(1),-1234.5\n');
      expect(t.external, 'requests that left the origin').toEqual([]);
      expect(t.errors, 'uncaught errors').toEqual([]);
    } finally {
      await t.context.close();
    }
  });
});
