import { NL } from '../catalog/places.ts';
import { weakestStatus } from './verbs/table.ts';
import type { MembershipRow, Observation } from './model.ts';
import { CENTRUM_SHARE, ELSEWHERE_FRACTION, FLAG_CENTRUM, FLAG_ELSEWHERE, FLAG_INCOMPLETE, NET_BASES, nettoId } from '../catalog/net-cost-rules.ts';
import { batenId } from './taakveld.ts';
import { pair } from './verbs/pair.ts';

/**
 * Net youth-care costs and the figures derived from them, computed once here and stored, so every page and
 * download shows the same numbers.
 *
 * Why netto: a centrumgemeente contracts care for its whole region and books the other gemeenten's
 * payments as baten, while those gemeenten book the same payments as their own lasten. Gross lasten make
 * the centrumgemeente look like an over-spender and count that money twice in a regional sum; lasten −
 * baten counts it once, with the gemeente that finally pays. Netto of a region or Nederland is its summed
 * lasten minus its summed baten, i.e. the sum of its gemeenten's netto.
 */

export const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * A figure computed from `from` (and `others`): its place, period and indeling, the weakest status of its
 * inputs and every source and raw file they came from, so the derived row stays traceable.
 */
export const derived = (from: Observation, indicator: string, value: number | null, others: Observation[] = []): Observation => ({
  ...from,
  indicator,
  value,
  status: weakestStatus([from.status, ...others.map((o) => o.status)]),
  source: [...new Set([from, ...others].flatMap((o) => o.source.split('; ')))].sort().join('; '),
  source_file: [...new Set([from, ...others].flatMap((o) => o.source_file.split('; ')))].sort().join('; '),
});

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * From lasten (kosten_…), baten (baten_…) and inhabitants (bevolking_totaal) of every gemeente, jeugdregio
 * and Nederland: netto_… for every cost indicator, netto_jeugdhulp_per_inwoner_…, netto_jeugdhulp_per_jongere_…
 * (÷ bevolking_0_17, where the warehouse has it) and
 * aandeel_baten_jeugdhulp_…, with the centrumgemeente and elders-geboekt flags. Runs after the regional
 * sums and the recast, on their output; returns only the new observations.
 */
export function deriveNetCosts(obs: Observation[], membership: MembershipRow[]): Observation[] {
  const out: Observation[] = [];

  // 1. Netto for every cost indicator and place; per inwoner and the baten share for all individual jeugdhulp.
  const headline = new Map<string, { netto: Observation; perInwoner: Observation | null; share: Observation | null; lasten: Observation }>();
  const COST = /^(kosten_.+)_(jaarrekening|begroting)$/;
  const costs = obs.filter((o) => (NET_BASES as readonly string[]).includes(COST.exec(o.indicator)?.[1] ?? ''));
  const batenOf = pairIn(obs, costs, (o) => o.indicator.replace(COST, (_, base: string, soort: string) => `${batenId(base)}_${soort}`), false);
  // Inhabitants on the same indeling as the costs where there is one, else the newest.
  const jeugdhulp = costs.filter((o) => COST.exec(o.indicator)![1] === 'kosten_jeugdhulp');
  const zip = (ys: (Observation | undefined)[]) => new Map(jeugdhulp.map((o, i) => [o, ys[i]]));
  const population = zip(pairIn(obs, jeugdhulp, () => 'bevolking_totaal', true));
  const young = zip(pairIn(obs, jeugdhulp, () => 'bevolking_0_17', true));
  for (const [k, lasten] of costs.entries()) {
    const [, base, soort] = COST.exec(lasten.indicator)!;
    const baten = batenOf[k];
    if (!baten) continue;
    const value = lasten.value === null || baten.value === null ? null : round2(lasten.value - baten.value);
    const netto = derived(lasten, `${nettoId(base)}_${soort}`, value, [baten]);
    out.push(netto);
    if (base !== 'kosten_jeugdhulp') continue;
    const pop = population.get(lasten);
    const perInwoner = pop
      ? derived(netto, `netto_jeugdhulp_per_inwoner_${soort}`, value === null || !pop.value ? null : round2(value / pop.value), [pop])
      : null;
    const share = derived(lasten, `aandeel_baten_jeugdhulp_${soort}`,
      lasten.value === null || baten.value === null || lasten.value <= 0 ? null : round2((100 * baten.value) / lasten.value), [baten]);
    const kids = young.get(lasten);
    if (kids) out.push(derived(netto, `netto_jeugdhulp_per_jongere_${soort}`, value === null || !kids.value ? null : round2(value / kids.value), [kids]));
    if (perInwoner) out.push(perInwoner);
    out.push(share);
    headline.set(`${lasten.geo_code}|${lasten.period}|${lasten.boundary_year}|${soort}`, { netto, perInwoner, share, lasten });
  }

  // 2. Flags per gemeente, year and verslagsoort, applied to every netto figure of that gemeente.
  const flagOf = new Map<string, string>();
  const groups = new Map<string, { geo: string; perInwoner: number | null; lasten: number | null; share: number | null }[]>();
  for (const [k, h] of headline) {
    if (!h.netto.geo_code.startsWith('GM')) continue;
    const [geo, period, , soort] = k.split('|');
    const g = `${period}|${soort}`;
    groups.set(g, [...(groups.get(g) ?? []), { geo, perInwoner: h.perInwoner?.value ?? null, lasten: h.lasten.value, share: h.share?.value ?? null }]);
  }
  for (const [g, rows] of groups) {
    const med = median(rows.map((r) => r.perInwoner).filter((v): v is number => v !== null));
    for (const r of rows) {
      const elsewhere = (r.lasten !== null && r.lasten <= 0) || (med !== null && med > 0 && r.perInwoner !== null && r.perInwoner < ELSEWHERE_FRACTION * med);
      if (elsewhere) flagOf.set(`${r.geo}|${g}`, FLAG_ELSEWHERE);
      else if (r.share !== null && r.share >= CENTRUM_SHARE) flagOf.set(`${r.geo}|${g}`, FLAG_CENTRUM);
    }
  }
  const years = [...new Set(membership.map((m) => m.year))];
  const membersOf = new Map<string, string[]>();
  for (const m of membership) {
    membersOf.set(`${m.jeugdregio_code}|${m.year}`, [...(membersOf.get(`${m.jeugdregio_code}|${m.year}`) ?? []), m.gemeente_code]);
    membersOf.set(`${NL}|${m.year}`, [...(membersOf.get(`${NL}|${m.year}`) ?? []), m.gemeente_code]);
  }
  const nearestYear = (y: number) => (years.includes(y) ? y : years.reduce((b, c) => (Math.abs(c - y) < Math.abs(b - y) ? c : b), years[0]));
  for (const o of out) {
    const soort = o.indicator.endsWith('_begroting') ? 'begroting' : 'jaarrekening';
    if (o.geo_code.startsWith('GM')) {
      const flag = flagOf.get(`${o.geo_code}|${o.period}|${soort}`);
      if (flag === FLAG_ELSEWHERE) {
        o.value = null;
        o.flag = flag;
      } else if (flag === FLAG_CENTRUM && !o.flag) o.flag = flag;
    } else if (o.flag === 'som-gemeenten' && years.length) {
      const members = membersOf.get(`${o.geo_code}|${nearestYear(o.period)}`) ?? [];
      if (members.some((gm) => flagOf.get(`${gm}|${o.period}|${soort}`) === FLAG_ELSEWHERE)) o.flag = FLAG_INCOMPLETE;
    }
  }
  return out;
}

/** pair() against only the rows of `obs` that some left row wants. */
function pairIn(obs: readonly Observation[], left: readonly Observation[], want: (o: Observation) => string, newest: boolean) {
  const wanted = new Set(left.map(want));
  return pair(left, obs.filter((o) => wanted.has(o.indicator)), want, newest);
}
