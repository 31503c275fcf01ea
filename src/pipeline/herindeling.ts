import { byCodePoint } from './compare.ts';
import { InputError } from './errors.ts';
import type { CrosswalkRow } from './model.ts';
import { readCsv } from './readers/csv.ts';

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

/** Every code of the indeling of `from` that has a share in `code` in the indeling of `to`. */
export function predecessors(code: string, from: number, to: number, crosswalk: CrosswalkRow[], existed: Existed): string[] {
  const codes = new Set<string>([code]);
  for (const c of crosswalk) if (c.year > from && c.year <= to) codes.add(c.from_code);
  return [...codes].filter((c) => existed(c, from) && successors(c, from, to, crosswalk).some((p) => p.code === code));
}
