/**
 * The headline numbers of the home page, each computed from the warehouse with one query and returned
 * with the years it covers, so a number is never shown without its period.
 */
import { NL } from '../catalog/places.ts';
import { OBS_CTE } from '../charts/shared.ts';
import { query, warehouseDir } from './warehouse.ts';

export interface Point {
  jaar: number;
  waarde: number;
  status: string;
}

export interface Trend {
  first: Point;
  last: Point;
}

/** First and last known value of an indicator for a place, or null when there are fewer than one. */
export async function trend(indicator: string, geo = NL): Promise<Trend | null> {
  const rows = await query<Point & Record<string, number | string>>(
    `WITH ${OBS_CTE}
     SELECT period AS jaar, value AS waarde, status FROM o
     WHERE indicator = $indicator AND geo_code = $geo AND value IS NOT NULL ORDER BY period`,
    { indicator, geo },
  );
  if (!rows.length) return null;
  return { first: rows[0], last: rows[rows.length - 1] };
}

/** The first indicator in the list that has data: CBS tables first, transcribed figures after. */
export async function firstTrend(indicators: string[], geo = NL): Promise<{ indicator: string; trend: Trend } | null> {
  for (const indicator of indicators) {
    const t = await trend(indicator, geo);
    if (t) return { indicator, trend: t };
  }
  return null;
}

const latestCache = new Map<string, Promise<Map<string, Point>>>();

/**
 * The newest known value of several indicators for several places: key "indicator|geo". One query per
 * list of indicators for every place, kept for the build: each place's briefing asks for the same list.
 */
export async function latestValues(indicators: string[], geos: string[]): Promise<Map<string, Point>> {
  const key = `${warehouseDir()}|${indicators.join(',')}`;
  let all = latestCache.get(key);
  if (!all) {
    const list = indicators.map((x) => `'${x.replaceAll("'", "''")}'`).join(', ');
    all = query<Point & { indicator: string; geo_code: string } & Record<string, string | number>>(
      `WITH ${OBS_CTE}
       SELECT indicator, geo_code, period AS jaar, value AS waarde, status FROM o
       WHERE indicator IN (${list}) AND value IS NOT NULL
       QUALIFY row_number() OVER (PARTITION BY indicator, geo_code ORDER BY period DESC) = 1`,
    ).then((rows) => new Map(rows.map((r) => [`${r.indicator}|${r.geo_code}`, { jaar: r.jaar, waarde: r.waarde, status: r.status }])));
    latestCache.set(key, all);
    all.catch(() => latestCache.delete(key));
  }
  const found = await all;
  const out = new Map<string, Point>();
  for (const i of indicators) for (const g of geos) if (found.has(`${i}|${g}`)) out.set(`${i}|${g}`, found.get(`${i}|${g}`)!);
  return out;
}

/** Every known value of an indicator for a place, oldest first. */
export async function series(indicator: string, geo = NL): Promise<Point[]> {
  return query<Point & Record<string, number | string>>(
    `WITH ${OBS_CTE}
     SELECT period AS jaar, value AS waarde, status FROM o
     WHERE indicator = $indicator AND geo_code = $geo AND value IS NOT NULL ORDER BY period`,
    { indicator, geo },
  );
}

export interface SeriesStory {
  first: Point;
  last: Point;
  /** The highest value; when it is neither the first nor the last year, a change "since 2015" hides it. */
  peak: Point;
  /** The change a headline should name: since the peak when the series peaked in between, else since the first year. */
  since: Point;
}

/** What a headline may say about a series without hiding its shape (a rise then a fall is not "+1,2 % since 2015"). */
export function describeSeries(points: Point[]): SeriesStory | null {
  if (!points.length) return null;
  const first = points[0];
  const last = points[points.length - 1];
  const peak = points.reduce((a, p) => (p.waarde > a.waarde ? p : a));
  const since = peak.jaar !== first.jaar && peak.jaar !== last.jaar ? peak : first;
  return { first, last, peak, since };
}
