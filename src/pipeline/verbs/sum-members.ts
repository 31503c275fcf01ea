import { escape, from, op } from 'arquero';
import { NL } from '../../catalog/places.ts';
import type { MembershipRow, Observation } from '../model.ts';
import { PARTS, PROVENANCE, observationsOf, observationTable, round2 } from './table.ts';

/**
 * Sum additive indicators (euros, population) from gemeenten to jeugdregio's and the Netherlands, using
 * the membership of the observation's own year, as CBS does for its JZ rows. A total is only made when
 * every member gemeente has a known value: one gap makes the total unknown, and then it is left out
 * rather than shown too low. A source's own JZ or NL figure always wins over our sum.
 * `nationalSums` is false for a sample that does not hold every gemeente.
 *
 * As verbs: join the gemeente rows to their regions, roll up per region and year, keep the complete
 * groups, and anti-join what the sources give themselves.
 */
export function sumMembers(obs: readonly Observation[], membership: readonly MembershipRow[], isAdditive: (id: string) => boolean, nationalSums: boolean): Observation[] {
  if (!membership.length) return [];
  // Membership of the observation's year; for years beyond the Gebieden tables, the nearest year.
  const years = [...new Set(membership.map((m) => m.year))];
  const membershipYear = (y: number) => (years.includes(y) ? y : years.reduce((b, c) => (Math.abs(c - y) < Math.abs(b - y) ? c : b)));
  // `order` keeps membership order inside a region, so the sum adds its parts in the same order every run.
  const members = from(
    membership.flatMap((m, order) => [
      { region: m.jeugdregio_code, year: m.year, gemeente: m.gemeente_code, order },
      ...(nationalSums ? [{ region: NL, year: m.year, gemeente: m.gemeente_code, order }] : []),
    ]),
  );
  const size = members.groupby('region', 'year').count({ as: 'size' });
  const all = observationTable(obs);
  const sums = all
    .filter(escape((o: Observation) => o.geo_code.startsWith('GM') && isAdditive(o.indicator)))
    .select('indicator', 'geo_code', 'period', 'value', 'status', 'source', 'source_file', 'boundary_year')
    .derive({ year: escape((o: Observation) => membershipYear(o.period)) })
    .join(members, [['geo_code', 'year'], ['gemeente', 'year']])
    .orderby('order')
    .groupby('indicator', 'region', 'period', 'year')
    .rollup({
      parts: op.count(),
      known: op.valid('value'),
      sum: op.sum('value'),
      ...PARTS,
      boundary_year: op.any('boundary_year'),
    })
    .join(size, [['region', 'year'], ['region', 'year']])
    .filter(escape((d: { parts: number; known: number; size: number }) => d.parts === d.size && d.known === d.size))
    .antijoin(all.select('indicator', 'geo_code', 'period'), [['indicator', 'region', 'period'], ['indicator', 'geo_code', 'period']])
    .derive({
      geo_code: 'd => d.region',
      value: escape((d: { sum: number }) => round2(d.sum)),
      ...PROVENANCE,
      flag: "() => 'som-gemeenten'",
    });
  return observationsOf(sums);
}
