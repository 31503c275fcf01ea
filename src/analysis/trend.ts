/**
 * Trend against actual (issue 5, requirements section D): did a series move differently from 2022 on than
 * its pre-2022 trend would predict? Pure functions: no I/O, no clock, no randomness.
 *
 * ## Method, and why
 * - The trend is a straight line in the year, on the values ('linear') or on their natural log
 *   ('log-linear': a constant growth rate, back-transformed with exp).
 * - Estimator, by default Theil–Sen: the slope is the median of the slopes between all pairs of fit years,
 *   the level the median of y − slope·x. With five or six yearly points one odd year (2020, corona) drags
 *   an OLS line far; Theil–Sen ignores one such year out of five or six and is nearly as efficient as OLS
 *   when the noise is normal. Huber-weighted OLS was rejected: with so few points its scale estimate (MAD)
 *   is too unstable to decide what is an outlier. OLS stays available (`estimator`).
 * - Prediction interval: the usual OLS form around the fitted line,
 *     ŷ(x0) ± t(1 − α/2, df) · s · √(1 + 1/n_L + (x0 − x̄_L)² / Sxx),
 *   with s² = Σ residual² / df from the residuals of the line actually drawn; n_L and x̄_L the count and
 *   mean year of the last level (all fit years when there is no level break); Sxx = Σ (x − x̄ of its
 *   level)². Theil–Sen residuals are never smaller in squares than the OLS ones, so s (and the band) errs
 *   on the wide side; an odd year that the line ignores still widens the band, which is honest: a noisy
 *   past predicts less. In 20 000 simulations with normal noise (2016–2021 fitted, 2022–2025 projected)
 *   the 95 % band covered 95.4 % of the values (without 2020: 95.8 %; level break in 2021: 95.8 %; OLS:
 *   94.9 %). The t quantile is computed here (inverse of the regularized incomplete beta), with
 *   df = n − 1 − (number of levels).
 * - Log-linear: expected = exp(fitted log), the band exp() of the log band. That is the median of a
 *   log-normal, not its mean; for judging one actual figure the median is the right centre, and the band
 *   stays exact (on the log scale) and asymmetric. Values ≤ 0 refuse log-linear.
 *
 * ## Breaks in series (explicit inputs, never treated as noise)
 * A break in `year` means figures from `year` on are not comparable with those before.
 * - 'level': same quantity, but its level jumps (more providers counted, costs attributed to another
 *   gemeente). Inside the fit window: one common slope (Theil–Sen over pairs on the same side only, the
 *   blocked Sen slope of Hirsch et al.) and a separate level from the break on; the projection starts from
 *   the level after the break. Costs one degree of freedom per break.
 * - 'definition': the quantity itself changes (another scope, other taakvelden). Inside the fit window the
 *   years before the break measure something else and are dropped; the trend is fitted from the break on if
 *   at least four years remain, otherwise the analysis is refused ('breuk-in-fitperiode'). The earlier side
 *   is never used: it would be projected onto comparison years that follow the new definition, and the
 *   definition change would show up as a "difference".
 * - A break after the last fit year (between fit and comparison, or inside the comparison window) cannot be
 *   modelled from pre-2022 data: the comparison goes on, every comparison year from the break on is marked
 *   `afterBreak`, and a note says the difference also contains the break.
 * Breaks at or before the first fit year change nothing and are not reported.
 *
 * ## Refusals
 * Fewer than four fit years, a missing year inside the fit window (a skipped year is not a gap), no
 * comparison year with a figure, or too few degrees of freedom after level breaks give `{ ok: false }` with
 * a reason and a plain Dutch message; never a line. Null is missing, never 0.
 */

import { formatPercent, listNl } from '../shared/format.ts';
import { tQuantile } from './t-distribution.ts';

export type TrendModel = 'linear' | 'log-linear';
export type Estimator = 'theil-sen' | 'ols';
export type BreakKind = 'level' | 'definition';

export interface SeriesPoint {
  year: number;
  value: number | null;
}

export interface SeriesBreak {
  /** First year on the new footing. */
  year: number;
  /** Dutch, short, for the chart. */
  label: string;
  kind: BreakKind;
}

export interface AnalyseOptions {
  /** First year the fit may use; the fit starts at the first year with a figure from here. Default 2016. */
  fitFrom?: number;
  /** Last year of the fit window. Default 2021. */
  fitTo?: number;
  /** First compared year. Default 2022; must be after fitTo. */
  compareFrom?: number;
  /** Years left out of the fit (e.g. [2020], corona). They are not gaps; comparison years are never skipped. */
  skipYears?: number[];
  model?: TrendModel;
  estimator?: Estimator;
  breaks?: SeriesBreak[];
  /** Coverage of the prediction interval. Default 0.95. */
  level?: number;
}

export type RefusalReason =
  | 'te-weinig-data'
  | 'gat-in-reeks'
  | 'breuk-in-fitperiode'
  | 'niet-positief'
  | 'geen-vergelijkingsjaren'
  | 'ongeldige-invoer';

export interface Refusal {
  ok: false;
  reason: RefusalReason;
  /** Plain Dutch, for the page. */
  message: string;
}

export interface TrendFit {
  /** Per year; on the log scale for 'log-linear'. */
  slope: number;
  /** Value at year 0 of the line from the last level on: fitted(x) = intercept + slope·x (log scale if log-linear). */
  intercept: number;
  /** Residual SD (log scale if log-linear), Σr²/df. */
  residualSd: number;
  n: number;
  df: number;
  years: number[];
  /** First fit year of the level the projection continues (after the last level break, else the first fit year). */
  levelFrom: number;
  /** Log-linear only: growth per year in %, (e^slope − 1)·100. */
  growthPct: number | null;
}

export interface ExpectedPoint {
  year: number;
  value: number;
  lower: number;
  upper: number;
}

export interface Comparison {
  year: number;
  actual: number;
  expected: number;
  /** actual − expected. */
  diff: number;
  /** diff / expected · 100; null when expected is 0. */
  diffPct: number | null;
  /** Prediction interval for the value itself. */
  lower: number;
  upper: number;
  /** Interval for actual − expected: [actual − upper, actual − lower]. */
  diffLower: number;
  diffUpper: number;
  /** The diff interval includes 0, i.e. lower ≤ actual ≤ upper. */
  coversZero: boolean;
  /** A break falls after the last fit year and at or before this year: the diff contains it. */
  afterBreak: boolean;
}

export interface BreakInWindow extends SeriesBreak {
  /** 'fit': inside the fit years; 'boundary': after the last fit year, up to the first compared year; 'compare': later. */
  zone: 'fit' | 'boundary' | 'compare';
  /** Dutch: what the analysis did with it (for the chart). */
  handling: string;
}

export interface Analysis {
  ok: true;
  model: TrendModel;
  estimator: Estimator;
  level: number;
  fit: TrendFit;
  /** The fitted line over the fit years (each on its own level), for drawing. */
  fitted: { year: number; value: number }[];
  /** Every year from compareFrom to the last year with a figure. */
  expected: ExpectedPoint[];
  /** Years with a figure only. */
  comparisons: Comparison[];
  breaksInWindow: BreakInWindow[];
  /** Dutch caveats, in display order. */
  notes: string[];
}

// ---------------------------------------------------------------------------------------------------------
// Fitting

interface FitPoint {
  x: number;
  y: number;
  /** Level segment: 0 before the first level break in the window, 1 after it, … */
  seg: number;
}

interface LineFit {
  slope: number;
  /** Level per segment at x = centre. */
  levels: Map<number, number>;
  centre: number;
  residualSd: number;
  df: number;
  /** Per segment: n and mean x, for the leverage term. */
  segStats: Map<number, { n: number; meanX: number }>;
  /** Σ (x − mean x of its segment)². */
  sxx: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function fitLine(pts: FitPoint[], estimator: Estimator): LineFit {
  const centre = pts.reduce((s, p) => s + p.x, 0) / pts.length;
  const segs = new Map<number, FitPoint[]>();
  for (const p of pts) segs.set(p.seg, [...(segs.get(p.seg) ?? []), p]);
  const segStats = new Map<number, { n: number; meanX: number }>();
  let sxx = 0;
  let sxy = 0;
  for (const [seg, sp] of segs) {
    const mx = sp.reduce((s, p) => s + p.x, 0) / sp.length;
    const my = sp.reduce((s, p) => s + p.y, 0) / sp.length;
    segStats.set(seg, { n: sp.length, meanX: mx });
    for (const p of sp) {
      sxx += (p.x - mx) ** 2;
      sxy += (p.x - mx) * (p.y - my);
    }
  }
  let slope: number;
  if (estimator === 'ols') {
    slope = sxy / sxx;
  } else {
    const slopes: number[] = [];
    for (const sp of segs.values()) {
      for (let i = 0; i < sp.length; i++) {
        for (let j = i + 1; j < sp.length; j++) slopes.push((sp[j].y - sp[i].y) / (sp[j].x - sp[i].x));
      }
    }
    slope = median(slopes);
  }
  const levels = new Map<number, number>();
  for (const [seg, sp] of segs) {
    const shifted = sp.map((p) => p.y - slope * (p.x - centre));
    levels.set(seg, estimator === 'ols' ? shifted.reduce((s, v) => s + v, 0) / shifted.length : median(shifted));
  }
  const df = pts.length - segs.size - 1;
  const ss = pts.reduce((s, p) => s + (p.y - (levels.get(p.seg)! + slope * (p.x - centre))) ** 2, 0);
  return { slope, levels, centre, residualSd: Math.sqrt(ss / df), df, segStats, sxx };
}

// ---------------------------------------------------------------------------------------------------------
// Analysis

const MIN_FIT_POINTS = 4;
const MIN_DF = 2;

const refuse = (reason: RefusalReason, message: string): Refusal => ({ ok: false, reason, message });

const yearList = (years: number[]) => listNl(years.map(String));

/** 0.95 → "95 %", 0.975 → "97,5 %". */
const pct = (level: number) => formatPercent(level * 100, Number.isInteger(Math.round(level * 1000) / 10) ? 0 : 1);

const jaren = (n: number) => `${n} ${n === 1 ? 'jaar' : 'jaren'}`;

/**
 * Fit the pre-`compareFrom` trend of `points` and compare `compareFrom`–latest with its projection.
 * See the module comment for the method, the break rules and the refusals.
 */
export function analyseSeries(points: SeriesPoint[], opts: AnalyseOptions = {}): Analysis | Refusal {
  const fitFrom = opts.fitFrom ?? 2016;
  const fitTo = opts.fitTo ?? 2021;
  const compareFrom = opts.compareFrom ?? 2022;
  const skip = new Set(opts.skipYears ?? []);
  const model = opts.model ?? 'linear';
  const estimator = opts.estimator ?? 'theil-sen';
  const level = opts.level ?? 0.95;
  const breaks = [...(opts.breaks ?? [])].sort((a, b) => a.year - b.year);

  // --- input checks
  if (!(level > 0 && level < 1)) return refuse('ongeldige-invoer', `Het betrouwbaarheidsniveau moet tussen 0 en 1 liggen (nu ${level}).`);
  if (![fitFrom, fitTo, compareFrom].every(Number.isInteger) || fitFrom > fitTo || compareFrom <= fitTo) {
    return refuse('ongeldige-invoer', `Ongeldige periodes: trend ${fitFrom}–${fitTo}, vergelijken vanaf ${compareFrom}. De vergelijking moet na de trendperiode beginnen.`);
  }
  const values = new Map<number, number | null>();
  for (const p of points) {
    if (!Number.isInteger(p.year)) return refuse('ongeldige-invoer', `Ongeldig jaar in de reeks: ${p.year}.`);
    if (values.has(p.year)) return refuse('ongeldige-invoer', `Het jaar ${p.year} staat twee keer in de reeks.`);
    if (p.value !== null && !Number.isFinite(p.value)) return refuse('ongeldige-invoer', `Ongeldige waarde voor ${p.year}: ${p.value}.`);
    values.set(p.year, p.value);
  }
  const has = (y: number) => values.get(y) != null;

  // --- the fit window: a definition break inside it cuts off the years before it
  const windowYears = (from: number) => {
    const ys: number[] = [];
    for (let y = from; y <= fitTo; y++) if (!skip.has(y)) ys.push(y);
    return ys;
  };
  /** Years from the first one with a figure; missing ones among them are gaps. */
  const usable = (from: number) => {
    const ys = windowYears(from);
    const first = ys.findIndex(has);
    return first < 0 ? [] : ys.slice(first);
  };
  const fullYears = usable(fitFrom);
  const dataStart = fullYears[0] ?? fitFrom;
  const cut = breaks.filter((b) => b.kind === 'definition' && b.year > dataStart && b.year <= fitTo).at(-1);
  const fitCandidates = cut ? usable(cut.year) : fullYears;

  const gaps = fitCandidates.filter((y) => !has(y));
  if (gaps.length > 0) {
    return refuse(
      'gat-in-reeks',
      `De reeks heeft een gat: voor ${yearList(gaps)} is er geen cijfer. Over een reeks met gaten schatten we geen trend.`,
    );
  }
  if (fitCandidates.length < MIN_FIT_POINTS) {
    const fullOk = fullYears.length >= MIN_FIT_POINTS && fullYears.every(has);
    if (cut && fullOk) {
      return refuse(
        'breuk-in-fitperiode',
        `In ${cut.year} is de reeks anders gaan meten (${cut.label}). Vanaf dat jaar zijn er vóór ${compareFrom} maar ${jaren(fitCandidates.length)} met een cijfer; voor een trend zijn er minstens ${MIN_FIT_POINTS} nodig. De jaren vóór ${cut.year} meten iets anders en kunnen de trend niet dragen.`,
      );
    }
    return refuse(
      'te-weinig-data',
      `Te weinig gegevens voor een trend: ${jaren(fitCandidates.length)} met een cijfer vóór ${compareFrom}, er zijn er minstens ${MIN_FIT_POINTS} nodig.`,
    );
  }
  const fitYears = fitCandidates;
  const fitStart = fitYears[0];
  const fitEnd = fitYears[fitYears.length - 1];

  if (model === 'log-linear') {
    const bad = fitYears.filter((y) => values.get(y)! <= 0);
    if (bad.length > 0) {
      return refuse('niet-positief', `Een trend op logaritmische schaal kan niet met nul of negatieve waarden (${yearList(bad)}). Kies een lineaire trend.`);
    }
  }

  // --- comparison years: compareFrom up to the last year with a figure
  const laterYears = [...values.keys()].filter((y) => y >= compareFrom && has(y));
  if (laterYears.length === 0) {
    return refuse('geen-vergelijkingsjaren', `Er zijn nog geen cijfers vanaf ${compareFrom} om met de trend te vergelijken.`);
  }
  const lastYear = Math.max(...laterYears);

  // --- level breaks inside the fit years give segments
  const levelBreaks = breaks.filter((b) => b.kind === 'level' && b.year > fitStart && b.year <= fitEnd);
  const segOf = (y: number) => levelBreaks.filter((b) => b.year <= y).length;
  const pts: FitPoint[] = fitYears.map((y) => {
    const v = values.get(y)!;
    return { x: y, y: model === 'log-linear' ? Math.log(v) : v, seg: segOf(y) };
  });
  const nSegs = new Set(pts.map((p) => p.seg)).size;
  if (pts.length - nSegs - 1 < MIN_DF) {
    return refuse(
      'te-weinig-data',
      `Te weinig gegevens voor een trend: met ${levelBreaks.length === 1 ? 'de breuk' : 'de breuken'} in ${yearList(levelBreaks.map((b) => b.year))} schat de trend een eigen niveau per periode, en ${jaren(pts.length)} zijn daar te weinig voor.`,
    );
  }

  const line = fitLine(pts, estimator);
  const lastSeg = pts[pts.length - 1].seg;
  const lastStats = line.segStats.get(lastSeg)!;
  const lastLevel = line.levels.get(lastSeg)!;
  const tq = tQuantile(1 - (1 - level) / 2, line.df);
  const back = (v: number) => (model === 'log-linear' ? Math.exp(v) : v);

  const fitted = pts.map((p) => ({ year: p.x, value: back(line.levels.get(p.seg)! + line.slope * (p.x - line.centre)) }));

  const expected: ExpectedPoint[] = [];
  for (let y = compareFrom; y <= lastYear; y++) {
    const centre = lastLevel + line.slope * (y - line.centre);
    const half = tq * line.residualSd * Math.sqrt(1 + 1 / lastStats.n + (y - lastStats.meanX) ** 2 / line.sxx);
    expected.push({ year: y, value: back(centre), lower: back(centre - half), upper: back(centre + half) });
  }

  // --- breaks after the fit years
  const laterBreaks = breaks.filter((b) => b.year > fitEnd && b.year <= lastYear);
  const comparisons: Comparison[] = [];
  for (const e of expected) {
    if (!has(e.year)) continue;
    const actual = values.get(e.year)!;
    const diff = actual - e.value;
    comparisons.push({
      year: e.year,
      actual,
      expected: e.value,
      diff,
      diffPct: e.value === 0 ? null : (diff / e.value) * 100,
      lower: e.lower,
      upper: e.upper,
      diffLower: actual - e.upper,
      diffUpper: actual - e.lower,
      coversZero: e.lower <= actual && actual <= e.upper,
      afterBreak: laterBreaks.some((b) => b.year <= e.year),
    });
  }

  // --- breaks for the chart, and notes
  const breaksInWindow: BreakInWindow[] = [];
  const notes: string[] = [];
  const skipped = [...skip].filter((y) => y >= fitStart && y <= fitEnd).sort((a, b) => a - b);
  const modelText = model === 'log-linear' ? 'een vaste groei per jaar (lineair op logaritmische schaal)' : 'een rechte lijn';
  const estText =
    estimator === 'theil-sen'
      ? `de helling is de mediaan van de hellingen tussen ${levelBreaks.length ? 'paren jaren aan dezelfde kant van de breuk' : 'alle paren jaren'}, zodat één afwijkend jaar de lijn nauwelijks verschuift`
      : 'kleinste kwadraten';
  notes.push(
    `Trend over ${fitStart}–${fitEnd} (${jaren(fitYears.length)}) als ${modelText}; ${estText}.` +
      (skipped.length ? ` ${yearList(skipped)} ${skipped.length === 1 ? 'telt' : 'tellen'} niet mee voor de trend, maar ${skipped.length === 1 ? 'staat' : 'staan'} wel in de grafiek.` : ''),
  );
  notes.push(
    `De band is een voorspellingsinterval van ${pct(level)}: zet de trend zich voort, dan valt een jaarcijfer er in ${pct(level)} van de gevallen binnen. Een cijfer buiten de band wijkt meer af dan met toeval rond de trend te verklaren is.`,
  );
  if (fitYears.length < 6) notes.push(`De trend rust op maar ${fitYears.length} jaren; de band is daardoor breder dan bij een langere reeks.`);

  if (cut) {
    const handling = `Jaren vóór ${cut.year} meten iets anders; de trend begint in ${cut.year}.`;
    breaksInWindow.push({ ...cut, zone: 'fit', handling });
    notes.push(`${cut.year}: ${cut.label}. ${handling}`);
  }
  for (const b of levelBreaks) {
    const handling = `De trend houdt één helling aan maar krijgt vanaf ${b.year} een eigen niveau; de verwachting gaat uit van het niveau vanaf ${b.year}.`;
    breaksInWindow.push({ ...b, zone: 'fit', handling });
    notes.push(`${b.year}: ${b.label}. ${handling}`);
  }
  for (const b of laterBreaks) {
    const zone = b.year <= compareFrom ? 'boundary' : 'compare';
    const affected = comparisons.filter((c) => c.year >= b.year).map((c) => c.year);
    const what = b.kind === 'definition' ? 'de nieuwe definitie' : 'deze verschuiving';
    const handling =
      affected.length === 0
        ? `Na de trendperiode; voor de jaren vanaf ${b.year} is er nog geen cijfer.`
        : `Na de trendperiode: het verschil in ${yearList(affected)} bevat ook het effect van ${what} en is daar niet van te scheiden.`;
    breaksInWindow.push({ ...b, zone, handling });
    notes.push(`${b.year}: ${b.label}. ${handling}`);
  }
  const missing = expected.filter((e) => !has(e.year)).map((e) => e.year);
  if (missing.length) notes.push(`Voor ${yearList(missing)} is er geen cijfer; ${missing.length === 1 ? 'dat jaar wordt' : 'die jaren worden'} niet vergeleken.`);
  notes.push(
    'Een afwijking van de trend laat niet zien waar die vandaan komt: de maatregelen van 2022 zijn één mogelijke verklaring, naast onder meer corona, wachtlijsten en veranderingen in registratie.',
  );

  return {
    ok: true,
    model,
    estimator,
    level,
    fit: {
      slope: line.slope,
      intercept: lastLevel - line.slope * line.centre,
      residualSd: line.residualSd,
      n: fitYears.length,
      df: line.df,
      years: fitYears,
      levelFrom: fitYears.find((y) => segOf(y) === lastSeg)!,
      growthPct: model === 'log-linear' ? (Math.exp(line.slope) - 1) * 100 : null,
    },
    fitted,
    expected,
    comparisons,
    breaksInWindow,
    notes,
  };
}
