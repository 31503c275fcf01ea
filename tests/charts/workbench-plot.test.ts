/**
 * Workbench drawings on linkedom: a map of counter-clockwise (RFC 7946) outlines, as a data folder may hold
 * them, draws each outline inside the frame once it has passed the boundaries reader and the warehouse GeoJSON
 * (before the rings were rewound for d3-geo, each one filled the whole frame); a ranking draws one bar per
 * known value, largest first.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { drawWorkbench, lineSeries, workbenchLegend, workbenchSummary, type MapFeature, type WbRow } from '../../src/charts/workbench-plot.ts';
import { readBoundaries, rewindForD3, toGeoJson } from '../../src/pipeline/readers/boundaries.ts';
import { metric } from '../../src/catalog/metrics.ts';

const doc = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
const square = (x: number, y: number): [number, number][] => [[x, y], [x + 0.2, y], [x + 0.2, y + 0.2], [x, y + 0.2], [x, y]]; // counter-clockwise
const raw = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { statcode: 'GM0001', statnaam: 'A' }, geometry: { type: 'Polygon', coordinates: [square(5, 52)] } },
    { type: 'Feature', properties: { statcode: 'GM0002', statnaam: 'B' }, geometry: { type: 'Polygon', coordinates: [square(6, 53)] } },
    { type: 'Feature', properties: { statcode: 'GM0003', statnaam: 'C' }, geometry: { type: 'MultiPolygon', coordinates: [[square(5.5, 52.5)]] } },
  ],
};
// Through the pipeline: the reader, then the warehouse's gemeente.geojson that the workbench loads.
const regions = readBoundaries({ path: 'gemeente.geojson', rel: 'boundaries/2024/gemeente.geojson', bytes: new TextEncoder().encode(JSON.stringify(raw)) });
const features = (JSON.parse(toGeoJson(regions)) as { features: MapFeature[] }).features;
const row = (geo_code: string, waarde: number | null): WbRow => ({ geo_code, naam: geo_code, niveau: 'gemeente', jaar: 2024, waarde, status: 'definitief' });

describe('workbench drawings', () => {
  it('rewinds exterior rings clockwise for d3-geo, and leaves clockwise rings alone', () => {
    const g = rewindForD3({ type: 'Polygon', coordinates: [square(5, 52)] }) as { coordinates: number[][][] };
    expect(g.coordinates[0][1]).toEqual([5, 52.2]);
    expect(rewindForD3(g)).toEqual(g);
  });

  it('a map of counter-clockwise outlines draws each outline small, not the whole frame', () => {
    const el = drawWorkbench({ rows: [row('GM0001', 10), row('GM0002', 20)], metric: metric('jongeren_jeugdzorg_per_1000'), view: 'kaart', highlight: [], features }, { document: doc(), width: 400 });
    const paths = [...el.querySelectorAll('g[aria-label="geo"] path')];
    expect(paths.length).toBe(5);
    for (const p of paths) {
      const xs = (p.getAttribute('d') ?? '').match(/-?\d+(\.\d+)?/g)!.map(Number).filter((_, i) => i % 2 === 0);
      expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(300);
    }
  });

  it('many lines from a group are not all grey: the highest and the lowest in the last year stand out, named in the legend', () => {
    const rows: WbRow[] = [];
    for (let i = 1; i <= 7; i++) for (const jaar of [2023, 2024]) rows.push({ geo_code: `GM000${i}`, naam: `G${i}`, niveau: 'gemeente', jaar, waarde: jaar === 2024 ? i * 10 : 50, status: 'definitief' });
    const series = lineSeries(rows, []);
    const grey = series.filter((s) => s.color.includes('--c-context'));
    expect(grey.length).toBe(5);
    const styled = series.filter((s) => !s.color.includes('--c-context'));
    expect(styled.map((s) => s.label).sort()).toEqual(['G1 (laagste in 2024)', 'G7 (hoogste in 2024)']);
    expect(new Set(styled.map((s) => s.color)).size).toBe(2);
    const legend = workbenchLegend({ rows, metric: metric('jongeren_jeugdzorg'), view: 'lijnen', highlight: [] }).map((l) => l.label);
    expect(legend).toEqual(expect.arrayContaining(['G7 (hoogste in 2024)', 'G1 (laagste in 2024)', '5 andere plaatsen (grijs)']));
    // Places the reader named one by one stand out instead.
    expect(lineSeries(rows, ['GM0003']).filter((s) => !s.color.includes('--c-context')).map((s) => s.label)).toEqual(['G3']);
  });

  it('the map legend of a few places lists each place with its value, and never an empty class', () => {
    const input = { rows: [row('GM0001', 10), row('GM0002', 20), row('GM0003', 30)], metric: metric('jongeren_jeugdzorg'), view: 'kaart' as const, highlight: [], features };
    const legend = workbenchLegend(input);
    expect(legend.map((l) => l.label)).toEqual(['GM0001: 10', 'GM0002: 20', 'GM0003: 30']);
    // Many places: one entry per class that holds a place, its range the lowest and highest value in it.
    const many = Array.from({ length: 12 }, (_, i) => row(`GM${String(i + 1).padStart(4, '0')}`, i < 6 ? 5 : 100 + i));
    const items = workbenchLegend({ ...input, rows: many });
    expect(items.length).toBeLessThanOrEqual(5);
    const values = new Set(many.map((r) => String(r.waarde)));
    for (const it of items) {
      const ends = it.label.split(' – ');
      // Both ends are values of places in that class (not quantile edges), and a range is never "x – x".
      for (const e of ends) expect(values.has(e), it.label).toBe(true);
      if (ends.length === 2) expect(ends[0]).not.toBe(ends[1]);
    }
    expect(items[items.length - 1].label.endsWith('111')).toBe(true);
    expect(new Set(items.map((i) => i.color)).size).toBe(items.length);
  });

  it('a ranking names its bars as they are coloured: "andere" only beside Nederland or picked-out places; no "op de kaart" without a map', () => {
    const rows = [row('GM0001', 10), row('GM0002', 20), row('GM0003', 30)];
    const base = { rows, metric: metric('jongeren_jeugdzorg'), highlight: [] as string[] };
    expect(workbenchLegend({ ...base, view: 'ranglijst' }).map((l) => l.label)).toEqual(['Gekozen plaatsen']);
    expect(workbenchLegend({ ...base, view: 'ranglijst', highlight: ['GM0001'] }).map((l) => l.label)).toEqual(['Zelf gekozen plaatsen', 'Andere plaatsen']);
    expect(workbenchLegend({ ...base, view: 'ranglijst', highlight: ['GM0001', 'GM0002', 'GM0003'] }).map((l) => l.label)).toEqual(['Zelf gekozen plaatsen']);
    // The map view without outlines is drawn as a ranking, and says so by not claiming a map.
    expect(workbenchSummary({ ...base, view: 'kaart' })).not.toContain('op de kaart');
    expect(workbenchSummary({ ...base, view: 'kaart', features })).toContain('op de kaart');
  });

  it('a ranking draws one bar per known value', () => {
    const el = drawWorkbench({ rows: [row('GM0001', 10), row('GM0002', null), row('GM0003', 30)], metric: metric('jongeren_jeugdzorg'), view: 'ranglijst', highlight: [] }, { document: doc(), width: 600 });
    expect(el.querySelectorAll('g[aria-label="bar"] rect').length).toBe(2);
  });
});
