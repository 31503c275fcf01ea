/**
 * The key-figure strip of a place page (src/lib/key-figures.ts): the rules on hand-made value lists, and the
 * query on the sample warehouse built by the real pipeline in DuckDB.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_FIGURES, changeText, keyFigures, pickFigure, rankText, type FigureValue } from '../../src/lib/key-figures.ts';
import { buildWarehouse } from '../../src/pipeline/build.ts';
import { writeWarehouse } from '../../src/pipeline/write.ts';

const v = (geo_code: string, jaar: number, waarde: number, rang: number | null = null, van = 0): FigureValue => ({ geo_code, jaar, waarde, status: 'definitief', rang, van });
const kwb = KEY_FIGURES.find((d) => d.id === 'jeugdzorg-kwb')!;
const verblijf = KEY_FIGURES.find((d) => d.id === 'verblijf')!;

describe('key figures: the rules', () => {
  const values = new Map([
    ['GM0307', [v('GM0307', 2020, 11.2, 80, 352), v('GM0307', 2021, 12, 60, 352)]],
    ['JZ20', [v('JZ20', 2021, 11.5, 10, 42)]],
    ['NL01', [v('NL01', 2019, 11), v('NL01', 2021, 11.8)]],
  ]);

  it('takes the newest value, the one before, and region and Nederland in the same year', () => {
    const f = pickFigure(kwb, kwb.sources[0], values, 'GM0307', 'JZ20')!;
    expect(f.value.jaar).toBe(2021);
    expect(f.previous?.jaar).toBe(2020);
    expect(f.region?.waarde).toBe(11.5);
    expect(f.nl?.waarde).toBe(11.8);
    expect(changeText(f)).toBe('+0,8 procentpunt sinds 2020');
    expect(rankText(f, 'gemeente')).toBe('plaats 60 van 352 gemeenten (1 = hoogste)');
  });

  it('a place without a value gets no figure (no empty box); another year of Nederland is not compared', () => {
    expect(pickFigure(kwb, kwb.sources[0], values, 'GM0310', 'JZ20')).toBeNull();
    const only = new Map([['GM0307', [v('GM0307', 2020, 100)]], ['NL01', [v('NL01', 2021, 90)]]]);
    const f = pickFigure(verblijf, verblijf.sources[0], only, 'GM0307')!;
    expect(f.nl).toBeNull();
    expect(changeText(f)).toBeNull();
  });
});

describe('key figures on the sample warehouse', () => {
  let tmp = '';
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'jib-keyfig-'));
    const out = join(tmp, 'data');
    await writeWarehouse(await buildWarehouse('data/sample'), out);
    process.env.JEUGDHULP_WAREHOUSE = out;
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('the sample has none of the strip\'s sources for Amersfoort (no KWB, no 0–22 population, no Iv3): an empty strip, not empty boxes', async () => {
    expect(await keyFigures('GM0307', 'JZ20')).toEqual([]);
  });
});
