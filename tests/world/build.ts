/**
 * Where the tests find the synthetic world's build, and how they get it: `npm run world` into one folder
 * (raw/, warehouse/, dist/) under the system's temp folder, or $JEUGDHULP_WORLD_DIR. The world project's
 * global setup (vitest.config.ts) rebuilds it when dist/ is missing or older than what it is made from.
 */
import { tryLock } from '../../src/shared/pid-lock.ts';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { worldAvailable } from './paths.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** One folder per checkout: two checkouts on one machine must not build into (and empty) each other's site. */
export const WORLD_DIR = resolve(process.env.JEUGDHULP_WORLD_DIR || join(tmpdir(), `jeugdhulp-world-${createHash('sha256').update(ROOT).digest('hex').slice(0, 10)}`));
export const WORLD_RAW = join(WORLD_DIR, 'raw');
export const WORLD_WAREHOUSE = join(WORLD_DIR, 'warehouse');
export const WORLD_DIST = join(WORLD_DIR, 'dist');

/**
 * Flags for `npm run world`. Empty: the world serves CBS's real shapes (TopicGroup rows with an empty Key,
 * next links on the CBS host); `--topic-groups named --next-links mirror` serves stand-ins for a fetcher
 * that cannot take those.
 */
export const WORLD_FLAGS: string[] = [];

/** Why the world tests cannot run here, or undefined. */
export function worldSkipReason(): string | undefined {
  const why = worldAvailable();
  if (why) return `world tests skipped: ${why}`;
  if (!existsSync(join(WORLD_DIST, 'index.html'))) return `world tests skipped: no world build in ${WORLD_DIST} (the global setup failed; see its log)`;
  return undefined;
}

function newest(paths: string[]): number {
  let max = 0;
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      if (p.endsWith(join('public', 'data'))) return;
      for (const n of readdirSync(p)) walk(join(p, n));
    } else max = Math.max(max, s.mtimeMs);
  };
  paths.forEach(walk);
  return max;
}

/** Build the world unless an up-to-date build is there; returns what it did, for the log. */
export function ensureWorld(log: (s: string) => void = console.log): string {
  const why = worldAvailable();
  if (why) return `skipped: ${why}`;
  const unlock = lock(log);
  try {
    return build(log);
  } finally {
    unlock();
  }
}

/** A second test run of the same checkout waits for the first one's build instead of emptying its dist/. */
function lock(log: (s: string) => void): () => void {
  const path = `${WORLD_DIR}.lock`;
  mkdirSync(dirname(path), { recursive: true });
  for (let waited = 0; ; waited++) {
    const got = tryLock(path);
    if (typeof got === 'function') return got;
    if (waited === 0) log(`world: another test run (pid ${got}) is building ${WORLD_DIR}; waiting for it`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
  }
}

function build(log: (s: string) => void): string {
  const index = join(WORLD_DIST, 'index.html');
  // What the world and its site are made from (not the test files: editing a test must not rebuild the site).
  const made = ['generate.ts', 'geography.ts', 'paths.ts', 'server.ts'].map((f) => `tests/world/${f}`);
  const inputs = newest(['src', 'public', 'astro.config.mjs', ...made, 'scripts/world.ts', 'scripts/fetch.ts', 'scripts/build-data.ts', 'data/reference'].map((p) => join(ROOT, p)));
  if (existsSync(index) && statSync(index).mtimeMs > inputs) return `${WORLD_DIST} is up to date`;
  log(`world: building the synthetic world into ${WORLD_DIR} (npm run world -- --site …) …`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['scripts/world.ts', '--out', WORLD_RAW, '--warehouse', WORLD_WAREHOUSE, '--site', WORLD_DIST, ...WORLD_FLAGS], {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', JEUGDHULP_DATA_DIR: '', JEUGDHULP_WAREHOUSE: '', JEUGDHULP_DIST: '' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) throw new Error(`npm run world failed (exit ${r.status ?? r.signal}):\n${out.trim().split('\n').filter((l) => !/^\d\d:\d\d:\d\d\s+[│├└]/.test(l)).slice(-40).join('\n')}`);
  const steps = out.split('\n').filter((l) => /^world: .*(exit 0 in|generated in|done in|requests served)/.test(l));
  return `world built in ${((performance.now() - t0) / 1000).toFixed(0)} s (${steps.join('; ')})`;
}
