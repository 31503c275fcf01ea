/**
 * The comparison panel on the synthetic world (complete population for every place and year), in headless
 * Chromium: "per 1 000" draws, stays chosen, and the table shows exactly 1 000 × jongeren ÷ bevolking 0–22
 * from the panel's own JSON, with one decimal; adding and removing places keeps every place's style.
 * Screenshots at 390 and 1280 px go to test-results/world/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, findChromium, openPage, useSite } from '../e2e/server.ts';
import { ROOT, worldSkipReason } from './build.ts';

const skip = worldSkipReason();
const chromium = findChromium();
const SHOTS = join(ROOT, 'test-results', 'world');

interface ExploreData { base: { label: string; factor: number }; series: Record<string, [number, number | null, number | null, string][]> }

describe.skipIf(Boolean(skip) || !chromium)(chromium ? 'the comparison panel on the synthetic world' : CHROMIUM_MISSING, () => {
  const site = useSite(chromium!);
  mkdirSync(SHOTS, { recursive: true });

  for (const width of [1280, 390]) {
    it(`per 1 000 young people is drawn and kept, with the values of the data (${width} px)`, async () => {
      const t = await openPage(site.browser, site.served, { js: true, width });
      const { page } = t;
      await page.goto(`${site.served.url}/gemeente/GM0307/`);
      const fig = page.locator('#grafiek-gebruik-trend');
      const box = fig.locator('[data-explore]');
      const data = (await (await fetch(site.served.url + (await box.getAttribute('data-src'))!)).json()) as ExploreData;
      await fig.locator('summary', { hasText: 'Vergelijk met andere plaatsen' }).click();
      await fig.locator('input[value="abs"]').check();
      await fig.locator('svg[data-compare-plot]').waitFor({ timeout: 15_000 });
      await fig.locator('input[value="rel"]').check();
      await expect.poll(() => fig.locator('svg[data-compare-plot]').getAttribute('aria-label')).toContain('Amersfoort');
      await expect.poll(() => fig.locator('[data-explore-status]').textContent()).toContain(data.base.label);
      expect(await fig.locator('input[value="rel"]').isChecked()).toBe(true);
      expect(await fig.locator('[data-explore-status]').textContent()).not.toMatch(/Geen bevolkingscijfers/);
      // The table: one decimal, 1 000 × count ÷ population, for Amersfoort's last year.
      const [year, v, b] = data.series.GM0307.filter(([, v, b]) => v != null && b != null).at(-1)!;
      const expected = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(Number(((1000 * v!) / b!).toFixed(1)));
      const row = fig.locator('table[data-compare-table] tbody tr', { has: page.locator(`th:text-is("${year}")`) });
      expect((await row.locator('td').first().textContent())!.replace('*', '')).toBe(expected);
      // The y-axis is labelled per 1 000, and no tick label leaves the drawing.
      const cut = await fig.locator('svg[data-compare-plot]').evaluate((svg) => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll('g[aria-label="y-axis tick label"] text')].filter((tx) => tx.getBoundingClientRect().left < box.left - 0.5).length;
      });
      expect(cut).toBe(0);
      await fig.screenshot({ path: join(SHOTS, `vergelijking-per-1000-${width}.png`) });
      expect(t.errors).toEqual([]);
      expect(t.external).toEqual([]);
      await t.context.close();
    });
  }
});
