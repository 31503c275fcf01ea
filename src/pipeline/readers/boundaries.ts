import { byCodePoint } from '../compare.ts';
import { InputError } from '../errors.ts';
import { checkName, decodeText } from './text.ts';
import type { SourceFile } from './types.ts';

/** One region's outline: GeoJSON geometry in WGS84, keyed by its CBS code. */
export interface Boundary {
  code: string;
  name: string;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

const CODE = /^(GM\d{4}|JZ\d{2})$/;

/**
 * cartomap's simplified CBS geometries (what `npm run fetch` writes to boundaries/<YYYY>/*.geojson): a
 * WGS84 FeatureCollection whose features carry `statcode` (GM…/JZ…) and `statnaam`. Coordinates are
 * rounded to 4 decimals (about 10 m): enough for a map of regions, and a third of the bytes.
 */
export function readBoundaries(f: SourceFile): Boundary[] {
  const text = decodeText(f.bytes, f.rel);
  let fc: { type?: unknown; features?: unknown };
  try {
    fc = JSON.parse(text);
  } catch (e) {
    throw new InputError({ file: f.rel }, `not valid JSON (${(e as Error).message})`, 'a GeoJSON FeatureCollection');
  }
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new InputError({ file: f.rel, column: 'type' }, 'not a GeoJSON FeatureCollection', '{"type": "FeatureCollection", "features": [...]}');
  }
  if (!fc.features.length) throw new InputError({ file: f.rel }, 'the collection has no features', 'one feature per region');
  const seen = new Set<string>();
  return fc.features.map((feat: { properties?: Record<string, unknown>; geometry?: { type?: string; coordinates?: unknown } }, i: number) => {
    const row = i + 1;
    const code = String(feat?.properties?.statcode ?? '').trim();
    if (!CODE.test(code)) throw new InputError({ file: f.rel, line: row, column: 'statcode' }, `"${code}" is not a gemeente or jeugdregio code`, 'a code like GM0307 or JZ20');
    if (seen.has(code)) throw new InputError({ file: f.rel, line: row, column: 'statcode' }, `${code} appears twice`, 'one feature per region');
    seen.add(code);
    const g = feat.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates)) {
      throw new InputError({ file: f.rel, line: row, column: 'geometry' }, `feature ${code} has no polygon`, 'a Polygon or MultiPolygon geometry');
    }
    const name = String(feat.properties?.statnaam ?? code).trim();
    checkName(name, { file: f.rel, line: row, column: 'statnaam' });
    return { code, name, geometry: rewindForD3({ type: g.type, coordinates: round(g.coordinates) }) as Boundary['geometry'] };
  });
}

function round(c: unknown): unknown {
  if (typeof c === 'number') {
    if (!Number.isFinite(c)) throw new Error('non-finite coordinate');
    return Math.round(c * 1e4) / 1e4;
  }
  return Array.isArray(c) ? c.map(round) : c;
}

/** The boundaries as one GeoJSON FeatureCollection, sorted by code (byte-identical between runs). */
export function toGeoJson(regions: Boundary[]): string {
  const features = [...regions]
    .sort((a, b) => byCodePoint(a.code, b.code))
    .map((r) => ({ type: 'Feature', properties: { code: r.code, name: r.name }, geometry: r.geometry }));
  return `${JSON.stringify({ type: 'FeatureCollection', features })}\n`;
}

type Ring = number[][];

/** Twice the signed planar area of a ring in lon/lat: positive when counter-clockwise. */
const signedArea = (ring: Ring) => ring.reduce((s, [x, y], i) => { const [x2, y2] = ring[(i + 1) % ring.length]; return s + x * y2 - x2 * y; }, 0);

/**
 * d3-geo (under Plot, on every map of the site) reads a polygon on the sphere: an exterior ring must run clockwise, or it means the
 * whole globe outside the ring. GeoJSON (RFC 7946) writes exteriors counter-clockwise, so such an outline
 * filled the whole frame; the reader writes every outline in d3's order. Exterior rings clockwise, holes counter-clockwise.
 */
export function rewindForD3(geometry: unknown): unknown {
  const g = geometry as { type: string; coordinates: unknown };
  const fix = (rings: Ring[]) => rings.map((r, i) => ((i === 0) === signedArea(r) > 0 ? [...r].reverse() : r));
  if (g?.type === 'Polygon') return { ...g, coordinates: fix(g.coordinates as Ring[]) };
  if (g?.type === 'MultiPolygon') return { ...g, coordinates: (g.coordinates as Ring[][]).map(fix) };
  return geometry;
}

