import { VERWIJZERS } from '../catalog/indicators.ts';
import type { Observation } from './model.ts';
import { derived, round2 } from './net-costs.ts';

/**
 * The share of each referrer in all youth-care trajectories of a place and year (85097NED), computed once
 * here and stored. Runs after the regional sums and the recast, so a share is the ratio of two counts on the
 * same indeling (a percentage itself is never summed or recast). Unknown or zero total: the share is null.
 */
export function deriveReferrerShares(obs: Observation[]): Observation[] {
  const key = (geo: string, period: number, by: number) => `${geo}|${period}|${by}`;
  const totals = new Map<string, Observation>();
  for (const o of obs) if (o.indicator === 'trajecten_jeugdhulp_natura') totals.set(key(o.geo_code, o.period, o.boundary_year), o);
  const out: Observation[] = [];
  for (const o of obs) {
    const m = /^trajecten_verwijzer_(.+)$/.exec(o.indicator);
    if (!m || !VERWIJZERS.some((v) => v.id === m[1])) continue;
    const total = totals.get(key(o.geo_code, o.period, o.boundary_year));
    if (!total) continue;
    const value = o.value === null || total.value === null || total.value <= 0 ? null : round2((100 * o.value) / total.value);
    out.push(derived(o, `aandeel_trajecten_${m[1]}`, value, [total]));
  }
  return out;
}
