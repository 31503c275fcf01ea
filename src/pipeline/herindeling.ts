import { byCodePoint } from './compare.ts';
import { InputError } from './errors.ts';
import type { CrosswalkRow, Observation } from './model.ts';
import { readCsv } from './readers/csv.ts';
import { weakestStatus } from './verbs/table.ts';

const COLUMNS = ['year', 'from_code', 'from_name', 'to_code', 'to_name', 'share', 'exact', 'source'];

/** data/reference/herindelingen.csv → crosswalk rows; shares of one disappearing gemeente must add up to 1. */
export function parseCrosswalk(bytes: Uint8Array, file: string): CrosswalkRow[] {
  const csv = readCsv(bytes, file, { delimiter: ',', required: COLUMNS });
  const rows: CrosswalkRow[] = csv.rows.map(({ line, values: v }) => {
    const year = Number(v.year);
    const share = Number(v.share);
    if (!Number.isInteger(year) || year < 1900) throw new InputError({ file, line, column: 'year' }, `"${v.year}" is not a year`, 'a year such as 2019');
    for (const c of ['from_code', 'to_code'] as const) {
      if (!/^GM\d{4}$/.test(v[c].trim())) throw new InputError({ file, line, column: c }, `"${v[c]}" is not a gemeente code`, 'a code like GM0363');
    }
    if (!(share > 0 && share <= 1)) throw new InputError({ file, line, column: 'share' }, `"${v.share}" is not a share`, 'a number above 0 and at most 1');
    if (!/^(true|false)$/.test(v.exact.trim())) throw new InputError({ file, line, column: 'exact' }, `"${v.exact}" is not true or false`, 'true or false');
    return {
      year,
      from_code: v.from_code.trim(),
      from_name: v.from_name.trim(),
      to_code: v.to_code.trim(),
      to_name: v.to_name.trim(),
      share,
      exact: v.exact.trim() === 'true',
      source: v.source.trim(),
    };
  });
  const total = new Map<string, number>();
  for (const r of rows) total.set(`${r.year}|${r.from_code}`, (total.get(`${r.year}|${r.from_code}`) ?? 0) + r.share);
  for (const [k, t] of total) {
    if (Math.abs(t - 1) > 1e-9) throw new InputError({ file, column: 'share' }, `the shares of ${k.replace('|', ' ')} add up to ${t}`, 'shares that add up to 1 per disappearing gemeente');
  }
  return rows.sort((a, b) => a.year - b.year || byCodePoint(a.from_code, b.from_code) || byCodePoint(a.to_code, b.to_code));
}

/** Whether a gemeente code existed in the indeling of 1 January of a year (from CBS Gebieden in Nederland). */
export type Existed = (code: string, year: number) => boolean;

interface Part {
  code: string;
  share: number;
  exact: boolean;
}

/**
 * Where one gemeente of the indeling of `from` ends up in the indeling of `to`: follow every herindeling
 * that took effect after `from` up to `to`. An untouched gemeente maps to itself with share 1.
 */
export function successors(code: string, from: number, to: number, crosswalk: CrosswalkRow[]): Part[] {
  let parts: Part[] = [{ code, share: 1, exact: true }];
  for (let y = from + 1; y <= to; y++) {
    const steps = crosswalk.filter((c) => c.year === y);
    if (!steps.length) continue;
    parts = parts.flatMap((p) => {
      const out = steps.filter((s) => s.from_code === p.code);
      return out.length ? out.map((s) => ({ code: s.to_code, share: p.share * s.share, exact: p.exact && s.exact })) : [p];
    });
  }
  return parts;
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
 */
export function recast(obs: Observation[], crosswalk: CrosswalkRow[], target: number, isAdditive: (id: string) => boolean, existed: Existed): Observation[] {
  const out: Observation[] = [];
  const groups = new Map<string, Observation[]>();
  for (const o of obs) {
    if (!o.geo_code.startsWith('GM') || o.boundary_year >= target) {
      out.push(o);
      continue;
    }
    const k = `${o.indicator}|${o.period}|${o.boundary_year}`;
    const g = groups.get(k);
    if (g) g.push(o);
    else groups.set(k, [o]);
  }
  for (const group of groups.values()) {
    const { indicator, boundary_year: from } = group[0];
    const additive = isAdditive(indicator);
    const targets = new Map<string, { parts: { o: Observation; share: number; exact: boolean }[] }>();
    for (const o of group) {
      const parts = successors(o.geo_code, from, target, crosswalk);
      if (parts.length === 1 && parts[0].code === o.geo_code) {
        // Untouched by any herindeling, but perhaps a successor absorbs others: handled below.
        const t = targets.get(o.geo_code) ?? { parts: [] };
        t.parts.push({ o, share: 1, exact: true });
        targets.set(o.geo_code, t);
        continue;
      }
      for (const p of parts) {
        const t = targets.get(p.code) ?? { parts: [] };
        t.parts.push({ o, share: p.share, exact: p.exact });
        targets.set(p.code, t);
      }
    }
    const kept = new Set<Observation>();
    const summed = new Set<Observation>();
    for (const [code, { parts }] of targets) {
      if (parts.length === 1 && parts[0].o.geo_code === code && parts[0].share === 1) {
        // Same gemeente in both indelingen — unless it also received part of a split elsewhere (then parts > 1).
        out.push({ ...parts[0].o, boundary_year: target });
        kept.add(parts[0].o);
        continue;
      }
      // Predecessors that should exist in the `from` indeling: all codes that map into `code`.
      const expected = predecessors(code, from, target, crosswalk, existed);
      const have = new Set(parts.map((p) => p.o.geo_code));
      const complete = expected.every((c) => have.has(c)) && parts.every((p) => p.o.value !== null);
      if (!additive || !complete) continue;
      const base = parts[0].o;
      for (const p of parts) summed.add(p.o);
      out.push({
        indicator,
        geo_code: code,
        period: base.period,
        value: Math.round(parts.reduce((s, p) => s + p.o.value! * p.share, 0) * 100) / 100,
        status: weakestStatus(parts.map((p) => p.o.status)),
        source: [...new Set(parts.map((p) => p.o.source))].sort().join('; '),
        source_file: [...new Set(parts.map((p) => p.o.source_file))].sort().join('; '),
        boundary_year: target,
        flag: parts.every((p) => p.exact) ? 'herindeling' : 'herindeling-benadering',
      });
    }
    // Figures of gemeenten that changed stay at their own indeling, so nothing a source published is lost.
    for (const o of group) if (!kept.has(o)) out.push(summed.has(o) ? o : { ...o, flag: 'niet-omgerekend' });
  }
  return out;
}

/** Every code of the indeling of `from` that has a share in `code` in the indeling of `to`. */
function predecessors(code: string, from: number, to: number, crosswalk: CrosswalkRow[], existed: Existed): string[] {
  const codes = new Set<string>([code]);
  for (const c of crosswalk) if (c.year > from && c.year <= to) codes.add(c.from_code);
  return [...codes].filter((c) => existed(c, from) && successors(c, from, to, crosswalk).some((p) => p.code === code));
}
