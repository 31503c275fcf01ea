/**
 * One SVG file per registry chart × place level × width, drawn on warehouses the real pipeline builds and compared
 * as files (tests/charts/__snapshots__/svg/<data>/<chart>/<level>-<width>.svg, viewable as images), the way Plot
 * tests itself. Two data folders: the committed sample (national series, KWB per gemeente) and the mini fixture in
 * real CBS and Iv3 formats (85099NED per gemeente and region, Iv3 2023 jaarrekening, population), so the cost charts
 * draw too. Where a chart has no figures at a level it draws nothing and the page says why: that branch is a text
 * file with the heading and sentence the page shows (<level>.geen-cijfers.txt).
 * Update after an intended change with `npm test -- tests/charts/svg-files.test.ts -u`, and look at the files.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHARTS, EFFECT_CHARTS } from '../../src/charts/index.ts';
import { NARROW, WIDE, renderChart } from '../../src/lib/render.ts';
import { useWarehouse } from '../helpers/sample-warehouse.ts';

/** Per data folder: Nederland, a jeugdregio with member gemeenten in that folder, and one of them. */
const DATA = {
  sample: { dir: 'data/sample', places: { nederland: 'NL01', regio: 'JZ20', gemeente: 'GM0307' } }, // Eemland, Amersfoort
  mini: { dir: 'tests/fixtures/mini', places: { nederland: 'NL01', regio: 'JZ06', gemeente: 'GM0361' } }, // Alkmaar
} as const;
const DIR = join(import.meta.dirname, '__snapshots__', 'svg');

/**
 * Plot writes coordinates with many decimals; one is enough to see a change and survives float noise. Only in
 * attribute values: text such as the axis label "400.000" (Dutch grouping) must stay as the reader sees it.
 */
const roundNumbers = (svg: string) =>
  svg.replace(/="([^"]*)"/g, (_, v: string) => `="${v.replace(/-?\d+\.\d{2,}/g, (n) => Number(n).toFixed(1))}"`);

/**
 * A standalone file any image viewer opens: the namespace an inline SVG can omit, and the light-theme colour of
 * each CSS variable (the charts write fill="var(--c1, #0072b2)" so the page's theme can restyle them; viewers
 * outside a browser do not know var() and drew every bar black).
 */
const asFile = (svg: string) =>
  `${roundNumbers(svg)
    .replace(/^<svg(?![^>]*xmlns=)/, '<svg xmlns="http://www.w3.org/2000/svg"')
    .replace(/var\(--[\w-]+,\s*([^()]+?)\s*\)/g, '$1')}\n`;

const drawn = new Map<string, number>();

describe.each(Object.entries(DATA))('%s', (data, { dir, places }) => {
  let remove = () => {};
  beforeAll(async () => { remove = await useWarehouse(dir); });
  afterAll(() => remove());

  describe.each(CHARTS.map((c) => [c.id, c] as const))('%s', (id, chart) => {
    it.each(Object.entries(places))('%s (%s): wide and narrow SVG, or the reason there is none', async (level, code) => {
      const r = await renderChart(chart, code);
      const file = (name: string) => join(DIR, data, id, name);
      if (r.hasData) {
        expect(r.svg).not.toBeNull();
        await expect(asFile(r.svg!.wide)).toMatchFileSnapshot(file(`${level}-${WIDE}.svg`));
        await expect(asFile(r.svg!.narrow)).toMatchFileSnapshot(file(`${level}-${NARROW}.svg`));
        drawn.set(`${id}|${level}`, (drawn.get(`${id}|${level}`) ?? 0) + 1);
      } else {
        expect(r.svg).toBeNull();
        await expect(`${r.heading}\n${r.summary}\n`).toMatchFileSnapshot(file(`${level}.geen-cijfers.txt`));
      }
    });
  });
});

it('between them the folders draw most charts and every level, and leave some without figures', () => {
  const charts = new Set([...drawn.keys()].map((k) => k.split('|')[0]));
  const levels = new Set([...drawn.keys()].map((k) => k.split('|')[1]));
  // The 2022 analyses need years before and after 2022, which neither folder has: they refuse here (their
  // band and fit are drawn on the synthetic world, tests/world). Of the other charts most must draw.
  const plain = CHARTS.filter((c) => !EFFECT_CHARTS.includes(c));
  expect(charts.size).toBeGreaterThanOrEqual(plain.length / 2);
  for (const c of EFFECT_CHARTS) expect(charts.has(c.id)).toBe(false);
  expect([...levels].sort()).toEqual(['gemeente', 'nederland', 'regio']);
  expect([...drawn.values()].reduce((a, b) => a + b, 0)).toBeLessThan(CHARTS.length * 3 * Object.keys(DATA).length);
});
