import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWarehouse } from '../../src/pipeline/build.ts';
import { writeWarehouse } from '../../src/pipeline/write.ts';
import { InputError } from '../../src/pipeline/errors.ts';

const tmp = mkdtempSync(join(tmpdir(), 'jib-boundaries-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** tests/fixtures/mini plus a hand-made cartomap-style FeatureCollection of jeugdregio outlines. */
function dataWith(features: unknown[], year = 2022): string {
  const dir = mkdtempSync(join(tmp, 'data-'));
  cpSync('tests/fixtures/mini', dir, { recursive: true });
  mkdirSync(join(dir, 'boundaries', String(year)), { recursive: true });
  writeFileSync(join(dir, 'boundaries', String(year), 'jeugdregio.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
  return dir;
}

const square = (code: string, name: string, x: number) => ({
  type: 'Feature',
  properties: { statcode: code, statnaam: name },
  geometry: { type: 'Polygon', coordinates: [[[x, 52.123456789], [x + 0.5, 52.123456789], [x + 0.5, 52.6], [x, 52.6], [x, 52.123456789]]] },
});

describe('map outlines from boundaries/<YYYY>/*.geojson', () => {
  it('end up in the warehouse as jeugdregio.geojson, rounded to 4 decimals, listed in datapackage.json', async () => {
    const w = await buildWarehouse(dataWith([square('JZ06', 'Alkmaar', 4.7)]));
    expect(w.geometry).toHaveLength(1);
    const out = join(tmp, 'out');
    const files = await writeWarehouse(w, out);
    expect(files).toContain('jeugdregio.geojson');
    const fc = JSON.parse(readFileSync(join(out, 'jeugdregio.geojson'), 'utf8'));
    expect(fc.features[0].properties).toEqual({ code: 'JZ06', name: 'Alkmaar' });
    expect(fc.features[0].geometry.coordinates[0][0]).toEqual([4.7, 52.1235]);
    const dp = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    const r = dp.resources.find((x: { path: string }) => x.path === 'jeugdregio.geojson');
    expect(r.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(dp.profile).toBe('data-package');
  });

  it('without a boundaries folder there is no geometry and the package stays tabular', async () => {
    const w = await buildWarehouse('tests/fixtures/mini');
    expect(w.geometry).toEqual([]);
  });

  it('refuses a code Gebieden does not know, naming file, feature and column', async () => {
    await expect(buildWarehouse(dataWith([square('JZ06', 'Alkmaar', 4.7), square('JZ99', 'Nergens', 5.5)]))).rejects.toThrow(
      /^boundaries\/2022\/jeugdregio\.geojson, line 2, column "statcode": unknown jeugdregio code "JZ99"; expected a code of CBS Gebieden in Nederland$/,
    );
  });

  it('refuses a feature without a polygon and a collection that is not one', async () => {
    const noPolygon = { type: 'Feature', properties: { statcode: 'JZ06' }, geometry: { type: 'Point', coordinates: [4.7, 52.6] } };
    await expect(buildWarehouse(dataWith([noPolygon]))).rejects.toThrow(/line 1, column "geometry": feature JZ06 has no polygon/);
    const err = await buildWarehouse(dataWith([])).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/jeugdregio\.geojson: the collection has no features/);
  });
});
