/**
 * The workbench (/verkennen/) on the synthetic world, in headless Chromium: three charts built through the
 * controls — a jeugdregio's gemeenten over time, the gemeenten of one size class ranked for one year, a
 * custom list on the map. For each: the SQL shown is the SQL DuckDB-wasm ran, the figures in the page's CSV
 * downloads (both dialects) equal the warehouse's (read here with @duckdb/node-api, computed without the
 * page's SQL), the permalink restores the chart, and no request leaves 127.0.0.1. Screenshots at 1280 and
 * 390 px go to test-results/world/ for a person to look at. A permalink is first drawn from the precomputed
 * rows (/verkennen/cijfers/), says so, and DuckDB-wasm then draws the very same chart from the SQL shown.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { query } from '../../src/lib/warehouse.ts';
import { defaultState, queryOf, SIZE_CLASSES, workbenchSql, type WorkbenchState } from '../../src/lib/workbench-query.ts';
import { staticUrl } from '../../src/lib/workbench-static.ts';
import { CHROMIUM_MISSING, findChromium, openPage, useSite, type Tracked } from '../e2e/server.ts';
import { ROOT, WORLD_DIST, worldSkipReason } from './build.ts';

const skip = worldSkipReason();
const chromium = findChromium();
const SHOTS = join(ROOT, 'test-results', 'world');

/** One value per indicator, place and year as the warehouse has it (newest indeling wins). */
async function warehouseValues(indicator: string, codes: string[], years: [number, number]): Promise<Map<string, number | null>> {
  const rows = await query<{ geo_code: string; period: number; value: number | null }>(
    `SELECT geo_code, period, arg_max(value, boundary_year) AS value FROM observations
     WHERE indicator = $ind AND period BETWEEN ${years[0]} AND ${years[1]} AND geo_code IN (${codes.map((c) => `'${c}'`).join(',')})
     GROUP BY geo_code, period`,
    { ind: indicator },
  );
  return new Map(rows.map((r) => [`${r.geo_code}|${r.period}`, r.value]));
}

async function ratio(num: string, den: string, factor: number, codes: string[], years: [number, number]) {
  const n = await warehouseValues(num, codes, years);
  const d = await warehouseValues(den, codes, years);
  const out = new Map<string, number | null>();
  for (const [k, v] of n) {
    const dv = d.get(k);
    out.set(k, v == null || dv == null || dv <= 0 ? null : (v / dv) * factor);
  }
  return out;
}

/** Wait until the chart is drawn for the SQL that has every fragment (the page's state after the last choice). */
async function ready(page: Page, ...fragments: string[]) {
  await expect
    .poll(async () => page.evaluate((want) => {
      const root = document.querySelector<HTMLElement>('[data-workbench]')!;
      const ran = root.dataset.ranSql ?? '';
      return ran !== '' && ran === document.querySelector('[data-sql]')!.textContent && want.every((f) => ran.includes(f));
    }, fragments), { timeout: 60_000 })
    .toBe(true);
}

async function shownSql(page: Page) {
  const shown = await page.locator('[data-sql]').textContent();
  const ran = await page.locator('[data-workbench]').getAttribute('data-ran-sql');
  expect(ran).toBe(shown);
  expect(await page.locator('[data-console]').getAttribute('href')).toBe(`/sql/?q=${encodeURIComponent(shown!)}`);
  return shown!;
}

/** Both CSV downloads, parsed: the same rows, the Dutch one with ; and decimal commas. */
async function downloads(page: Page): Promise<Record<string, string>[]> {
  await page.locator('[data-tools]').evaluate((d) => ((d as HTMLDetailsElement).open = true));
  const parsed: Record<string, string>[][] = [];
  for (const dialect of ['international', 'excel-nl']) {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-csv="${dialect}"]`).click()]);
    const text = readFileSync((await dl.path())!, 'utf8').replace(/^\uFEFF/, '');
    const p = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true, delimiter: dialect === 'excel-nl' ? ';' : ',' });
    expect(p.errors).toEqual([]);
    parsed.push(p.data.map((r) => (dialect === 'excel-nl' ? Object.fromEntries(Object.entries(r).map(([k, v]) => [k, /^-?[\d.]+,\d+$|^-?\d+$/.test(v) ? v.replaceAll('.', '').replace(',', '.') : v])) : r)));
  }
  expect(parsed[1].length).toBe(parsed[0].length);
  parsed[0].forEach((r, i) => expect(Number(parsed[1][i].waarde || NaN)).toBeCloseTo(Number(r.waarde || NaN), 6));
  const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="svg"]').click()]);
  expect(readFileSync((await svg.path())!, 'utf8')).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  const [png] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="png"]').click()]);
  expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
  return parsed[0];
}

function expectFigures(rows: Record<string, string>[], expected: Map<string, number | null>) {
  expect(rows.length).toBe(expected.size);
  for (const r of rows) {
    const want = expected.get(`${r.geo_code}|${r.jaar}`);
    expect(want, `${r.geo_code} ${r.jaar} in the warehouse`).not.toBeUndefined();
    if (want == null) expect(r.waarde).toBe('');
    else expect(Number(r.waarde)).toBeCloseTo(want, 6);
  }
}

async function permalinkRestores(t: Tracked, site: { served: { url: string } }, sql: string, width: number, name: string) {
  const href = await t.page.locator('[data-permalink]').getAttribute('href');
  expect(href).toMatch(/^\/verkennen\/\?m=/);
  const u = await openPage((t.page.context().browser())!, site.served as never, { js: true, width });
  await u.page.goto(`${site.served.url}${href}`);
  await ready(u.page, sql);
  expect(await shownSql(u.page)).toBe(sql);
  expect(await u.page.locator('[data-summary]').textContent()).toBe(await t.page.locator('[data-summary]').textContent());
  await u.page.locator('figure.chart').screenshot({ path: join(SHOTS, `verkennen-${name}-${width}.png`) });
  expect(u.external).toEqual([]);
  expect(u.errors).toEqual([]);
  await u.context.close();
}

describe.skipIf(Boolean(skip) || !chromium)(chromium ? 'the workbench on the synthetic world' : CHROMIUM_MISSING, () => {
  const site = useSite(chromium!);
  mkdirSync(SHOTS, { recursive: true });

  it('opens with Nederland and the jeugdregio\'s drawn, and builds three charts through the controls', async () => {
    const t = await openPage(site.browser, site.served, { js: true, width: 1280 });
    const { page } = t;
    await page.goto(`${site.served.url}/verkennen/`);
    // The opening chart is in the HTML: 42 regions and Nederland.
    expect(await page.locator('[data-plot] svg:visible g[aria-label="line"]').count()).toBeGreaterThan(0);
    const opening = await page.locator('[data-table] tbody tr th').allTextContents();
    expect(new Set(opening).size).toBe(43);
    expect(opening).toContain('Nederland');
    await expect.poll(() => page.locator('[data-workbench][data-ready]').count(), { timeout: 30_000 }).toBe(1);
    // DuckDB reads the three tables the workbench's SQL names, each fetched once, and no other.
    const tables = t.requests.map((u) => /\/data\/(\w+)\.parquet$/.exec(new URL(u).pathname)?.[1]).filter(Boolean);
    expect([...tables].sort()).toEqual(['geo', 'membership', 'observations']);

    // 1. The gemeenten of jeugdregio JZ20 over time, per 1 000 young people.
    await page.locator('[data-clear]').click();
    await page.locator('#wb-leden').selectOption('JZ20');
    await page.locator('[data-add-group="leden"]').click();
    await page.locator('#wb-metric').selectOption('jongeren_jeugdhulp_per_1000');
    await ready(page, "jeugdregio_code = 'JZ20'", "'jongeren_jeugdhulp'");
    const sql1 = await shownSql(page);
    expect(sql1).toContain("jeugdregio_code = 'JZ20'");
    const members = (await query<{ c: string }>(`SELECT gemeente_code AS c FROM membership WHERE jeugdregio_code = 'JZ20' AND year = (SELECT max(year) FROM membership WHERE jeugdregio_code = 'JZ20')`)).map((r) => r.c);
    expect(members.length).toBeGreaterThan(2);
    const span: [number, number] = [Number(await page.locator('#wb-van').inputValue()), Number(await page.locator('#wb-tot').inputValue())];
    const rows1 = await downloads(page);
    expect(new Set(rows1.map((r) => r.geo_code))).toEqual(new Set(members));
    expectFigures(rows1, await ratio('jongeren_jeugdhulp', 'bevolking_0_22', 1000, members, span));
    expect(await page.locator('[data-plot] svg g[aria-label="line"] path').count()).toBe(members.length);
    await page.locator('figure.chart').screenshot({ path: join(SHOTS, 'verkennen-regio-leden-1280.png') });
    await permalinkRestores(t, site, sql1, 390, 'regio-leden');

    // 2. The gemeenten of Amersfoort's size class, ranked on net spending per inhabitant in 2023.
    await page.locator('[data-clear]').click();
    await page.locator('#wb-klasse').selectOption('GM0307');
    await page.locator('[data-add-group="klasse"]').click();
    await page.locator('#wb-metric').selectOption('kosten_jeugdhulp_jaarrekening_per_inwoner');
    await page.locator('input[name="wb-view"][value="ranglijst"]').check();
    await page.locator('#wb-jaar').selectOption('2023');
    await ready(page, "klasse WHERE geo_code = 'GM0307'", "'kosten_jeugdhulp_jaarrekening'", 'AND period = 2023');
    const sql2 = await shownSql(page);
    expect(sql2).toContain('AND period = 2023');
    const pop = await query<{ c: string; v: number }>(
      `SELECT o.geo_code AS c, arg_max(value, boundary_year) AS v FROM observations o JOIN geo g USING (geo_code)
       WHERE indicator = 'bevolking_totaal' AND period = 2023 AND g.level = 'gemeente' AND g.last_year = (SELECT max(last_year) FROM geo WHERE level = 'gemeente') GROUP BY ALL`,
    );
    const cls = (v: number) => SIZE_CLASSES.findIndex((c) => v < c.max);
    const own = cls(pop.find((p) => p.c === 'GM0307')!.v);
    const same = pop.filter((p) => cls(p.v) === own).map((p) => p.c);
    expect(same).toContain('GM0307');
    const rows2 = await downloads(page);
    expect(new Set(rows2.map((r) => r.geo_code))).toEqual(new Set(same));
    expectFigures(rows2, await ratio('kosten_jeugdhulp_jaarrekening', 'bevolking_totaal', 1, same, [2023, 2023]));
    const values = rows2.map((r) => Number(r.waarde));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(await page.locator('[data-plot] svg g[aria-label="bar"] rect').count()).toBe(same.length);
    await page.locator('figure.chart').screenshot({ path: join(SHOTS, 'verkennen-grootteklasse-1280.png') });
    await permalinkRestores(t, site, sql2, 390, 'grootteklasse');

    // 3. A custom list on the map: three gemeenten typed in by name.
    await page.locator('[data-clear]').click();
    for (const name of ['Amersfoort (GM0307)', 'Utrecht (GM0344)', 'Zwolle (GM0193)']) {
      await page.locator('#wb-plaats').fill(name);
      await page.locator('[data-add-place]').click();
    }
    await page.locator('#wb-metric').selectOption('jongeren_jeugdzorg_per_1000');
    await page.locator('input[name="wb-view"][value="kaart"]').check();
    await page.locator('#wb-jaar').selectOption('2024');
    await ready(page, "'GM0307', 'GM0344', 'GM0193'", "'jongeren_jeugdzorg'", 'AND period = 2024');
    const sql3 = await shownSql(page);
    expect(sql3).toContain("geo_code IN ('GM0307', 'GM0344', 'GM0193')");
    const rows3 = await downloads(page);
    expectFigures(rows3, await ratio('jongeren_jeugdzorg', 'bevolking_0_22', 1000, ['GM0307', 'GM0344', 'GM0193'], [2024, 2024]));
    // Every gemeente outline is drawn, the three chosen ones coloured on top.
    const geo = page.locator('[data-plot] svg g[aria-label="geo"]');
    expect(await geo.count()).toBe(2);
    expect(await geo.nth(1).locator('path').count()).toBe(3);
    await page.locator('figure.chart').screenshot({ path: join(SHOTS, 'verkennen-eigen-lijst-kaart-1280.png') });
    await permalinkRestores(t, site, sql3, 390, 'eigen-lijst-kaart');

    expect(t.external).toEqual([]);
    expect(t.errors).toEqual([]);
    await t.context.close();
  });

  it('draws a permalink from the precomputed rows first, and DuckDB then draws the same chart', async () => {
    const years = JSON.parse(readFileSync(join(WORLD_DIST, 'verkennen', 'index.html'), 'utf8').match(/data-years="([^"]+)"/)![1].replaceAll('&quot;', '"')) as { min: number; max: number };
    const states: WorkbenchState[] = [
      { ...defaultState(years), metric: 'jongeren_jeugdhulp_per_1000', places: ['leden:JZ20'], view: 'lijnen' },
      { ...defaultState(years), metric: 'kosten_jeugdhulp_jaarrekening_per_inwoner', places: ['klasse:GM0307'], view: 'ranglijst', year: 2023 },
      { ...defaultState(years), metric: 'jongeren_jeugdzorg_per_1000', places: ['GM0307', 'GM0344', 'GM0193'], view: 'kaart', year: 2024 },
    ];
    for (const state of states) {
      const t = await openPage(site.browser, site.served, { js: true, width: 1280 });
      const { page } = t;
      // DuckDB cannot finish while the observations are held back: what is drawn meanwhile is the precomputed rows'.
      let release = () => {};
      const held = new Promise<void>((r) => (release = r));
      await page.route('**/data/observations.parquet', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${site.served.url}/verkennen/?${queryOf(state)}`);
      await expect.poll(() => page.locator('[data-workbench][data-engine="static"] [data-plot] svg').count(), { timeout: 30_000 }).toBeGreaterThan(0);
      const shot = () =>
        page.evaluate(() => ({
          plot: document.querySelector('[data-plot]')!.innerHTML,
          legend: document.querySelector('[data-legend]')!.textContent,
          summary: document.querySelector('[data-summary]')!.textContent,
          table: document.querySelector('[data-table]')!.innerHTML,
          sql: document.querySelector('[data-sql]')!.textContent,
        }));
      const before = await shot();
      const sql = workbenchSql(state);
      // The SQL shown is the state's; nothing ran in this browser yet, and the page says where the chart came from.
      expect(before.sql).toBe(sql);
      expect(await page.locator('[data-workbench]').getAttribute('data-ran-sql')).toBe('');
      expect(await page.locator('[data-status]').textContent()).toContain(`vooraf berekende cijfers (${staticUrl(state.metric)}`);
      release();
      await ready(page, sql);
      expect(await page.locator('[data-workbench]').getAttribute('data-engine')).toBe('duckdb');
      expect(await page.locator('[data-status]').textContent()).toMatch(/^DuckDB in uw browser: \d+ rijen/);
      // The same drawing, legend, sentence and table, to the byte.
      expect(await shot()).toEqual(before);
      expect(t.requests.filter((u) => u.includes('/verkennen/cijfers/')).map((u) => new URL(u).pathname).sort()).toEqual(['/verkennen/cijfers/groepen.json', staticUrl(state.metric)]);
      expect(t.external).toEqual([]);
      expect(t.errors).toEqual([]);
      await t.context.close();
    }
  });

  it('offers no ratio without its denominator and says why; the console draws a chart', async () => {
    const t = await openPage(site.browser, site.served, { js: true, width: 1280 });
    const { page } = t;
    // Whatever the world lacks for Nederland and the regions, a blocked option names its reason.
    await page.goto(`${site.served.url}/verkennen/`);
    await expect.poll(() => page.locator('[data-workbench][data-ready]').count(), { timeout: 30_000 }).toBe(1);
    const blocked = await page.locator('#wb-metric option:disabled').allTextContents();
    for (const b of blocked) expect(b).toMatch(/niet beschikbaar: (geen cijfers|de noemer \(.+\) ontbreekt)/);

    await page.goto(`${site.served.url}/sql/?q=${encodeURIComponent("SELECT period AS jaar, value AS waarde FROM observations WHERE indicator = 'jongeren_jeugdhulp' AND geo_code = 'NL01' ORDER BY jaar")}`);
    await page.locator('[data-run]').click();
    const fig = page.locator('figure[data-chart="console"]');
    await expect.poll(() => fig.count(), { timeout: 120_000 }).toBe(1);
    expect(await fig.locator('svg g[aria-label="line"] path').count()).toBe(1);
    const [dl] = await Promise.all([page.waitForEvent('download'), fig.locator('[data-console-csv="excel-nl"]').click()]);
    const text = readFileSync((await dl.path())!, 'utf8').replace(/^\uFEFF/, '');
    expect(Papa.parse(text, { header: true, delimiter: ';', skipEmptyLines: true }).data.length).toBeGreaterThan(3);
    expect(t.external).toEqual([]);
    expect(t.errors).toEqual([]);
    await t.context.close();
  });
});
