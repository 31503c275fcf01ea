/**
 * The chart CSVs (src/lib/chart-csv.ts): the build writes every file in one pass; the dev server answers one URL
 * at a time with the same bytes. On a warehouse built from the sample: a file for each chart and place with
 * figures, in both dialects, at the URL pages link to; the same text from chartCsvFor; nothing for a chart
 * without figures there, an unknown chart or a path that is no CSV.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NL } from '../../src/catalog/places.ts';
import { CHARTS } from '../../src/charts/index.ts';
import { chartCsvFor, csvHref, writeChartCsvs } from '../../src/lib/chart-csv.ts';
import { allPlaces } from '../../src/lib/places.ts';
import { renderData } from '../../src/lib/render.ts';
import { useWarehouse } from '../helpers/sample-warehouse.ts';

let cleanup = () => {};
let out = '';
let written = 0;
beforeAll(async () => {
  cleanup = await useWarehouse();
  out = mkdtempSync(join(tmpdir(), 'jib-chart-csv-'));
  written = await writeChartCsvs(out);
});
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  cleanup();
});

describe('chart CSVs written in one pass', () => {
  it('writes both dialects for every chart and place with figures, and nothing else', async () => {
    const expected: string[] = [];
    for (const code of [NL, ...(await allPlaces()).map((p) => p.code)]) {
      for (const chart of CHARTS) if ((await renderData(chart, code)).hasData) expected.push(csvHref(chart.id, code), csvHref(chart.id, code, 'excel-nl'));
    }
    const files = readdirSync(join(out, 'csv'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => `/${join(e.parentPath, e.name).slice(out.length + 1)}`);
    expect(files.sort()).toEqual(expected.sort());
    expect(written).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(20);
  });

  it('gives the dev server the same bytes as the build, and the rows of the chart', async () => {
    const path = csvHref('gebruik-trend', NL);
    const text = readFileSync(join(out, path), 'utf8');
    expect(await chartCsvFor(path)).toBe(text);
    const excel = csvHref('gebruik-trend', NL, 'excel-nl');
    expect(await chartCsvFor(excel)).toBe(readFileSync(join(out, excel), 'utf8'));
    expect(readFileSync(join(out, excel), 'utf8').startsWith('\ufeff')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    expect(rows.length).toBe((await renderData(CHARTS.find((c) => c.id === 'gebruik-trend')!, NL)).rows.length);
  });

  it('answers nothing for an unknown chart, a place without figures or another path', async () => {
    expect(await chartCsvFor('/csv/no-such-chart/NL01.csv')).toBeNull();
    expect(await chartCsvFor('/csv/gebruik-trend/GM9999.csv')).toBeNull();
    expect(await chartCsvFor('/csv/gebruik-trend/NL01.txt')).toBeNull();
    const empty = [];
    for (const code of (await allPlaces()).map((p) => p.code)) for (const chart of CHARTS) if (!(await renderData(chart, code)).hasData) empty.push(csvHref(chart.id, code));
    expect(empty.length).toBeGreaterThan(0);
    expect(await chartCsvFor(empty[0])).toBeNull();
  });
});
