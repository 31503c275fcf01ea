/**
 * The comparison panel as a journalist uses it (issue 12), in headless Chromium on the built site: each place
 * keeps its style while others come and go, the y axis is never cut, the suggestion list stays clear of the
 * controls and closes at five places, the legend shows only what is drawn, a chosen "per 1 000" stays chosen
 * and the panel names what is missing, and summary, table, CSV, embed code and permalink follow the
 * selection. Places are taken from the same JSON the panel loads, so the tests hold on any build.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, findChromium, openPage, useSite } from './server.ts';

const CHROMIUM = findChromium();
if (!CHROMIUM) console.warn(CHROMIUM_MISSING);

interface ExploreData { base: { label: string } | null; series: Record<string, [number, number | null, number | null, string][]> }

/** Add a place by typing its code and picking the option (keyboard, as a reader would). */
async function addPlace(page: Page, fig: Locator, code: string) {
  const input = fig.getByPlaceholder('Plaats toevoegen');
  await input.click();
  await page.keyboard.type(code, { delay: 5 });
  const option = fig.locator('[role="option"]', { hasText: code });
  await option.waitFor({ state: 'visible', timeout: 10_000 });
  const before = await fig.locator('.chosen li').count();
  await option.click();
  await expect.poll(() => fig.locator('.chosen li').count()).toBe(before + 1);
}

/** Legend entries of the figure: label → the colour and dash of its key. */
async function legendStyles(fig: Locator): Promise<Record<string, { color: string; dash: string | null }>> {
  return fig.locator('.legend li').evaluateAll((lis) =>
    Object.fromEntries(lis.map((li) => {
      const svg = li.querySelector('svg')!;
      return [li.textContent!.trim(), { color: svg.getAttribute('style')!.replace(/^color:\s*/, ''), dash: svg.querySelector('line')?.getAttribute('stroke-dasharray') ?? null }];
    })),
  );
}

/** Stroke colour and dash of every line the comparison chart draws. */
async function drawnLines(fig: Locator): Promise<{ color: string; dash: string | null }[]> {
  return fig.locator('[data-plot] svg[data-compare-plot]').evaluate((svg) =>
    [...svg.querySelectorAll('g[aria-label="line"]')].map((g) => ({ color: g.getAttribute('stroke')!, dash: g.getAttribute('stroke-dasharray') })),
  );
}

/** Places (not already in the chart) with figures for the chart's indicator in the chart's years. */
async function placesWithFigures(site: { served: { url: string } }, fig: Locator, n: number): Promise<string[]> {
  const box = fig.locator('[data-explore]');
  const data = (await (await fetch(site.served.url + (await box.getAttribute('data-src'))!)).json()) as ExploreData;
  const have = (await box.getAttribute('data-compare'))!.split(',');
  const [y0, y1] = (await box.getAttribute('data-years'))!.split('-').map(Number);
  const codes = Object.keys(data.series).filter((c) => !have.includes(c) && data.series[c].some(([y, v]) => v != null && y >= y0 && y <= y1));
  expect(codes.length, `at least ${n} places with figures to add`).toBeGreaterThanOrEqual(n);
  return codes.slice(0, n);
}

describe.skipIf(!CHROMIUM)('comparison panel in headless Chromium', () => {
  const site = useSite(CHROMIUM!);

  it('each place keeps its colour, dash and marker as places are added and removed; the legend shows only what is drawn', async () => {
    const t = await openPage(site.browser, site.served, { js: true });
    const { page } = t;
    // The national chart (a gemeente page shows it only with the gemeente's own figures; the sample has none).
    await page.goto(`${site.served.url}/gebruik/`);
    const fig = page.locator('#grafiek-gebruik-trend');
    const [a, b] = await placesWithFigures(site, fig, 2);
    await fig.locator('summary', { hasText: 'Vergelijk met andere plaatsen' }).click();
    await addPlace(page, fig, a);
    await fig.locator('svg[data-compare-plot]').waitFor();
    const first = await legendStyles(fig);
    expect(first.Nederland, 'Nederland is drawn').toBeDefined();
    await addPlace(page, fig, b);
    await expect.poll(async () => Object.keys(await legendStyles(fig)).length).toBe(Object.keys(first).length + 1);
    const second = await legendStyles(fig);
    for (const [name, style] of Object.entries(first)) expect(second[name], name).toEqual(style);

    // Remove the first place that was added (second in the list, after Nederland): nobody else changes style.
    const chosen = await fig.locator('.chosen li').count();
    await fig.locator('.chosen li').nth(1).getByRole('button', { name: /weghalen$/ }).click();
    await expect.poll(async () => (await fig.locator('.chosen li').count())).toBe(chosen - 1);
    await page.waitForTimeout(300);
    const third = await legendStyles(fig);
    for (const [name, style] of Object.entries(third)) expect(style, name).toEqual(second[name]);

    // Every key in the legend is a line the chart draws, and every drawn line has its key.
    const lines = await drawnLines(fig);
    const keys = Object.values(third);
    expect(lines.length).toBe(keys.length);
    for (const k of keys) expect(lines, JSON.stringify(k)).toContainEqual(k);
    // All styles differ in colour and in dash.
    expect(new Set(keys.map((k) => k.color)).size).toBe(keys.length);
    expect(new Set(keys.map((k) => k.dash)).size).toBe(keys.length);
    expect(t.errors).toEqual([]);
    await t.context.close();
  });

  for (const width of [1280, 390]) {
    it(`no y-axis label is cut off at ${width} px, static or compared`, async () => {
      const t = await openPage(site.browser, site.served, { js: true, width });
      const { page } = t;
      await page.goto(`${site.served.url}/gebruik/`);
      const fig = page.locator('#grafiek-gebruik-trend');
      const cut = () => fig.locator('[data-plot] svg').evaluateAll((svgs) =>
        svgs.filter((s) => s.getBoundingClientRect().width > 0).flatMap((svg) => {
          const box = svg.getBoundingClientRect();
          return [...svg.querySelectorAll('g[aria-label="y-axis tick label"] text')]
            .map((tx) => ({ text: tx.textContent, r: tx.getBoundingClientRect() }))
            .filter(({ r }) => r.left < box.left - 0.5 || r.right > box.right + 0.5)
            .map(({ text }) => text);
        }),
      );
      expect(await fig.locator('[data-plot] svg g[aria-label="y-axis tick label"] text').count()).toBeGreaterThan(0);
      expect(await cut()).toEqual([]);
      await fig.locator('summary', { hasText: 'Vergelijk met andere plaatsen' }).click();
      await addPlace(page, fig, (await placesWithFigures(site, fig, 1))[0]);
      await fig.locator('svg[data-compare-plot]').waitFor();
      const labels = await fig.locator('svg[data-compare-plot] g[aria-label="y-axis tick label"] text').allTextContents();
      expect(labels.some((l) => /\d\.\d{3}/.test(l)), `labels with thousands: ${labels.join(' ')}`).toBe(true);
      expect(await cut()).toEqual([]);
      await t.context.close();
    });
  }

  it('the suggestions never cover the count / per 1 000 switch, and the search closes at five places', async () => {
    const t = await openPage(site.browser, site.served, { js: true, width: 390 });
    const { page } = t;
    await page.goto(`${site.served.url}/gebruik/`);
    const fig = page.locator('#grafiek-gebruik-trend');
    const extra = await placesWithFigures(site, fig, 4);
    await fig.locator('summary', { hasText: 'Vergelijk met andere plaatsen' }).click();
    const input = fig.getByPlaceholder('Plaats toevoegen');
    for (const [i, code] of extra.entries()) {
      await addPlace(page, fig, code);
      if (i === 2) {
        // Four places: while suggestions are open, the switch stays visible and clickable.
        await input.click();
        await page.keyboard.type('a');
        const list = fig.locator('[role="listbox"]');
        await list.waitFor({ state: 'visible' });
        const lb = (await list.boundingBox())!;
        const sw = (await fig.locator('input[value="rel"]').boundingBox())!;
        expect(lb.y + lb.height <= sw.y || sw.y + sw.height <= lb.y, 'listbox overlaps the switch').toBe(true);
        await fig.locator('input[value="abs"]').click({ trial: true });
        await page.keyboard.press('Backspace');
        await page.keyboard.press('Escape');
      }
    }
    expect(await fig.locator('.chosen li').count()).toBe(5);
    expect(await input.isDisabled()).toBe(true);
    expect(await fig.locator('[role="listbox"]').isHidden()).toBe(true);
    expect(await fig.locator('[data-full]').textContent()).toMatch(/5 plaatsen.*Haal er eerst een weg/);
    // Removing one opens the search again.
    await fig.locator('.chosen button').last().click();
    await expect.poll(() => input.isDisabled()).toBe(false);
    await t.context.close();
  });

  it('a chosen "per 1 000" stays chosen; the panel names the places and years without population', async () => {
    const t = await openPage(site.browser, site.served, { js: true });
    const { page } = t;
    await page.goto(`${site.served.url}/gebruik/`);
    const fig = page.locator('#grafiek-gebruik-trend');
    const box = fig.locator('[data-explore]');
    const data = (await (await fetch(site.served.url + (await box.getAttribute('data-src'))!)).json()) as ExploreData;
    const [y0, y1] = (await box.getAttribute('data-years'))!.split('-').map(Number);
    const nl = data.series.NL01.filter(([y, v]) => y >= y0 && y <= y1 && v != null);
    const withoutBase = nl.filter(([, , b]) => b == null).map(([y]) => y);
    await fig.locator('summary', { hasText: 'Vergelijk met andere plaatsen' }).click();
    // Counts first, then the reader switches to per 1 000 themselves.
    await fig.locator('input[value="abs"]').check();
    await expect.poll(() => fig.locator('svg[data-compare-plot]').count(), { timeout: 15_000 }).toBe(1);
    await fig.locator('input[value="rel"]').check();
    await expect.poll(() => fig.locator('[data-explore-status]').textContent(), { timeout: 15_000 }).toMatch(/^(?!Bezig).+/);
    expect(await fig.locator('input[value="rel"]').isChecked(), 'the choice is kept').toBe(true);
    const status = (await fig.locator('[data-explore-status]').textContent())!;
    if (withoutBase.length) {
      // The sample has no population: the years are named, e.g. "Nederland (2016–2020)".
      const first = Math.min(...withoutBase);
      const last = Math.max(...withoutBase);
      expect(status).toContain(`Geen bevolkingscijfers voor Nederland (${first === last ? first : `${first}–${last}`}`);
      expect(status).toContain(data.base!.label);
    } else {
      // A build with population draws per 1 000 with one decimal.
      const labels = await fig.locator('svg[data-compare-plot] g[aria-label="y-axis tick label"] text').allTextContents();
      expect(labels.length).toBeGreaterThan(0);
      expect(status).not.toMatch(/bevolkingscijfers/);
    }
    expect(await page.evaluate(() => location.search)).toContain('weergave=relatief');
    await t.context.close();
  });

  it('summary sentence, table, CSV downloads, embed code and permalink follow the selection', async () => {
    const t = await openPage(site.browser, site.served, { js: true });
    const { page } = t;
    await page.goto(`${site.served.url}/gebruik/`);
    const fig = page.locator('#grafiek-gebruik-trend');
    const [code] = await placesWithFigures(site, fig, 1);
    const places = (await (await fetch(`${site.served.url}/places.json`)).json()) as { c: string; n: string }[];
    const name = places.find((p) => p.c === code)!.n;
    await fig.locator('summary', { hasText: 'Vergelijk met andere plaatsen' }).click();
    await addPlace(page, fig, code);
    await fig.locator('svg[data-compare-plot]').waitFor();
    await expect.poll(() => fig.locator('[data-summary]').textContent()).toContain(name);
    expect(await fig.locator('[data-summary]').textContent()).toMatch(/^Vergelijking, .*Nederland/);
    expect(await fig.locator('table[data-compare-table] thead th').allTextContents()).toEqual(['Jaar', 'Nederland', name]);

    await fig.locator('[data-tools] summary').click();
    for (const [sel, sep] of [['[data-download="csv"]', ','], ['[data-download="csv-nl"]', ';']] as const) {
      const [dl] = await Promise.all([page.waitForEvent('download'), fig.locator(sel).click()]);
      expect(dl.suggestedFilename()).toMatch(/^gebruik-trend-vergelijking(\.excel-nl)?\.csv$/);
      const parsed = Papa.parse<Record<string, string>>(readFileSync((await dl.path())!, 'utf8').replace(/^\ufeff/, ''), { header: true, delimiter: sep, skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      expect([...new Set(parsed.data.map((r) => r.geo_code))].sort()).toEqual(['NL01', code].sort());
      // Counts are whole numbers in both dialects.
      for (const r of parsed.data) if (r.waarde) expect(r.waarde).toMatch(/^-?\d+$/);
    }
    const embed = await fig.locator('[data-embed-code]').inputValue();
    expect(embed).toContain(`plaatsen=NL01%2C${code}`);
    const permalink = await fig.locator('[data-permalink-field]').inputValue();
    expect(permalink).toContain(`vergelijk=gebruik-trend&plaatsen=NL01%2C${code}`);

    // "Standaardgrafiek" puts summary, table, downloads and embed code back.
    await fig.getByRole('button', { name: 'Standaardgrafiek' }).click();
    expect(await fig.locator('[data-summary]').textContent()).not.toContain(name);
    expect(await fig.locator('table[data-compare-table]').count()).toBe(0);
    expect(await fig.locator('[data-download="csv"]').getAttribute('href')).toBe('/csv/gebruik-trend/NL01.csv');
    expect(await fig.locator('[data-embed-code]').inputValue()).not.toContain('plaatsen=');

    // The embed of the comparison draws the same comparison, and links to its data and page.
    const src = /src="https?:\/\/[^/]+(\/embed\/[^"]+)"/.exec(embed)![1].replaceAll('&amp;', '&');
    await page.goto(site.served.url + src);
    const efig = page.locator('figure.embed');
    await expect.poll(() => efig.locator('svg[data-compare-plot]').getAttribute('aria-label'), { timeout: 15_000 }).toContain(name);
    expect(await efig.locator('details').count()).toBeGreaterThan(0);
    expect(await efig.locator('[data-explore] details').count(), 'no panel in an embed').toBe(0);

    const dataLink = efig.locator('a[data-embed-data]');
    expect(new URL((await dataLink.getAttribute('href'))!).pathname).toBe('/csv/gebruik-trend/NL01.csv');
    expect(t.errors).toEqual([]);
    expect(t.external).toEqual([]);
    await t.context.close();
  });
});
