import { escape, from, op } from 'arquero';
import { predecessors, successors, type Existed } from '../herindeling.ts';
import type { CrosswalkRow, Observation } from '../model.ts';
import { PARTS, PROVENANCE, append, observationsOf, observationTable, round2 } from './table.ts';

/** One recast figure per indicator, year, old indeling and successor. */
const TARGET_KEY = ['indicator', 'period', 'boundary_year', 'to'];

interface Target {
  indicator: string;
  boundary_year: number;
  to: string;
  parts: number;
  known: number;
  codes: string[];
  first_code: string;
  first_share: number;
  first_row: number;
}

/**
 * Recast every gemeente series to the indeling of `target` (design §3). Per indicator and year:
 * - a gemeente that no herindeling touched keeps its figure, now labelled with the target indeling;
 * - a successor's figure is the sum of its predecessors' (× share for a split), for counts and euros
 *   only, and only when every predecessor has a value: one gap makes the recast figure unknown, and then
 *   none is made. Split shares are approximate: flag 'herindeling-benadering';
 * - percentages and unique persons cannot be summed: the predecessors keep their own figures at their
 *   own indeling, flagged 'niet-omgerekend', so they are shown, not silently dropped.
 * Jeugdregio and national rows are not recast (their composition is part of the figure).
 * `existed` tells which predecessors a complete sum needs (Altena did not exist before 2019).
 *
 * As verbs: join each older gemeente row to its successors (one row per successor with its share), roll
 * up per indicator, year and successor, and keep the complete sums of additive indicators.
 */
export function recast(obs: readonly Observation[], crosswalk: CrosswalkRow[], target: number, isAdditive: (id: string) => boolean, existed: Existed): Observation[] {
  const all = observationTable(obs).derive({ row: '() => op.row_number()' });
  const older = all.filter(escape((o: Observation) => o.geo_code.startsWith('GM') && o.boundary_year < target));
  if (!older.numRows()) return obs.slice();
  const current = all.filter(escape((o: Observation) => !o.geo_code.startsWith('GM') || o.boundary_year >= target));

  // Where each (indeling, gemeente) goes; `part` keeps successor order, `row` input order, so sums add up alike.
  const places = older.select('boundary_year', 'geo_code').dedupe().objects() as { boundary_year: number; geo_code: string }[];
  const steps = from(places.flatMap(({ boundary_year: year, geo_code: code }) =>
    successors(code, year, target, crosswalk).map((p, part) => ({ year, code, to: p.code, share: p.share, exact: p.exact, part }))));
  const needed = new Map<string, string[]>();
  const needs = (code: string, year: number) => {
    const k = `${code}|${year}`;
    if (!needed.has(k)) needed.set(k, predecessors(code, year, target, crosswalk, existed));
    return needed.get(k)!;
  };

  const parts = older.select('row', 'indicator', 'period', 'boundary_year', 'geo_code', 'value', 'status', 'source', 'source_file').join(steps, [['boundary_year', 'geo_code'], ['year', 'code']]).orderby('row', 'part');
  const targets = parts
    .groupby(TARGET_KEY)
    .rollup({
      parts: op.count(),
      known: op.valid('value'),
      codes: op.array_agg_distinct('geo_code'),
      first_code: op.any('geo_code'),
      first_share: op.any('share'),
      first_row: op.any('row'),
      sum: 'd => op.sum(d.value * d.share)',
      approximate: 'd => op.sum(d.exact ? 0 : 1)',
      ...PARTS,
    });
  // Same gemeente in both indelingen, and nobody else's part (a gemeente that received part of a split has more).
  const unchanged = (t: Target) => t.parts === 1 && t.first_code === t.to && t.first_share === 1;
  const kept = new Set(targets.filter(escape(unchanged)).array('first_row') as number[]);
  const sums = targets.filter(escape((t: Target) =>
    !unchanged(t) && isAdditive(t.indicator) && t.known === t.parts && needs(t.to, t.boundary_year).every((c) => t.codes.includes(c))));
  const summed = new Set(parts.semijoin(sums, [TARGET_KEY, TARGET_KEY]).array('row') as number[]);

  const recastSums = sums.derive({
    geo_code: 'd => d.to',
    value: escape((d: { sum: number }) => round2(d.sum)),
    ...PROVENANCE,
    boundary_year: escape(() => target),
    flag: escape((d: { approximate: number }) => (d.approximate ? 'herindeling-benadering' : 'herindeling')),
  });
  // The rows that stay are the input's own objects (a ×50 Iv3 volume must not be copied whole).
  const out = (current.array('row') as number[]).map((row) => obs[row - 1]);
  append(out, observationsOf(recastSums));
  // Figures of gemeenten that changed stay at their own indeling, so nothing a source published is lost.
  for (const row of older.array('row') as number[]) {
    const o = obs[row - 1];
    out.push(kept.has(row) ? { ...o, boundary_year: target } : summed.has(row) ? o : { ...o, flag: 'niet-omgerekend' });
  }
  return out;
}
