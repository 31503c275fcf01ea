import { readFileSync } from 'node:fs';
import { runFetch, type RunOptions, type RunResult } from '../../../src/fetch/run.ts';
import { hostsFor } from '../../../src/fetch/sources.ts';
import type { FakeCbs } from './fake-cbs.ts';
import { WORLD_SOURCES } from './world.ts';
import { runScript, snapshot, ROOT, type CliResult } from '../../pipeline/helpers/cli.ts';

export { snapshot, ROOT, type CliResult };

/** Retries with 1 ms backoff, three attempts: the failure paths stay fast. */
export const FAST_HTTP = { attempts: 3, backoffMs: 1, maxBackoffMs: 5, timeoutMs: 2000, concurrency: 4 };

export function fetchWorld(raw: string, fake: FakeCbs, opts: Partial<RunOptions> = {}): Promise<RunResult> {
  return runFetch({ raw, hosts: hostsFor(fake.base), sources: WORLD_SOURCES, http: FAST_HTTP, ...opts });
}


export const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));


/** Run a CLI script (fetch, build-data) without the developer's own data and CBS settings. */
export const cli = (script: string, args: string[]): Promise<CliResult> => runScript(script, args, ['JEUGDHULP_DATA_DIR', 'JEUGDHULP_CBS_BASE']);
