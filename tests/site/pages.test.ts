/**
 * Every HTML page of the built site, in Node (linkedom; no browser, so these run without chromium too):
 *
 * - no broken internal link or resource: every href/src/action on this site (and og:image, og:url,
 *   canonical, alternate) resolves to a file in dist/ as a static host serves it (a directory → its
 *   index.html; /csv/, /og/ and /data/ files must exist), and every #fragment names an id on its page;
 * - every page has <html lang>, a <title>, a meta description and one canonical URL on this site;
 * - every page has the Content-Security-Policy <meta> with no 'unsafe-inline' (or 'unsafe-eval') for
 *   scripts, no <script> with inline code (src= modules and JSON data blocks are fine) and no on…=
 *   handler attributes;
 * - every chart (figure.chart) has a text alternative, a summary sentence, and the table of its
 *   figures, or, without figures, the written "geen cijfers" sentence;
 * - sitemap.xml lists exactly the pages that are not noindex and whose canonical URL is their own.
 *
 * dist/ is built by the e2e project's global setup (tests/e2e/global-setup.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allFiles, DIST, fileFor, parsePages, type Page } from './dist.ts';

let files: Set<string>;
let pages: Map<string, Page>;
let site: string;

/** Elements and attributes that point at a URL. */
const REFS: [string, string][] = [
  ['a[href]', 'href'],
  ['area[href]', 'href'],
  ['link[href]', 'href'],
  ['script[src]', 'src'],
  ['img[src]', 'src'],
  ['iframe[src]', 'src'],
  ['source[src]', 'src'],
  ['form[action]', 'action'],
  ['meta[property="og:image"]', 'content'],
  ['meta[property="og:url"]', 'content'],
];

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** Show at most n problems, and how many there were. */
const first = (xs: string[], n = 25) => (xs.length > n ? [...xs.slice(0, n), `… and ${xs.length - n} more`] : xs);

beforeAll(() => {
  files = allFiles();
  pages = parsePages(files);
  const home = pages.get('/index.html');
  if (!home) throw new Error(`${DIST}/index.html is missing`);
  site = new URL(home.document.querySelector('link[rel="canonical"]')!.getAttribute('href')!).origin;
});

describe('every page of the built site', () => {
  it('there are pages of every kind to check', () => {
    expect(pages.size).toBeGreaterThan(100);
    for (const p of ['/', '/gemeente/GM0307/', '/regio/JZ20/', '/embed/gebruik-trend/NL01/', '/briefing/GM0307/', '/404.html']) {
      expect([...pages.values()].some((x) => x.path === p), p).toBe(true);
    }
  });

  it('no broken internal link, resource or #anchor', () => {
    const broken: string[] = [];
    for (const page of pages.values()) {
      const base = new URL(page.path, site);
      for (const [selector, attr] of REFS) {
        for (const el of page.document.querySelectorAll(selector)) {
          const raw = el.getAttribute(attr)!.trim();
          if (/^(mailto|tel|data|blob):/i.test(raw)) continue;
          if (/^javascript:/i.test(raw)) {
            broken.push(`${page.path}: javascript: URL in ${attr}`);
            continue;
          }
          let url: URL;
          try {
            url = new URL(raw, base);
          } catch {
            broken.push(`${page.path}: unparseable ${attr}="${raw}"`);
            continue;
          }
          if (url.origin !== site) continue; // another site: not ours to check, and never fetched by a page
          const target = fileFor(url.pathname, files);
          if (!target) {
            broken.push(`${page.path}: ${raw.slice(0, 120)} → no such file`);
            continue;
          }
          const fragment = decodeURIComponent(url.hash.slice(1));
          if (fragment && target.endsWith('.html') && !pages.get(target)!.ids.has(fragment)) {
            broken.push(`${page.path}: ${raw.slice(0, 120)} → no id "${fragment}" on ${target}`);
          }
        }
      }
    }
    expect(first(broken)).toEqual([]);
  });

  it('every page has <html lang>, a <title>, a meta description and its canonical URL on this site', () => {
    const bad: string[] = [];
    for (const page of pages.values()) {
      const d = page.document;
      if (!d.documentElement.getAttribute('lang')?.trim()) bad.push(`${page.path}: no <html lang>`);
      const titles = d.querySelectorAll('head > title');
      if (titles.length !== 1 || !text(titles[0])) bad.push(`${page.path}: ${titles.length} <title> elements, or an empty one`);
      const desc = d.querySelectorAll('meta[name="description"]');
      if (desc.length !== 1 || !desc[0].getAttribute('content')?.trim()) bad.push(`${page.path}: no (single) meta description`);
      const canonical = d.querySelectorAll('link[rel="canonical"]');
      const href = canonical[0]?.getAttribute('href') ?? '';
      if (canonical.length !== 1) bad.push(`${page.path}: ${canonical.length} canonical links`);
      else if (!href.startsWith(`${site}/`)) bad.push(`${page.path}: canonical ${href} is not an absolute URL on ${site}`);
    }
    expect(first(bad)).toEqual([]);
  });

  it('every page has the CSP <meta> without inline scripts, and no inline script code or handler attributes', () => {
    const bad: string[] = [];
    for (const page of pages.values()) {
      const d = page.document;
      const metas = [...d.querySelectorAll('meta[http-equiv]')].filter((m) => m.getAttribute('http-equiv')!.toLowerCase() === 'content-security-policy');
      if (metas.length !== 1) bad.push(`${page.path}: ${metas.length} Content-Security-Policy <meta> elements`);
      const policy = metas[0]?.getAttribute('content') ?? '';
      const directives = new Map(policy.split(';').map((x) => x.trim().split(/\s+/)).filter((x) => x[0]).map(([k, ...v]) => [k, v]));
      const scriptSrc = directives.get('script-src') ?? directives.get('default-src') ?? [];
      if (!scriptSrc.length) bad.push(`${page.path}: no script-src or default-src`);
      for (const s of ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:', 'data:']) {
        if (scriptSrc.includes(s)) bad.push(`${page.path}: script-src allows ${s}`);
      }
      for (const s of d.querySelectorAll('script')) {
        const type = (s.getAttribute('type') ?? '').toLowerCase();
        if (!s.hasAttribute('src') && !/^application\/(ld\+)?json$/.test(type) && text(s)) bad.push(`${page.path}: inline script with code: ${text(s).slice(0, 80)}`);
      }
      for (const el of d.querySelectorAll('*')) {
        for (const a of el.getAttributeNames()) if (a.startsWith('on')) bad.push(`${page.path}: handler attribute ${a} on <${el.tagName.toLowerCase()}>`);
      }
    }
    expect(first(bad)).toEqual([]);
  });

  it('every chart has a summary sentence and the table of its figures, or the "geen cijfers" sentence', () => {
    const bad: string[] = [];
    let charts = 0;
    for (const page of pages.values()) {
      for (const [i, fig] of [...page.document.querySelectorAll('figure.chart')].entries()) {
        charts++;
        const name = `${page.path} chart ${fig.getAttribute('data-chart') ?? fig.getAttribute('data-map') ?? i + 1}`;
        const drawn = fig.querySelector('.plot svg, [data-plot] svg, [data-geomap] svg, .tilemap');
        const summary = text(fig.querySelector('[data-summary], .summary'));
        const rows = fig.querySelectorAll('table tbody tr').length;
        const empty = text(fig.querySelector('[data-empty], .empty'));
        if (/geen cijfers/i.test(empty)) {
          if (fig.querySelector('[data-plot] svg')) bad.push(`${name}: says "geen cijfers" but draws a chart`);
          continue;
        }
        if (!drawn) bad.push(`${name}: neither a drawing nor a "geen cijfers" sentence`);
        if (summary.length < 20 || !/[.!?)]$/.test(summary)) bad.push(`${name}: no summary sentence (${JSON.stringify(summary.slice(0, 60))})`);
        if (rows === 0) bad.push(`${name}: no table with its figures`);
      }
    }
    // Charts without figures for a place are no longer boxes (they are listed under "Niet beschikbaar"): the
    // sample, with few gemeente figures, still draws well over 50.
    expect(charts).toBeGreaterThan(50);
    expect(first(bad)).toEqual([]);
  });

  it('a gemeente or regio page draws no empty chart box: charts without figures are listed once, with the reason', () => {
    const bad: string[] = [];
    let places = 0;
    for (const page of pages.values()) {
      if (!/^\/(gemeente|regio)\/[A-Z]{2}\d+\/$/.test(page.path)) continue;
      places++;
      const boxes = [...page.document.querySelectorAll('figure.chart')];
      for (const fig of boxes) if (fig.querySelector('[data-empty]')) bad.push(`${page.path}: empty box for ${fig.getAttribute('data-chart')}`);
      const listed = [...page.document.querySelectorAll('[data-unavailable] li')].map((li) => text(li));
      for (const li of listed) if (!/geen cijfers/i.test(li)) bad.push(`${page.path}: "${li.slice(0, 60)}" gives no reason`);
      const shown = new Set(boxes.map((f) => f.getAttribute('data-chart')));
      if (shown.size + listed.length < 5) bad.push(`${page.path}: only ${shown.size} charts and ${listed.length} listed as missing`);
    }
    expect(places).toBeGreaterThan(40);
    expect(first(bad)).toEqual([]);
  });

  it('sitemap.xml lists exactly the pages that are not noindex and are their own canonical URL', () => {
    const listed = new Set([...readFileSync(join(DIST, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].trim()));
    const indexable = new Set<string>();
    for (const page of pages.values()) {
      const robots = page.document.querySelector('meta[name="robots"]')?.getAttribute('content') ?? '';
      const canonical = page.document.querySelector('link[rel="canonical"]')?.getAttribute('href');
      const own = new URL(page.path, site).href;
      if (!/noindex/i.test(robots) && canonical === own) indexable.add(own);
    }
    expect(listed.size).toBeGreaterThan(0);
    expect.soft(first([...indexable].filter((u) => !listed.has(u))), 'indexable pages missing from sitemap.xml').toEqual([]);
    expect(first([...listed].filter((u) => !indexable.has(u))), 'sitemap.xml entries that are not indexable pages').toEqual([]);
  });
});
