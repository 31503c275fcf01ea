/**
 * Workbench drawings on linkedom: a map of counter-clockwise (RFC 7946) outlines, as a data folder may hold
 * them, draws each outline inside the frame once it has passed the boundaries reader and the warehouse GeoJSON
 * (before the rings were rewound for d3-geo, each one filled the whole frame); a ranking draws one bar per
 * known value, largest first.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { drawWorkbench, type MapFeature, type WbRow } from '../../src/charts/workbench-plot.ts';
import { readBoundaries, rewindForD3, toGeoJson } from '../../src/pipeline/readers/boundaries.ts';
import { metric } from '../../src/lib/metrics.ts';

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

  it('a ranking draws one bar per known value', () => {
    const el = drawWorkbench({ rows: [row('GM0001', 10), row('GM0002', null), row('GM0003', 30)], metric: metric('jongeren_jeugdzorg'), view: 'ranglijst', highlight: [] }, { document: doc(), width: 600 });
    expect(el.querySelectorAll('g[aria-label="bar"] rect').length).toBe(2);
  });
});
