/**
 * The built pages in headless Chromium, with JavaScript off and on: every chart is there as SVG (or as
 * the written "geen cijfers" sentence), with its summary; the numbers are the warehouse's, in Dutch
 * format; the sample notice shows on every page; no request leaves 127.0.0.1.
 * The site is built by tests/e2e/global-setup.ts; see tests/e2e/server.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/charts/index.ts';
import {
  builtOnSample, CHROMIUM_MISSING, DIST, findChromium, openPage, sampleNoticeShown, useSite,
} from './server.ts';

const CHROMIUM = findChromium();
if (!CHROMIUM) console.warn(CHROMIUM_MISSING);

// --- what the warehouse says (the copy the site serves under /data/) ---------------------------------

interface Obs { indicator: string; geo_code: string; period: string; value: string; status: string; boundary_year: string }

function latest(indicator: string, geo = 'NL01'): { year: number; value: number; status: string } | undefined {
  const rows = Papa.parse<Obs>(readFileSync(join(DIST, 'data', 'observations.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
  // As the site's SQL does: per year the row of the newest boundary year, then the last year with a value.
  const byYear = new Map<number, Obs>();
  for (const r of rows.filter((r) => r.indicator === indicator && r.geo_code === geo)) {
    const y = Number(r.period);
    const prev = byYear.get(y);
    if (!prev || Number(r.boundary_year) > Number(prev.boundary_year)) byYear.set(y, r);
  }
  const known = [...byYear.entries()].filter(([, r]) => r.value !== '').sort((a, b) => a[0] - b[0]);
  if (!known.length) return undefined;
  const [year, r] = known[known.length - 1];
  return { year, value: Number(r.value), status: r.status };
}
const nl = (v: number) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 }).format(v);

// --- the pages ---------------------------------------------------------------------------------------

interface PageCase {
  path: string;
  geo: string;
  h1: RegExp;
  /** The place's name as the "Niet beschikbaar voor …" heading spells it. */
  name?: string;
  /** Words every "geen cijfers" sentence on the page names (the place). */
  place?: string;
}
const CHART_PAGES: PageCase[] = [
  { path: '/gebruik/', geo: 'NL01', h1: /Hoeveel jongeren krijgen jeugdhulp\?/ },
  { path: '/verblijf/', geo: 'NL01', h1: /Wonen minder kinderen buiten huis\?/ },
  { path: '/kosten/', geo: 'NL01', h1: /Wat kost de jeugdhulp\?/ },
  { path: '/regio/JZ20/', geo: 'JZ20', h1: /^Jeugdregio Eemland\s*\(JZ20\)$/, place: 'jeugdregio Eemland', name: 'Eemland' },
  { path: '/gemeente/GM0307/', geo: 'GM0307', h1: /^Gemeente Amersfoort\s*\(GM0307\)$/, place: 'Amersfoort', name: 'Amersfoort' },
];

describe.skipIf(!CHROMIUM)(`pages in headless Chromium (${CHROMIUM ?? 'no chromium'})`, () => {
  const site = useSite(CHROMIUM!);

  /** The chart ids in the page's HTML as served: the browser must show each of them. */
  const chartIds = async (path: string) => {
    const html = await (await fetch(site.served.url + path)).text();
    return [...html.matchAll(/<figure class="chart"[^>]*data-chart="([^"]+)"/g)].map((m) => m[1]);
  };

  for (const js of [false, true]) {
    describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
      it('home: the headline is the warehouse number for Nederland, in Dutch format, with its year', async () => {
        const t = await openPage(site.browser, site.served, { js });
        try {
          const res = await t.page.goto(`${site.served.url}/`);
          expect(res?.status()).toBe(200);
          await expect(t.page.locator('h1').textContent()).resolves.toBe('Jeugdhulp in Beeld');
          // One definition per headline: the jeugdhulp count that the chart under it draws (not jeugdzorg).
          const jh = latest('jongeren_jeugdhulp')!;
          expect(jh, 'NL01 jongeren_jeugdhulp in observations.csv').toBeDefined();
          const big = t.page.locator('[data-headline="gebruik"]');
          expect(await big.isVisible()).toBe(true);
          expect((await big.textContent())?.trim()).toBe(nl(jh.value)); // e.g. 416.665
          const sentence = (await big.locator('xpath=following-sibling::p[1]').textContent())!.replace(/\s+/g, ' ');
          expect(sentence).toContain(`jongeren kregen jeugdhulp in ${jh.year}`);
          expect(await t.page.locator('[data-stories]').textContent()).not.toMatch(/jeugdzorg in \d{4}/);
          // Each story with national figures shows its chart and its definition.
          const stories = t.page.locator('[data-stories] [data-story]');
          for (let i = 0; i < (await stories.count()); i++) {
            const st = stories.nth(i);
            if ((await st.locator('.big').count()) === 0) continue;
            expect(await st.locator('[data-definition]').isVisible()).toBe(true);
            expect(await st.locator('.story-plot svg').count(), `${await st.getAttribute('data-story')}: a chart`).toBe(1);
          }
          expect(await t.page.locator('[data-stories] .story-plot svg').count()).toBeGreaterThanOrEqual(builtOnSample() ? 3 : 4);
          // Four story cards, each linking to its theme page.
          expect(await t.page.locator('[data-stories] .story h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
            '/gebruik/', '/kosten/', '/verblijf/', '/maatregelen-2022/',
          ]);
          // The finder: a plain form to the A–Z list without JavaScript, a combobox with it.
          const button = t.page.getByRole('button', { name: 'Naar de lijst' });
          expect(await button.isVisible()).toBe(!js);
          expect(await t.page.locator('#finder-q').getAttribute('role')).toBe('combobox');
          expect(await t.page.locator('form[data-finder]').getAttribute('action')).toBe('/zoeken/');
          expect(await sampleNoticeShown(t.page)).toBe(builtOnSample());
          expect(t.errors, 'uncaught errors in the page').toEqual([]);
          expect(t.external, 'requests that left 127.0.0.1').toEqual([]);
        } finally {
          await t.context.close();
        }
      });

      for (const c of CHART_PAGES) {
        it(`${c.path}: no empty chart box: every chart is drawn with its summary; the others are named once, with the reason`, async () => {
          const ids = await chartIds(c.path);
          const t = await openPage(site.browser, site.served, { js });
          try {
            const res = await t.page.goto(site.served.url + c.path);
            expect(res?.status()).toBe(200);
            expect((await t.page.locator('h1').textContent())!.replace(/\s+/g, ' ').trim()).toMatch(c.h1);
            expect(await sampleNoticeShown(t.page)).toBe(builtOnSample());

            const figures = t.page.locator('figure.chart');
            expect(await figures.evaluateAll((fs) => fs.map((f) => (f as HTMLElement).dataset.chart))).toEqual(ids);
            // The rule: no box without figures, no "geen cijfers" sentence in a box.
            expect(await t.page.locator('figure.chart [data-empty]').count(), 'an empty chart box').toBe(0);
            for (let i = 0; i < ids.length; i++) {
              const f = figures.nth(i);
              expect(await f.isVisible(), `${ids[i]} visible`).toBe(true);
              // The title states the finding; the question and the definition are visible under it.
              expect((await f.locator('h2, h3').first().textContent())!.trim().length).toBeGreaterThan(3);
              expect(await f.locator('.question').isVisible()).toBe(true);
              expect(await f.locator('[data-definition]').isVisible()).toBe(true);
              const svg = f.locator('[data-plot] svg:visible');
              expect(await svg.count(), `${ids[i]}: one visible SVG (wide or narrow)`).toBe(1);
              const box = (await svg.boundingBox())!;
              expect(box.width, `${ids[i]} SVG width`).toBeGreaterThan(300);
              expect(box.height, `${ids[i]} SVG height`).toBeGreaterThan(120);
              // Marks, not an empty frame: two labelled bars and their zero rule at least.
              expect(await svg.locator('path, rect, circle, line').count()).toBeGreaterThanOrEqual(3);
              const summary = f.locator('[data-summary]');
              expect(await summary.isVisible(), `${ids[i]}: summary visible`).toBe(true);
              expect((await summary.textContent())!.trim().length).toBeGreaterThan(40);
              // Series are named: in the drawing (line ends, labelled bars) or in a visible legend.
              const selfLabelled = (await svg.getAttribute('data-self-labelled')) !== null;
              if (!selfLabelled) expect(await f.locator('.legend li:visible').count()).toBeGreaterThan(0);
              // The comparison panel exists only with JavaScript.
              const explore = f.locator('[data-explore]');
              if ((await explore.count()) > 0) {
                expect(await explore.isVisible(), `${ids[i]}: comparison panel shown only with JavaScript`).toBe(js);
                if (js) expect(await explore.locator('summary').textContent()).toBe('Vergelijk met andere plaatsen');
              }
            }

            // Charts without figures for this place: one list at the end, with the reason, no tools.
            const unavailable = t.page.locator('[data-unavailable] [data-unavailable-chart]');
            const missingIds = await unavailable.evaluateAll((ls) => ls.map((l) => (l as HTMLElement).dataset.unavailableChart!));
            if (c.place) {
              // A place page accounts for every chart of the registry: drawn or listed, never both.
              expect([...ids, ...missingIds].sort()).toEqual(CHARTS.map((ch) => ch.id).sort());
              if (missingIds.length) {
                expect((await t.page.locator('[data-unavailable] h2').textContent())!.trim()).toBe(`Niet beschikbaar voor ${c.name}`);
              }
            }
            for (const id of missingIds) expect(ids).not.toContain(id);
            for (let i = 0; i < missingIds.length; i++) {
              const li = unavailable.nth(i);
              expect(await li.textContent()).toMatch(/geen cijfers/);
              if (c.place) expect(await li.textContent()).toContain(c.place);
              expect(await li.locator('a[href*="/embed/"], a[href*="/sql/"], [data-tools]').count()).toBe(0);
            }
            // Theme pages: the region list names regions without a figure once, never 42 × "geen cijfer".
            expect(await t.page.locator('[data-region-table] td', { hasText: 'geen cijfer' }).count()).toBe(0);

            // Real numbers: when the place has young people with jeugdhulp in the warehouse, the chart shows
            // them (table and axis); when not, the chart is listed as not available for the place.
            const own = latest('jongeren_jeugdhulp', c.geo);
            const trend = t.page.locator('#grafiek-gebruik-trend');
            if (!c.place && !ids.includes('gebruik-trend')) {
              // A theme page without the use chart.
            } else if (!own) {
              expect(missingIds).toContain('gebruik-trend');
              expect(await trend.textContent()).toContain(`Voor ${c.place} zijn geen cijfers`);
            } else {
              const rows = await trend.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent!.trim())));
              expect(rows.find((r) => r[0] === String(own.year)), `table row ${own.year}`).toContain(nl(own.value));
              expect(await trend.locator('[data-plot] svg:visible').textContent()).toContain(String(own.year));
            }

            expect(t.errors, 'uncaught errors in the page').toEqual([]);
            expect(t.external, 'requests that left 127.0.0.1').toEqual([]);
            expect(t.requests.filter((u) => u.toLowerCase().includes('duckdb'))).toEqual([]);
          } finally {
            await t.context.close();
          }
        });
      }
    });
  }

  it('an unknown path gets the site 404 page with status 404', async () => {
    const t = await openPage(site.browser, site.served, { js: false });
    try {
      const res = await t.page.goto(`${site.served.url}/gemeente/GM9999/`);
      expect(res?.status()).toBe(404);
      expect(await t.page.locator('h1').count()).toBe(1);
      expect(await sampleNoticeShown(t.page)).toBe(builtOnSample());
      expect(t.external, 'requests that left 127.0.0.1').toEqual([]);
    } finally {
      await t.context.close();
    }
  });
});
