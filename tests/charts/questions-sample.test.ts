/**
 * The charts added for the readers' questions, on the embedded sample: youth protection and probation (Q25)
 * is drawn from the figures typed from CBS publications; region size (Q30) needs 0–17 population, which the
 * sample does not have, so it must say so rather than draw. Who refers (Q28) draws the national shares the
 * pipeline computed from the typed 82970NED/85096NED counts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jeugdbescherming from '../../src/charts/jeugdbescherming.ts';
import verwijzers, { type VerwijzersRow } from '../../src/charts/verwijzers.ts';
import kostenCbs from '../../src/charts/kosten-cbs.ts';
import regioOmvang, { MIN_JONGEREN, type RegioOmvangRow } from '../../src/charts/regio-omvang.ts';
import { buildWarehouse } from '../../src/pipeline/build.ts';
import { writeWarehouse } from '../../src/pipeline/write.ts';
import { contextFor, renderChart } from '../../src/lib/render.ts';
import { readPublishedFigures } from '../../src/pipeline/readers/published-figures.ts';

let tmp = '';
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'jib-questions-'));
  const out = join(tmp, 'data');
  await writeWarehouse(await buildWarehouse('data/sample'), out);
  process.env.JEUGDHULP_WAREHOUSE = out;
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The sample's own national figures for one metric: the published rows, by year (the file, not constants here). */
function published(metric: string): Map<number, number[]> {
  const path = 'data/sample/cbs-published/figures.csv';
  const rows = readPublishedFigures({ path, rel: 'cbs-published/figures.csv', bytes: new Uint8Array(readFileSync(path)) });
  const out = new Map<number, number[]>();
  for (const r of rows.filter((x) => x.metric === metric && /^\d{4}\*?(\s|$)/.test(x.year))) {
    const y = Number(r.year.slice(0, 4));
    out.set(y, [...(out.get(y) ?? []), Number(r.value)]);
  }
  return out;
}

describe('jeugdbescherming (Q25) on the sample', () => {
  it('draws both national series from the published figures, one value per year', async () => {
    const r = await renderChart(jeugdbescherming, 'NL01');
    expect(r.hasData).toBe(true);
    for (const [ord, metric] of [[0, 'jongeren_met_jeugdbescherming'], [1, 'jongeren_met_jeugdreclassering']] as const) {
      const series = r.rows.filter((x) => x.ord === ord);
      const pub = published(metric);
      expect(series.map((x) => x.jaar)).toEqual([...pub.keys()].sort());
      // Where one year was published twice (2017: StatLine and NOS), the warehouse keeps one of those values.
      for (const x of series) expect(pub.get(Number(x.jaar))).toContain(Number(x.jongeren));
    }
    const last = r.rows.filter((x) => x.ord === 0).at(-1)!;
    expect(r.summary).toContain(`${last.jaar}`);
    expect(r.summary).toMatch(/jeugdbescherming .* jongeren in \d{4} \([+−-]/);
    expect(r.summary).toMatch(/voorlopig/);
    expect(r.svg!.wide).toMatch(/^<svg/);
  });

  it('says "geen cijfers" for a gemeente of the sample without them', async () => {
    const r = await renderChart(jeugdbescherming, 'GM0307');
    expect(r.hasData).toBe(false);
    expect(r.summary).toMatch(/geen cijfers/);
  });
});

describe('regio-omvang (Q30)', () => {
  it('on the sample (no 0–17 population) draws nothing and says why', async () => {
    const r = await renderChart(regioOmvang, 'JZ20');
    expect(r.rows).toEqual([]);
    expect(r.hasData).toBe(false);
    expect(r.summary).toMatch(/geen cijfers.*03759ned/);
  });

  it('ranks the regions, counts those under the minimum and names the page’s own region', async () => {
    const ctx = await contextFor('JZ20');
    const row = (geo_code: string, naam: string, n: number | null, eigen = false): RegioOmvangRow => ({ geo_code, naam, jaar: 2024, jongeren_0_17: n, eigen, status: 'definitief' });
    const rows = [row('JZ01', 'Groot', 90_000), row('JZ20', 'Eemland', MIN_JONGEREN - 1, true), row('JZ02', 'Klein', 20_000), row('JZ03', 'Precies', MIN_JONGEREN), row('JZ04', 'Onbekend', null)];
    const s = regioOmvang.summary(rows, ctx);
    expect(s).toContain('hadden 2 van de 4 jeugdregio’s minder dan 65.000');
    expect(s).toContain('de kleinste is Klein (20.000)');
    expect(s).toContain('Jeugdregio Eemland heeft 64.999 jongeren (plaats 3 van 4): onder');
    const t = regioOmvang.table(rows, ctx);
    expect(t.body.map((b) => b[1])).toEqual(['Groot', 'Precies', 'Eemland', 'Klein']);
    expect(t.body[1][3]).toBe('erboven');
    expect(t.body[2][3]).toBe('1 te weinig');
  });
});

describe('verwijzers (Q28) on the sample', () => {
  it('draws the shares the pipeline computed from the typed counts: part ÷ total of the same year', async () => {
    const r = await renderChart(verwijzers, 'NL01');
    expect(r.hasData).toBe(true);
    const total = published('trajecten_jeugdhulp_natura');
    for (const [id, name] of [['huisarts', 'Huisarts'], ['gemeentelijke_toegang', 'Gemeentelijke toegang']] as const) {
      const part = published(`trajecten_verwijzer_${id}`);
      const series = r.rows.filter((x) => x.verwijzer === name);
      expect(series.map((x) => x.jaar)).toEqual([...part.keys()].sort());
      for (const x of series) {
        expect(x.trajecten).toBe(part.get(Number(x.jaar))![0]);
        expect(Number(x.aandeel)).toBeCloseTo((100 * part.get(Number(x.jaar))![0]) / total.get(Number(x.jaar))![0], 2);
      }
    }
    // The sample has no year after 2021, so the summary says a before-and-after cannot be given.
    expect(r.summary).toMatch(/via de huisarts \(35,5\s?%\)/);
    expect(r.summary).toMatch(/een voor-en-na is niet te geven/);
    expect(r.table!.body.length).toBe(2);
    expect(r.svg!.wide).toMatch(/^<svg/);
  });

  it('sets the GP share before 2022 beside the newest year, in procentpunten', async () => {
    const ctx = await contextFor('NL01');
    const row = (verwijzer: string, ord: number, jaar: number, aandeel: number): VerwijzersRow => ({ naam: 'Nederland', ord, verwijzer, jaar, aandeel, trajecten: null, status: 'definitief' });
    const rows = [row('Huisarts', 0, 2020, 36.2), row('Huisarts', 0, 2021, 35.5), row('Huisarts', 0, 2023, 33.1), row('Gemeentelijke toegang', 1, 2023, 37.4)];
    const s = verwijzers.summary(rows, ctx);
    expect(s).toContain('de grootste groep trajecten via de gemeentelijke toegang (37,4');
    expect(s).toMatch(/huisarts was 35,5\s?% in 2021, voor de maatregelen van 2022, en 33,1\s?% in 2023 \(−2,4 procentpunt\)/);
    expect(verwijzers.hasData(rows.map((x) => ({ ...x, aandeel: null })))).toBe(false);
  });
});

describe('kosten-cbs (Q7, Q8) on the sample', () => {
  it('draws budget and actual for a gemeente from the typed 83454NED figures, in euros', async () => {
    const r = await renderChart(kostenCbs, 'GM1954');
    expect(r.hasData).toBe(true);
    const path = 'data/sample/cbs-published/gemeente_figures.csv';
    const typed = readPublishedFigures({ path, rel: 'cbs-published/gemeente_figures.csv', bytes: new Uint8Array(readFileSync(path)) })
      .filter((x) => x.geography === 'Beekdaelen' && x.metric.startsWith('kosten_jeugdzorg_'));
    expect(typed).toHaveLength(2);
    expect(r.rows.map((x) => [x.soort, x.jaar, x.kosten])).toEqual([
      ['Begroot', 2021, typed.find((x) => x.metric.endsWith('begroot'))!.value],
      ['Gerealiseerd', 2021, typed.find((x) => x.metric.endsWith('gerealiseerd'))!.value],
    ]);
    expect(r.summary).toMatch(/^In Beekdaelen kostte de jeugdzorg in 2021 €\s10,5\smln volgens de opgave aan CBS, −0,5\s%\sten opzichte van de begroting/);
    expect(r.summary).toMatch(/voorlopig/);
    expect(r.svg!.wide).toMatch(/^<svg/);
  });

  it('makes no regional sum from two of a region’s gemeenten (JZ37 is not complete in the sample)', async () => {
    const r = await renderChart(kostenCbs, 'JZ37');
    expect(r.hasData).toBe(false);
    expect(r.summary).toMatch(/geen cijfers.*83454NED/);
  });
});
