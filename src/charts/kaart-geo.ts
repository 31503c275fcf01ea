/**
 * The jeugdregio map drawn from real outlines (when the data folder had boundaries): a choropleth in
 * Plot with the same classes as the tile grid, each region a link to its page.
 */
import * as Plot from '@observablehq/plot';
import { CLASS_FILLS, classOf } from './kaart.ts';
import type { PlotOptions } from './types.ts';

export interface GeoFeature {
  type?: string;
  properties: { code: string; name: string };
  geometry: unknown;
}

export function plotRegionMap(
  features: GeoFeature[],
  values: Map<string, number | null>,
  breaks: number[],
  label: (code: string) => string,
  { document, width }: PlotOptions,
): Element {
  const fc = { type: 'FeatureCollection', features: features.map((f) => ({ ...f, type: 'Feature' })) };
  return Plot.plot({
    document,
    width,
    height: Math.round(width * 1.15),
    projection: { type: 'mercator', domain: fc as never },
    marks: [
      Plot.geo(fc.features as never, {
        fill: (f: GeoFeature) => {
          const v = values.get(f.properties.code);
          return v == null ? 'var(--card, #eeeeee)' : CLASS_FILLS[classOf(v, breaks)];
        },
        stroke: 'var(--bg, #ffffff)',
        strokeWidth: 0.8,
        href: (f: GeoFeature) => `/regio/${f.properties.code}/`,
        title: (f: GeoFeature) => label(f.properties.code),
      }),
    ],
  }) as unknown as Element;
}
