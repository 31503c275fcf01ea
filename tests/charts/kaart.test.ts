import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { CLASS_FILLS, TILE_GRID, classBreaks, classOf } from '../../src/charts/kaart.ts';
import { plotRegionMap, type GeoFeature } from '../../src/charts/kaart-geo.ts';

const square = (code: string, x: number): GeoFeature => ({
  properties: { code, name: code },
  geometry: { type: 'Polygon', coordinates: [[[x, 52], [x, 52.5], [x + 0.5, 52.5], [x + 0.5, 52], [x, 52]]] },
});

describe('jeugdregio maps', () => {
  it('the tile grid places the 42 regions on distinct tiles', () => {
    const codes = Object.keys(TILE_GRID);
    expect(codes).toHaveLength(42);
    expect(codes).not.toContain('JZ40');
    expect(new Set(Object.values(TILE_GRID).map((p) => p.join(','))).size).toBe(42);
  });

  it('classes run from light to dark over the known values', () => {
    const breaks = classBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(classOf(1, breaks)).toBe(0);
    expect(classOf(10, breaks)).toBe(CLASS_FILLS.length - 1);
    expect(classOf(5, breaks)).toBeGreaterThan(classOf(2, breaks));
  });

  it('draws real outlines as linked regions, grey where there is no figure', () => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const values = new Map<string, number | null>([['JZ01', 10], ['JZ02', 20], ['JZ03', null]]);
    const svg = plotRegionMap([square('JZ01', 4), square('JZ02', 5), square('JZ03', 6)], values, classBreaks([10, 20]), (c) => `${c}: label`, {
      document: document as unknown as Document, width: 400,
    }).outerHTML;
    for (const c of ['JZ01', 'JZ02', 'JZ03']) expect(svg).toContain(`href="/regio/${c}/"`);
    expect(svg).toContain('<title>JZ03: label</title>');
    expect(svg).toContain('var(--card, #eeeeee)');
    expect((svg.match(/<path/g) ?? []).length).toBe(3);
  });
});
