import { escape, from } from 'arquero';

/**
 * The first row (in the rows' order) whose key an earlier row already had, with that earlier row beside it;
 * undefined when every key is unique. Behind the "a second value for …" errors, which name both places.
 */
export function firstRepeat<T extends object>(rows: readonly T[], keys: (keyof T & string)[]): { row: T; first: T } | undefined {
  if (rows.length < 2) return undefined;
  const hit = from(rows.map((row, at) => ({ ...pick(row, keys), at })))
    .groupby(keys)
    .derive({ nth: '() => op.row_number()', first: 'd => op.first_value(d.at)' })
    .filter(escape((d: { nth: number }) => d.nth === 2))
    .orderby('at')
    .objects({ limit: 1 })[0] as { at: number; first: number } | undefined;
  return hit && { row: rows[hit.at], first: rows[hit.first] };
}

function pick<T extends object>(row: T, keys: (keyof T & string)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = row[k];
  return out;
}
