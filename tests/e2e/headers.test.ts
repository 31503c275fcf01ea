/**
 * dist/ served with the headers of its `_headers` file as Cloudflare Pages applies them (every matching
 * rule; see host-headers.ts), in headless Chromium: an embed can be framed by a page of another origin,
 * an ordinary page cannot, and the SQL console still runs DuckDB-wasm under the header policy (its worker
 * gets the policy of its own script). The file-level check of every path is tests/site/headers.test.ts.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, findChromium, launchChromium, openPage, serveDir, type Served } from './server.ts';

const CHROMIUM = findChromium();
if (!CHROMIUM) console.warn(CHROMIUM_MISSING);

describe.skipIf(!CHROMIUM)('the site behind its _headers, as a CDN serves it', () => {
  let served: Served;
  let browser: Browser;
  let host: { url: string; close: () => void };

  beforeAll(async () => {
    served = await serveDir(undefined, { hostHeaders: 'cloudflare' });
    browser = await launchChromium(CHROMIUM!);
    // Another origin (another port) that embeds two pages of the site.
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>host</title>
<iframe name="embed" src="${served.url}/embed/gebruik-trend/NL01/"></iframe>
<iframe name="page" src="${served.url}/gebruik/"></iframe>`);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    host = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
  });
  afterAll(async () => {
    host?.close();
    await browser?.close();
    await served?.close();
  });

  it('sends one CSP per page', async () => {
    for (const [path, fa] of [['/embed/gebruik-trend/NL01/', '*'], ['/gebruik/', "'self'"], ['/sql/', "'self'"]] as const) {
      const res = await fetch(served.url + path);
      const csp = res.headers.get('content-security-policy')!;
      // fetch() joins repeated headers with ", ": one policy has no ", " in it.
      expect(csp, path).not.toContain(', ');
      expect(csp.endsWith(`frame-ancestors ${fa}`), csp).toBe(true);
    }
  });

  it('an embed can be framed by another site; an ordinary page cannot', async () => {
    const t = await openPage(browser, served, { js: true });
    try {
      await t.page.goto(host.url);
      await t.page.waitForLoadState('load');
      const frame = (name: string) => t.page.frames().find((f) => f.name() === name)!;
      await expect.poll(() => frame('embed').url()).toContain('/embed/gebruik-trend/NL01/');
      expect(await frame('embed').locator('figure, h1, h2').count()).toBeGreaterThan(0);
      // Chromium replaces a frame its frame-ancestors refuses with an error page.
      await expect.poll(() => frame('page').url()).toBe('chrome-error://chromewebdata/');
    } finally {
      await t.context.close();
    }
  });

  it('the SQL console runs DuckDB-wasm under the header policy, with no CSP violation', async () => {
    const t = await openPage(browser, served, { js: true });
    try {
      const { page } = t;
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) violations.push(m.text());
      });
      await page.goto(`${served.url}/sql/`);
      await page.locator('#sql-text').fill('SELECT count(*) AS n FROM geo');
      await page.getByRole('button', { name: 'Uitvoeren' }).click();
      await page.locator('[data-result] table td').first().waitFor({ state: 'visible', timeout: 60_000 });
      expect(Number(await page.locator('[data-result] table td').first().textContent())).toBeGreaterThan(0);
      expect(violations).toEqual([]);
      expect(t.errors).toEqual([]);
    } finally {
      await t.context.close();
    }
  });
});
