import { desc, table } from 'arquero';
import type { Observation } from '../model.ts';

const ON = ['indicator', 'geo_code', 'period', 'boundary_year'];
const ON_YEAR = ['indicator', 'geo_code', 'period'];

/**
 * For each row of `left`, the row of `right` with indicator `want(row)` for the same place and year, on the
 * same indeling; with `newest`, where `right` has none on that indeling, its newest indeling of that year.
 * Undefined where there is none. The rows of a ratio (netto ÷ inwoners) or a difference (lasten − baten).
 *
 * As verbs: a join on place, year and indeling, then for the rows it missed (an anti-join) a join on place
 * and year with the newest indeling of `right` (ordered, deduped).
 */
export function pair(left: readonly Observation[], right: readonly Observation[], want: (o: Observation) => string, newest: boolean): (Observation | undefined)[] {
  const out: (Observation | undefined)[] = new Array(left.length).fill(undefined);
  if (!left.length || !right.length) return out;
  const l = table({
    i: left.map((_, i) => i),
    indicator: left.map(want),
    geo_code: left.map((o) => o.geo_code),
    period: left.map((o) => o.period),
    boundary_year: left.map((o) => o.boundary_year),
  });
  const r = table({
    j: right.map((_, j) => j),
    indicator: right.map((o) => o.indicator),
    geo_code: right.map((o) => o.geo_code),
    period: right.map((o) => o.period),
    boundary_year: right.map((o) => o.boundary_year),
  });
  const take = (t: ReturnType<typeof table>) => {
    const is = t.array('i') as number[];
    const js = t.array('j') as number[];
    // Ordered by j: of two right rows with one key, the later wins (as a Map keyed on it would have it).
    for (let k = 0; k < is.length; k++) out[is[k]] = right[js[k]];
  };
  take(l.join(r, [ON, ON], [['i'], ['j']]).orderby('j'));
  if (newest) {
    // Newest indeling first; of equal ones the first row.
    const latest = r.orderby(desc('boundary_year'), 'j').dedupe(ON_YEAR);
    take(l.antijoin(r, [ON, ON]).join(latest, [ON_YEAR, ON_YEAR], [['i'], ['j']]).orderby('j'));
  }
  return out;
}
