/**
 * The site built from the synthetic world (by the world project's global setup): every page says
 * "synthetische testgegevens" visibly; in headless Chromium the 2022 analysis draws band and fit nationally
 * and compares all 42 jeugdregio's, a regio page draws every chart, the map colours every region from its
 * outlines, and nothing leaves 127.0.0.1. Screenshots at 390 and 1280 px go to test-results/world/ for a
 * person to look at.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EFFECT_SPECS } from '../../src/charts/maatregelen-effect.ts';
import { SYNTHETIC_MARKER } from '../../src/pipeline/synthetic.ts';
import { CHROMIUM_MISSING, findChromium, openPage, useSite } from '../e2e/server.ts';
import { ROOT, WORLD_DIST, worldSkipReason } from './build.ts';

const skip = worldSkipReason();
const chromium = findChromium();
const SHOTS = join(ROOT, 'test-results', 'world');

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.html')) out.push(join(d, e.name));
    }
  };
  walk(dir);
  return out;
}

describe.skipIf(Boolean(skip))('the site built from the synthetic world', () => {
  it('says "synthetische testgegevens" at the top of every page', () => {
    const files = htmlFiles(WORLD_DIST);
    expect(files.length).toBeGreaterThan(1000);
    const without = files.filter((f) => {
      const html = readFileSync(f, 'utf8');
      // The notice is the first thing in the body (before the header or the embedded chart), not hidden.
      const m = /<body[^>]*>\s*(?:<a class="skip"[^>]*>[^<]*<\/a>\s*)?<(?:section|p) class="notice"[^>]*data-synthetic-notice[^>]*>([\s\S]*?)<\/(?:section|p)>/.exec(html);
      return !m || !m[1].toLowerCase().includes(SYNTHETIC_MARKER) || /hidden|display:\s*none/.test(m[0]);
    });
    expect(without.map((f) => `/${relative(WORLD_DIST, f).split(sep).join('/')}`)).toEqual([]);
  });

  it('/data/ is there beside the world\'s own files (a build from another warehouse once deleted the page), each CSV also gzipped', () => {
    const html = readFileSync(join(WORLD_DIST, 'data', 'index.html'), 'utf8');
    const dp = JSON.parse(readFileSync(join(WORLD_DIST, 'data', 'datapackage.json'), 'utf8'));
    expect(dp.synthetic).toBe(true);
    for (const r of dp.resources.filter((x: { format: string }) => x.format === 'csv')) {
      expect(html).toContain(`href="/data/${r.gzip.path}"`);
      expect(readFileSync(join(WORLD_DIST, 'data', r.gzip.path)).length).toBe(r.gzip.bytes);
    }
  });
});

describe.skipIf(Boolean(skip) || !chromium)(chromium ? 'the synthetic world in Chromium' : CHROMIUM_MISSING, () => {
  const site = useSite(chromium!);
  mkdirSync(SHOTS, { recursive: true });

  it('/maatregelen-2022/: band and fit for every indicator, all 42 regions compared', async () => {
    for (const width of [1280, 390]) {
      const t = await openPage(site.browser, site.served, { js: true, width });
      const { page } = t;
      await page.goto(`${site.served.url}/maatregelen-2022/`);
      // The page is static HTML: after load everything below is there (no polling on a busy machine).
      await page.locator('[data-synthetic-notice]').waitFor({ state: 'visible', timeout: 30_000 });
      for (const spec of EFFECT_SPECS) {
        const fig = page.locator(`#grafiek-${spec.id}`);
        // The drawing for this width (wide or narrow) is the visible one; it has the band and the fitted line.
        const svg = fig.locator('[data-plot] svg:visible').first();
        expect(await svg.locator('g[aria-label="area"] path').count(), `${spec.id}: band`).toBeGreaterThan(0);
        expect(await svg.locator('g[aria-label="line"] path').count(), `${spec.id}: trend and actual lines`).toBeGreaterThanOrEqual(2);
        const summary = (await fig.locator('.summary').first().textContent()) ?? '';
        expect(summary).toMatch(/^Landelijk was het cijfer in 2024 .+; de trend van vóór 2022 gaf .+ \(band .+\)/);
        const overview = page.locator(`#overzicht-${spec.id}`).locator('xpath=..');
        expect(await overview.locator('p').first().textContent()).toBe("42 van de 42 regio's hebben genoeg jaren voor een vergelijking.");
        expect(await overview.locator('tbody tr').count()).toBe(42);
      }
      await page.screenshot({ path: join(SHOTS, `maatregelen-2022-${width}.png`) });
      await page.locator(`#grafiek-${EFFECT_SPECS[0].id}`).screenshot({ path: join(SHOTS, `maatregelen-2022-${EFFECT_SPECS[0].id}-${width}.png`) });
      await page.locator(`#overzicht-${EFFECT_SPECS[0].id}`).locator('xpath=..').screenshot({ path: join(SHOTS, `maatregelen-2022-regios-${width}.png`) });
      expect(t.external).toEqual([]);
      expect(t.errors).toEqual([]);
      await t.context.close();
    }
  });

  it('/regio/JZ13/: every chart drawn, the 2022 charts with band and fit', async () => {
    for (const width of [1280, 390]) {
      const t = await openPage(site.browser, site.served, { js: true, width });
      const { page } = t;
      await page.goto(`${site.served.url}/regio/JZ13/`);
      const figures = page.locator('figure.chart');
      const n = await figures.count();
      expect(n).toBeGreaterThanOrEqual(9);
      for (let i = 0; i < n; i++) {
        const fig = figures.nth(i);
        const id = await fig.getAttribute('id');
        expect(await fig.locator('[data-plot] svg:visible').count(), `${id} has a drawing`).toBeGreaterThan(0);
        expect(await fig.locator('.summary').first().textContent(), `${id}`).not.toMatch(/geen cijfers|geen trendvergelijking/);
      }
      for (const spec of EFFECT_SPECS) {
        const svg = page.locator(`#grafiek-${spec.id} [data-plot] svg:visible`).first();
        expect(await svg.locator('g[aria-label="area"] path').count(), `${spec.id}: band`).toBeGreaterThan(0);
      }
      await page.screenshot({ path: join(SHOTS, `regio-JZ13-${width}.png`) });
      await page.locator(`#grafiek-${EFFECT_SPECS[1].id}`).screenshot({ path: join(SHOTS, `regio-JZ13-${EFFECT_SPECS[1].id}-${width}.png`) });
      expect(t.external).toEqual([]);
      expect(t.errors).toEqual([]);
      await t.context.close();
    }
  });

  it('/kaart/: the map is drawn from outlines and every jeugdregio has a value', async () => {
    const t = await openPage(site.browser, site.served, { js: false, width: 1280 });
    const { page } = t;
    await page.goto(`${site.served.url}/kaart/`);
    const map = page.locator('svg[aria-label^="Kaart van de jeugdregio"]');
    expect(await map.locator('g[aria-label="geo"] path').count()).toBe(42);
    // Each region is its own small shape (a ring wound the wrong way would cover the whole map instead).
    const widths = await map.locator('g[aria-label="geo"] path').evaluateAll((ps) => ps.map((p) => (p as SVGGraphicsElement).getBBox().width / ((p as SVGGraphicsElement).ownerSVGElement!.viewBox.baseVal.width || 1)));
    expect(Math.max(...widths)).toBeLessThan(0.25);
    expect(await page.content()).not.toContain('geen cijfers per jeugdregio');
    expect(await map.locator('a[href^="/regio/JZ"]').count()).toBe(42);
    await page.screenshot({ path: join(SHOTS, 'kaart-1280.png') });
    expect(t.external).toEqual([]);
    await t.context.close();
  });
});
