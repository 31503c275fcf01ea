/**
 * The workbench's question as state, URL and SQL. A reader's choices (metric, places, period, view) become
 * one SQL statement over the warehouse tables; the page shows exactly that statement, runs it in DuckDB-wasm
 * and draws its rows. The same text runs at build time (the opening chart) and in the tests on
 * @duckdb/node-api, so what is shown, what is run and what is drawn cannot drift apart.
 *
 * Browser-safe: no Node imports.
 */
import { NL, PLACE_CODE } from '../catalog/places.ts';
import { hasMetric, HEADLINE_METRIC, INHABITANTS, indicatorsOf, METRICS, metric, YOUNG, type MetricDef } from '../catalog/metrics.ts';

export type View = 'lijnen' | 'ranglijst' | 'kaart';
export const VIEWS: View[] = ['lijnen', 'ranglijst', 'kaart'];

/**
 * A place token: a code (NL01, JZnn, GMnnnn) or a group: `regios` (all jeugdregio's), `leden:JZnn` (the
 * gemeenten of a jeugdregio in the newest indeling), `klasse:GMnnnn` (the gemeenten in the same CBS size
 * class by inhabitants as that gemeente).
 */
export const PLACE_TOKEN = /^(NL01|JZ\d{2}|GM\d{4}|regios|leden:JZ\d{2}|klasse:GM\d{4})$/;

export interface WorkbenchState {
  metric: string;
  places: string[];
  from: number;
  to: number;
  view: View;
  /** The year of a ranking or map. */
  year: number;
}

/**
 * The first chart a reader sees: Nederland and the jeugdregio's on the headline metric. `opening` is what the
 * build found to have figures (src/lib/workbench-opening.ts): another metric and its own years when the headline
 * has none in this warehouse, so the page never opens on an empty chart.
 */
export function defaultState(years: { min: number; max: number }, opening: Partial<WorkbenchState> = {}): WorkbenchState {
  return { metric: HEADLINE_METRIC, places: [NL, 'regios'], from: years.min, to: years.max, view: 'lijnen', year: years.max, ...opening };
}

/** State from a query string; anything unknown or malformed falls back to the default (never runs as SQL). */
export function stateFromQuery(search: string, years: { min: number; max: number }, opening: Partial<WorkbenchState> = {}): WorkbenchState {
  const q = new URLSearchParams(search);
  const d = defaultState(years, opening);
  const yr = (v: string | null, fallback: number) => {
    const n = v && /^\d{4}$/.test(v) ? Number(v) : NaN;
    return Number.isFinite(n) && n >= years.min && n <= years.max ? n : fallback;
  };
  const m = q.get('m');
  const places = (q.get('p') ?? '').split(',').filter((t) => PLACE_TOKEN.test(t));
  const v = q.get('v') as View | null;
  const from = yr(q.get('van'), d.from);
  const to = yr(q.get('tot'), d.to);
  return {
    metric: m && hasMetric(m) ? m : d.metric,
    places: places.length ? [...new Set(places)].slice(0, 60) : d.places,
    from: Math.min(from, to),
    to: Math.max(from, to),
    view: v && VIEWS.includes(v) ? v : d.view,
    year: yr(q.get('j'), d.year),
  };
}

export function queryOf(s: WorkbenchState): string {
  const q = new URLSearchParams({ m: s.metric, p: s.places.join(','), van: String(s.from), tot: String(s.to), v: s.view });
  if (s.view !== 'lijnen') q.set('j', String(s.year));
  return q.toString();
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * One value per indicator, place and year, the newest indeling winning: the rule of OBS_CTE in
 * charts/shared.ts, but with the rows filtered first. The window over all observations was most of a
 * query's time in DuckDB-wasm; filtering before it gives the same rows for the indicators asked for.
 */
export function obsCte(name: string, where: string): string {
  return `${name} AS (
  SELECT * FROM observations
  WHERE ${where}
  QUALIFY row_number() OVER (PARTITION BY indicator, geo_code, period ORDER BY boundary_year DESC) = 1
)`;
}

/** CBS's size classes of gemeenten by inhabitants (Gemeentegrootte in StatLine). */
export const SIZE_CLASSES: { max: number; label: string }[] = [
  { max: 5_000, label: 'minder dan 5 000 inwoners' },
  { max: 10_000, label: '5 000 tot 10 000 inwoners' },
  { max: 20_000, label: '10 000 tot 20 000 inwoners' },
  { max: 50_000, label: '20 000 tot 50 000 inwoners' },
  { max: 100_000, label: '50 000 tot 100 000 inwoners' },
  { max: 150_000, label: '100 000 tot 150 000 inwoners' },
  { max: 250_000, label: '150 000 tot 250 000 inwoners' },
  { max: Infinity, label: '250 000 inwoners of meer' },
];

/** The gemeenten of the newest indeling with their size class by inhabitants on 1 January of the newest year ≤ `to`. */
function sizeClassCtes(to: number): string[] {
  const cases = SIZE_CLASSES.map((c, i) => (c.max === Infinity ? `ELSE ${i + 1}` : `WHEN value < ${c.max} THEN ${i + 1}`)).join(' ');
  return [
    obsCte('inwoners', `indicator = '${INHABITANTS}' AND period <= ${to}`),
    `klasse AS (
  SELECT geo_code, CASE ${cases} END AS grootteklasse
  FROM inwoners JOIN geo USING (geo_code)
  WHERE level = 'gemeente' AND value IS NOT NULL
    AND last_year = (SELECT max(last_year) FROM geo WHERE level = 'gemeente')
    AND period = (SELECT max(period) FROM inwoners)
)`,
  ];
}

/** Every gemeente's size class as of `to`, by the CTEs a `klasse:` token uses (the workbench's precomputed groups). */
export function sizeClassSql(to: number): string {
  return `WITH ${sizeClassCtes(to).join(',\n')}\nSELECT geo_code, grootteklasse FROM klasse ORDER BY geo_code`;
}

/** The CTE `gekozen` (the chosen places, groups resolved in SQL) and what it needs. */
export function placesCtes(places: string[], to: number): string[] {
  const codes = places.filter((t) => PLACE_CODE.test(t));
  const parts: string[] = [];
  if (codes.length) parts.push(`  SELECT geo_code FROM geo WHERE geo_code IN (${codes.map(quote).join(', ')})`);
  if (places.includes('regios')) parts.push(`  SELECT geo_code FROM geo WHERE level = 'jeugdregio'`);
  for (const t of places.filter((p) => p.startsWith('leden:'))) {
    const jz = quote(t.slice(6));
    parts.push(`  SELECT gemeente_code AS geo_code FROM membership\n  WHERE jeugdregio_code = ${jz} AND year = (SELECT max(year) FROM membership WHERE jeugdregio_code = ${jz})`);
  }
  const classes = places.filter((p) => p.startsWith('klasse:'));
  for (const t of classes) {
    parts.push(`  SELECT geo_code FROM klasse WHERE grootteklasse = (SELECT grootteklasse FROM klasse WHERE geo_code = ${quote(t.slice(7))})`);
  }
  if (!parts.length) parts.push(`  SELECT geo_code FROM geo WHERE false`);
  return [...(classes.length ? sizeClassCtes(to) : []), `gekozen (geo_code) AS (\n${parts.join('\n  UNION\n')}\n)`];
}

const valueExpr = (m: MetricDef) =>
  m.denominator ? `CASE WHEN n.value > 0 THEN t.value / n.value * ${m.factor} END` : m.factor === 1 ? 't.value' : `t.value * ${m.factor}`;

/**
 * The statement behind the chart: one row per place and year with the metric's value, and for a ratio its
 * numerator and denominator as they are in the warehouse. A ranking or map reads one year and is ordered
 * by value; lines read the period in place order (Nederland, jeugdregio's, gemeenten).
 */
export function workbenchSql(s: WorkbenchState): string {
  const m = metric(s.metric);
  const single = s.view !== 'lijnen';
  const lines = [
    `-- ${m.label_nl}${single ? `, ${s.year}` : `, ${s.from}–${s.to}`}`,
    `WITH ${[...placesCtes(s.places, single ? s.year : s.to), obsCte('o', `indicator IN (${indicatorsOf(m).map(quote).join(', ')})${single ? ` AND period = ${s.year}` : ` AND period BETWEEN ${s.from} AND ${s.to}`}\n    AND geo_code IN (SELECT gekozen.geo_code FROM gekozen)`)].join(',\n')}`,
    `SELECT g.geo_code, g.name AS naam, g.level AS niveau, t.period AS jaar,`,
    `  ${valueExpr(m)} AS waarde,`,
    ...(m.denominator ? [`  t.value AS teller, n.value AS noemer,`] : []),
    `  t.status`,
    // o holds only the chosen places and years.
    `FROM o t`,
    `JOIN geo g ON g.geo_code = t.geo_code`,
    ...(m.denominator ? [`LEFT JOIN o n ON n.geo_code = t.geo_code AND n.period = t.period AND n.indicator = ${quote(m.denominator)}`] : []),
    `WHERE t.indicator = ${quote(m.numerator)}`,
    single
      ? `ORDER BY waarde DESC NULLS LAST, naam, g.geo_code`
      : `ORDER BY CASE g.level WHEN 'land' THEN 0 WHEN 'jeugdregio' THEN 1 ELSE 2 END, naam, jaar, g.geo_code`,
  ];
  return lines.join('\n');
}

/** The denominators any metric uses. */
const DENOMINATORS = [...new Set(METRICS.map((m) => m.denominator).filter((d): d is string => !!d))];

/**
 * For the chosen places and years: per indicator how many place-years have a value, and how many of those
 * also have each denominator. The workbench offers a metric only when this says it can be computed.
 */
export function availabilitySql(places: string[], from: number, to: number): string {
  return `WITH ${[...placesCtes(places, to), obsCte('o', `period BETWEEN ${from} AND ${to} AND geo_code IN (SELECT gekozen.geo_code FROM gekozen)`)].join(',\n')},
have AS (SELECT indicator, geo_code, period FROM o WHERE value IS NOT NULL)
SELECT h.indicator AS teller, NULL AS noemer, count(*) AS n FROM have h GROUP BY ALL
UNION ALL
SELECT h.indicator, d.indicator, count(*) FROM have h JOIN have d ON d.geo_code = h.geo_code AND d.period = h.period
WHERE d.indicator IN (${DENOMINATORS.map(quote).join(', ')}) GROUP BY ALL`;
}

export interface Availability {
  /** Place-years with a value of the numerator. */
  n: number;
  /** Of those, place-years where the denominator exists too (equal to n for a plain metric). */
  computable: number;
  /** Why the metric cannot be offered, or why it is incomplete. */
  reason?: string;
}

export function availabilityOf(rows: { teller: string; noemer: string | null; n: number }[], labelOf: (indicator: string) => string): Map<string, Availability> {
  const count = new Map(rows.map((r) => [`${r.teller}|${r.noemer ?? ''}`, Number(r.n)]));
  const out = new Map<string, Availability>();
  for (const m of METRICS) {
    const n = count.get(`${m.numerator}|`) ?? 0;
    out.set(m.id, judge(m, n, m.denominator ? (count.get(`${m.numerator}|${m.denominator}`) ?? 0) : n, labelOf));
  }
  return out;
}

/**
 * The same judgement for the chart's own metric from the chart's own rows (workbenchSql): place-years with
 * a numerator (teller, or waarde for a plain metric) and, of those, with the denominator too. So the chart
 * is drawn without waiting for availabilitySql, which only the list of other metrics needs.
 */
export function availabilityFromRows(m: MetricDef, rows: { waarde: number | null; teller?: number | null; noemer?: number | null }[], labelOf: (indicator: string) => string): Availability {
  const has = (v: unknown) => v != null && !(typeof v === 'number' && Number.isNaN(v));
  const withNumerator = m.denominator ? rows.filter((r) => has(r.teller)) : rows.filter((r) => has(r.waarde));
  const n = withNumerator.length;
  return judge(m, n, m.denominator ? withNumerator.filter((r) => has(r.noemer)).length : n, labelOf);
}

function judge(m: MetricDef, n: number, c: number, labelOf: (indicator: string) => string): Availability {
  if (!n) return { n, computable: 0, reason: 'geen cijfers voor deze plaatsen en jaren' };
  if (!m.denominator) return { n, computable: n };
  return {
    n,
    computable: c,
    reason:
      c === 0
        ? `de noemer (${labelOf(m.denominator).toLowerCase()}) ontbreekt voor deze plaatsen en jaren`
        : c < n
          ? `de noemer (${labelOf(m.denominator).toLowerCase()}) ontbreekt voor ${n - c} van de ${n} plaats-jaren; die blijven leeg`
          : undefined,
  };
}

export { YOUNG, INHABITANTS };
