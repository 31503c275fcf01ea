/**
 * Synthetic test data (the generated "world" of tests/world) must never pass for CBS figures. Every table
 * the world serves says SYNTHETIC_MARKER in its metadata, and `npm run world` writes `synthetic.json` at the
 * top of the data folder, listing each file it wrote with its sha256. build-data then:
 * - carries the mark into datapackage.json (and the site says so on every page);
 * - refuses a synthetic folder holding any file synthetic.json does not list (or whose bytes changed):
 *   a real file dropped into the world would be shown as test data, and test data beside real files as real;
 * - refuses a folder without synthetic.json in which any file carries the marker.
 */
import { readFileSync } from 'node:fs';
import { InputError } from './errors.ts';

/** The words every synthetic table carries, and every page built from one shows. */
export const SYNTHETIC_MARKER = 'synthetische testgegevens';
const MARKER_BYTES = Buffer.from(SYNTHETIC_MARKER, 'utf8');

export interface SyntheticMeta {
  synthetic: true;
  description?: string;
  seed?: number;
  /** Path relative to the data folder → sha256 of every file the generator (and fetch) wrote. */
  files: Record<string, string>;
}

export const SYNTHETIC_SHAPE = '{"synthetic": true, "description": "…", "files": {"<path>": "<sha256>", …}}';

export function readSyntheticMeta(path: string, rel: string): SyntheticMeta {
  let meta: unknown;
  try {
    meta = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InputError({ file: rel }, `not valid JSON (${(e as Error).message})`, SYNTHETIC_SHAPE);
  }
  const m = meta as Partial<SyntheticMeta> | null;
  if (typeof m !== 'object' || m === null || m.synthetic !== true) throw new InputError({ file: rel, column: 'synthetic' }, 'no "synthetic": true', SYNTHETIC_SHAPE);
  if (typeof m.files !== 'object' || m.files === null || Array.isArray(m.files)) throw new InputError({ file: rel, column: 'files' }, 'no "files" object', SYNTHETIC_SHAPE);
  for (const [file, sha] of Object.entries(m.files)) {
    if (typeof sha !== 'string' || !/^[0-9a-f]{64}$/.test(sha)) throw new InputError({ file: rel, column: 'files' }, `"${file}" has no sha256`, SYNTHETIC_SHAPE);
  }
  return m as SyntheticMeta;
}

export const carriesMarker = (bytes: Uint8Array): boolean => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(MARKER_BYTES);

export interface ReadFile {
  rel: string;
  sha256: string;
  marked: boolean;
}

/** Throws when synthetic and real files would end up in one warehouse (see the module comment). */
export function checkNotMixed(meta: SyntheticMeta | null, metaRel: string | null, files: ReadFile[]): void {
  if (meta) {
    for (const f of files) {
      if (f.rel === metaRel) continue;
      const listed = meta.files[f.rel];
      if (listed === f.sha256) continue;
      throw new InputError(
        { file: f.rel },
        listed ? `its bytes differ from what ${metaRel} lists for it (sha256 ${listed.slice(0, 12)}…)` : `not part of the synthetic world: ${metaRel} does not list it`,
        'only the files of the synthetic world (npm run world); synthetic test data is never mixed with real files',
      );
    }
    return;
  }
  const marked = files.find((f) => f.marked);
  if (marked) {
    throw new InputError(
      { file: marked.rel },
      `it holds synthetic test data (it says "${SYNTHETIC_MARKER}") but the data folder has no synthetic.json`,
      'real CBS files only, or a whole synthetic world with its synthetic.json (npm run world); never a mix',
    );
  }
}
