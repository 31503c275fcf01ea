/**
 * One fetch run: select targets, fetch them a few at a time, write each folder atomically, and remember
 * which targets are done so that an interrupted run resumes where it stopped.
 */
import { tryLock } from '../shared/pid-lock.ts';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Http, type HttpOptions } from './http.ts';
import { pageStore, partialDir, partialRoot } from './partial.ts';
import { targetsOf, type Target } from './plans.ts';
import { SOURCES, type Host, type Source } from './sources.ts';
import { recoverInterrupted, writeTarget, type WriteOutcome } from './writer.ts';

export class UsageError extends Error {}

/** Per target: a table pages for minutes (the largest Iv3 year ~40 pages); an hour means a chain that does not end. */
export const DEFAULT_TABLE_TIME_LIMIT_MS = 60 * 60_000;

export interface RunOptions {
  /** The raw data folder (data/raw). */
  raw: string;
  hosts: Record<Host, string>;
  /** Source ids (`iv3`, `84134NED`), target ids (`gebieden/2023`) or table ids (`45063NED`). */
  only?: string[];
  years?: number[];
  http?: Partial<HttpOptions>;
  /** Rows per `$top`/`$skip` page on a host without a bulk feed (default 10 000, ODataApi's maximum). */
  apiPageSize?: number;
  /** No page of a target is requested after this long (default 60 min): an endless next-link chain stops. */
  tableTimeLimitMs?: number;
  /** Targets fetched at once (requests in flight are capped separately, by `http.concurrency`). */
  targetConcurrency?: number;
  /** Ignore the state of an interrupted run and fetch every selected target again. */
  fresh?: boolean;
  /** An interrupted run older than this is not resumed (a later run is a refresh). Default 24 h. */
  resumeWithinMs?: number;
  sources?: Source[];
  now?: () => Date;
  onEvent?: (e: RunEvent) => void;
}

export type RunEvent =
  | { type: 'plan'; targets: Target[]; resumed: string[]; since: string }
  | { type: 'recovered'; dir: string }
  | { type: 'start'; target: string }
  | { type: 'progress'; target: string; what: string; rows: number; pages: number }
  | { type: 'retry'; url: string; attempt: number; reason: string; waitMs: number }
  | { type: 'warn'; target: string; message: string }
  | { type: 'done'; target: string; outcome: WriteOutcome; seconds: number }
  | { type: 'skip'; target: string; reason: string }
  | { type: 'fail'; target: string; error: string };

export interface RunResult {
  written: string[];
  unchanged: string[];
  skipped: string[];
  resumed: string[];
  failed: { target: string; error: string }[];
  outcomes: Record<string, WriteOutcome>;
  requests: number;
}

/** The targets a selection means; throws UsageError for an id that matches nothing. */
export function selectTargets(only: string[] | undefined, years: number[] | undefined, sources: Source[] = SOURCES): Target[] {
  const all = sources.flatMap((s) => targetsOf(s, years));
  if (!only?.length) return all;
  const wanted = only.map((o) => o.trim().toLowerCase()).filter(Boolean);
  const picked = new Set<Target>();
  for (const w of wanted) {
    const hits = all.filter((t) => t.source.id.toLowerCase() === w || t.id.toLowerCase() === w || t.table?.toLowerCase() === w);
    if (!hits.length) {
      const known = [...new Set(sources.map((s) => s.id))].join(', ');
      throw new UsageError(`--only ${w}: no such source${years ? ` for --years ${years.join(',')}` : ''} (sources: ${known}; or a source/year such as gebieden/2024, or a table id such as 45063NED)`);
    }
    for (const h of hits) picked.add(h);
  }
  return all.filter((t) => picked.has(t));
}

interface RunState {
  selection: string[];
  started: string;
  done: string[];
}

const statePath = (raw: string) => join(raw, '.fetch', 'run.json');

function saveState(raw: string, st: RunState): void {
  mkdirSync(join(raw, '.fetch'), { recursive: true });
  writeFileSync(`${statePath(raw)}.tmp`, `${JSON.stringify(st, null, 2)}\n`);
  renameSync(`${statePath(raw)}.tmp`, statePath(raw));
}

export async function runFetch(opts: RunOptions): Promise<RunResult> {
  const emit = opts.onEvent ?? (() => {});
  const now = opts.now ?? (() => new Date());
  const targets = selectTargets(opts.only, opts.years, opts.sources);
  if (!targets.length) throw new UsageError('nothing to fetch for this selection');
  const http = new Http({ ...opts.http, onRetry: (e) => emit({ type: 'retry', ...e }) });
  const selection = targets.map((t) => t.id).sort();

  const unlock = lock(opts.raw);
  try {
    // A run killed between a folder's two renames left it set aside: put it back before anything else, so
    // that a target failing this time still keeps its previous files.
    for (const dir of recoverInterrupted(opts.raw)) emit({ type: 'recovered', dir });
    if (opts.fresh) {
      rmSync(statePath(opts.raw), { force: true });
      rmSync(partialRoot(opts.raw), { recursive: true, force: true });
    }
    // Resume: the targets an interrupted run with the same selection, less than a day ago, finished.
    let state: RunState = { selection, started: now().toISOString(), done: [] };
    if (existsSync(statePath(opts.raw))) {
      try {
        const prev = JSON.parse(readFileSync(statePath(opts.raw), 'utf8')) as RunState;
        const age = now().getTime() - Date.parse(prev.started);
        if (JSON.stringify(prev.selection) === JSON.stringify(selection) && age >= 0 && age < (opts.resumeWithinMs ?? 24 * 3600_000)) state = prev;
      } catch {
        /* unreadable state: start over */
      }
    }
    return await run(opts, targets, state, http, emit, now);
  } finally {
    unlock();
  }
}

async function run(opts: RunOptions, targets: Target[], state: RunState, http: Http, emit: (e: RunEvent) => void, now: () => Date): Promise<RunResult> {
  const resumed = targets.filter((t) => state.done.includes(t.id)).map((t) => t.id);
  emit({ type: 'plan', targets, resumed, since: state.started });
  saveState(opts.raw, state);

  const result: RunResult = { written: [], unchanged: [], skipped: [], resumed, failed: [], outcomes: {}, requests: 0 };
  const todo = targets.filter((t) => !state.done.includes(t.id));
  const runOne = async (t: Target) => {
    const t0 = performance.now();
    emit({ type: 'start', target: t.id });
    const partial = partialDir(opts.raw, t.id);
    try {
      const outcome = await t.fetch({
        http,
        hosts: opts.hosts,
        apiPageSize: opts.apiPageSize ?? 10_000,
        deadline: Date.now() + (opts.tableTimeLimitMs ?? DEFAULT_TABLE_TIME_LIMIT_MS),
        store: (url, modified) => pageStore(partial, url, modified),
        progress: (what, rows, pages) => emit({ type: 'progress', target: t.id, what, rows, pages }),
        warn: (message) => emit({ type: 'warn', target: t.id, message }),
      });
      if ('skip' in outcome) {
        result.skipped.push(t.id);
        emit({ type: 'skip', target: t.id, reason: outcome.skip });
      } else {
        const w = writeTarget(join(opts.raw, t.dir), { source: t.source.id, title: t.title, table: t.table, year: t.year }, outcome, now());
        result.outcomes[t.id] = w;
        (w.status === 'unchanged' ? result.unchanged : result.written).push(t.id);
        emit({ type: 'done', target: t.id, outcome: w, seconds: (performance.now() - t0) / 1000 });
      }
      rmSync(partial, { recursive: true, force: true });
      state.done.push(t.id);
      saveState(opts.raw, state);
    } catch (e) {
      const error = (e as Error).message ?? String(e);
      result.failed.push({ target: t.id, error });
      emit({ type: 'fail', target: t.id, error });
    }
  };
  let next = 0;
  const worker = async () => {
    while (next < todo.length) await runOne(todo[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(opts.targetConcurrency ?? 3, todo.length) }, worker));
  result.requests = http.requests;
  // A finished run leaves no state behind; a run with failures keeps it, so the next run redoes only those.
  if (!result.failed.length) rmSync(join(opts.raw, '.fetch'), { recursive: true, force: true });
  return result;
}

/** One fetch per raw folder at a time: a second one would race the first one's renames. */
function lock(raw: string): () => void {
  const dir = join(raw, '.fetch');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'lock');
  const got = tryLock(path);
  if (typeof got === 'number') throw new UsageError(`another fetch (pid ${got}) is writing to ${raw}; wait for it, or remove ${path} if it is gone`);
  return got;
}

/** What a run would fetch, without contacting any host. */
export function describeRun(targets: Target[], hosts: Record<Host, string>, raw: string): string[] {
  const lines: string[] = [];
  for (const t of targets) {
    lines.push(`${t.id}  →  ${join(raw, t.dir)}/   ${t.title}`);
    for (const l of t.describe(hosts)) lines.push(`    GET ${l}`);
  }
  return lines;
}
