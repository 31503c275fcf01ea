import { PLACE_CODE } from '../catalog/places.ts';
import { InputError } from './errors.ts';
import type { NameIndex } from './geo.ts';
import { formIndicator, halfYearId, hasIndicator, indicator as definition, normTitle, KENMERKEN, VERWIJZERS } from '../catalog/indicators.ts';
import type { Observation } from './model.ts';
import { preferTables, type Candidate } from './verbs/prefer-table.ts';
import type { CbsRecord } from './readers/types.ts';

const CODE = PLACE_CODE;
const FORM_DIMS = /^(vormenvanjeugdzorg|vormen van jeugdzorg|soortjeugdzorg|typejeugdzorg)$/;
/** 85097NED's referrer dimension (key VerwijzerJeugdzorg; "Verwijzer jeugdzorg" in StatLine exports). */
const REFERRER_DIMS = /^verwijzer ?jeugdzorg$/;

/** Which indicator a CBS cell belongs to, decided by topic title and breakdown titles; undefined = not used. */
export function indicatorOf(r: CbsRecord): string | undefined {
  const topic = normTitle(r.measure.title);
  const unit = normTitle(r.measure.unit);
  const dims = Object.entries(r.dims);
  const form = dims.find(([k]) => FORM_DIMS.test(normTitle(k)));
  const others = dims.filter((d) => d !== form);
  const allTotal = (ds: typeof dims) => ds.every(([, c]) => /totaal|^t001/.test(normTitle(c.title)) || c.key === '');

  // Kerncijfers wijken en buurten: CBS's own per-gemeente definition (under 23, in natura), never merged
  // with the Beleidsinformatie Jeugd series. Those tables have no form dimension.
  if (!form && /^jongeren met jeugdzorg in natura$/.test(topic) && allTotal(others)) return 'kwb_jongeren_jeugdzorg';
  if (!form && /^percentage jongeren met jeugdzorg$/.test(topic) && allTotal(others)) return 'kwb_aandeel_jongeren_jeugdzorg';
  if (/jongeren met jeugdzorg/.test(topic) && !/relatief|%|percentage/.test(`${topic} ${unit}`)) {
    // 85100NED: one person characteristic (age group, sex, household) of all young people with jeugdzorg.
    const kenmerk = others.find(([k]) => normTitle(k) === 'persoonskenmerken');
    if (kenmerk && !/^totaal/.test(normTitle(kenmerk[1].title))) {
      if (!form || formIndicator(form[1].title) !== 'jongeren_jeugdzorg' || !allTotal(others.filter((d) => d !== kenmerk))) return undefined;
      const k = KENMERKEN.find((x) => x.title.test(normTitle(kenmerk[1].title)));
      return k ? `jongeren_jeugdzorg_${k.id}` : undefined;
    }
    if (!allTotal(others)) return undefined;
    return form ? formIndicator(form[1].title) : 'jongeren_jeugdzorg';
  }
  if (/jeugdhulp in natura/.test(topic) && /%|procent/.test(unit) && allTotal(dims)) return 'aandeel_jongeren_jeugdhulp_in_natura';
  // 85097NED: the running trajectories of the period, per referrer (the flows begun/ended are other topics).
  const referrer = dims.find(([k]) => REFERRER_DIMS.test(normTitle(k)));
  if (referrer && /^totaal jeugdhulptrajecten in natura$/.test(topic) && allTotal(dims.filter((d) => d !== referrer))) {
    const t = normTitle(referrer[1].title);
    if (/^totaal/.test(t)) return 'trajecten_jeugdhulp_natura';
    const v = VERWIJZERS.find((x) => x.title.test(t));
    return v ? `trajecten_verwijzer_${v.id}` : undefined;
  }
  if (/^totale bevolking/.test(topic) && allTotal(dims)) return 'bevolking_totaal';
  if (/bevolking op 1 januari/.test(topic)) {
    const age = dims.find(([k]) => normTitle(k) === 'leeftijd');
    if (!age || !allTotal(dims.filter((d) => d !== age))) return undefined;
    const a = normTitle(age[1].title);
    if (a === 'totaal') return 'bevolking_totaal';
    if (a === '0 tot 18 jaar') return 'bevolking_0_17';
    if (a === '0 tot 23 jaar') return 'bevolking_0_22';
    return undefined;
  }
  const cost = /^(begrote|gerealiseerde) kosten/.exec(topic);
  if (cost && form && /^(jz )?totaal jeugdzorg$/.test(normTitle(form[1].title)) && allTotal(others)) {
    return cost[1] === 'begrote' ? 'kosten_jeugdzorg_cbs_begroting' : 'kosten_jeugdzorg_cbs_realisatie';
  }
  return undefined;
}

/** 2019JJ00 (API) or 2019 / 2019* (StatLine labels) → 2019; half-years and peildata → undefined. */
export function annualPeriod(p: { key: string; title: string }): number | undefined {
  const m = /^(\d{4})JJ00$/.exec(p.key) ?? /^(\d{4})\s*\**$/.exec(p.key.trim());
  return m ? Number(m[1]) : undefined;
}

/** 2023HJ01 (API) or "2023 1e halfjaar*" / "1e halfjaar 2023" (labels) → { year: 2023, half: 1 }. */
export function halfYearPeriod(p: { key: string; title: string }): { year: number; half: 1 | 2 } | undefined {
  const m = /^(\d{4})HJ0([12])$/.exec(p.key.trim());
  if (m) return { year: Number(m[1]), half: Number(m[2]) as 1 | 2 };
  for (const s of [p.key, p.title]) {
    const h = /\b([12])e halfjaar\b/i.exec(s);
    const y = /\b(\d{4})\b/.exec(s);
    if (h && y) return { year: Number(y[1]), half: Number(h[1]) as 1 | 2 };
  }
  return undefined;
}

const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december';
const OTHER_TITLE = new RegExp(`halfjaar|kwartaal|peildatum|\\b(${MONTHS})\\b`, 'i');

/**
 * Periods that are real CBS periods but not years: codes of CBS's YYYY + letters + digits form other than
 * JJ (half-years YYYYHJ01, quarters YYYYKW01, months YYYYMM01 …) and peildata ("30 juni 2025*"). Anything
 * else that is not a year (2022JJ01, "2022 (voorlopig)") is an unknown code.
 */
export function isOtherPeriod(p: { key: string; title: string }): boolean {
  return /^\d{4}(?!JJ)[A-Z]{1,2}\d{2,3}$/.test(p.key) || OTHER_TITLE.test(p.title) || OTHER_TITLE.test(p.key);
}

/**
 * CBS publishes some figures in more than one table (84134NED up to 2020 and 85099NED from 2015 on;
 * 85100NED repeats the totals of 85099NED; 82972NED and 85098NED overlap). Within one table a second
 * value is an error; across tables the table earlier in this list wins, and the others are left out.
 */
export const TABLE_PRECEDENCE = ['85099NED', '85098NED', '84134NED', '82972NED', '85100NED', '83454NED'];
/**
 * CBS records → observations. Codes pass through; label-only exports (StatLine CSV) are resolved by
 * name against the Gebieden of that year, and an unknown name is an error, never silently dropped.
 * Regions other than NL, JZ and GM (provinces, COROP, wijken) are not part of the warehouse.
 */
export function observationsFromCbs(records: CbsRecord[], names: NameIndex, boundaryYear: (y: number) => number): Observation[] {
  const out: Candidate[] = [];
  for (const r of records) {
    let indicator = indicatorOf(r);
    if (!indicator) continue;
    let year = annualPeriod(r.period);
    if (year === undefined) {
      // A half-year is its own series (persons are counted once per period, so two halves never add up to a year).
      const half = halfYearPeriod(r.period);
      if (half && hasIndicator(halfYearId(indicator, half.half))) {
        indicator = halfYearId(indicator, half.half);
        year = half.year;
      } else if (half || isOtherPeriod(r.period)) continue;
      else throw new InputError({ file: r.file, line: r.line, column: 'Perioden' }, `unknown period code "${r.period.key}"`, 'a year such as 2019JJ00 or 2019*, or a half-year, quarter, month or peildatum');
    }
    let geo = r.region;
    if (!CODE.test(geo)) {
      if (/^(PV|LD|CR|WK|BU|GG|RE|GR|ST|KK)\d/.test(geo) || /^GM\d/.test(geo)) continue;
      const code = names.lookup(geo, year);
      if (!code) throw new InputError({ file: r.file, line: r.line, column: "Regio's" }, `unknown region "${geo}"`, `a gemeente, jeugdregio (JZ) or Nederland as named in CBS Gebieden in Nederland ${year}`);
      geo = code;
    }
    if (r.value !== null && r.value < 0 && definition(indicator).unit !== 'euro') {
      throw new InputError({ file: r.file, line: r.line, column: r.column }, `negative value ${r.value} for ${indicator}`, `zero or more ${definition(indicator).unit}, or an empty cell for a missing value`);
    }
    const perThousand = /1 ?000/.test(r.measure.unit) || /1 ?000/.test(r.measure.title);
    out.push({
      indicator,
      geo_code: geo,
      period: year,
      value: r.value === null ? null : perThousand ? r.value * 1000 : r.value,
      status: r.status,
      source: r.tableId,
      source_file: r.file,
      boundary_year: boundaryYear(year),
      flag: null,
      line: r.line,
      column: r.column,
    });
  }
  return preferTables(out, TABLE_PRECEDENCE);
}
