import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../helpers/seeded.ts';
import { BREAKS, breaksFor } from '../../src/analysis/breaks.ts';
import { tCdf, tQuantile } from '../../src/analysis/t-distribution.ts';
import { analyseSeries, type Analysis, type AnalyseOptions, type Refusal, type SeriesPoint } from '../../src/analysis/trend.ts';

// --- seeded noise: mulberry32 and Box–Muller, so every run sees the same "random" series

function normalSource(seed: number): () => number {
  const u = mulberry32(seed);
  return () => {
    let u1 = u();
    while (u1 === 0) u1 = u();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u());
  };
}

/** A series over [from, to] with f(year). */
const series = (from: number, to: number, f: (year: number) => number | null): SeriesPoint[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ year: from + i, value: f(from + i) }));

function ok(r: Analysis | Refusal): Analysis {
  if (!r.ok) throw new Error(`expected an analysis, got ${r.reason}: ${r.message}`);
  return r;
}

function refused(r: Analysis | Refusal): Refusal {
  if (r.ok) throw new Error('expected a refusal, got an analysis');
  return r;
}

const line = (year: number) => 200 + 4 * (year - 2016);

describe('Student t', () => {
  it('matches table quantiles', () => {
    const table: [number, number, number][] = [
      [0.975, 1, 12.7062],
      [0.975, 2, 4.3027],
      [0.975, 3, 3.1824],
      [0.975, 4, 2.7764],
      [0.975, 5, 2.5706],
      [0.975, 10, 2.2281],
      [0.975, 30, 2.0423],
      [0.95, 5, 2.015],
      [0.95, 3, 2.3534],
      [0.9, 4, 1.5332],
      [0.995, 20, 2.8453],
      [0.999, 3, 10.2145],
      [0.975, 1000, 1.9623],
    ];
    for (const [p, df, t] of table) expect(tQuantile(p, df), `t(${p}, ${df})`).toBeCloseTo(t, 3);
  });

  it('is symmetric, 0 at the median, and inverts the CDF', () => {
    expect(tQuantile(0.025, 3)).toBeCloseTo(-3.1824, 3);
    expect(tQuantile(0.5, 7)).toBe(0);
    for (const df of [1, 2, 2.5, 3, 7, 25]) {
      for (const p of [0.001, 0.05, 0.3, 0.6, 0.9, 0.999]) expect(tCdf(tQuantile(p, df), df)).toBeCloseTo(p, 10);
    }
    expect(tCdf(2.228, 10)).toBeCloseTo(0.975, 4);
    expect(tCdf(0, 4)).toBe(0.5);
  });

  it('rejects impossible arguments', () => {
    expect(() => tQuantile(1, 3)).toThrow(RangeError);
    expect(() => tQuantile(0.9, 0)).toThrow(RangeError);
  });
});

describe('analyseSeries: the required cases', () => {
  it('recovers an exact level shift after 2021', () => {
    const r = ok(analyseSeries(series(2016, 2024, (y) => line(y) + (y >= 2022 ? 25 : 0))));
    expect(r.fit.years).toEqual([2016, 2017, 2018, 2019, 2020, 2021]);
    expect(r.fit.slope).toBeCloseTo(4, 10);
    expect(r.comparisons.map((c) => c.year)).toEqual([2022, 2023, 2024]);
    for (const c of r.comparisons) {
      expect(c.diff).toBeCloseTo(25, 9);
      expect(c.diffPct!).toBeCloseTo((25 / line(c.year)) * 100, 9);
      expect(c.coversZero).toBe(false);
    }
  });

  it('recovers a level shift within tolerance under noise, and flags it', () => {
    const shift = 15;
    const estimates: number[] = [];
    for (let seed = 1; seed <= 300; seed++) {
      const noise = normalSource(seed);
      const r = ok(analyseSeries(series(2016, 2024, (y) => 100 + 3 * (y - 2016) + (y >= 2022 ? shift : 0) + noise())));
      estimates.push(r.comparisons.reduce((s, c) => s + c.diff, 0) / r.comparisons.length);
      if (seed === 1) {
        for (const c of r.comparisons) {
          expect(Math.abs(c.diff - shift)).toBeLessThan(5);
          expect(c.coversZero).toBe(false);
          expect(c.diffLower).toBeGreaterThan(0);
        }
      }
    }
    const mean = estimates.reduce((s, v) => s + v, 0) / estimates.length;
    expect(Math.abs(mean - shift)).toBeLessThan(0.5);
    // most single series also place the shift outside the band
    expect(estimates.filter((e) => Math.abs(e - shift) < 4).length / estimates.length).toBeGreaterThan(0.9);
  });

  it('covers zero in at least 90 % of 500 noisy series without a shift (and is not trivially wide)', () => {
    const N = 500;
    let covered = 0;
    let total = 0;
    const perYear = new Map<number, number>();
    for (let seed = 1000; seed < 1000 + N; seed++) {
      const noise = normalSource(seed);
      const r = ok(analyseSeries(series(2016, 2024, (y) => 100 + 2 * (y - 2016) + 3 * noise())));
      for (const c of r.comparisons) {
        total++;
        if (c.coversZero) {
          covered++;
          perYear.set(c.year, (perYear.get(c.year) ?? 0) + 1);
        }
      }
    }
    expect(total).toBe(3 * N);
    expect(covered / total).toBeGreaterThanOrEqual(0.9);
    expect(covered / total).toBeLessThan(0.99);
    for (const y of [2022, 2023, 2024]) expect(perYear.get(y)! / N, String(y)).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps that coverage on the log scale', () => {
    const N = 500;
    let covered = 0;
    let total = 0;
    for (let seed = 5000; seed < 5000 + N; seed++) {
      const noise = normalSource(seed);
      const r = ok(analyseSeries(series(2016, 2023, (y) => 80 * Math.exp(0.05 * (y - 2016) + 0.04 * noise())), { model: 'log-linear' }));
      for (const c of r.comparisons) {
        total++;
        if (c.coversZero) covered++;
      }
    }
    expect(covered / total).toBeGreaterThanOrEqual(0.9);
  });

  it('refuses a short series', () => {
    const r = refused(analyseSeries(series(2019, 2023, line)));
    expect(r.reason).toBe('te-weinig-data');
    expect(r.message).toMatch(/3 jaren.*minstens 4/);
    expect(refused(analyseSeries(series(2021, 2023, line))).message).toContain('1 jaar met een cijfer');
    // four years is enough
    expect(ok(analyseSeries(series(2018, 2023, line))).fit.n).toBe(4);
    // a skipped year does not count towards the four
    expect(refused(analyseSeries(series(2018, 2023, line), { skipYears: [2020] })).reason).toBe('te-weinig-data');
  });

  it('refuses a gap in the fit years, whether null or absent', () => {
    const withNull = refused(analyseSeries(series(2016, 2023, (y) => (y === 2018 ? null : line(y)))));
    expect(withNull.reason).toBe('gat-in-reeks');
    expect(withNull.message).toContain('2018');
    const absent = series(2016, 2023, line).filter((p) => p.year !== 2019 && p.year !== 2020);
    const r = refused(analyseSeries(absent));
    expect(r.reason).toBe('gat-in-reeks');
    expect(r.message).toContain('2019 en 2020');
    // the last fit year missing is a gap too, not a shorter fit
    expect(refused(analyseSeries(series(2016, 2023, (y) => (y === 2021 ? null : line(y))))).reason).toBe('gat-in-reeks');
  });

  it('starts at the first year with a figure: leading nulls are not a gap', () => {
    const r = ok(analyseSeries(series(2015, 2023, (y) => (y <= 2016 ? null : line(y)))));
    expect(r.fit.years).toEqual([2017, 2018, 2019, 2020, 2021]);
    // fitFrom defaults to 2016; an earlier start is opt-in
    expect(ok(analyseSeries(series(2014, 2023, line))).fit.years[0]).toBe(2016);
    expect(ok(analyseSeries(series(2014, 2023, line), { fitFrom: 2014 })).fit.years[0]).toBe(2014);
  });
});

describe('analyseSeries: options', () => {
  it('skipYears leaves 2020 out of the fit but not out of the chart', () => {
    const dip = (y: number) => line(y) - (y === 2020 ? 40 : 0);
    const skipped = ok(analyseSeries(series(2016, 2023, dip), { skipYears: [2020] }));
    expect(skipped.fit.years).toEqual([2016, 2017, 2018, 2019, 2021]);
    expect(skipped.fit.n).toBe(5);
    expect(skipped.fit.residualSd).toBeCloseTo(0, 10);
    expect(skipped.notes[0]).toContain('2020 telt niet mee');
    const kept = ok(analyseSeries(series(2016, 2023, dip)));
    expect(kept.fit.residualSd).toBeGreaterThan(5);
    // a skipped year may be missing without being a gap
    expect(ok(analyseSeries(series(2016, 2023, (y) => (y === 2020 ? null : line(y))), { skipYears: [2020] })).fit.n).toBe(5);
  });

  it('Theil–Sen ignores one odd year that pulls OLS', () => {
    const odd = (y: number) => line(y) + (y === 2019 ? 30 : 0);
    const ts = ok(analyseSeries(series(2016, 2023, odd)));
    expect(ts.fit.slope).toBeCloseTo(4, 10);
    expect(ts.comparisons[0].expected).toBeCloseTo(line(2022), 9);
    const ols = ok(analyseSeries(series(2016, 2023, odd), { estimator: 'ols' }));
    expect(Math.abs(ols.fit.slope - 4)).toBeGreaterThan(0.5);
  });

  it('OLS gives the textbook line and prediction interval', () => {
    // x 2016..2019, y 1, 3, 2, 5: slope 1.1, intercept at 2017.5 = 2.75, residuals −0.1, 0.8, −1.3, 0.6: SSE 2.7, df 2
    const pts = [1, 3, 2, 5].map((v, i) => ({ year: 2016 + i, value: v }));
    const r = ok(analyseSeries([...pts, { year: 2020, value: 6 }], { fitTo: 2019, compareFrom: 2020, estimator: 'ols' }));
    expect(r.fit.slope).toBeCloseTo(1.1, 12);
    expect(r.fit.intercept + r.fit.slope * 2017.5).toBeCloseTo(2.75, 9);
    expect(r.fit.residualSd).toBeCloseTo(Math.sqrt(2.7 / 2), 12);
    expect(r.fit.df).toBe(2);
    const e = r.expected[0];
    expect(e.value).toBeCloseTo(2.75 + 1.1 * 2.5, 9);
    const half = 4.302652729749464 * Math.sqrt(2.7 / 2) * Math.sqrt(1 + 1 / 4 + 2.5 ** 2 / 5);
    expect(e.upper - e.value).toBeCloseTo(half, 9);
    expect(e.value - e.lower).toBeCloseTo(half, 9);
  });

  it('a wider level gives a wider band', () => {
    const noise = normalSource(7);
    const pts = series(2016, 2023, (y) => line(y) + 3 * noise());
    const w = (level: number) => {
      const e = ok(analyseSeries(pts, { level })).expected[0];
      return e.upper - e.lower;
    };
    expect(w(0.99)).toBeGreaterThan(w(0.95));
    expect(w(0.95)).toBeGreaterThan(w(0.8));
  });

  it('log-linear follows an exponential series and reports a relative shift', () => {
    const exp = (y: number) => 50 * 1.08 ** (y - 2016);
    const r = ok(analyseSeries(series(2016, 2024, exp), { model: 'log-linear' }));
    expect(r.fit.slope).toBeCloseTo(Math.log(1.08), 12);
    expect(r.fit.growthPct!).toBeCloseTo(8, 9);
    for (const c of r.comparisons) {
      expect(c.expected).toBeCloseTo(exp(c.year), 8);
      expect(c.coversZero).toBe(true);
    }
    const shifted = ok(analyseSeries(series(2016, 2024, (y) => exp(y) * (y >= 2022 ? 1.1 : 1)), { model: 'log-linear' }));
    for (const c of shifted.comparisons) expect(c.diffPct!).toBeCloseTo(10, 8);
    // a linear fit of the same curve lags behind it
    expect(ok(analyseSeries(series(2016, 2024, exp))).comparisons.every((c) => c.diff > 0)).toBe(true);
  });

  it('log-linear bands are asymmetric, and values ≤ 0 refuse it', () => {
    const noise = normalSource(11);
    const r = ok(analyseSeries(series(2016, 2023, (y) => 60 * Math.exp(0.03 * (y - 2016) + 0.05 * noise())), { model: 'log-linear' }));
    for (const e of r.expected) expect(e.upper - e.value).toBeGreaterThan(e.value - e.lower);
    const zero = refused(analyseSeries(series(2016, 2023, (y) => (y === 2017 ? 0 : line(y))), { model: 'log-linear' }));
    expect(zero.reason).toBe('niet-positief');
    expect(zero.message).toContain('2017');
    // the same series is fine on a linear scale
    expect(analyseSeries(series(2016, 2023, (y) => (y === 2017 ? 0 : line(y)))).ok).toBe(true);
  });
});

describe('analyseSeries: breaks', () => {
  const step2021 = (y: number) => line(y) + (y >= 2021 ? 20 : 0);

  it('a level break inside the fit years: one slope, the level from the break on', () => {
    const breaks: AnalyseOptions['breaks'] = [{ year: 2021, label: 'CBS telt meer aanbieders mee', kind: 'level' }];
    const r = ok(analyseSeries(series(2016, 2024, step2021), { breaks }));
    expect(r.fit.slope).toBeCloseTo(4, 10);
    expect(r.fit.levelFrom).toBe(2021);
    expect(r.fit.df).toBe(6 - 2 - 1);
    for (const c of r.comparisons) {
      expect(c.diff).toBeCloseTo(0, 9);
      expect(c.afterBreak).toBe(false);
    }
    expect(r.fitted.find((f) => f.year === 2020)!.value).toBeCloseTo(line(2020), 9);
    expect(r.fitted.find((f) => f.year === 2021)!.value).toBeCloseTo(line(2021) + 20, 9);
    expect(r.breaksInWindow).toEqual([expect.objectContaining({ year: 2021, zone: 'fit', kind: 'level' })]);
    expect(r.notes.some((n) => n.startsWith('2021: CBS telt meer aanbieders mee.'))).toBe(true);
    // without the break the step is taken for trend, and the comparison is off
    const naive = ok(analyseSeries(series(2016, 2024, step2021)));
    expect(Math.abs(naive.comparisons[0].diff)).toBeGreaterThan(5);
  });

  it('a level break widens the band per unit of residual SD (one df less, the level rests on fewer years)', () => {
    const noise = normalSource(3);
    const pts = series(2016, 2024, (y) => line(y) + 2 * noise());
    const relWidth = (r: Analysis) => (r.expected[0].upper - r.expected[0].lower) / r.fit.residualSd;
    const plain = ok(analyseSeries(pts));
    const broken = ok(analyseSeries(pts, { breaks: [{ year: 2021, label: 'x', kind: 'level' }] }));
    // 2 · t(0.975, 4) · √(1 + 1/6 + 3.5²/17.5) against 2 · t(0.975, 3) · √(1 + 1/1 + 1²/10)
    expect(relWidth(plain)).toBeCloseTo(2 * 2.7764451 * Math.sqrt(1 + 1 / 6 + 3.5 ** 2 / 17.5), 5);
    expect(relWidth(broken)).toBeCloseTo(2 * 3.1824463 * Math.sqrt(2 + 1 / 10), 5);
    expect(relWidth(broken)).toBeGreaterThan(relWidth(plain));
  });

  it('a level break that leaves too few degrees of freedom is refused', () => {
    const r = refused(analyseSeries(series(2018, 2023, line), { breaks: [{ year: 2020, label: 'x', kind: 'level' }] }));
    expect(r.reason).toBe('te-weinig-data');
    expect(r.message).toContain('2020');
  });

  it('a definition break inside the fit years drops the years before it', () => {
    const r = ok(
      analyseSeries(series(2015, 2023, (y) => (y < 2017 ? 1000 : line(y))), {
        fitFrom: 2015,
        breaks: [{ year: 2017, label: 'Nieuwe definitie', kind: 'definition' }],
      }),
    );
    expect(r.fit.years).toEqual([2017, 2018, 2019, 2020, 2021]);
    expect(r.fit.residualSd).toBeCloseTo(0, 10);
    expect(r.breaksInWindow).toEqual([expect.objectContaining({ year: 2017, zone: 'fit', kind: 'definition' })]);
    // a gap before the break no longer matters
    const gap = analyseSeries(series(2015, 2023, (y) => (y === 2016 ? null : line(y))), {
      fitFrom: 2015,
      breaks: [{ year: 2017, label: 'x', kind: 'definition' }],
    });
    expect(gap.ok).toBe(true);
  });

  it('a definition break leaving fewer than four years is refused, with the reason', () => {
    const r = refused(analyseSeries(series(2016, 2023, line), { breaks: [{ year: 2019, label: 'Nieuwe definitie', kind: 'definition' }] }));
    expect(r.reason).toBe('breuk-in-fitperiode');
    expect(r.message).toContain('2019');
    expect(r.message).toContain('Nieuwe definitie');
  });

  it('a break in the comparison years keeps comparing and marks the years from it', () => {
    const r = ok(analyseSeries(series(2017, 2024, line), { breaks: breaksFor('iv3', { national: true }) }));
    expect(r.comparisons.map((c) => [c.year, c.afterBreak])).toEqual([
      [2022, false],
      [2023, true],
      [2024, true],
    ]);
    expect(r.breaksInWindow).toEqual([expect.objectContaining({ year: 2023, zone: 'compare', kind: 'definition' })]);
    expect(r.breaksInWindow[0].handling).toContain('2023 en 2024');
    expect(r.notes.some((n) => n.startsWith('2023: Nieuwe Iv3-taakvelden jeugd.'))).toBe(true);
  });

  it('a break on the first compared year marks every comparison', () => {
    const r = ok(analyseSeries(series(2017, 2024, line), { breaks: breaksFor('iv3') }));
    expect(r.comparisons.every((c) => c.afterBreak)).toBe(true);
    expect(r.breaksInWindow.map((b) => [b.year, b.zone])).toEqual([
      [2022, 'boundary'],
      [2023, 'compare'],
    ]);
  });

  it('breaks outside the window are not reported', () => {
    const r = ok(analyseSeries(series(2016, 2022, line), { breaks: [{ year: 2016, label: 'x', kind: 'level' }, { year: 2030, label: 'y', kind: 'definition' }] }));
    expect(r.breaksInWindow).toEqual([]);
  });

  it('the standard CBS breaks make a CBS series usable, with the 2021 step absorbed', () => {
    const r = ok(analyseSeries(series(2016, 2024, step2021), { breaks: breaksFor('cbs') }));
    expect(r.fit.levelFrom).toBe(2021);
    expect(r.comparisons.every((c) => Math.abs(c.diff) < 1e-9 && c.afterBreak)).toBe(true);
    expect(r.breaksInWindow.map((b) => [b.year, b.zone])).toEqual([
      [2021, 'fit'],
      [2022, 'boundary'],
    ]);
  });

  it('the standard break list', () => {
    expect(BREAKS.map((b) => [b.id, b.year, b.kind])).toEqual([
      ['cbs-dekking-2021', 2021, 'level'],
      ['woonplaatsbeginsel-2022', 2022, 'level'],
      ['iv3-taakvelden-2023', 2023, 'definition'],
    ]);
    for (const b of BREAKS) expect(b.label.length).toBeGreaterThan(5);
    expect(breaksFor('cbs').map((b) => b.year)).toEqual([2021, 2022]);
    expect(breaksFor('iv3').map((b) => b.year)).toEqual([2022, 2023]);
    expect(breaksFor('cbs', { national: true }).map((b) => b.year)).toEqual([2021]);
    expect(breaksFor('iv3', { national: true }).map((b) => b.year)).toEqual([2023]);
  });
});

describe('nulls are missing, never 0', () => {
  it('a null comparison year is projected but not compared', () => {
    const r = ok(analyseSeries(series(2016, 2024, (y) => (y === 2023 ? null : line(y)))));
    expect(r.expected.map((e) => e.year)).toEqual([2022, 2023, 2024]);
    expect(r.comparisons.map((c) => c.year)).toEqual([2022, 2024]);
    expect(r.notes.some((n) => n.includes('Voor 2023 is er geen cijfer'))).toBe(true);
    // an actual 0 is a figure, and is compared
    const zero = ok(analyseSeries(series(2016, 2024, (y) => (y === 2023 ? 0 : line(y)))));
    expect(zero.comparisons.find((c) => c.year === 2023)!.diff).toBeCloseTo(-line(2023), 9);
  });

  it('the projection ends at the last year with a figure', () => {
    const r = ok(analyseSeries(series(2016, 2025, (y) => (y >= 2024 ? null : line(y)))));
    expect(r.expected.map((e) => e.year)).toEqual([2022, 2023]);
  });

  it('no figure from 2022 on is refused', () => {
    expect(refused(analyseSeries(series(2016, 2021, line))).reason).toBe('geen-vergelijkingsjaren');
    expect(refused(analyseSeries(series(2016, 2023, (y) => (y >= 2022 ? null : line(y))))).reason).toBe('geen-vergelijkingsjaren');
  });
});

describe('analyseSeries: input and output', () => {
  it('refuses malformed input', () => {
    expect(refused(analyseSeries([...series(2016, 2023, line), { year: 2018, value: 1 }])).reason).toBe('ongeldige-invoer');
    expect(refused(analyseSeries(series(2016, 2023, (y) => (y === 2017 ? NaN : line(y))))).reason).toBe('ongeldige-invoer');
    expect(refused(analyseSeries(series(2016, 2023, line), { compareFrom: 2021 })).reason).toBe('ongeldige-invoer');
    expect(refused(analyseSeries(series(2016, 2023, line), { level: 1 })).reason).toBe('ongeldige-invoer');
  });

  it('is pure: the same input gives the same output, and the input is not touched', () => {
    const pts = series(2016, 2024, (y) => line(y) + (y % 3));
    const copy = structuredClone(pts);
    const opts: AnalyseOptions = { skipYears: [2020], breaks: breaksFor('cbs') };
    expect(analyseSeries(pts, opts)).toEqual(analyseSeries(pts, opts));
    expect(pts).toEqual(copy);
  });

  it('accepts points in any order', () => {
    const pts = series(2016, 2024, (y) => line(y) + (y % 3));
    expect(analyseSeries([...pts].reverse())).toEqual(analyseSeries(pts));
  });

  it('carries the fitted line and Dutch notes, ending with the causality caveat', () => {
    const r = ok(analyseSeries(series(2016, 2024, line)));
    expect(r.fitted.map((f) => f.year)).toEqual(r.fit.years);
    expect(r.notes[0]).toMatch(/^Trend over 2016–2021 \(6 jaren\)/);
    expect(r.notes[1]).toContain('voorspellingsinterval van 95\u00a0%');
    expect(r.notes.at(-1)).toContain('laat niet zien waar die vandaan komt');
  });
});
