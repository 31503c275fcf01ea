/**
 * The site as a tool (issue 4), in headless Chromium on the built sample: a chart's CSV parses back to
 * the figures on screen, SVG and PNG exports, an embed resizes its iframe, a permalink restores a
 * comparison, the SQL console answers an example and shows a clean error, a briefing is one A4 page.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, findChromium, openPage, useSite } from './server.ts';

const CHROMIUM = findChromium();
if (!CHROMIUM) console.warn(CHROMIUM_MISSING);

describe.skipIf(!CHROMIUM)('journalist and councillor tools in headless Chromium', () => {
  const site = useSite(CHROMIUM!);

  it('downloads the data behind a chart as CSV (both dialects) with the values shown in its table', async () => {
    const t = await openPage(site.browser, site.served, { js: false });
    const { page } = t;
    await page.goto(`${site.served.url}/gebruik/`);
    const fig = page.locator('#grafiek-gebruik-trend');
    // The table under the chart, as a reader sees it: year → Dutch-formatted count.
    const shown = new Map<string, string>();
    for (const row of await fig.locator('table tbody tr').all()) {
      const year = (await row.locator('th').textContent())!.trim();
      shown.set(year, (await row.locator('td').first().textContent())!.trim());
    }
    expect(shown.size).toBeGreaterThan(0);
    await fig.locator('[data-tools] summary').click();
    for (const [sel, sep, bom] of [['[data-download="csv"]', ',', false], ['[data-download="csv-nl"]', ';', true]] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), fig.locator(sel).click()]);
      const text = readFileSync((await download.path())!, 'utf8');
      expect(text.startsWith('\ufeff')).toBe(bom);
      const parsed = Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), { header: true, delimiter: sep, skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      const nl = parsed.data.filter((r) => r.geo_code === 'NL01');
      expect(nl.length).toBe(shown.size);
      for (const r of nl) {
        const count = Number(r.jongeren.replace(',', '.'));
        expect(new Intl.NumberFormat('nl-NL').format(count)).toBe(shown.get(r.jaar));
      }
    }
    expect(t.external).toEqual([]);
    await t.context.close();
  });

  it('exports the visible chart as SVG and as a 2× PNG', async () => {
    const t = await openPage(site.browser, site.served, { js: true });
    const { page } = t;
    await page.goto(`${site.served.url}/gebruik/`);
    const fig = page.locator('#grafiek-gebruik-trend');
    await fig.locator('[data-tools] summary').click();
    const [svgDl] = await Promise.all([page.waitForEvent('download'), fig.locator('[data-download="svg"]').click()]);
    const svg = readFileSync((await svgDl.path())!, 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    // The title drawn in is the chart's heading: its finding ("Landelijk kregen in 2020 … jongeren jeugdhulp …").
    const heading = (await fig.locator('[data-heading]').textContent())!.trim();
    expect(svg).toContain(heading.slice(0, 30));
    expect(svg).not.toContain('var(--');
    const [pngDl] = await Promise.all([page.waitForEvent('download'), fig.locator('[data-download="png"]').click()]);
    const png = readFileSync((await pngDl.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const width = png.readUInt32BE(16);
    const svgWidth = Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
    expect(width).toBe(svgWidth * 2);
    await t.context.close();
  });

  it('an embed in a host page resizes its iframe to its content', async () => {
    const t = await openPage(site.browser, site.served, { js: true });
    const { page } = t;
    await page.goto(`${site.served.url}/gebruik/`);
    const code = await page.locator('#grafiek-gebruik-trend [data-embed-code]').inputValue();
    expect(code).toContain('/embed/gebruik-trend/NL01/');
    // The snippet as a newsroom would paste it, pointed at the test server instead of the public site.
    const origin = /src="(https?:\/\/[^/]+)\//.exec(code)![1];
    const host = code.replaceAll(origin, site.served.url);
    // A newsroom's page on another origin (a second loopback server: Chromium refuses to frame a loopback
    // page into a page without an address, such as about:blank or an intercepted URL).
    const hostServer = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><html><body><p>Host</p>${host}</body></html>`));
    await new Promise<void>((r) => hostServer.listen(0, '127.0.0.1', r));
    const { port } = hostServer.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/`);
    const frame = page.locator('iframe');
    await expect.poll(async () => frame.evaluate((f: HTMLIFrameElement) => f.style.height), { timeout: 10_000 }).toMatch(/^\d+px$/);
    const height = parseInt(await frame.evaluate((f: HTMLIFrameElement) => f.style.height), 10);
    const content = await page.frameLocator('iframe').locator('html').evaluate((h) => h.getBoundingClientRect().height);
    expect(Math.abs(height - content)).toBeLessThanOrEqual(2);
    expect(height).not.toBe(560);
    await t.context.close();
    hostServer.close();
  });

  it('a permalink restores the places, the view and the period of a comparison', async () => {
    const t = await openPage(site.browser, site.served, { js: true });
    const { page } = t;
    await page.goto(`${site.served.url}/gebruik/?vergelijk=gebruik-trend&plaatsen=NL01,GM0363&weergave=aantal&van=2017&tot=2019#grafiek-gebruik-trend`);
    const fig = page.locator('#grafiek-gebruik-trend');
    await expect.poll(() => fig.locator('[data-plot] svg').first().getAttribute('aria-label'), { timeout: 15_000 }).toBe('Vergelijking: Nederland, 2017–2019');
    expect(await fig.locator('.explore details').getAttribute('open')).not.toBeNull();
    expect(await fig.locator('.chosen button').allTextContents()).toEqual(['Nederland ✕', 'Amsterdam ✕']);
    expect(await fig.locator('select[id$="-from"]').inputValue()).toBe('2017');
    expect(await fig.locator('input[value="abs"]').isChecked()).toBe(true);
    // Hostile parameters are ignored, not executed.
    await page.goto(`${site.served.url}/gebruik/?vergelijk=gebruik-trend&plaatsen=<img src=x onerror=window.__x=1>&van=abc`);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __x?: number }).__x)).toBeUndefined();
    expect(t.external).toEqual([]);
    await t.context.close();
  });

  it('the SQL console runs an example query and shows a clean error for SELEC 1', async () => {
    const t = await openPage(site.browser, site.served, { js: true });
    const { page } = t;
    await page.goto(`${site.served.url}/sql/`);
    await page.locator('[data-run]').click();
    await page.locator('[data-result] table').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-result] thead th').allTextContents()).toEqual(['jaar', 'jongeren', 'status']);
    expect(await page.locator('[data-result] tbody tr').count()).toBeGreaterThan(0);
    await page.locator('[data-sql]').fill('SELEC 1');
    await page.locator('[data-run]').click();
    await expect.poll(() => page.locator('[data-error]').textContent()).toMatch(/^Fout: Parser Error: syntax error at or near "SELEC"/);
    expect(t.errors).toEqual([]);
    expect(t.external).toEqual([]);
    expect(t.requests.some((u) => u.includes('duckdb'))).toBe(true);
    await t.context.close();
  });

  it('the SQL console starts DuckDB on page load and fetches only the tables a query names', async () => {
    const t = await openPage(site.browser, site.served, { js: true });
    const { page } = t;
    const parquet = () => t.requests.map((u) => /\/data\/(\w+)\.parquet$/.exec(new URL(u).pathname)?.[1]).filter(Boolean);
    await page.goto(`${site.served.url}/sql/?q=${encodeURIComponent('SELECT count(*) AS n FROM geo')}`);
    // Before any click: the worker, the wasm and the one table the query in the box names are on their way.
    await expect.poll(() => t.requests.filter((u) => /duckdb-\w+\.[\w-]+\.wasm$/.test(u)).length, { timeout: 30_000 }).toBe(1);
    expect(t.requests.some((u) => /duckdb-browser-eh\.worker/.test(u)), 'the eh bundle (the smaller wasm)').toBe(true);
    await expect.poll(parquet, { timeout: 30_000 }).toEqual(['geo']);

    await page.locator('[data-run]').click();
    await page.locator('[data-result] table td').first().waitFor({ timeout: 60_000 });
    expect(Number(await page.locator('[data-result] table td').first().textContent())).toBeGreaterThan(0);
    // Up to the answer only geo was read (after it, a standby database reads every table for later queries).
    const beforeAnswer = await page.evaluate(() => {
      const answer = performance.getEntriesByName('console-answer')[0].startTime;
      return performance.getEntriesByType('resource').filter((e) => e.startTime < answer && e.name.endsWith('.parquet')).map((e) => new URL(e.name).pathname);
    });
    expect(beforeAnswer).toEqual(['/data/geo.parquet']);

    // A later query naming a table not read yet still answers (from the standby database with every table).
    await page.locator('[data-sql]').fill('SELECT count(DISTINCT g.geo_code) AS n FROM observations o JOIN geo g USING (geo_code)');
    await page.locator('[data-run]').click();
    await expect.poll(() => page.locator('[data-status]').textContent(), { timeout: 60_000 }).toMatch(/^1 rijen/);
    expect(Number(await page.locator('[data-result] table td').first().textContent())).toBeGreaterThan(0);
    expect(parquet()).toContain('observations');
    expect(t.errors).toEqual([]);
    expect(t.external).toEqual([]);
    await t.context.close();
  });

  it('a briefing prints to exactly one A4 page', async () => {
    const t = await openPage(site.browser, site.served, { js: false });
    for (const geo of ['GM0307', 'JZ20', 'JZ12']) {
      await t.page.goto(`${site.served.url}/briefing/${geo}/`);
      const pdf = (await t.page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })).toString('latin1');
      expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length, geo).toBe(1);
      expect(pdf).toMatch(/\/MediaBox\s*\[\s*0 0 59[45]\.\d+ 84[12]\.\d+\s*\]/);
    }
    await t.context.close();
  });
});
