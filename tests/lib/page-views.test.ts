/**
 * The view models the home page, the 2022 measures page, the region map and the workbench render
 * (src/lib/*-view.ts): their sentences on hand-made series, and their numbers on the sample warehouse built
 * by the real pipeline, checked against the warehouse read independently here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EFFECT_CHARTS } from '../../src/charts/index.ts';
import { MAP_METRICS, TILE_GRID } from '../../src/charts/kaart.ts';
import { MEASURES } from '../../src/charts/maatregelen-2022.ts';
import type { Point } from '../../src/lib/headlines.ts';
import { describeSeries } from '../../src/lib/headlines.ts';
import { measuresView } from '../../src/lib/measures-view.ts';
import { regionMapFromRows, regionMapView } from '../../src/lib/region-map-view.ts';
import type { RegionValue } from '../../src/lib/regions.ts';
import { kostenSentence, storiesView, usersSentence, verblijfSentence } from '../../src/lib/stories-view.ts';
import { query } from '../../src/lib/warehouse.ts';
import { workbenchView } from '../../src/lib/workbench-view.ts';
import { useWarehouse } from '../helpers/sample-warehouse.ts';

const p = (jaar: number, waarde: number, status = 'definitief'): Point => ({ jaar, waarde, status });

describe('story sentences', () => {
  it('name the change since the peak when the series rose and fell, with "voorlopig" for a provisional year', () => {
    const s = describeSeries([p(2015, 100), p(2019, 150), p(2023, 120, 'voorlopig')])!;
    expect(usersSentence(s, 'nl')).toBe('jongeren kregen jeugdhulp in 2023 (voorlopig); −20,0\u00a0% sinds de piek in 2019.');
    expect(verblijfSentence(s, 'nl')).toBe('jongeren met jeugdhulp met verblijf in 2023 (voorlopig); −20,0\u00a0% sinds de piek van 150 in 2019.');
    expect(verblijfSentence(s, 'en')).toBe('young people in residential care in 2023 (provisional); −20.0% since the peak of 150 in 2019.');
  });
  it('name the change since the first year for a steady rise, and no change for one year', () => {
    const s = describeSeries([p(2015, 100), p(2020, 110), p(2023, 125)])!;
    expect(usersSentence(s, 'en')).toBe('young people received youth care (jeugdhulp) in 2023; +25.0% since 2015.');
    expect(usersSentence(describeSeries([p(2023, 125)])!, 'nl')).toBe('jongeren kregen jeugdhulp in 2023');
  });
  it('say netto and nominal for spending', () => {
    const trend = { first: p(2017, 4e9), last: p(2023, 5e9) };
    expect(kostenSentence({ indicator: 'netto_jeugdhulp_jaarrekening', trend }, 'nl')).toBe(
      'gaven gemeenten netto uit aan individuele jeugdhulp in 2023 (lasten min baten, jaarrekening); +25,0\u00a0% sinds 2017 (niet gecorrigeerd voor inflatie).',
    );
    expect(kostenSentence({ indicator: 'kosten_jeugdhulp_jaarrekening', trend: { first: trend.last, last: trend.last } }, 'en')).toBe('spent by municipalities on youth care in 2023');
  });
});

describe('region map from rows', () => {
  const metric = MAP_METRICS[2]; // euros per inwoner
  const codes = Object.keys(TILE_GRID).sort();
  const row = (geo_code: string, waarde: number | null): RegionValue => ({ geo_code, naam: `Regio ${geo_code}`, jaar: 2023, waarde, status: 'definitief', vlag: null });

  it('colours known regions in five classes, hatches the unknown, and names the highest and lowest', () => {
    const rows = codes.map((c, i) => row(c, i === 0 ? null : 100 + i));
    const v = regionMapFromRows(metric, rows, null);
    expect(v.mapSvg).toBeNull();
    expect(v.tiles).toHaveLength(codes.length);
    expect(v.tiles[0]).toMatchObject({ text: '–', fill: null, title: `Regio ${codes[0]}: geen cijfer` });
    expect(new Set(v.tiles.filter((t) => t.fill).map((t) => t.fill!.background)).size).toBe(5);
    expect(v.hasFigures).toBe(true);
    expect(v.heading).toBe(`${metric.label}, 2023`);
    expect(v.summary).toBe(`${codes.length - 1} van de ${codes.length} jeugdregio's hebben een cijfer over 2023. Het hoogst is Regio ${codes.at(-1)} (€\u00a0${100 + codes.length - 1}), het laagst Regio ${codes[1]} (€\u00a0101).`);
    expect(v.table[0].text).toBe('geen cijfer');
  });

  it('the key names the range of each class, and each tile has the colour of the range its figure is in', () => {
    // 41 known values 101…141: quintile breaks at the 9th, 17th, 25th and 33rd value.
    const rows = codes.map((c, i) => row(c, i === 0 ? null : 100 + i));
    const v = regionMapFromRows(metric, rows, null);
    const euro = (n: number) => `€\u00a0${n}`;
    expect(v.legend.map((c) => c.text)).toEqual([
      `lager dan ${euro(109)}`, `${euro(109)} tot ${euro(117)}`, `${euro(117)} tot ${euro(125)}`, `${euro(125)} tot ${euro(133)}`, `${euro(133)} of meer`,
    ]);
    const fillOf = (value: number) => v.tiles.find((t) => t.text === euro(value))!.fill!.background;
    expect([108, 109, 116, 117, 132, 133, 141].map(fillOf)).toEqual([0, 1, 1, 2, 3, 4, 4].map((k) => v.legend[k].background));
    expect(regionMapFromRows(metric, rows.map((r) => ({ ...r, waarde: null })), null).legend).toEqual([]);
  });

  it('without any figure: no summary, no key, every tile hatched (never 0)', () => {
    const v = regionMapFromRows(MAP_METRICS[0], codes.map((c) => ({ ...row(c, null), jaar: null })), null);
    expect(v.summary).toBeNull();
    expect(v.hasFigures).toBe(false);
    expect(v.tiles.every((t) => t.fill === null && t.text === '–')).toBe(true);
    expect(v.heading).toBe(MAP_METRICS[0].label);
    expect(v.source).toBe('Bron: CBS (jongeren_jeugdhulp ÷ bevolking_0_22).');
  });

  it('draws the outlines when the data folder had them, each region titled with its figure', () => {
    const square = (x: number) => ({ type: 'Polygon', coordinates: [[[5 + x, 52], [5.1 + x, 52], [5.1 + x, 52.1], [5 + x, 52.1], [5 + x, 52]]] });
    const outlines = { type: 'FeatureCollection' as const, features: codes.slice(0, 3).map((c, i) => ({ properties: { code: c, name: `Regio ${c}` }, geometry: square(i / 10) })) };
    const v = regionMapFromRows(metric, codes.slice(0, 3).map((c, i) => row(c, 10 * i)), outlines);
    expect(v.mapSvg).toMatch(/^<svg[^>]*role="group"/);
    expect(v.mapSvg).toContain(`<title>Regio ${codes[2]}: €&#160;20</title>`);
  });
});

describe('views on the sample warehouse', () => {
  let remove = () => {};
  beforeAll(async () => { remove = await useWarehouse('data/sample'); });
  afterAll(() => remove());

  const newest = async (indicator: string) =>
    (await query<{ period: number; value: number }>(
      "SELECT period, value FROM observations WHERE indicator = $indicator AND geo_code = 'NL01' AND value IS NOT NULL ORDER BY period DESC LIMIT 1",
      { indicator },
    ))[0];

  it('stories: each headline is the newest national value of the indicator its chart draws', async () => {
    const stories = await storiesView('nl');
    expect(stories.map((s) => s.key)).toEqual(['gebruik', 'kosten', 'verblijf', 'maatregelen']);
    const users = await newest('jongeren_jeugdhulp');
    const gebruik = stories[0];
    expect(gebruik.headline!.replaceAll('.', '')).toBe(String(users.value));
    expect(gebruik.sentence).toContain(`in ${users.period}`);
    expect(gebruik.definition).toMatch(/^Definitie: .{20,}/);
    expect(gebruik.chart?.svg).toMatch(/^<svg/);
    const verblijf = await newest('jongeren_jeugdhulp_met_verblijf');
    expect(stories[2].headline!.replaceAll('.', '')).toBe(String(verblijf.value));
    expect(stories[3].headline).toBe('€\u00a0214\u00a0mln');
    const en = await storiesView('en');
    expect(en[0].headline).toBe(new Intl.NumberFormat('en-GB').format(users.value));
  });

  it('measures page: the table, a summary from the amounts, and one entry per effect chart', async () => {
    const v = await measuresView('en');
    expect(v.table).toHaveLength(MEASURES.length + 1);
    expect(v.summary).toBe(
      'Together the measures were expected to save €214m (the rounded amounts per measure add up to €215m); the largest share was to come from strengthening income security (€101m), while regionalisation was expected to cost €47m.',
    );
    expect(v.effects.map((e) => e.chart)).toEqual(EFFECT_CHARTS);
    for (const e of v.effects) if (!e.hasData) expect(e.reason.length).toBeGreaterThan(20);
    expect(v.svg.wide).not.toBe(v.svg.narrow);
  });

  it('region map: the rows of the newest year, one tile per region of the grid', async () => {
    for (const metric of MAP_METRICS) {
      const v = await regionMapView(metric);
      const regions = await query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM geo WHERE level = 'jeugdregio'");
      expect(v.table).toHaveLength(Number(regions[0].n));
      expect(v.tiles.length).toBe(v.table.filter((r) => TILE_GRID[r.geo_code]).length);
      expect(v.hasFigures).toBe(v.table.some((r) => r.text !== 'geen cijfer'));
    }
  });

  it('workbench: the opening rows are what its own SQL returns in DuckDB', async () => {
    const v = await workbenchView();
    const rows = await query<{ waarde: number | null }>(v.sql);
    expect(v.hasFigures).toBe(rows.some((r) => r.waarde != null));
    expect(v.hasFigures).toBe(true);
    expect(v.svg!.wide).toMatch(/^<svg/);
    expect(v.table!.body.length).toBeGreaterThan(0);
    expect(v.places.some((p) => p.l === 'gemeente')).toBe(true);
  });
});
