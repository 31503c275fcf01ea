/**
 * View model of the jeugdregio map: every region's value in the newest year, five quantile classes, the
 * summary sentence (the map's text alternative beside its table), and either the choropleth from real
 * outlines or the tiles of the grid when the data folder had no boundaries. TileMap.astro only lays it out.
 */
import { parseHTML } from 'linkedom';
import { plotRegionMap } from '../charts/kaart-geo.ts';
import { CLASS_FILLS, CLASS_TEXT, TILE_GRID, classBreaks, classOf, type MapMetric } from '../charts/kaart.ts';
import { formatValue, valueKind } from '../shared/format.ts';
import { regionValues, type RegionValue } from './regions.ts';
import { geometry } from './warehouse.ts';

export interface MapTile {
  geo_code: string;
  naam: string;
  /** The figure as shown, '–' when unknown. */
  text: string;
  /** Link title: "name: figure" or "name: geen cijfer". */
  title: string;
  column: number;
  row: number;
  /** Fill and text colour of its class; null when the region has no figure (hatched). */
  fill: { background: string; color: string } | null;
}

export interface RegionMapView {
  /** "Label, 2023": the heading and the table's caption. */
  heading: string;
  /** The choropleth's SVG when outlines exist; otherwise null and `tiles` are drawn. */
  mapSvg: string | null;
  tiles: MapTile[];
  summary: string | null;
  /** Whether any region has a figure (else the "all hatched" note instead of the key). */
  hasFigures: boolean;
  /** The key: each class drawn, light to dark, with the values it holds ("€ 263 tot € 285"). */
  legend: { background: string; color: string; text: string }[];
  /** The table: every region with its figure or "geen cijfer". */
  table: { geo_code: string; naam: string; text: string }[];
  source: string;
}

/** The value as the map shows it: euros per inwoner whole, per 1 000 with one decimal. */
export function mapValueText(metric: MapMetric, v: number | null): string {
  return v == null ? 'geen cijfer' : formatValue(v, valueKind(metric.euro ? 'euro' : 'jongeren', metric.factor));
}

/** How many regions have a figure, the highest and the lowest; null when none has. */
export function mapSummary(metric: MapMetric, rows: RegionValue[]): string | null {
  const ranked = rows.filter((r) => r.waarde != null).sort((a, b) => (b.waarde as number) - (a.waarde as number));
  if (!ranked.length) return null;
  const year = rows.find((r) => r.jaar != null)?.jaar;
  const hi = ranked[0];
  const lo = ranked[ranked.length - 1];
  return `${ranked.length} van de ${rows.length} jeugdregio's hebben een cijfer${year ? ` over ${year}` : ''}. Het hoogst is ${hi.naam} (${mapValueText(metric, hi.waarde)}), het laagst ${lo.naam} (${mapValueText(metric, lo.waarde)}).`;
}

/**
 * The key of the classes the map uses: each class with the range of values it holds, as the map's own
 * classOf assigns them, so a reader can tell "€ 280" from "€ 300" without the table.
 */
function mapLegend(metric: MapMetric, breaks: number[], known: number[]): RegionMapView['legend'] {
  if (!known.length) return [];
  const fmt = (v: number) => mapValueText(metric, v);
  if (!breaks.length) {
    const k = classOf(known[0], breaks);
    return [{ background: CLASS_FILLS[k], color: CLASS_TEXT[k], text: fmt(known[0]) }];
  }
  return [...breaks, Infinity].map((upper, i) => {
    const k = classOf(i === 0 ? breaks[0] - 1 : breaks[i - 1], breaks);
    const text = i === 0 ? `lager dan ${fmt(upper)}` : upper === Infinity ? `${fmt(breaks[i - 1])} of meer` : `${fmt(breaks[i - 1])} tot ${fmt(upper)}`;
    return { background: CLASS_FILLS[k], color: CLASS_TEXT[k], text };
  });
}

/** The map from rows already read (pure but for the outlines file): what the tests feed by hand. */
export function regionMapFromRows(metric: MapMetric, rows: RegionValue[], outlines: ReturnType<typeof geometry>): RegionMapView {
  const known = rows.filter((r) => r.waarde != null).map((r) => r.waarde as number);
  const breaks = classBreaks(known);
  const year = rows.find((r) => r.jaar != null)?.jaar;
  const byCode = new Map(rows.map((r) => [r.geo_code, r]));
  const label = (code: string) => `${byCode.get(code)?.naam ?? code}: ${mapValueText(metric, byCode.get(code)?.waarde ?? null)}`;
  let mapSvg: string | null = null;
  if (outlines) {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const el = plotRegionMap(outlines.features, new Map(rows.map((r) => [r.geo_code, r.waarde])), breaks, label, { document: document as unknown as Document, width: 560 });
    // Each region is a link named by its <title>; the table below has the same links and figures.
    el.setAttribute('role', 'group');
    el.setAttribute('aria-label', `Kaart van de jeugdregio's: ${metric.label}`);
    mapSvg = el.outerHTML;
  }
  const tiles = rows.filter((r) => TILE_GRID[r.geo_code]).map((r): MapTile => {
    const [column, row] = TILE_GRID[r.geo_code];
    const k = r.waarde == null ? -1 : classOf(r.waarde, breaks);
    return {
      geo_code: r.geo_code,
      naam: r.naam,
      text: r.waarde == null ? '–' : mapValueText(metric, r.waarde),
      title: label(r.geo_code),
      column,
      row,
      fill: k >= 0 ? { background: CLASS_FILLS[k], color: CLASS_TEXT[k] } : null,
    };
  });
  return {
    heading: `${metric.label}${year ? `, ${year}` : ''}`,
    mapSvg,
    tiles,
    summary: mapSummary(metric, rows),
    hasFigures: known.length > 0,
    legend: mapLegend(metric, breaks, known),
    table: rows.map((r) => ({ geo_code: r.geo_code, naam: r.naam, text: mapValueText(metric, r.waarde) })),
    source: `Bron: CBS (${metric.indicator}${metric.base ? ` ÷ ${metric.base}` : ''}).`,
  };
}

/** The map of one metric on the current warehouse: real outlines when the data folder had them. */
export async function regionMapView(metric: MapMetric): Promise<RegionMapView> {
  return regionMapFromRows(metric, await regionValues(metric.indicator, metric.base, metric.factor), geometry('jeugdregio'));
}
