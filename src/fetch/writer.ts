import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A file of a target as fetched, before it is written. */
export interface OutFile {
  name: string;
  bytes: Uint8Array;
  url: string;
  rows: number | null;
  /** CBS's modification date of the table (TableInfos / Properties `Modified`, or Last-Modified). */
  modified: string | null;
}

export interface ManifestEntry {
  file: string;
  url: string;
  retrieved: string;
  modified: string | null;
  rows: number | null;
  sha256: string;
}

export interface Manifest {
  source: string;
  title: string;
  table: string | null;
  year: number | null;
  files: ManifestEntry[];
}

export interface FileChange {
  file: string;
  kind: 'added' | 'removed' | 'changed';
  rowsBefore: number | null;
  rowsAfter: number | null;
  /** Lines (= rows: one row per line) in the new file that were not in the old one, and vice versa. */
  linesAdded?: number;
  linesRemoved?: number;
}

export interface WriteOutcome {
  status: 'unchanged' | 'created' | 'updated';
  changes: FileChange[];
}

export const MANIFEST = 'manifest.json';
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * Write one target's folder as a whole: every file and manifest.json go into a temp folder beside it, which
 * then replaces the old folder (two renames). A run that fails before that leaves the old folder as it was;
 * a crash between the two renames is repaired by the next write (the old folder is put back).
 *
 * When every file is byte-identical to what is there and the manifest would not change, nothing is written
 * at all (not even the manifest): a refresh that changes nothing rewrites nothing. A file whose bytes are the
 * same keeps its manifest entry (and its `retrieved` time); a changed file gets a new entry, so a revision
 * by CBS shows in `git diff`/`diff` of the manifest as new sha256, rows and retrieved.
 */
export function writeTarget(finalDir: string, head: Omit<Manifest, 'files'>, files: OutFile[], now: Date): WriteOutcome {
  repair(finalDir);
  const old = readManifest(finalDir);
  const oldEntries = new Map((old?.files ?? []).map((e) => [e.file, e]));
  const onDisk = existsSync(finalDir) ? readdirSync(finalDir).filter((n) => n !== MANIFEST && statSync(join(finalDir, n)).isFile()) : [];
  const changes: FileChange[] = [];
  const entries: ManifestEntry[] = [];
  const names = new Set<string>();
  for (const f of files) {
    if (names.has(f.name) || f.name === MANIFEST || /[/\\]/.test(f.name)) throw new Error(`internal: bad or repeated file name ${f.name}`);
    names.add(f.name);
    const sum = sha256(f.bytes);
    const prev = oldEntries.get(f.name);
    const path = join(finalDir, f.name);
    const diskBytes = existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
    // Same bytes from the same URL: the entry stays as it was, `retrieved` and `modified` included (a
    // modification date CBS bumped without changing these rows is no change to this file).
    const same = prev !== undefined && diskBytes !== null && prev.sha256 === sum && sha256(diskBytes) === sum && prev.url === f.url;
    entries.push(same ? prev : { file: f.name, url: f.url, retrieved: now.toISOString(), modified: f.modified, rows: f.rows, sha256: sum });
    if (diskBytes === null) changes.push({ file: f.name, kind: 'added', rowsBefore: null, rowsAfter: f.rows });
    else if (sha256(diskBytes) !== sum) changes.push({ file: f.name, kind: 'changed', rowsBefore: prev?.rows ?? null, rowsAfter: f.rows, ...lineDiff(diskBytes, f.bytes) });
  }
  for (const n of onDisk) if (!names.has(n)) changes.push({ file: n, kind: 'removed', rowsBefore: oldEntries.get(n)?.rows ?? null, rowsAfter: null });
  entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const manifest: Manifest = { ...head, files: entries };
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  const existed = existsSync(finalDir);
  if (existed && !changes.length && existsSync(join(finalDir, MANIFEST)) && readFileSync(join(finalDir, MANIFEST), 'utf8') === text) {
    return { status: 'unchanged', changes };
  }
  const parent = dirname(finalDir);
  const base = basename(finalDir);
  mkdirSync(parent, { recursive: true });
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const tmp = join(parent, `.tmp-${base}-${tag}`);
  try {
    mkdirSync(tmp);
    for (const f of files) writeDurably(join(tmp, f.name), f.bytes);
    writeDurably(join(tmp, MANIFEST), new TextEncoder().encode(text));
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  if (existed) {
    const aside = join(parent, `.old-${base}-${tag}`);
    renameSync(finalDir, aside);
    renameSync(tmp, finalDir);
    rmSync(aside, { recursive: true, force: true });
  } else {
    renameSync(tmp, finalDir);
  }
  return { status: existed ? 'updated' : 'created', changes };
}

export function readManifest(dir: string): Manifest | null {
  try {
    const m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest;
    return Array.isArray(m.files) ? m : null;
  } catch {
    return null;
  }
}

/**
 * Leftovers of interrupted writes anywhere under `raw` (a run killed between the two renames of some
 * folder): every set-aside folder whose folder is missing is put back, other temp and aside folders are
 * removed. Called at the start of a run, under the run's lock (so no other writer's folders are touched).
 * Returns the folders put back.
 */
export function recoverInterrupted(raw: string): string[] {
  const restored: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (!existsSync(dir) || depth > 3) return;
    const names = readdirSync(dir);
    for (const n of names) {
      const m = /^\.(old|tmp)-(.+)-\d+-[0-9a-f]{8}$/.exec(n);
      if (!m) continue;
      const final = join(dir, m[2]);
      const had = existsSync(final);
      repair(final);
      if (!had && existsSync(final)) restored.push(final);
    }
    for (const n of readdirSync(dir)) {
      if (n.startsWith('.')) continue;
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p, depth + 1);
    }
  };
  walk(raw, 0);
  return restored;
}

/** Leftovers of an interrupted write of this folder: put a set-aside folder back, drop temp folders. */
function repair(finalDir: string): void {
  const parent = dirname(finalDir);
  if (!existsSync(parent)) return;
  const base = basename(finalDir);
  const mine = (prefix: string) =>
    readdirSync(parent)
      .filter((n) => n.startsWith(`${prefix}${base}-`) && /^\d+-[0-9a-f]{8}$/.test(n.slice(prefix.length + base.length + 1)))
      .map((n) => join(parent, n));
  for (const t of mine('.tmp-')) rmSync(t, { recursive: true, force: true });
  const asides = mine('.old-');
  if (asides.length && !existsSync(finalDir)) renameSync(asides[0], finalDir);
  for (const a of mine('.old-')) rmSync(a, { recursive: true, force: true });
}

function writeDurably(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'w');
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function lineDiff(before: Uint8Array, after: Uint8Array): { linesAdded: number; linesRemoved: number } {
  const count = (b: Uint8Array) => {
    const m = new Map<string, number>();
    for (const raw of new TextDecoder().decode(b).split('\n')) {
      // The last row has no trailing comma: a row appended after it must not count it as changed.
      const l = raw.replace(/,$/, '');
      m.set(l, (m.get(l) ?? 0) + 1);
    }
    return m;
  };
  const a = count(before);
  const b = count(after);
  let linesAdded = 0;
  let linesRemoved = 0;
  for (const [l, n] of b) linesAdded += Math.max(0, n - (a.get(l) ?? 0));
  for (const [l, n] of a) linesRemoved += Math.max(0, n - (b.get(l) ?? 0));
  return { linesAdded, linesRemoved };
}
