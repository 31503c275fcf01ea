/**
 * Indicator ids in the chart registry. A chart's `indicators` array is typed (IndicatorId), so a typo there fails
 * `npm run typecheck`; the SQL is a string the compiler cannot see, so this test reads every id the SQL compares
 * `indicator` with — quoted ids, VALUES lists, `'netto_' || v.base || '_' || s.soort` built from VALUES — and
 * checks that each exists, instead of a chart that silently prints "geen cijfers".
 */
import { describe, expect, it } from 'vitest';
import { hasIndicator, type IndicatorId } from '../../src/catalog/indicators.ts';
import { EFFECT_SPECS } from '../../src/analysis/effects.ts';
import { CHARTS } from '../../src/charts/index.ts';

// @ts-expect-error a misspelt id is not an IndicatorId: if the union ever widens to string, the typecheck fails here
const typo: IndicatorId = 'jongeren_jeugdhulpp';
const real: IndicatorId = 'netto_jeugdhulp_per_inwoner_jaarrekening';

/** Split a VALUES tuple or an || chain on top-level separators, keeping quoted text whole. */
function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "'") quoted = !quoted;
    if (!quoted && s.startsWith(sep, i)) { out.push(cur.trim()); cur = ''; i += sep.length - 1; continue; }
    cur += s[i];
  }
  out.push(cur.trim());
  return out;
}

/** Columns of the SQL's VALUES tables: `vormen(base, vorm, ord) AS (VALUES ('pleegzorg', …), …)` → base → [...]. */
function valuesColumns(sql: string): Map<string, string[]> {
  const cols = new Map<string, string[]>();
  for (const m of sql.matchAll(/\w+\(([\w\s,]+)\)\s+AS\s+\(VALUES\s*((?:\s*\((?:[^()']|'[^']*')*\)\s*,?)+)\)/g)) {
    const names = m[1].split(',').map((c) => c.trim());
    for (const t of m[2].matchAll(/\(((?:[^()']|'[^']*')*)\)/g)) {
      splitTop(t[1], ',').forEach((v, i) => {
        const q = /^'(.*)'$/.exec(v);
        if (q && names[i]) cols.set(names[i], [...(cols.get(names[i]) ?? []), q[1]]);
      });
    }
  }
  return cols;
}

/** Every indicator id the SQL can compare `indicator` with; null for a comparison with another row's column. */
function indicatorIdsIn(sql: string): string[] {
  const cols = valuesColumns(sql);
  const ids = new Set<string>(cols.get('indicator') ?? []);
  const term = String.raw`(?:'[^']*'|\w+\.\w+)`;
  const expr = new RegExp(String.raw`\bindicator\s*=\s*(${term}(?:\s*\|\|\s*${term})*)`, 'g');
  for (const m of sql.matchAll(expr)) {
    let options = [''];
    for (const t of splitTop(m[1], '||')) {
      const q = /^'(.*)'$/.exec(t);
      const values = q ? [q[1]] : cols.get(t.split('.')[1]);
      if (!values) { options = []; break; } // e.indicator = k.indicator: the same id as another row
      options = options.flatMap((o) => values.map((v) => o + v));
    }
    for (const o of options) ids.add(o);
  }
  for (const m of sql.matchAll(/\bindicator\s+IN\s*\(([^)]*)\)/g)) for (const q of m[1].matchAll(/'([^']*)'/g)) ids.add(q[1]);
  return [...ids];
}

describe('indicator ids in chart SQL', () => {
  it('the reader finds quoted ids, VALUES lists and ids built with ||', () => {
    expect(typo).not.toBe(real);
    const sql = `WITH v(base, ord) AS (VALUES ('pleegzorg', 0), ('gesloten_plaatsing', 1)),
      s(soort) AS (VALUES ('jaarrekening'), ('begroting')), f(indicator, x) AS (VALUES ('jongeren_x', 'a, b'))
      SELECT * FROM v, s JOIN o n ON n.indicator = 'netto_' || v.base || '_' || s.soort
      JOIN o b ON b.indicator = 'bevolking_totaal' JOIN o e ON e.indicator = n.indicator WHERE o.indicator IN ('a_b', 'c_d')`;
    expect(indicatorIdsIn(sql).sort()).toEqual([
      'a_b', 'bevolking_totaal', 'c_d', 'jongeren_x', 'netto_gesloten_plaatsing_begroting', 'netto_gesloten_plaatsing_jaarrekening',
      'netto_pleegzorg_begroting', 'netto_pleegzorg_jaarrekening',
    ]);
  });

  for (const chart of CHARTS) {
    it(`${chart.id}: every id its SQL names exists, and the chart lists the ones it reads`, () => {
      const ids = indicatorIdsIn(chart.sql);
      const analyses = [...chart.sql.matchAll(/\banalysis\s*=\s*'([^']+)'/g)].map((m) => m[1]);
      // A registry chart reads either observations by indicator or a stored analysis.
      expect(ids.length + analyses.length, 'no indicator or analysis found in the SQL').toBeGreaterThan(0);
      for (const id of ids) expect(hasIndicator(id), `${chart.id}: unknown indicator '${id}' in its SQL`).toBe(true);
      for (const a of analyses) expect(EFFECT_SPECS.map((s) => s.id), `${chart.id}: unknown analysis '${a}'`).toContain(a);
      for (const id of chart.indicators) expect(ids.length === 0 || ids.includes(id), `${chart.id} lists ${id} but its SQL does not read it`).toBe(true);
    });
  }
});
