/**
 * The metrics catalogue is derived from INDICATORS: every indicator is a metric, counts of young people get
 * a rate per 1 000 young people (0–22), euros that can be summed a figure per inhabitant, and nothing is defined twice. The
 * workbench's state refuses anything that is not a known metric or place token.
 */
import { describe, expect, it } from 'vitest';
import { HEADLINE_METRIC, METRICS, indicatorsOf, metric } from '../../src/catalog/metrics.ts';
import { INDICATORS, hasIndicator } from '../../src/catalog/indicators.ts';
import { CHARTS } from '../../src/charts/index.ts';
import { MAP_METRICS } from '../../src/charts/kaart.ts';
import { availabilityOf, defaultState, queryOf, stateFromQuery, workbenchSql } from '../../src/lib/workbench-query.ts';

const YEARS = { min: 2015, max: 2024 };

describe('metrics catalogue', () => {
  it('has every indicator as a metric, ids unique, every part an existing indicator', () => {
    const ids = METRICS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of INDICATORS) expect(ids).toContain(d.id);
    for (const m of METRICS) for (const i of indicatorsOf(m)) expect(hasIndicator(i), `${m.id}: ${i}`).toBe(true);
  });

  it('rates per 1 000 young people for counts of young people, per inhabitant for euros', () => {
    const r = metric('jongeren_jeugdhulp_per_1000');
    expect([r.numerator, r.denominator, r.factor, r.unit]).toEqual(['jongeren_jeugdhulp', 'bevolking_0_22', 1000, 'per 1 000 jongeren']);
    const e = metric('kosten_jeugdhulp_jaarrekening_per_inwoner');
    expect([e.numerator, e.denominator, e.factor]).toEqual(['kosten_jeugdhulp_jaarrekening', 'bevolking_totaal', 1]);
    for (const d of INDICATORS.filter((x) => x.unit === 'euro' && x.additive)) expect(METRICS.some((m) => m.numerator === d.id && m.denominator === 'bevolking_totaal')).toBe(true);
    // Euros already per inwoner or per jongere are not divided again ("per inwoner per inwoner").
    const perCapita = INDICATORS.filter((x) => x.unit === 'euro' && !x.additive);
    expect(perCapita.map((d) => d.id)).toContain('netto_jeugdhulp_per_inwoner_jaarrekening');
    for (const d of perCapita) expect(METRICS.filter((m) => m.numerator === d.id).map((m) => m.id)).toEqual([d.id]);
    // Half-years and the KWB figures get no rate: a half-year is not a year, KWB has its own denominator.
    expect(METRICS.some((m) => m.numerator === 'jongeren_jeugdhulp_h1' && m.denominator)).toBe(false);
    expect(METRICS.some((m) => m.numerator === 'kwb_jongeren_jeugdzorg' && m.denominator)).toBe(false);
    expect(metric(HEADLINE_METRIC).denominator).toBe('bevolking_0_22');
  });

  it('the comparison panels and the region map read their ratios and words from the catalogue', () => {
    const panels = CHARTS.filter((c) => c.explore);
    expect(panels.length).toBeGreaterThan(0);
    for (const c of panels) {
      const e = c.explore!;
      const m = METRICS.find((x) => x.numerator === e.indicator && x.denominator === e.base?.indicator);
      expect(m, c.id).toBeDefined();
      expect([e.base?.factor, e.base?.label], c.id).toEqual([m!.factor, m!.per_nl]);
      const label = metric(e.indicator).label_nl;
      expect(e.label, c.id).toBe(label.charAt(0).toLowerCase() + label.slice(1));
    }
    for (const mm of MAP_METRICS) {
      const m = metric(mm.metric);
      expect([mm.label, mm.definition, mm.indicator, mm.base, mm.factor]).toEqual([m.label_nl, m.definition, m.numerator, m.denominator, m.denominator ? m.factor : undefined]);
    }
  });

  it('labels and definitions come from the indicators, not retyped', () => {
    const d = INDICATORS.find((x) => x.id === 'jongeren_jeugdhulp')!;
    expect(metric('jongeren_jeugdhulp').label_nl).toBe(d.label_nl);
    expect(metric('jongeren_jeugdhulp_per_1000').definition.startsWith(d.definition)).toBe(true);
  });
});

describe('workbench state and SQL', () => {
  it('round-trips through the URL and drops unknown metrics, places and years', () => {
    const s = { ...defaultState(YEARS), metric: 'kosten_jeugdhulp_jaarrekening_per_inwoner', places: ['leden:JZ20', 'GM0307', 'klasse:GM0363'], view: 'ranglijst' as const, year: 2022 };
    expect(stateFromQuery(`?${queryOf(s)}`, YEARS)).toEqual(s);
    const bad = stateFromQuery("?m=drop%20table&p=GM0307,'%20OR%201=1,JZ1&van=1900&v=x", YEARS);
    expect(bad.metric).toBe(HEADLINE_METRIC);
    expect(bad.places).toEqual(['GM0307']);
    expect(bad.from).toBe(2015);
    expect(bad.view).toBe('lijnen');
  });

  it('a ratio is numerator over denominator, null (never 0) without a denominator', () => {
    const sql = workbenchSql({ ...defaultState(YEARS), metric: 'jongeren_jeugdhulp_per_1000' });
    expect(sql).toContain("CASE WHEN n.value > 0 THEN t.value / n.value * 1000 END AS waarde");
    expect(sql).toContain("LEFT JOIN o n ON n.geo_code = t.geo_code AND n.period = t.period AND n.indicator = 'bevolking_0_22'");
  });

  it('offers a ratio only when its denominator exists, and says why not', () => {
    const a = availabilityOf(
      [
        { teller: 'jongeren_jeugdhulp', noemer: null, n: 10 },
        { teller: 'kosten_jeugdhulp_jaarrekening', noemer: null, n: 8 },
        { teller: 'kosten_jeugdhulp_jaarrekening', noemer: 'bevolking_totaal', n: 6 },
      ],
      (id) => (id === 'bevolking_0_22' ? 'Jongeren 0–22 jaar' : 'Inwoners'),
    );
    expect(a.get('jongeren_jeugdhulp')!.computable).toBe(10);
    expect(a.get('jongeren_jeugdhulp_per_1000')!.computable).toBe(0);
    expect(a.get('jongeren_jeugdhulp_per_1000')!.reason).toBe('de noemer (jongeren 0–22 jaar) ontbreekt voor deze plaatsen en jaren');
    expect(a.get('kosten_jeugdhulp_jaarrekening_per_inwoner')!.reason).toContain('2 van de 8');
    expect(a.get('jongeren_jeugdzorg')!.reason).toBe('geen cijfers voor deze plaatsen en jaren');
  });
});
