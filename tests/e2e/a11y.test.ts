/**
 * Accessibility gates on one page of every page type (tests/e2e/page-types.ts), in headless Chromium
 * with JavaScript on:
 *
 * - axe-core (the npm package, pinned; its axe.min.js injected with page.addScriptTag — the context
 *   bypasses the page's CSP only for that): no serious or critical violation with the full rule set at
 *   1280 px in light mode, nor with the rules that depend on layout and colour (contrast, scrollable
 *   regions, target size, links in text) at 390 px in dark mode. Moderate and minor ones are printed.
 * - the keyboard: with every <details> opened, pressing Tab from the top of the page reaches every
 *   visible link, button, input, select, textarea, summary and [tabindex] element (one radio per group),
 *   and every element that gets focus shows it: a non-none outline or box-shadow, and a box on screen.
 *
 * For speed (each new context costs a renderer process, each page load an axe injection) one page is
 * reused for all page types: light 1280 px axe → keyboard (opens the details) → dark 390 px axe, so the
 * dark pass also sees the opened tables, SQL and textareas. The Tab presses are sent as one pipelined
 * batch of CDP key events; the page itself records each focus.
 *
 * That every chart has a summary sentence and a table (or the "geen cijfers" sentence) is checked on
 * every page in Node: tests/site/pages.test.ts. The site is built by tests/e2e/global-setup.ts.
 */
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_TYPES } from './page-types.ts';
import { CHROMIUM_MISSING, findChromium, launchChromium, serveDir, type Served } from './server.ts';

const CHROMIUM = findChromium();
if (!CHROMIUM) console.warn(CHROMIUM_MISSING);
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** The rules whose outcome changes with viewport width or colour scheme. */
const LAYOUT_RULES = ['color-contrast', 'link-in-text-block', 'scrollable-region-focusable', 'target-size'];

interface Focus { key: string | number; what: string; ring: boolean; box: boolean }
interface AxeNode { target: unknown[]; failureSummary?: string }
interface AxeViolation { id: string; impact: string | null; help: string; nodes: AxeNode[] }

async function axe(page: Page, rules?: string[]): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (only) => {
    const run = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run;
    const r = await run(document, { resultTypes: ['violations'], ...(only ? { runOnly: { type: 'rule', values: only } } : {}) });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, rules);
}

const serious = (vs: AxeViolation[]) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical');
const describeAll = (vs: AxeViolation[]) =>
  vs.map((v) => `[${v.impact}] ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240)}`).join('\n')}`);

describe.skipIf(!CHROMIUM)(`accessibility in headless Chromium (${CHROMIUM ?? 'no chromium'})`, () => {
  let served: Served;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cdp: CDPSession;
  beforeAll(async () => {
    served = await serveDir();
    browser = await launchChromium(CHROMIUM!);
    // bypassCSP only so that addScriptTag may inject axe; tests/e2e/security.test.ts checks the CSP itself.
    context = await browser.newContext({ bypassCSP: true, locale: 'nl-NL' });
    page = await context.newPage();
    cdp = await context.newCDPSession(page);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  /** Press Tab n times: all key events sent at once (CDP handles them in order), then awaited. */
  const pressTab = (n: number) => {
    const key = { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9 };
    const sent: Promise<unknown>[] = [];
    for (let i = 0; i < n; i++) sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...key }), cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key }));
    return Promise.all(sent);
  };

  for (const p of PAGE_TYPES) {
    it(`${p.path} (${p.type}): no serious or critical axe violation; Tab reaches every control with visible focus`, async () => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.emulateMedia({ colorScheme: 'light' });
      const res = await page.goto(served.url + p.path, { waitUntil: 'load' });
      expect(res?.status()).toBe(p.status);

      // 1. axe, everything, as a reader first sees the page.
      const wide = await axe(page);
      const minor = wide.filter((v) => !serious([v]).length);
      if (minor.length) console.warn(`${p.path}: axe, moderate/minor:\n${describeAll(minor).join('\n')}`);
      expect.soft(describeAll(serious(wide)), `${p.path}: axe, light, 1280 px`).toEqual([]);

      // 2. The keyboard: open every <details>, list the controls a keyboard user must reach, record each focus.
      const expected = await page.evaluate(() => {
        document.querySelectorAll('details').forEach((d) => (d.open = true));
        const describe = (el: Element) => {
          const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
          return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('href') ? ` href=${el.getAttribute('href')!.slice(0, 60)}` : ''}> ${text}`;
        };
        const controls = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')].filter(
          (el) =>
            el.tabIndex >= 0 &&
            !(el as HTMLButtonElement).disabled &&
            !el.closest('[inert]') &&
            el.checkVisibility({ visibilityProperty: true }) &&
            // only a details element's own (first) summary is a control
            (el.tagName !== 'SUMMARY' || el.parentElement?.querySelector(':scope > summary') === el),
        );
        // A radio group is one Tab stop.
        const key = (el: HTMLElement) => (el instanceof HTMLInputElement && el.type === 'radio' && el.name ? `radio:${el.name}` : controls.indexOf(el));
        const w = window as unknown as { __focus: Focus[] };
        w.__focus = [];
        document.addEventListener(
          'focusin',
          (e) => {
            const el = e.target as HTMLElement;
            const cs = getComputedStyle(el);
            const r = el.getBoundingClientRect();
            const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
            const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== '';
            w.__focus.push({ key: controls.includes(el) ? key(el) : -1, what: describe(el), ring: outline || shadow, box: r.width > 0 && r.height > 0 });
          },
          true,
        );
        const seen = new Set<string | number>();
        return controls.filter((el) => !seen.has(key(el)) && seen.add(key(el))).map((el) => ({ key: key(el), what: describe(el) }));
      });
      if (p.type !== 'briefing') expect(expected.length, 'controls on the page').toBeGreaterThan(0);
      await pressTab(expected.length + 3);
      const focus = await page.evaluate(() => (window as unknown as { __focus: Focus[] }).__focus);
      const reached = new Set(focus.map((f) => f.key));
      expect.soft(expected.filter((e) => !reached.has(e.key)).map((e) => e.what), 'controls Tab never reached').toEqual([]);
      expect.soft([...new Set(focus.filter((f) => !f.ring).map((f) => f.what))], 'focused without a visible outline or box-shadow').toEqual([]);
      expect.soft([...new Set(focus.filter((f) => !f.box).map((f) => f.what))], 'focused but without a box on screen').toEqual([]);

      // 3. axe, the rules that depend on width and colours, narrow and dark (with the details now open).
      await page.setViewportSize({ width: 390, height: 844 });
      await page.emulateMedia({ colorScheme: 'dark' });
      expect.soft(describeAll(serious(await axe(page, LAYOUT_RULES))), `${p.path}: axe, dark, 390 px`).toEqual([]);
    });
  }
});
