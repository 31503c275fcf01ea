/**
 * npm run world -- [--out <dir>] [--warehouse <dir>] [--site <dir>] [--seed <n>] [--keep-serving]
 * The synthetic full world for end-to-end tests (tests/world): generate it, serve it on 127.0.0.1 in CBS's
 * shapes, fetch it with `npm run fetch -- --base <server>`, mark the folder synthetic (synthetic.json), build
 * the warehouse with build-data and, with --site, the site. Never the default data; every page built from it
 * says "synthetische testgegevens". Exit 0 on success, 1 when a step fails, 2 on bad arguments.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { SOURCES, type Source } from '../src/fetch/sources.ts';
import { DEFAULT_SEED, generateWorld, rowCounts, worldAvailable, type World } from '../tests/world/generate.ts';
import { startWorldServer } from '../tests/world/server.ts';
import { astroBuildArgs } from './build-site.ts';

const ROOT = resolve(import.meta.dirname, '..');

const HELP = `usage: npm run world -- [options]

  --out <dir>          raw data folder of the world (default data/world/raw; replaced when it holds a world)
  --warehouse <dir>    build-data output (default data/world/warehouse)
  --site <dir>         also build the site there (astro build --outDir <dir>, JEUGDHULP_WAREHOUSE=<warehouse>)
  --seed <n>           seed of the generator (default ${DEFAULT_SEED}); the same seed gives the same bytes
  --next-links <kind>  cbs (next-page links on the CBS host, as CBS writes them) or mirror (default cbs)
  --topic-groups <k>   empty (TopicGroup rows with Key "", as CBS serves them) or named (a stand-in key, for a
                       fetcher that cannot take empty keys yet); default empty
  --keep-serving       after the build, keep serving the world until Ctrl-C (prints the --base URL)`;

/** The fetch sources this world can answer: everything naming a table it serves, and the boundaries. */
export function servedSources(world: World, sources: Source[] = SOURCES): { ids: string[]; notServed: string[] } {
  const served = new Set([...Object.keys(world.v3), ...Object.keys(world.v4)].map((s) => s.toLowerCase()));
  const names = (v: unknown): string[] => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(names) : []);
  const ids: string[] = [];
  const notServed: string[] = [];
  for (const s of sources) {
    if (s.kind === 'boundaries' || names(s).some((n) => served.has(n.toLowerCase()))) ids.push(s.id);
    else notServed.push(s.id);
  }
  return { ids, notServed };
}

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      if (n.startsWith('.')) continue;
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** synthetic.json: the mark build-data carries into the warehouse, and the list that keeps real files out. */
export function markSynthetic(raw: string, world: World, base: string): string {
  const list: Record<string, string> = {};
  for (const p of files(raw)) {
    const rel = relative(raw, p).split(sep).join('/');
    if (rel === 'synthetic.json') continue;
    list[rel] = createHash('sha256').update(readFileSync(p)).digest('hex');
  }
  const meta = {
    synthetic: true,
    description: `Synthetische testgegevens (seed ${world.seed}): verzonnen cijfers in de vorm van de CBS-tabellen, opgehaald met npm run fetch van een lokale server (npm run world). Indeling en gemeentenamen zijn die van CBS Gebieden in Nederland; geen enkel cijfer is echt.`,
    seed: world.seed,
    years: [world.years[0], world.years[world.years.length - 1]],
    served_from: base.replace(/:\d+$/, ''),
    files: list,
  };
  const path = join(raw, 'synthetic.json');
  writeFileSync(path, `${JSON.stringify(meta, null, 2)}\n`);
  return path;
}

function run(label: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  const t0 = performance.now();
  return new Promise((ok) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('close', (code) => {
      console.error(`world: ${label}: exit ${code} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      ok(code ?? 1);
    });
  });
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        out: { type: 'string' },
        warehouse: { type: 'string' },
        site: { type: 'string' },
        seed: { type: 'string' },
        'next-links': { type: 'string' },
        'topic-groups': { type: 'string' },
        'keep-serving': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (e) {
    console.error(`world: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  const seed = args.seed === undefined ? DEFAULT_SEED : Number(args.seed);
  const nextLinks = args['next-links'] ?? 'cbs';
  const topicGroupKeys = args['topic-groups'] ?? 'empty';
  if (!Number.isInteger(seed) || (nextLinks !== 'cbs' && nextLinks !== 'mirror') || (topicGroupKeys !== 'empty' && topicGroupKeys !== 'named')) {
    console.error(`world: --seed must be an integer, --next-links cbs or mirror, --topic-groups empty or named\n\n${HELP}`);
    return 2;
  }
  const raw = resolve(args.out ?? 'data/world/raw');
  const warehouse = resolve(args.warehouse ?? 'data/world/warehouse');
  const why = worldAvailable();
  if (why) {
    console.error(`world: ${why}`);
    return 1;
  }
  // Only ever replace a previous world: never a folder of real files.
  if (existsSync(raw) && readdirSync(raw).length) {
    if (!existsSync(join(raw, 'synthetic.json'))) {
      console.error(`world: ${raw} is not empty and holds no synthetic.json; choose an empty folder with --out`);
      return 2;
    }
    rmSync(raw, { recursive: true, force: true });
  }
  // Marked from the start, so that a run that fails half-way leaves a folder the next run may replace.
  mkdirSync(raw, { recursive: true });
  writeFileSync(join(raw, 'synthetic.json'), '{"synthetic": true, "files": {}}\n');

  const t0 = performance.now();
  const world = await generateWorld({ seed, topicGroupKeys });
  const tGen = (performance.now() - t0) / 1000;
  const server = await startWorldServer(world, { nextLinks });
  try {
    const counts = rowCounts(world);
    console.error(`world: generated in ${tGen.toFixed(1)} s (seed ${seed}); serving ${Object.keys(counts).length} tables/files at ${server.base}`);
    for (const [id, n] of Object.entries(counts)) console.error(`  ${id.padEnd(22)} ${String(n).padStart(8)} rows`);
    const { ids, notServed } = servedSources(world);
    if (notServed.length) console.error(`world: not generated (no synthetic table): ${notServed.join(', ')}`);
    const years = `${world.years[0]}-${world.years[world.years.length - 1]}`;
    const fetched = await run('npm run fetch', ['scripts/fetch.ts', '--base', server.base, '--out', raw, '--only', ids.join(','), '--years', years, '--quiet', '--backoff', '0', '--attempts', '2'], { JEUGDHULP_CBS_BASE: '' });
    console.error(`world: ${server.requests} requests served`);
    if (fetched !== 0) return 1;
    markSynthetic(raw, world, server.base);
    if ((await run('npm run build:data', ['scripts/build-data.ts', '--data', raw, '--out', warehouse], { JEUGDHULP_DATA_DIR: '' })) !== 0) return 1;
    if (args.site) {
      const site = resolve(args.site);
      if ((await run('astro build', astroBuildArgs(['--outDir', site]), { JEUGDHULP_WAREHOUSE: warehouse })) !== 0) return 1;
    }
    console.error(`world: done in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${raw}, ${warehouse}${args.site ? `, ${resolve(args.site)}` : ''}`);
    if (args['keep-serving']) {
      console.error(`world: serving at ${server.base} (npm run fetch -- --base ${server.base}); Ctrl-C stops`);
      await new Promise(() => {});
    }
    return 0;
  } finally {
    await server.close();
  }
}

if (import.meta.main) process.exitCode = await main();
