/**
 * Sharing a chart (issue 12), in headless Chromium on the built site: SVG and PNG exports carry the key,
 * a gemeente's Open Graph image shows that gemeente (never only the national line), the citation names the
 * data version and the reader's access date, copy buttons copy link, citation and embed code, the download
 * line reads "CSV · CSV voor Excel", embeds link back to their data, and a place without figures of its own
 * for a chart is offered no embed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, DIST, findChromium, openPage, useSite } from './server.ts';

const CHROMIUM = findChromium();
if (!CHROMIUM) console.warn(CHROMIUM_MISSING);

/** Pixels of an image (URL or bytes) in a rectangle whose colour is within 40 of rgb, counted in the page. */
async function countColour(page: Page, src: string, rgb: [number, number, number], rect: [number, number, number, number]): Promise<number> {
  return page.evaluate(async ({ src, rgb, rect }) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const [x, y, w, h] = rect.map((v, i) => Math.min(v, i % 2 ? img.naturalHeight : img.naturalWidth));
    const d = g.getImageData(x, y, Math.max(1, w), Math.max(1, h)).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - rgb[0]) + Math.abs(d[i + 1] - rgb[1]) + Math.abs(d[i + 2] - rgb[2]) < 40) n++;
    return n;
  }, { src, rgb, rect });
}

const BLUE: [number, number, number] = [0x00, 0x72, 0xb2]; // --c1: the place itself, and the first series
const GREY: [number, number, number] = [0x44, 0x44, 0x44]; // --c3: Nederland beside a place

describe.skipIf(!CHROMIUM)('sharing charts in headless Chromium', () => {
  const site = useSite(CHROMIUM!);

  it('SVG and PNG exports carry the key: each series label with its line and marker', async () => {
    const t = await openPage(site.browser, site.served, { js: true });
    const { page } = t;
    await page.goto(`${site.served.url}/gebruik/`);
    const fig = page.locator('#grafiek-gebruik-trend');
    const labels = (await fig.locator('.legend li').allTextContents()).map((s) => s.trim());
    expect(labels.length).toBeGreaterThan(0);
    await fig.locator('[data-tools] summary').click();
    const [svgDl] = await Promise.all([page.waitForEvent('download'), fig.locator('[data-download="svg"]').click()]);
    const svg = readFileSync((await svgDl.path())!, 'utf8');
    for (const l of labels) {
      const item = new RegExp(`<g [^>]*data-key-item="${l}"><svg[^>]*>(.*?)</svg><text[^>]*>${l}</text></g>`).exec(svg);
      expect(item, `key item ${l}`).not.toBeNull();
      expect(item![1]).toMatch(/<line [^>]*stroke="#0072b2"/);
      expect(item![1], 'the marker').toMatch(/<(circle|rect|path) /);
    }
    // The PNG is that SVG at 2×: the key's blue line is in its top band, above the chart.
    const [pngDl] = await Promise.all([page.waitForEvent('download'), fig.locator('[data-download="png"]').click()]);
    const png = readFileSync((await pngDl.path())!);
    const src = `data:image/png;base64,${png.toString('base64')}`;
    expect(await countColour(page, src, BLUE, [0, 64, 80, 40]), 'blue key line in the PNG').toBeGreaterThan(20);
    await t.context.close();
  });

  it("a gemeente's Open Graph image shows the gemeente itself, never the national line alone", async () => {
    const t = await openPage(site.browser, site.served, { js: true });
    const { page } = t;
    await page.goto(`${site.served.url}/`);
    // A gemeente with its own figures for the first chart, and Amersfoort (without, on the sample).
    const explore = (await (await fetch(`${site.served.url}/explore/gebruik-trend.json`)).json()) as { series: Record<string, unknown> };
    const own = Object.keys(explore.series).find((c) => c.startsWith('GM'))!;
    expect(own, 'a gemeente with figures').toBeDefined();
    const chart: [number, number, number, number] = [60, 170, 1080, 400];
    expect(await countColour(page, `${site.served.url}/og/${own}.png`, BLUE, chart), `${own}: its own line`).toBeGreaterThan(30);
    // Whether Amersfoort has figures of its own in any chart of its page, from the CSVs behind the charts.
    await page.goto(`${site.served.url}/gemeente/GM0307/`);
    let amersfoortOwn = false;
    for (const id of await page.locator('figure.chart[data-chart]').evaluateAll((fs) => fs.map((f) => (f as HTMLElement).dataset.chart!))) {
      const res = await fetch(`${site.served.url}/csv/${id}/GM0307.csv`);
      if (!res.ok) continue;
      const rows = Papa.parse<Record<string, string>>(await res.text(), { header: true, skipEmptyLines: true }).data;
      amersfoortOwn ||= rows.some((r) => (r.geo_code ?? 'GM0307') === 'GM0307' && Object.entries(r).some(([k, v]) => !['ord', 'jaar', 'geo_code'].includes(k) && /^-?\d/.test(v)));
    }
    if (!amersfoortOwn) {
      // Amersfoort has no figures of its own in this build: no chart of only Nederland in its image.
      expect(await countColour(page, `${site.served.url}/og/GM0307.png`, GREY, chart), 'national line in Amersfoort\'s image').toBeLessThan(50);
      expect(await countColour(page, `${site.served.url}/og/GM0307.png`, BLUE, chart)).toBeLessThan(50);
    }
    // And a gemeente's image is not the national one.
    const [a, b] = await Promise.all([fetch(`${site.served.url}/og/${own}.png`), fetch(`${site.served.url}/og/gebruik.png`)]);
    expect(Buffer.from(await a.arrayBuffer()).equals(Buffer.from(await b.arrayBuffer()))).toBe(false);
    await t.context.close();
  });

  it('the citation names the data version and the access date; copy buttons copy link, citation and embed code', async () => {
    const t = await openPage(site.browser, site.served, { js: true });
    const { page, context } = t;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.served.url });
    await page.goto(`${site.served.url}/gebruik/`);
    const fig = page.locator('#grafiek-gebruik-trend');
    await fig.locator('[data-tools] summary').click();
    const dp = JSON.parse(readFileSync(join(DIST, 'data', 'datapackage.json'), 'utf8'));
    const hash = dp.resources.find((r: { name: string }) => r.name === 'observations').hash.replace('sha256:', '').slice(0, 12);
    const cite = await fig.locator('[data-citation]').inputValue();
    expect(cite).toContain(`dataversie ${hash}`);
    const today = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
    expect(cite).toContain(`geraadpleegd op ${today}`);
    expect(cite).not.toContain('[datum');
    for (const [field, label] of [['[data-permalink-field]', 'link'], ['[data-citation]', 'cite'], ['[data-embed-code]', 'embed']] as const) {
      const id = (await fig.locator(field).getAttribute('id'))!;
      await fig.locator(`button[data-copy="${id}"]`).click();
      expect(await page.evaluate(() => navigator.clipboard.readText()), label).toBe(await fig.locator(field).inputValue());
    }
    // Without JavaScript the citation asks for the date instead of inventing one.
    const t2 = await openPage(site.browser, site.served, { js: false });
    await t2.page.goto(`${site.served.url}/gebruik/`);
    expect(await t2.page.locator('#grafiek-gebruik-trend [data-citation]').inputValue()).toContain('geraadpleegd op [datum van raadplegen]');
    // The download line reads "CSV · CSV voor Excel (;)".
    const line = (await t2.page.locator('#grafiek-gebruik-trend [data-download="csv"]').locator('xpath=..').textContent())!.replace(/\s+/g, ' ');
    expect(line).toContain('CSV · CSV voor Excel (;)');
    await t2.context.close();
    await t.context.close();
  });

  it('an embed links to its CSV and its page; a place without its own figures is offered no embed', async () => {
    const t = await openPage(site.browser, site.served, { js: true });
    const { page } = t;
    await page.goto(`${site.served.url}/embed/gebruik-trend/NL01/`);
    const data = page.locator('a[data-embed-data]');
    const csvPath = new URL((await data.getAttribute('href'))!).pathname;
    expect(csvPath).toBe('/csv/gebruik-trend/NL01.csv');
    const csv = await fetch(site.served.url + csvPath);
    expect(csv.status).toBe(200);
    expect((await csv.text()).split('\n')[0]).toContain('jaar');
    expect(new URL((await page.locator('a[data-embed-page]').getAttribute('href'))!).pathname).toBe('/gebruik/');

    // Amersfoort: without its own figures the chart is not drawn on its page (it is listed under "Niet
    // beschikbaar"), so there is no embed code, link or page.
    await page.goto(`${site.served.url}/gemeente/GM0307/`);
    const fig = page.locator('#grafiek-gebruik-trend');
    if ((await fig.locator('[data-no-embed]').count()) || (await fig.getAttribute('data-unavailable-chart')) !== null) {
      expect(await fig.locator('[data-embed-code]').count()).toBe(0);
      expect(await fig.locator('a[href="/embed/gebruik-trend/GM0307/"]').count()).toBe(0);
      expect((await fetch(`${site.served.url}/embed/gebruik-trend/GM0307/`)).status).toBe(404);
    } else {
      expect((await fetch(`${site.served.url}/embed/gebruik-trend/GM0307/`)).status).toBe(200);
    }
    await t.context.close();
  });
});
