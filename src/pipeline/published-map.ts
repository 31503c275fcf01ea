import { InputError } from './errors.ts';
import type { NameIndex } from './geo.ts';
import type { Observation, Status } from './model.ts';
import { halfYearId, hasIndicator, indicator as definition, VERWIJZERS } from '../catalog/indicators.ts';
import type { PublishedFigure } from './readers/published-figures.ts';

/**
 * Publication metric → indicator. Only metrics whose definition is the indicator's definition are
 * mapped (PROVENANCE §7 explains the names); the rest are context and stay out of the warehouse.
 */
const METRICS: Record<string, string> = {
  jongeren_met_jeugdzorg_totaal_JZ: 'jongeren_jeugdzorg',
  jongeren_tot23_met_jeugdzorg_totaal: 'jongeren_jeugdzorg_tot23',
  jongeren_met_jeugdhulp_totaal_incl_pgb: 'jongeren_jeugdhulp',
  jongeren_met_jeugdhulp_zonder_verblijf_totaal: 'jongeren_jeugdhulp_zonder_verblijf',
  jongeren_met_jeugdhulp_met_verblijf_totaal: 'jongeren_jeugdhulp_met_verblijf',
  jongeren_tot23_met_jeugdhulp_met_verblijf: 'jongeren_jeugdhulp_met_verblijf',
  jongeren_met_jeugdhulp_met_verblijf_pleegzorg: 'jongeren_verblijf_pleegzorg',
  jongeren_met_jeugdhulp_met_verblijf_gezinsgericht: 'jongeren_verblijf_gezinsgericht',
  jongeren_met_jeugdhulp_met_verblijf_gesloten_plaatsing: 'jongeren_verblijf_gesloten',
  jongeren_met_jeugdhulp_met_verblijf_overig: 'jongeren_verblijf_overig',
  jongeren_met_jeugdbescherming: 'jongeren_jeugdbescherming',
  jongeren_met_jeugdreclassering: 'jongeren_jeugdreclassering',
  pct_jongeren_met_jeugdhulp_in_natura: 'aandeel_jongeren_jeugdhulp_in_natura',
  // Statistische Trends 2021 (Landelijke Jeugdmonitor, §3) states this ratio in words: jongeren tot 18 jaar met
  // jeugdhulp in natura as a share of all jongeren tot 18 jaar, per gemeente and for Nederland. That is the
  // 82972NED/85098NED indicator: NL 2019* 12,2 % there = 411 duizend tot-18-jarigen in natura (CBS nieuws 2020/18)
  // over the 0–17 population, and 2020 gives 12,0 % here = 402 duizend over the same population.
  pct_jongeren_tot18_met_jeugdhulp_in_natura: 'aandeel_jongeren_jeugdhulp_in_natura',
  // Trajectories by referrer, typed from StatLine 85096NED (national, 2021 on) and 82970NED (2015–2020): the
  // same topic ("Totaal jeugdhulptrajecten in natura") and referrer titles as the regional table 85097NED.
  trajecten_jeugdhulp_natura: 'trajecten_jeugdhulp_natura',
  ...Object.fromEntries(VERWIJZERS.map((v) => [`trajecten_verwijzer_${v.id}`, `trajecten_verwijzer_${v.id}`])),
  // StatLine 83454NED "JZ Totaal jeugdzorg", Begrote / Gerealiseerde kosten, typed in euros (the page prints × 1 000).
  kosten_jeugdzorg_begroot: 'kosten_jeugdzorg_cbs_begroting',
  kosten_jeugdzorg_gerealiseerd: 'kosten_jeugdzorg_cbs_realisatie',
};

const LABEL = /^(\d{4})(?:H([12]))?(\*{0,2})(?:\s*\((.+)\))?$/;

interface Candidate {
  obs: Observation;
  superseded: boolean;
  /** A news site quoting CBS, usually rounded: CBS's own page wins. */
  secondary: boolean;
  approximate: boolean;
  line: number;
  file: string;
}

/**
 * Years and half-years (each half-year its own series); peildata are other quantities and left out. Where one period was published
 * more than once the rules are explicit: a later revision beats a note "(as first published)" or
 * "(as published in …)", CBS's own publication beats a secondary source quoting it, definitief beats nader voorlopig beats voorlopig, an exact figure beats a
 * "circa" one; two figures that still disagree are an error.
 */
export function observationsFromPublished(rows: PublishedFigure[], names: NameIndex, boundaryYear: (y: number) => number): Observation[] {
  const best = new Map<string, Candidate>();
  for (const r of rows) {
    const base = METRICS[r.metric];
    const m = LABEL.exec(r.year);
    if (!base || !m) continue;
    // "2022H1**": a half-year is its own series (see halfYearId), never a year.
    const indicator = m[2] ? halfYearId(base, Number(m[2]) as 1 | 2) : base;
    if (!hasIndicator(indicator)) continue;
    const year = Number(m[1]);
    if (r.value < 0 && definition(indicator).unit !== 'euro') {
      throw new InputError({ file: r.file, line: r.line, column: 'value' }, `negative value ${r.value} for ${r.metric}`, `zero or more ${definition(indicator).unit}`);
    }
    const status: Status = m[3] === '**' ? 'nader voorlopig' : m[3] === '*' ? 'voorlopig' : 'definitief';
    const geo = names.lookup(r.geography, year);
    if (!geo) {
      throw new InputError({ file: r.file, line: r.line, column: 'geography' }, `unknown gemeente "${r.geography}"`, `a name as in CBS Gebieden in Nederland ${year}`);
    }
    const c: Candidate = {
      obs: { indicator, geo_code: geo, period: year, value: r.value, status, source: r.source_url, source_file: r.file, boundary_year: boundaryYear(year), flag: null },
      superseded: /first published|as published/i.test(m[4] ?? ''),
      secondary: /secondary/i.test(r.source_title),
      approximate: /circa|afgerond/i.test(r.unit),
      line: r.line,
      file: r.file,
    };
    const key = `${indicator}|${geo}|${year}`;
    const prev = best.get(key);
    if (!prev) {
      best.set(key, c);
      continue;
    }
    const order = compare(c, prev);
    if (order > 0) best.set(key, c);
    else if (order === 0 && c.obs.value !== prev.obs.value) {
      throw new InputError({ file: r.file, line: r.line, column: 'value' }, `${r.metric} ${r.year} is ${r.value} here and ${prev.obs.value} at line ${prev.line}`, 'one value per metric and period, or a note saying which publication is older');
    }
  }
  return [...best.values()].map((c) => c.obs);
}

const RANK: Record<Status, number> = { voorlopig: 0, 'nader voorlopig': 1, definitief: 2 };

function compare(a: Candidate, b: Candidate): number {
  if (a.superseded !== b.superseded) return a.superseded ? -1 : 1;
  if (a.secondary !== b.secondary) return a.secondary ? -1 : 1;
  if (a.obs.status !== b.obs.status) return RANK[a.obs.status] - RANK[b.obs.status];
  if (a.approximate !== b.approximate) return a.approximate ? -1 : 1;
  return 0;
}
