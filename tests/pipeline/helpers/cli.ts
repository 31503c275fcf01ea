import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the CLI runs from here, as `npm run build:data` does. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run a CLI script of the repository on Node 24 (inside vitest `process.execPath` is the Node of the npm
 * `node` package), from the repository root, without the environment variables named in `drop`.
 */
export function runScript(script: string, args: string[], drop: string[] = [], extraEnv: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...extraEnv };
    for (const k of drop) delete env[k];
    // Node's on-disk compile cache: the many CLI runs share the compiled (type-stripped) modules, which
    // halves their start-up. It changes nothing in what the CLI does.
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

/** The real build-data CLI; `data` and `out` are passed as given (relative paths resolve against ROOT). */
export const buildData = (data: string, out: string, env: Record<string, string> = {}): Promise<CliResult> =>
  runScript('scripts/build-data.ts', ['--data', data, '--out', out], ['JEUGDHULP_DATA_DIR'], env);

/** Run `jobs` with at most `limit` at a time (two cores: a few CLI processes in parallel, not sixty). */
export async function pool<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

/** Every file under `dir` (recursively, sorted, dot-folders included) with its sha256, and with `withMtime`
 * its modification time: equal snapshots = same files, same bytes (and nothing rewritten). */
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
