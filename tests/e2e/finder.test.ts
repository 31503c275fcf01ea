/**
 * The finder as readers type (issue 12), in headless Chromium on the built site: "Den Haag" finds
 * 's-Gravenhage (alias list data/reference/plaatsnaam-aliassen.csv), former gemeenten are found and lead to
 * their successor with the line saying where they went, "niets gevonden" is shown when nothing matches, and
 * Enter on a loose match opens nothing by itself.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, findChromium, openPage, useSite } from './server.ts';

const CHROMIUM = findChromium();
if (!CHROMIUM) console.warn(CHROMIUM_MISSING);

interface P { c: string; n: string; l: string; h: string | null; a?: string[]; s?: string }

async function type(page: Page, q: string) {
  const input = page.locator('#finder-q');
  await input.click();
  await input.press('Control+A');
  await input.press('Backspace');
  await page.keyboard.type(q, { delay: 10 });
}

describe.skipIf(!CHROMIUM)('finder in headless Chromium', () => {
  const site = useSite(CHROMIUM!);

  it('finds a gemeente by the name people use: "Den Haag" is \'s-Gravenhage', async () => {
    const places = (await (await fetch(`${site.served.url}/places.json`)).json()) as P[];
    const aliased = places.filter((p) => p.a?.length);
    expect(aliased.map((p) => p.c)).toContain('GM0518');
    const t = await openPage(site.browser, site.served, { js: true });
    const { page } = t;
    await page.goto(`${site.served.url}/`);
    for (const p of aliased) {
      await type(page, p.a![0]);
      const option = page.locator('#finder-list [role="option"]', { hasText: p.c });
      await option.waitFor({ state: 'visible', timeout: 10_000 });
      expect(await option.textContent()).toContain(p.n);
      expect(await option.textContent()).toContain(`(${p.a![0]})`);
    }
    // An exact alias opens with Enter.
    await type(page, 'den haag');
    await page.locator('#finder-list [role="option"]').first().waitFor();
    await Promise.all([page.waitForURL(`${site.served.url}/gemeente/GM0518/`), page.keyboard.press('Enter')]);
    await t.context.close();
  });

  it('former gemeenten are found and lead to their successor, with when and into which gemeente they merged', async () => {
    const places = (await (await fetch(`${site.served.url}/places.json`)).json()) as P[];
    const former = new Map(places.filter((p) => p.l === 'voormalig').map((p) => [p.n, p]));
    expect(former.get('Weesp')?.s).toBe('opgegaan in Amsterdam (vanaf de indeling van 1 januari 2023)');
    expect(former.get('Heerhugowaard')?.s).toBe('opgegaan in Dijk en Waard (vanaf de indeling van 1 januari 2022)');
    expect(former.get('Brielle')?.s).toBe('opgegaan in Voorne aan Zee (vanaf de indeling van 1 januari 2023)');
    const t = await openPage(site.browser, site.served, { js: true });
    const { page } = t;
    await page.goto(`${site.served.url}/bestaat-niet/`);
    const input = page.locator('#nf-q');
    await input.click();
    await page.keyboard.type('Weesp', { delay: 10 });
    const option = page.locator('#nf-list [role="option"]', { hasText: 'Weesp' });
    await option.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await option.textContent()).toContain('voormalige gemeente · GM0457: opgegaan in Amsterdam (vanaf de indeling van 1 januari 2023)');
    await Promise.all([page.waitForURL(`${site.served.url}/gemeente/GM0363/`), page.keyboard.press('Enter')]);

    // A successor without a page in this build: the finder says where the gemeente went instead of failing.
    const dijk = places.find((p) => p.c === 'GM1980');
    await page.goto(`${site.served.url}/`);
    await type(page, 'Heerhugowaard');
    await page.locator('#finder-list [role="option"]', { hasText: 'Heerhugowaard' }).waitFor();
    if (dijk) {
      await Promise.all([page.waitForURL(`${site.served.url}${dijk.h}`), page.keyboard.press('Enter')]);
    } else {
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('form[data-finder] [data-message]').textContent()).toContain('Heerhugowaard is opgegaan in Dijk en Waard');
      expect(page.url()).toBe(`${site.served.url}/`);
    }
    // Without JavaScript the search page lists them.
    const t2 = await openPage(site.browser, site.served, { js: false });
    await t2.page.goto(`${site.served.url}/zoeken/`);
    expect(await t2.page.locator('[data-former] li', { hasText: 'Weesp' }).textContent()).toContain('opgegaan in Amsterdam');
    await t2.context.close();
    await t.context.close();
  });

  it('says "niets gevonden" when nothing matches, and Enter on a loose match opens nothing', async () => {
    const t = await openPage(site.browser, site.served, { js: true });
    const { page } = t;
    await page.goto(`${site.served.url}/`);
    await type(page, 'xqzv');
    const msg = page.locator('form[data-finder] [data-message]');
    await expect.poll(() => msg.textContent()).toMatch(/^Niets gevonden voor “xqzv”/);
    expect(await msg.isVisible()).toBe(true);
    expect(await page.locator('form[data-finder] [data-status]').textContent()).toBe('Niets gevonden');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(page.url()).toBe(`${site.served.url}/`);

    // "am" matches several places loosely: Enter does not pick one.
    await type(page, 'am');
    await page.locator('#finder-list [role="option"]').nth(1).waitFor();
    expect(await page.locator('#finder-q').getAttribute('aria-activedescendant')).toBeNull();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(400);
    expect(page.url()).toBe(`${site.served.url}/`);
    expect(await msg.textContent()).toMatch(/Kies er een/);
    // After choosing with the arrow keys, Enter opens the chosen place.
    await page.keyboard.press('ArrowDown');
    const first = (await page.locator('#finder-list [role="option"]').first().textContent())!;
    await Promise.all([page.waitForURL(/\/(gemeente|regio)\//), page.keyboard.press('Enter')]);
    expect(first).toContain(/GM\d{4}|JZ\d{2}/.exec(page.url())![0]);
    expect(t.errors).toEqual([]);
    await t.context.close();
  });
});
