/**
 * What a reader does with JavaScript on, in headless Chromium: find a place with the keyboard, and add a
 * place to a chart's comparison panel. No request may leave 127.0.0.1 and no DuckDB is loaded.
 * The site is built by tests/e2e/global-setup.ts; see tests/e2e/server.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  builtOnSample, CHROMIUM_MISSING, findChromium, openPage, sampleNoticeShown, useSite,
} from './server.ts';

const CHROMIUM = findChromium();
if (!CHROMIUM) console.warn(CHROMIUM_MISSING);

interface Place { c: string; n: string; l: string; h: string }
interface ExploreData { series: Record<string, [number, number | null, number | null, string][]> }

describe.skipIf(!CHROMIUM)(`interaction in headless Chromium (${CHROMIUM ?? 'no chromium'})`, () => {
  const site = useSite(CHROMIUM!);

  it('the finder finds Súdwest-Fryslân for "sudwest" and opens it with ArrowDown/Enter', async () => {
    const t = await openPage(site.browser, site.served, { js: true });
    try {
      const { page } = t;
      await page.goto(`${site.served.url}/`);
      expect(await sampleNoticeShown(page), 'sample notice').toBe(builtOnSample());
      const input = page.locator('#finder-q');
      await input.focus();
      await page.keyboard.type('sudwest', { delay: 20 });
      const option = page.locator('#finder-list [role="option"]', { hasText: 'Súdwest-Fryslân' });
      await option.waitFor({ state: 'visible', timeout: 10_000 });
      expect(await input.getAttribute('aria-expanded')).toBe('true');
      expect(await option.textContent()).toContain('GM1900');
      expect(await page.locator('form[data-finder] [data-status]').textContent()).toMatch(/^(1 plaats|\d+ plaatsen) gevonden$/);
      // Arrow down until Súdwest-Fryslân is the active option (with one result it wraps onto itself).
      const n = await page.locator('#finder-list [role="option"]').count();
      const activeText = () => page.evaluate(() => {
        const id = document.querySelector('#finder-q')!.getAttribute('aria-activedescendant');
        return id ? document.getElementById(id)?.textContent ?? '' : '';
      });
      for (let i = 0; i < n; i++) {
        await page.keyboard.press('ArrowDown');
        if ((await activeText()).includes('Súdwest-Fryslân')) break;
      }
      expect(await activeText()).toContain('Súdwest-Fryslân');
      expect(await option.getAttribute('aria-selected')).toBe('true');
      await Promise.all([page.waitForURL(`${site.served.url}/gemeente/GM1900/`), page.keyboard.press('Enter')]);
      expect((await page.locator('h1').textContent())!.replace(/\s+/g, ' ').trim()).toBe('Gemeente Súdwest-Fryslân (GM1900)');
      // Its charts, or the list of what is not available for it (the sample has few gemeente figures).
      expect(await page.locator('figure.chart, [data-unavailable-chart]').count()).toBeGreaterThan(0);
      expect(await sampleNoticeShown(page), 'sample notice').toBe(builtOnSample());
      expect(t.errors, 'uncaught errors in the page').toEqual([]);
      expect(t.external, 'requests that left 127.0.0.1').toEqual([]);
    } finally {
      await t.context.close();
    }
  });

  it('the comparison panel redraws the chart with an added place, and puts the standard chart back', async () => {
    const t = await openPage(site.browser, site.served, { js: true });
    try {
      const { page } = t;
      // The national chart: a place page shows the chart only when the place has figures of its own.
      await page.goto(`${site.served.url}/gebruik/`);
      const figure = page.locator('#grafiek-gebruik-trend');
      const box = figure.locator('[data-explore]');
      await box.waitFor({ state: 'visible' });
      expect(await sampleNoticeShown(page), 'sample notice').toBe(builtOnSample());

      // A place with figures in the chart's years that the chart does not show yet, from the same JSON the
      // panel loads; its name as places.json spells it.
      const compare = (await box.getAttribute('data-compare'))!.split(',');
      const [y0, y1] = (await box.getAttribute('data-years'))!.split('-').map(Number);
      const data = (await (await fetch(site.served.url + (await box.getAttribute('data-src'))!)).json()) as ExploreData;
      const places = (await (await fetch(`${site.served.url}/places.json`)).json()) as Place[];
      const extra = places.find(
        (p) => p.l === 'gemeente' && !compare.includes(p.c) && (data.series[p.c] ?? []).some(([y, v]) => v != null && y >= y0 && y <= y1),
      );
      expect(extra, 'a gemeente with jongeren_jeugdhulp figures to add').toBeDefined();

      const before = await figure.locator('[data-plot] svg').first().elementHandle();
      const legendBefore = await figure.locator('.legend li').allTextContents();
      expect(legendBefore.join('|')).not.toContain(extra!.n);

      await box.locator('summary', { hasText: 'Vergelijk met andere plaatsen' }).click();
      const add = box.getByPlaceholder('Plaats toevoegen');
      await add.waitFor({ state: 'visible' });
      await add.focus();
      await page.keyboard.type(extra!.n, { delay: 10 });
      const option = box.locator('[role="option"]', { hasText: extra!.c });
      await option.waitFor({ state: 'visible', timeout: 10_000 });
      const n = await box.locator('[role="option"]').count();
      for (let i = 0; i < n && (await option.getAttribute('aria-selected')) !== 'true'; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');

      // The static SVG is replaced by a new one that names the added place.
      const svg = figure.locator('[data-plot] svg[aria-label^="Vergelijking"]');
      await svg.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await before!.evaluate((n) => n.isConnected)).toBe(false);
      expect(await figure.locator('[data-plot] svg').count()).toBe(1);
      expect(await svg.getAttribute('aria-label')).toContain(extra!.n);
      expect(await svg.getAttribute('aria-label')).toContain(`${y0}–${y1}`);
      expect(await svg.locator('circle, path').count()).toBeGreaterThan(0);
      const legend = await figure.locator('.legend li').allTextContents();
      expect(legend).toContain(extra!.n);
      expect(legend).toContain('Nederland');
      expect(await box.getByRole('button', { name: `${extra!.n} weghalen` }).isVisible()).toBe(true);
      expect(await box.locator('[aria-live]').textContent()).toMatch(/Grafiek bijgewerkt|Geen cijfers in deze periode/);

      // "Standaardgrafiek" puts the static chart and legend back.
      await box.getByRole('button', { name: 'Standaardgrafiek' }).click();
      await figure.locator('[data-plot] svg[aria-label^="Vergelijking"]').waitFor({ state: 'detached' });
      expect(await figure.locator('.legend li').allTextContents()).toEqual(legendBefore);

      expect(t.errors, 'uncaught errors in the page').toEqual([]);
      expect(t.external, 'requests that left 127.0.0.1').toEqual([]);
      expect(t.requests.some((u) => u.endsWith('/explore/gebruik-trend.json'))).toBe(true);
      expect(t.requests.filter((u) => u.toLowerCase().includes('duckdb'))).toEqual([]);
    } finally {
      await t.context.close();
    }
  });
});
