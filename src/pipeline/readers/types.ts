import type { Status } from '../model.ts';

/** A file handed to a reader: where it is on disk and how to name it in messages and provenance. */
export interface SourceFile {
  /** Absolute path (for DuckDB). */
  path: string;
  /** Path relative to the data folder: what messages and the warehouse's source_file show. */
  rel: string;
  bytes: Uint8Array;
}

export interface Coded {
  key: string;
  title: string;
}

/**
 * One cell of a CBS table, whatever API or export it came from, with codes resolved to titles.
 * Mapping to indicators happens later (cbs-map.ts), so the readers know formats, not meanings.
 */
export interface CbsRecord {
  tableId: string;
  file: string;
  line: number;
  /** Trimmed region code (GM0363, JZ13, NL01); for label-only exports the region label. */
  region: string;
  /** Period key as CBS writes it (2019JJ00); label-only exports give the title ("2019*"). */
  period: Coded;
  status: Status;
  measure: Coded & { unit: string; description?: string };
  /** Other dimensions by dimension key (VormenVanJeugdzorg, Leeftijd …). */
  dims: Record<string, Coded>;
  value: number | null;
  /** The column the value was read from: the topic's column (v3, StatLine CSV) or "Value" (v4). */
  column: string;
  /** v4 text datasets (Gebieden in Nederland) carry text instead of a number. */
  text: string | null;
}

export function statusFrom(statusField: string | null | undefined, title: string): Status {
  const s = (statusField ?? '').toLowerCase();
  if (s.includes('nader')) return 'nader voorlopig';
  if (s.includes('voorlopig')) return 'voorlopig';
  if (s) return 'definitief';
  // Titles mark provisional figures with * and revised provisional ones with **.
  if (/\*\*\s*$/.test(title)) return 'nader voorlopig';
  if (/\*\s*$/.test(title)) return 'voorlopig';
  return 'definitief';
}
