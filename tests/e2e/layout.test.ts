/**
 * Layout on phones and desktops (issue 12), in headless Chromium on the built site: no page type scrolls
 * sideways at 320 px and no jeugdregio tile cuts its name; the SQL console's query box is as wide as the
 * page at 1280 px with its buttons apart; every page links to English (its counterpart where there is one)
 * and English pages write numbers and euros in English.
 */
import { describe, expect, it } from 'vitest';
import { PAGE_TYPES } from './page-types.ts';
import { CHROMIUM_MISSING, findChromium, openPage, useSite } from './server.ts';

const CHROMIUM = findChromium();
if (!CHROMIUM) console.warn(CHROMIUM_MISSING);

describe.skipIf(!CHROMIUM)('layout in headless Chromium', () => {
  const site = useSite(CHROMIUM!);

  it('no page type is wider than a 320 px screen, and no map tile cuts its name', async () => {
    const t = await openPage(site.browser, site.served, { js: true, width: 320 });
    const { page } = t;
    const wide: string[] = [];
    for (const p of PAGE_TYPES) {
      await page.goto(site.served.url + p.path);
      // Elements sticking out of the viewport (scroll regions such as tables and SQL keep their overflow inside).
      const out = await page.evaluate(() => {
        const w = document.documentElement.clientWidth;
        const bad = document.documentElement.scrollWidth > w ? [`scrollWidth ${document.documentElement.scrollWidth}`] : [];
        for (const e of document.body.querySelectorAll('*')) {
          const r = e.getBoundingClientRect();
          if (r.width === 0 || r.right <= w + 1) continue;
          let clipped = false;
          for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
            const o = getComputedStyle(a).overflowX;
            if ((o === 'auto' || o === 'scroll' || o === 'hidden') && a.getBoundingClientRect().right <= w + 1) { clipped = true; break; }
          }
          if (!clipped && !e.closest('.visually-hidden, .skip')) bad.push(`${e.tagName.toLowerCase()}.${e.className} right ${Math.round(r.right)}`);
        }
        return bad.slice(0, 5);
      });
      if (out.length) wide.push(`${p.path}: ${out.join('; ')}`);
    }
    expect(wide).toEqual([]);
    await page.goto(`${site.served.url}/kaart/`);
    const cut = await page.locator('.tilemap .tile').evaluateAll((tiles) =>
      tiles.filter((t) => t.scrollHeight > t.clientHeight + 1 || [...t.children].some((c) => c.scrollWidth > c.clientWidth + 1)).map((t) => t.textContent),
    );
    expect(await page.locator('.tilemap .tile').count()).toBeGreaterThan(0);
    expect(cut).toEqual([]);
    await t.context.close();
  });

  it('the SQL console uses the page width at 1280 px and its buttons do not touch', async () => {
    const t = await openPage(site.browser, site.served, { js: true, width: 1280 });
    const { page } = t;
    await page.goto(`${site.served.url}/sql/`);
    const box = (await page.locator('[data-sql]').boundingBox())!;
    const main = (await page.locator('main').evaluate((m) => { const r = m.getBoundingClientRect(); const s = getComputedStyle(m); return r.width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight); }));
    expect(box.width).toBeGreaterThanOrEqual(main - 2);
    const run = (await page.locator('[data-run]').boundingBox())!;
    const cancel = (await page.locator('[data-cancel]').boundingBox())!;
    expect(cancel.x - (run.x + run.width)).toBeGreaterThanOrEqual(8);
    await t.context.close();
  });

  it('every page links to English, its own counterpart where there is one; English pages format in English', async () => {
    const t = await openPage(site.browser, site.served, { js: false });
    const { page } = t;
    const counterpart: Record<string, string> = { '/': '/en/', '/gebruik/': '/en/gebruik/', '/verblijf/': '/en/verblijf/', '/kosten/': '/en/kosten/', '/maatregelen-2022/': '/en/maatregelen-2022/', '/en/': '/', '/en/gebruik/': '/gebruik/' };
    for (const p of PAGE_TYPES) {
      await page.goto(site.served.url + p.path);
      if (await page.locator('body.bare').count()) continue; // embeds and briefings have no site header
      const link = page.locator('header.site a.lang');
      expect(await link.count(), p.path).toBe(1);
      const href = await link.getAttribute('href');
      expect(href, p.path).toBe(counterpart[p.path] ?? '/en/');
      expect(await link.getAttribute('hreflang')).toBe(p.path.startsWith('/en/') ? 'nl' : 'en');
    }
    for (const path of ['/en/', '/en/maatregelen-2022/', '/en/kosten/']) {
      await page.goto(site.served.url + path);
      // English text outside the parts marked lang="nl" (generated Dutch sentences and tables).
      const text = await page.evaluate(() => {
        const clone = document.querySelector('main')!.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('[lang="nl"], svg, table').forEach((e) => e.remove());
        return clone.textContent!.replace(/\s+/g, ' ');
      });
      expect(text, path).not.toMatch(/€\s?\d[\d.]*,\d|\bmld\b|\bmln\b/);
      // The home page and the 2022 page always state amounts (€214m, €1.3bn); a theme only when it has figures.
      if (path !== '/en/kosten/') expect(text, path).toMatch(/€\d[\d,]*(\.\d)?(bn|m)?/);
    }
    await page.goto(`${site.served.url}/en/`);
    const big = await page.locator('[data-headline="gebruik"]').textContent();
    if (big) expect(big).toMatch(/^\d{1,3}(,\d{3})*$/);
    await t.context.close();
  });
});
