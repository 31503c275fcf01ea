import { escape, from, op, type ColumnTable } from 'arquero';
import type { Observation, Status } from '../model.ts';

/**
 * Observations ⇄ Arquero tables. The verbs in this folder take and give Observation arrays (what the readers
 * make and the writer takes) and work on column tables in between. The columns come back in the order of
 * the Observation interface, so a row object looks the same as one the readers made.
 */
const COLUMNS = ['indicator', 'geo_code', 'period', 'value', 'status', 'source', 'source_file', 'boundary_year', 'flag'] as const;

export const observationTable = (obs: readonly Observation[]): ColumnTable => from(obs as Observation[], [...COLUMNS]);

export const observationsOf = (t: ColumnTable): Observation[] => t.select([...COLUMNS]).objects() as Observation[];

const WEAKEST: Status[] = ['voorlopig', 'nader voorlopig', 'definitief'];

/** The least final status among the figures a derived figure is made from. */
export function weakestStatus(statuses: readonly Status[]): Status {
  return WEAKEST.find((s) => statuses.includes(s)) ?? 'definitief';
}

/** Distinct provenance strings of the parts, sorted, as "a; b" (each part may itself be such a list). */
const joinDistinct = (xs: readonly string[]): string => [...new Set(xs.flatMap((x) => x.split('; ')))].sort().join('; ');

/** Sums of euros and persons are stored to the cent, however the parts' decimals added up. */
export const round2 = (v: number): number => Math.round(v * 100) / 100;

/** `to.push(...items)` without the spread, which overflows the call stack for a few hundred thousand rows. */
export function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

/** Rollup of a sum's parts: their distinct statuses, sources and files (read by PROVENANCE). */
export const PARTS = {
  statuses: op.array_agg_distinct('status'),
  sources: op.array_agg_distinct('source'),
  files: op.array_agg_distinct('source_file'),
};

/** A sum's status (the weakest of its parts) and provenance (every source and file of its parts). */
export const PROVENANCE = {
  status: escape((d: { statuses: Status[] }) => weakestStatus(d.statuses)),
  source: escape((d: { sources: string[] }) => joinDistinct(d.sources)),
  source_file: escape((d: { files: string[] }) => joinDistinct(d.files)),
};
