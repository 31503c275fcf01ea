import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouse, type Warehouse } from '../../src/pipeline/build.ts';
import { TABLES } from '../../src/pipeline/datapackage.ts';
import { writeWarehouse } from '../../src/pipeline/write.ts';
import { buildData, pool, ROOT, snapshot, type CliResult } from './helpers/cli.ts';

/**
 * The outputs are reproducible and written atomically:
 *  - two builds of the same folder give byte-identical files (Parquet, both CSV dialects, datapackage.json);
 *  - a build that fails leaves the previous output as it was, and no temp folder behind;
 *  - a build that succeeds replaces the previous output as a whole (nothing of the old folder survives).
 */
const MINI = 'tests/fixtures/mini';
const EXPECTED_FILES = ['datapackage.json', ...Object.keys(TABLES).flatMap((t) => [`${t}.parquet`, `${t}.csv`, `${t}.excel-nl.csv`, `${t}.csv.gz`, `${t}.excel-nl.csv.gz`])].sort();

describe('two builds, one result; atomic writes', () => {
  let tmp: string;
  let a: CliResult;
  let b: CliResult;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'jib-det-'));
    [a, b] = await pool([() => buildData(MINI, join(tmp, 'a', 'out')), () => buildData(MINI, join(tmp, 'b', 'out'))], 2);
  });

  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('two builds of the same folder give byte-identical files, datapackage.json included', () => {
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const sa = snapshot(join(tmp, 'a', 'out'));
    const sb = snapshot(join(tmp, 'b', 'out'));
    expect(Object.keys(sa)).toEqual(EXPECTED_FILES);
    expect(sb).toEqual(sa);
    // The checksums in datapackage.json are those of the files next to it (and no clock or path leaks in).
    const dp = JSON.parse(readFileSync(join(tmp, 'a', 'out', 'datapackage.json'), 'utf8'));
    for (const r of dp.resources) expect(`sha256:${sa[r.path]}`, r.path).toBe(r.hash);
    // Each CSV also gzipped: listed with its own size and hash, and unzipping it gives the CSV byte for byte.
    for (const r of dp.resources.filter((x: { format: string }) => x.format === 'csv')) {
      expect(r.gzip.path).toBe(`${r.path}.gz`);
      expect(`sha256:${sa[r.gzip.path]}`).toBe(r.gzip.hash);
      const gz = readFileSync(join(tmp, 'a', 'out', r.gzip.path));
      expect(gz.length).toBe(r.gzip.bytes);
      expect(gunzipSync(gz).equals(readFileSync(join(tmp, 'a', 'out', r.path)))).toBe(true);
    }
    expect(JSON.stringify(dp)).not.toContain(tmp);
    expect(JSON.stringify(dp)).not.toMatch(/20\d\d-\d\d-\d\dT\d\d:/);
    // Real content, so "identical" is not "identical and empty".
    const obs = readFileSync(join(tmp, 'a', 'out', 'observations.csv'), 'utf8');
    expect(obs).toContain('jongeren_jeugdzorg,GM0361,2021,2790,definitief,85099NED,85099NED/TypedDataSet.json,');
  });

  it('a failed build into an existing output folder leaves it byte-identical, with no temp folder left', async () => {
    const parent = join(tmp, 'fail');
    const out = join(parent, 'out');
    mkdirSync(parent);
    cpSync(join(tmp, 'a', 'out'), out, { recursive: true });
    writeFileSync(join(out, 'MARKER.txt'), 'previous run\n');
    const before = snapshot(out);
    // The mini folder with one Iv3 row broken at the end: it fails late, after every other source was read.
    const data = join(tmp, 'mini-broken');
    cpSync(join(ROOT, MINI), data, { recursive: true });
    appendFileSync(join(data, 'iv3', 'iv3_2023_jaarrekening.csv'), 'Schagen;6.74c Gesloten plaatsing;;0.0;1.50,0;Noord-Holland;;;;;\n');
    const r = await buildData(data, out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('iv3/iv3_2023_jaarrekening.csv, line 32, column "Lasten": "1.50,0" is not an amount');
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('a successful build replaces the previous output as a whole, with no temp folder left', async () => {
    const parent = join(tmp, 'replace');
    const out = join(parent, 'out');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'MARKER.txt'), 'previous run\n');
    writeFileSync(join(out, 'observations.csv'), 'stale\n');
    const r = await buildData(MINI, out);
    expect(r.code, r.stderr).toBe(0);
    expect(snapshot(out)).toEqual(snapshot(join(tmp, 'a', 'out')));
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('a failure while writing (after some files are written) leaves the previous output untouched', async () => {
    const w: Warehouse = await buildWarehouse(join(ROOT, MINI));
    const parent = join(tmp, 'write-fails');
    const out = join(parent, 'out');
    mkdirSync(parent);
    cpSync(join(tmp, 'a', 'out'), out, { recursive: true });
    const before = snapshot(out);
    // The herindelingen table is written last; a row that cannot be read stands in for a full disk.
    const broken = { ...w.crosswalk[0] };
    Object.defineProperty(broken, 'share', { enumerable: true, get: () => { throw new Error('simulated write failure'); } });
    await expect(writeWarehouse({ ...w, crosswalk: [...w.crosswalk, broken] }, out)).rejects.toThrow('simulated write failure');
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['out']);
    // And the same warehouse without the broken row writes what the CLI wrote.
    await writeWarehouse(w, out);
    expect(snapshot(out)).toEqual(snapshot(join(tmp, 'a', 'out')));
    expect(readdirSync(parent)).toEqual(['out']);
  });
});
