/**
 * The data behind each chart for each place, exactly the rows its SQL returned, in both CSV dialects of
 * the warehouse: /csv/<chart>/<geo>.csv (comma) and /csv/<chart>/<geo>.excel-nl.csv (Dutch Excel), each
 * figure rounded to the precision the chart shows. The one place a chart's CSV is made: the build writes
 * them all in one pass once the pages are done (writeChartCsvs, from astro.config.mjs; as 5 300 Astro routes
 * they cost 2–12 ms each), the dev server answers them one at a time (chartCsvFor).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NL } from '../catalog/places.ts';
import { CHARTS, chartById } from '../charts/index.ts';
import type { ChartDef, Row } from '../charts/types.ts';
import { columnsOf, roundTo, toDelimited, type Dialect } from '../shared/delimited.ts';
import { allPlaces } from './places.ts';
import { renderAllData, renderData } from './render.ts';
import { digitsOf } from './precision.ts';

const DIALECTS: Dialect[] = ['international', 'excel-nl'];

/** The URL path of a chart's CSV for a place, which pages link to. */
export function csvHref(chartId: string, geo: string, dialect: Dialect = 'international'): string {
  return `/csv/${chartId}/${geo}${dialect === 'excel-nl' ? '.excel-nl' : ''}.csv`;
}

/** The chart's rows as a CSV file, rounded to the precision the chart shows (the warehouse keeps the full values). */
function chartCsv(chart: ChartDef<Row>, rows: Row[], dialect: Dialect): string {
  const rounded = rows.map((row) => {
    const out = { ...row };
    for (const [k, v] of Object.entries(row)) {
      const digits = typeof v === 'number' ? digitsOf(k, row) : undefined;
      if (digits !== undefined) out[k] = roundTo(v as number, digits);
    }
    return out;
  });
  return toDelimited(columnsOf(chart.columns, rounded), rounded, dialect);
}

/**
 * Every chart's CSV for every place where the chart has figures (the places the pages link them from), written
 * under the output folder; returns how many. After the pages of a build the rows are already there (the
 * caches of src/lib/build-cache.ts): no query runs again.
 */
export async function writeChartCsvs(root: string): Promise<number> {
  const codes = [NL, ...(await allPlaces()).map((p) => p.code)];
  const dirs = new Set<string>();
  let n = 0;
  for (const r of await renderAllData(CHARTS, codes)) {
    if (!r.hasData) continue;
    for (const dialect of DIALECTS) {
      const file = join(root, csvHref(r.chart.id, r.ctx.geo.geo_code, dialect));
      if (!dirs.has(dirname(file))) mkdirSync(dirname(file), { recursive: true });
      dirs.add(dirname(file));
      writeFileSync(file, chartCsv(r.chart, r.rows, dialect));
      n++;
    }
  }
  return n;
}

/** The CSV at a URL path (/csv/<chart>/<geo>[.excel-nl].csv), or null when the build would not write one. */
export async function chartCsvFor(pathname: string): Promise<string | null> {
  const m = /^\/csv\/([\w-]+)\/([A-Za-z0-9]+)(\.excel-nl)?\.csv$/.exec(pathname);
  const chart = m && chartById(m[1]);
  if (!m || !chart) return null;
  const r = await renderData(chart, m[2]).catch(() => null);
  return r?.hasData ? chartCsv(chart, r.rows, m[3] ? 'excel-nl' : 'international') : null;
}
