/**
 * The chart registry against the real sample warehouse: every chart's SQL runs in DuckDB and returns
 * the columns its spec uses; every chart renders to the same SVG twice; summaries and tables agree
 * with the rows the SQL returned.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHARTS, EFFECT_CHARTS, chartById } from '../../src/charts/index.ts';
import { buildWarehouse } from '../../src/pipeline/build.ts';
import { writeWarehouse } from '../../src/pipeline/write.ts';
import { drawSvg, renderChart } from '../../src/lib/render.ts';
import { query } from '../../src/lib/warehouse.ts';
import { indicator } from '../../src/catalog/indicators.ts';

const PLACES = ['NL01', 'JZ20', 'GM0307', 'GM1900'];

let tmp = '';
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'jib-registry-'));
  const out = join(tmp, 'data');
  await writeWarehouse(await buildWarehouse('data/sample'), out);
  process.env.JEUGDHULP_WAREHOUSE = out;
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('chart registry', () => {
  it('has unique ids and every indicator it names exists', () => {
    const ids = CHARTS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CHARTS) {
      for (const id of c.indicators) expect(() => indicator(id)).not.toThrow();
      if (c.explore) expect(() => indicator(c.explore!.indicator)).not.toThrow();
      expect(chartById(c.id)).toBe(c);
    }
  });

  for (const chart of CHARTS) {
    describe(chart.id, () => {
      it.each(PLACES)('SQL runs for %s and returns the declared columns', async (geo) => {
        const cols = (await query(`DESCRIBE ${chart.sql}`, { geo })).map((r) => String(r.column_name));
        expect(cols).toEqual(chart.columns);
        const rows = await query(chart.sql, { geo });
        for (const r of rows) expect(Object.keys(r)).toEqual(chart.columns);
      });

      it('renders the national chart deterministically, with its summary taken from the rows', async () => {
        const a = await renderChart(chart, 'NL01');
        if (!a.hasData) {
          expect(a.svg).toBeNull();
          if (EFFECT_CHARTS.includes(chart) && a.rows.some((r) => r.werkelijk != null)) {
            // Figures but no trend to compare with (the sample's national series miss 2021): no drawing of a
            // lone series, but the analysis's reason, so the page lists it instead of an empty box.
            expect(a.summary).toMatch(/^Voor Nederland zijn geen cijfers over .+ na 2021 tegen de trend van daarvoor\. .{20,}/);
          } else {
            expect(a.summary).toMatch(/geen cijfers/);
          }
          return;
        }
        const b = drawSvg(chart, a.rows, 720);
        expect(b).toBe(a.svg!.wide);
        expect(a.svg!.wide).toMatch(/^<svg[^>]*aria-hidden="true"/);
        expect(a.svg!.narrow).not.toBe(a.svg!.wide);
        const years = a.rows.map((r) => r.jaar).filter((y): y is number => typeof y === 'number');
        if (EFFECT_CHARTS.includes(chart)) {
          // The sample's national series end before 2022 or miss 2020–2021: the analysis must refuse and say
          // why, not draw a trend.
          expect(a.summary).toMatch(/^Landelijk: geen trendvergelijking mogelijk\. .+/);
        } else {
          // The newest year in the rows is the year the summary speaks about.
          expect(a.summary).toContain(String(Math.max(...years)));
        }
        expect(a.table!.body.length).toBeGreaterThan(0);
        // The drawing itself is compared as files per level and width: svg-files.test.ts.
      });
    });
  }

  it('says "geen cijfers" for a place without figures instead of drawing zero', async () => {
    const r = await renderChart(chartById('kosten-trend')!, 'GM1900');
    expect(r.hasData).toBe(false);
    expect(r.svg).toBeNull();
    expect(r.summary).toBe('Voor Súdwest-Fryslân zijn geen cijfers over uitgaven aan jeugdhulp (Iv3) beschikbaar.');
  });

  it('compares a gemeente with its jeugdregio and Nederland', async () => {
    const r = await renderChart(chartById('gebruik-trend')!, 'GM0307');
    expect(r.ctx.region?.geo_code).toBe('JZ20');
    const ords = new Set(r.rows.map((x) => x.ord));
    expect([...ords].every((o) => [1, 2, 3].includes(Number(o)))).toBe(true);
    expect(r.sqlForPlace).toContain("'GM0307'");
    expect(r.sqlForPlace).not.toContain('$geo');
  });
});

