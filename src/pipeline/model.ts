/**
 * The canonical tables of the warehouse (design.md §2). Every reader ends in these shapes; every page,
 * chart and download starts from them.
 */

export type Status = 'definitief' | 'voorlopig' | 'nader voorlopig';
export type GeoLevel = 'land' | 'jeugdregio' | 'gemeente';

/** One figure: an indicator for one place and one year. `value` null = suppressed or unknown, never 0. */
export interface Observation {
  indicator: string;
  /** NL01, JZ13, GM0307 */
  geo_code: string;
  /** Calendar year the figure is about. */
  period: number;
  value: number | null;
  status: Status;
  /** CBS table id (85099NED, 45063NED) or, for transcribed figures, the publication URL. */
  source: string;
  /** The raw file it came from, relative to the data folder: the last step of the trace. */
  source_file: string;
  /** The municipal indeling (1 January of this year) that geo_code refers to. */
  boundary_year: number;
  /**
   * Why a figure is not a plain copy of the source: 'som-gemeenten' (aggregated by us from gemeenten),
   * 'herindeling' (recast to boundary_year), 'herindeling-benadering' (recast with an approximate
   * split), 'niet-omgerekend' (could not be recast, kept at its own boundary year).
   */
  flag: string | null;
}

export interface GeoRow {
  geo_code: string;
  name: string;
  level: GeoLevel;
  /** First and last year (1 January indeling) in which the code exists in the sources. */
  first_year: number;
  last_year: number;
}

/** gemeente → jeugdregio, per year (CBS Gebieden in Nederland, indeling of 1 January). */
export interface MembershipRow {
  gemeente_code: string;
  jeugdregio_code: string;
  year: number;
}

/**
 * One step of a gemeentelijke herindeling. A code that merges whole has share 1; a gemeente that was
 * split over several successors has one row per successor with the share of its population that went
 * there (exact = false: a population share is only an approximation for other quantities).
 */
export interface CrosswalkRow {
  /** The change takes effect on 1 January of this year: `from_code` exists in year-1, not in year. */
  year: number;
  from_code: string;
  from_name: string;
  to_code: string;
  to_name: string;
  share: number;
  exact: boolean;
  source: string;
}
