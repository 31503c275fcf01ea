import { NL } from '../catalog/places.ts';
import type { MembershipRow, Observation, Status } from './model.ts';

const WEAKEST: Status[] = ['voorlopig', 'nader voorlopig', 'definitief'];

export function weakestStatus(statuses: Status[]): Status {
  return WEAKEST.find((s) => statuses.includes(s)) ?? 'definitief';
}

const joinDistinct = (xs: string[]) => [...new Set(xs)].sort().join('; ');

/**
 * Sum additive indicators (euros, population) from gemeenten to jeugdregio's and the Netherlands, using
 * the membership of the observation's own year, as CBS does for its JZ rows. A total is only made when
 * every member gemeente has a known value: one gap makes the total unknown, and then it is left out
 * rather than shown too low. A source's own JZ or NL figure always wins over our sum.
 * `nationalSums` is false for a sample that does not hold every gemeente.
 */
export function aggregate(obs: Observation[], membership: MembershipRow[], isAdditive: (id: string) => boolean, nationalSums: boolean): Observation[] {
  const present = new Set(obs.map((o) => `${o.indicator}|${o.geo_code}|${o.period}`));
  const byGm = new Map<string, Observation>();
  for (const o of obs) if (o.geo_code.startsWith('GM') && isAdditive(o.indicator)) byGm.set(`${o.indicator}|${o.geo_code}|${o.period}`, o);
  const indicators = [...new Set([...byGm.values()].map((o) => o.indicator))];
  const periods = [...new Set([...byGm.values()].map((o) => o.period))];
  const membersOf = new Map<string, string[]>();
  const years = new Set(membership.map((m) => m.year));
  for (const m of membership) {
    const k = `${m.jeugdregio_code}|${m.year}`;
    membersOf.set(k, [...(membersOf.get(k) ?? []), m.gemeente_code]);
    if (nationalSums) membersOf.set(`${NL}|${m.year}`, [...(membersOf.get(`${NL}|${m.year}`) ?? []), m.gemeente_code]);
  }
  const out: Observation[] = [];
  for (const [k, members] of membersOf) {
    const [geo, y] = k.split('|');
    const year = Number(y);
    for (const indicator of indicators) {
      for (const period of periods) {
        // Membership of the observation's year; for years beyond the Gebieden tables, the nearest year.
        const mYear = years.has(period) ? period : nearest(years, period);
        if (mYear !== year) continue;
        if (present.has(`${indicator}|${geo}|${period}`)) continue;
        const parts = members.map((gm) => byGm.get(`${indicator}|${gm}|${period}`));
        if (parts.some((p) => !p || p.value === null)) continue;
        const ps = parts as Observation[];
        out.push({
          indicator,
          geo_code: geo,
          period,
          value: Math.round(ps.reduce((s, p) => s + p.value!, 0) * 100) / 100,
          status: weakestStatus(ps.map((p) => p.status)),
          source: joinDistinct(ps.map((p) => p.source)),
          source_file: joinDistinct(ps.map((p) => p.source_file)),
          boundary_year: ps[0].boundary_year,
          flag: 'som-gemeenten',
        });
      }
    }
  }
  return out;
}

function nearest(years: Set<number>, y: number): number {
  return [...years].reduce((best, c) => (Math.abs(c - y) < Math.abs(best - y) ? c : best));
}
