/**
 * Synthetic test data (npm run world) is marked, carried into the warehouse, and never mixed with real files:
 * build-data on a copy of the mini fixture folder with and without synthetic.json, through the real CLI.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markSynthetic } from '../../scripts/world.ts';
import { SYNTHETIC_MARKER } from '../../src/pipeline/synthetic.ts';
import { buildData, ROOT, snapshot } from './helpers/cli.ts';

const MINI = join(ROOT, 'tests/fixtures/mini');
let tmp = '';
let n = 0;

/** A fresh copy of the mini folder, marked synthetic as npm run world marks a world. */
function world(): string {
  const dir = join(tmp, `world-${n++}`);
  cpSync(MINI, dir, { recursive: true });
  markSynthetic(dir, { seed: 7, years: [2015, 2024] } as never, 'http://127.0.0.1:1');
  return dir;
}

const datapackage = (out: string) => JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'jib-synthetic-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('synthetic data folders', () => {
  it('carry the mark into datapackage.json; a real folder does not', async () => {
    const out = join(tmp, 'out-world');
    const r = await buildData(world(), out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const dp = datapackage(out);
    expect(dp.synthetic).toBe(true);
    expect(dp.title).toContain(SYNTHETIC_MARKER);
    expect(dp.description).toMatch(/seed 7/);

    const real = join(tmp, 'out-real');
    expect((await buildData(MINI, real)).code).toBe(0);
    expect(datapackage(real).synthetic).toBe(false);
  });

  it('refuses a synthetic folder with a file synthetic.json does not list, and leaves the output alone', async () => {
    const dir = world();
    const out = join(tmp, 'out-extra');
    expect((await buildData(world(), out)).code).toBe(0);
    const before = snapshot(out);
    cpSync(join(MINI, 'cbs-published/figures.csv'), join(dir, 'figures.csv'));
    const r = await buildData(dir, out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^build-data: figures\.csv: not part of the synthetic world: synthetic\.json does not list it; expected only the files of the synthetic world/m);
    expect(snapshot(out)).toEqual(before);
  });

  it('refuses a synthetic folder in which a listed file changed', async () => {
    const dir = world();
    writeFileSync(join(dir, 'cbs-published/figures.csv'), readFileSync(join(MINI, 'cbs-published/figures.csv'), 'utf8').replace(/\n$/, '\n\n'));
    const r = await buildData(dir, join(tmp, 'out-changed'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^build-data: cbs-published\/figures\.csv: its bytes differ from what synthetic\.json lists for it/m);
  });

  it('refuses synthetic data in a folder without synthetic.json', async () => {
    const dir = world();
    rmSync(join(dir, 'synthetic.json'));
    // As the world marks its tables: in a topic's description.
    const file = join(dir, '85099NED/DataProperties.json');
    const props = JSON.parse(readFileSync(file, 'utf8'));
    const topic = props.value.find((p: { Type: string }) => p.Type === 'Topic');
    topic.Description = `${SYNTHETIC_MARKER}: gegenereerd voor tests`;
    writeFileSync(file, JSON.stringify(props));
    const r = await buildData(dir, join(tmp, 'out-unmarked'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^build-data: 85099NED\/DataProperties\.json: it holds synthetic test data \(it says "synthetische testgegevens"\) but the data folder has no synthetic\.json/m);
  });

  it('refuses a folder that is both the sample and a synthetic world', async () => {
    const dir = world();
    writeFileSync(join(dir, 'sample.json'), '{"sample": true}\n');
    const r = await buildData(dir, join(tmp, 'out-both'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^build-data: synthetic\.json: a folder with both sample\.json and synthetic\.json/m);
  });
});
