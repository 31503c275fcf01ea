import { escape, from } from 'arquero';
import { InputError } from '../errors.ts';
import type { Observation } from '../model.ts';
import { firstRepeat } from './first-repeat.ts';
import { observationsOf } from './table.ts';

/** An observation as read, with where in its file it stands (for the errors). */
export interface Candidate extends Observation {
  line: number;
  column: string;
}

const KEY = ['indicator', 'geo_code', 'period'];
type Row = Candidate & { at: number };

/**
 * One observation per indicator, region and year from figures that several CBS tables publish. Within one
 * table a second value is an error. Across tables the table earlier in `precedence` wins; a listed table
 * beats an unlisted one; unlisted tables must agree, and their first known value is kept. The result keeps
 * the order in which the keys first occur.
 *
 * As verbs: rank every row, then per key keep the best-ranked (dedupe on the ordered table).
 */
export function preferTables(candidates: readonly Candidate[], precedence: readonly string[]): Observation[] {
  if (!candidates.length) return [];
  const twice = firstRepeat(candidates, ['indicator', 'geo_code', 'period', 'source']);
  if (twice) {
    const { row: r, first } = twice;
    throw new InputError({ file: r.source_file, line: r.line }, `a second value for ${r.indicator}, ${r.geo_code}, ${r.period} (first at line ${first.line})`, 'one value per indicator, region and period');
  }
  const rankOf = (table: string) => precedence.indexOf(table.toUpperCase());
  const rows = from(candidates as Candidate[]).derive({
    at: '() => op.row_number()',
    // Listed tables by their place; unlisted ones after them, a known value before an empty cell.
    pref: escape((c: Candidate) => (rankOf(c.source) >= 0 ? rankOf(c.source) : precedence.length + (c.value === null ? 1 : 0))),
  });

  // Two tables without a stated precedence (70072ned and 03759ned both give the population) must agree.
  const clash = rows
    .filter(escape((c: Candidate) => rankOf(c.source) < 0 && c.value !== null))
    .groupby(KEY)
    .derive({ kept: 'd => op.first_value(d.at)', kept_value: 'd => op.first_value(d.value)' })
    .filter(escape((d: Row & { kept_value: number }) => d.value !== d.kept_value))
    .orderby('at')
    .objects({ limit: 1 })[0] as (Row & { kept: number }) | undefined;
  if (clash) {
    const kept = candidates[clash.kept - 1];
    throw new InputError({ file: clash.source_file, line: clash.line, column: clash.column }, `${clash.indicator}, ${clash.geo_code}, ${clash.period} is ${clash.value} here and ${kept.value} in ${kept.source_file} (line ${kept.line})`, 'the same figure in every CBS table that publishes it');
  }

  return observationsOf(rows.groupby(KEY).derive({ first: 'd => op.min(d.at)' }).orderby('pref', 'at').dedupe(KEY).orderby('first'));
}
