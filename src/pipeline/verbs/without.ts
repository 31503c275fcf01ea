import type { Observation } from '../model.ts';
import { observationsOf, observationTable } from './table.ts';

const KEY = ['indicator', 'geo_code', 'period'];

/** The observations whose indicator, region and year `have` does not hold yet (an anti-join), in their order. */
export function without(obs: readonly Observation[], have: readonly Observation[]): Observation[] {
  if (!obs.length || !have.length) return obs.slice();
  return observationsOf(observationTable(obs).antijoin(observationTable(have), [KEY, KEY]));
}
