import { describe, expect, it } from 'vitest';
import { readCbsV3, type V3Input } from '../../../src/pipeline/readers/cbs-v3.ts';
import { iv3FromCbs, type Iv3Row } from '../../../src/pipeline/readers/iv3.ts';
import { costObservations } from '../../../src/pipeline/taakveld.ts';
import { fixture, inputError, variant } from './source.ts';

/**
 * Raw Iv3 per gemeente (dataderden 45063NED, "Gemeenten 2023 onbewerkte Iv3-data"): a v3 table with
 * Gemeenten × Verslagsoort × Categorie × TaakveldBalanspost and two topics, 1e and 2e plaatsing, × € 1 000.
 */
const T = 'iv3-raw/45063NED';
const base = (): V3Input => ({
  tableId: '45063NED',
  dataProperties: fixture(`${T}/DataProperties.json`),
  typedDataSet: fixture(`${T}/TypedDataSet.json`),
  dimensions: Object.fromEntries(['Gemeenten', 'Verslagsoort', 'Categorie', 'TaakveldBalanspost'].map((d) => [d, fixture(`${T}/${d}.json`)])),
});
const rows = async (o: Partial<V3Input> = {}) => iv3FromCbs(await readCbsV3({ ...base(), ...o }));
const row = (rs: Iv3Row[], gemeente: string, taakveld: string, verslagsoort = 'jaarrekening') =>
  rs.filter((r) => r.gemeente === gemeente && r.taakveld === taakveld && r.verslagsoort === verslagsoort);

describe('iv3 raw (dataderden) reader', () => {
  it('sums the lasten and baten categories per gemeente × taakveld × verslagsoort from the 2e plaatsing', async () => {
    const rs = await rows();
    // 6.72a jaarrekening: L1.1 412 + L7.1 13 838 (2e plaatsing; the 1e says 410 + 13 800); baten B2.1 35.
    expect(row(rs, 'GM0361', '6.72a')).toEqual([
      { file: `${T}/TypedDataSet.json`, line: 1, gemeente: 'GM0361', year: 2023, verslagsoort: 'jaarrekening', taakveld: '6.72a', lasten: 14250, baten: 35 },
    ]);
    // The table is sparse: no B… row on 6.73a means nothing was booked there (0), not an unknown amount.
    expect(row(rs, 'GM0361', '6.73a')[0]).toMatchObject({ lasten: 3120, baten: 0 });
    expect(row(rs, 'GM0361', '6.72a', 'begroting')[0]).toMatchObject({ year: 2023, lasten: 13100 });
    expect(row(rs, 'GM1900', '6.73a')[0]).toMatchObject({ lasten: 2650 });
  });

  it('trims the padded Gemeenten and Categorie keys ("GM0361   ", "L1.1    ")', async () => {
    const rs = await rows();
    expect([...new Set(rs.map((r) => r.gemeente))].sort()).toEqual(['GM0361', 'GM1900']);
  });

  it('leaves out balance posts (A…/P…) and the quarterly verslagsoorten (X001–X004)', async () => {
    const rs = await rows();
    expect(rs.some((r) => r.taakveld.startsWith('A'))).toBe(false);
    // GM0361 × 6.72a: one jaarrekening (X005) and one begroting (X000); the X001 quarter (3 410) is not there.
    expect(row(rs, 'GM0361', '6.72a', 'jaarrekening').length + row(rs, 'GM0361', '6.72a', 'begroting').length).toBe(2);
    expect(rs).toHaveLength(5);
  });

  it('a suppressed amount stays null, never 0', async () => {
    const rs = await rows();
    expect(row(rs, 'GM1900', '6.72a')[0]).toMatchObject({ lasten: null, baten: null });
  });

  it('uses the 1e plaatsing when the table has no 2e, matched on the topic Title whatever its Key', async () => {
    const only1e = variant(base().dataProperties, (t) => t.replace('"Title": "2e plaatsing"', '"Title": "Overig"'));
    expect(row(await rows({ dataProperties: only1e }), 'GM0361', '6.72a')[0].lasten).toBe(410 + 13800);
    const rekey = (t: string) => t.replaceAll('k_2ePlaatsing_2', 'k_2ePlaatsing_5');
    const rs = await rows({ dataProperties: variant(base().dataProperties, rekey), typedDataSet: variant(base().typedDataSet, rekey) });
    expect(row(rs, 'GM0361', '6.72a')[0].lasten).toBe(14250);
  });

  it('× € 1 000 into euros: taakvelden to cost indicators, and one missing amount makes the sum unknown', async () => {
    const rs = await rows();
    const obs = costObservations(rs.map((r) => ({ ...r, geo: r.gemeente })), (y) => y);
    const get = (ind: string, geo: string) => obs.find((o) => o.indicator === ind && o.geo_code === geo && o.period === 2023);
    expect(get('kosten_jeugdhulp_jaarrekening', 'GM0361')).toMatchObject({ value: (14250 + 3120) * 1000, source: '45063NED', status: 'definitief' });
    expect(get('kosten_pleegzorg_jaarrekening', 'GM0361')?.value).toBe(3_120_000);
    expect(get('kosten_jeugdhulp_begroting', 'GM0361')?.value).toBe(13_100_000);
    expect(get('kosten_jeugdhulp_jaarrekening', 'GM1900')?.value).toBeNull();
    expect(get('kosten_pleegzorg_jaarrekening', 'GM1900')?.value).toBe(2_650_000);
  });

  it('a taakveld that is not a taakveld code is an error at the row and column', async () => {
    const dims = base().dimensions;
    const e = await inputError(() =>
      rows({
        dimensions: { ...dims, TaakveldBalanspost: variant(dims.TaakveldBalanspost, (t) => t.replace('"Key": "6.73a"', '"Key": "Pleegzorg"')) },
        typedDataSet: variant(base().typedDataSet, (t) => t.replaceAll('"TaakveldBalanspost": "6.73a"', '"TaakveldBalanspost": "Pleegzorg"')),
      }),
    );
    expect(e).toMatchObject({ file: `${T}/TypedDataSet.json`, line: 4, column: 'TaakveldBalanspost', expected: 'a taakveld code such as 6.72a or a balance post A…/P…' });
  });

  it('a verslagsoort that is not YYYYX00n is an error at the row and column', async () => {
    const dims = base().dimensions;
    const e = await inputError(() =>
      rows({
        dimensions: { ...dims, Verslagsoort: variant(dims.Verslagsoort, (t) => t.replace('"2023X005"', '"2023JR"')) },
        typedDataSet: variant(base().typedDataSet, (t) => t.replaceAll('"2023X005"', '"2023JR"')),
      }),
    );
    expect(e).toMatchObject({ line: 1, column: 'Verslagsoort' });
    expect(e.message).toContain('unknown verslagsoort "2023JR"');
  });
});
