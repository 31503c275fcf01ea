import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFetch, type RunOptions, type RunResult } from '../../../src/fetch/run.ts';
import { hostsFor } from '../../../src/fetch/sources.ts';
import type { FakeCbs } from './fake-cbs.ts';
import { WORLD_SOURCES } from './world.ts';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Retries with 1 ms backoff, three attempts: the failure paths stay fast. */
export const FAST_HTTP = { attempts: 3, backoffMs: 1, maxBackoffMs: 5, timeoutMs: 2000, concurrency: 4 };

export function fetchWorld(raw: string, fake: FakeCbs, opts: Partial<RunOptions> = {}): Promise<RunResult> {
  return runFetch({ raw, hosts: hostsFor(fake.base), sources: WORLD_SOURCES, http: FAST_HTTP, ...opts });
}

/** Every file under `dir` (dot-folders included) → sha256 and mtime: equal snapshots = nothing rewritten. */
export function snapshot(dir: string, withMtime = false): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else out[relative(dir, p).split('\\').join('/')] = createHash('sha256').update(readFileSync(p)).digest('hex') + (withMtime ? `@${st.mtimeMs}` : '');
    }
  };
  walk(dir);
  return out;
}

export const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run a CLI script on the Node 24 running the tests (the npm `node` package), from the repository root. */
export function cli(script: string, args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.JEUGDHULP_DATA_DIR;
    delete env.JEUGDHULP_CBS_BASE;
    env.NODE_COMPILE_CACHE ??= join(tmpdir(), 'jeugdhulp-node-compile-cache');
    const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
