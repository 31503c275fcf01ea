/**
 * npm run bench:build — how long the whole site takes to build, on the real files and on the synthetic
 * world (every chart drawn), and how that grows with the number of gemeenten. Prints figures; no timed tests.
 *
 * For each warehouse: BENCH_RUNS (default 7) clean `astro build`s into a temp folder (started as `npm run
 * build` starts it: scripts/build-site.ts), each printed, then median and range; pages; and per page type
 * Astro's own per-page times (its "+N ms" log, which overlaps pages rendered at once, so it shows where
 * the time goes, not a sum that adds up to the wall clock). Then the growth curve: the same warehouse cut
 * to a quarter and a half of its current gemeenten (every region and Nederland kept), one build each
 * (BENCH_CURVE_RUNS, default 1), pages and seconds.
 *
 * Warehouses: the real files when $JEUGDHULP_DATA_DIR is set (built with build:data into the temp folder);
 * the world from $BENCH_WORLD_WAREHOUSE, else generated with `npm run world` (loopback only) into the temp
 * folder. BENCH_ONLY=real|world measures one. Temp folders are removed at the end.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { astroBuildArgs } from '../scripts/build-site.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CURVE_RUNS = Number(process.env.BENCH_CURVE_RUNS ?? 1);
const TARGET = { real: 45, world: 90 };

interface Build {
  seconds: number;
  pages: number;
  /** Route type (first path segment) → [pages, Σ Astro per-page ms]. */
  perType: Map<string, [number, number]>;
}

function node(args: string[], env: NodeJS.ProcessEnv = {}) {
  const t0 = performance.now();
  const p = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, encoding: 'utf8', maxBuffer: 256 << 20 });
  if (p.status !== 0) throw new Error(`${args.join(' ')} failed:\n${`${p.stdout}${p.stderr}`.trim().split('\n').slice(-20).join('\n')}`);
  return { seconds: (performance.now() - t0) / 1000, log: `${p.stdout}${p.stderr}` };
}

function build(warehouse: string, out: string): Build {
  rmSync(out, { recursive: true, force: true });
  const { seconds, log } = node(astroBuildArgs(['--outDir', out]), { JEUGDHULP_WAREHOUSE: warehouse });
  const perType = new Map<string, [number, number]>();
  for (const m of log.matchAll(/[├└]─ \/([^/ ]*)\S* \(\+(\d+)ms\)/g)) {
    const type = m[1].includes('.') ? m[1] : `/${m[1]}/`;
    const v = perType.get(type) ?? [0, 0];
    v[0]++;
    v[1] += Number(m[2]);
    perType.set(type, v);
  }
  const pages = Number(/(\d+) page\(s\) built/.exec(log)?.[1] ?? NaN);
  rmSync(out, { recursive: true, force: true });
  return { seconds, pages, perType };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const s1 = (n: number) => n.toFixed(1);

/**
 * A copy of the warehouse with only `keep` of its current gemeenten (the first by code), every region
 * and Nederland: the same pages per place, fewer places. Written with DuckDB's COPY, zstd as build:data writes.
 */
async function cutWarehouse(src: string, dest: string, fraction: number): Promise<number> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  mkdirSync(dest, { recursive: true });
  for (const f of readdirSync(src)) if (!f.endsWith('.parquet')) cpSync(join(src, f), join(dest, f));
  const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
  await con.run(`CREATE TABLE gm AS SELECT geo_code FROM read_parquet(${q(join(src, 'geo.parquet'))})
    WHERE level = 'gemeente' AND last_year = (SELECT max(last_year) FROM read_parquet(${q(join(src, 'geo.parquet'))})) ORDER BY geo_code`);
  const all = Number((await con.runAndReadAll('SELECT count(*) FROM gm')).getRows()[0][0]);
  const keep = Math.round(all * fraction);
  await con.run(`CREATE TABLE kept AS SELECT geo_code FROM gm ORDER BY geo_code LIMIT ${keep}`);
  for (const f of readdirSync(src).filter((x) => x.endsWith('.parquet'))) {
    const cols = (await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${q(join(src, f))})`)).getRows().map((r) => String(r[0]));
    const key = cols.includes('geo_code') ? 'geo_code' : cols.includes('gemeente_code') ? 'gemeente_code' : null;
    const where = key ? `WHERE ${key} NOT LIKE 'GM%' OR ${key} IN (SELECT geo_code FROM kept)` : '';
    await con.run(`COPY (SELECT * FROM read_parquet(${q(join(src, f))}) ${where}) TO ${q(join(dest, f))} (FORMAT parquet, COMPRESSION zstd)`);
  }
  con.closeSync();
  return keep;
}

async function measure(label: 'real' | 'world', warehouse: string, work: string) {
  const out = join(work, `${label}-dist`);
  console.log(`\n${label}: ${RUNS} clean builds of ${warehouse}`);
  const runs: Build[] = [];
  for (let i = 0; i < RUNS; i++) {
    const b = build(warehouse, out);
    runs.push(b);
    console.log(`  run ${i + 1}: ${s1(b.seconds)} s, ${b.pages} pages (load ${loadavg()[0].toFixed(1)})`);
  }
  const secs = runs.map((r) => r.seconds);
  const med = median(secs);
  const pages = runs[0].pages;
  console.log(
    `${label.padEnd(6)} build ${s1(med)} s median (range ${s1(Math.min(...secs))}–${s1(Math.max(...secs))}, ${RUNS} runs)` +
      `   ${pages} pages, ${((med * 1000) / pages).toFixed(1)} ms a page   target ≤ ${TARGET[label]} s: ${med <= TARGET[label] ? 'ok' : 'OVER'}`,
  );
  console.log('  per page type (Astro per-page ms, last run; pages overlap, so these show shares, not wall time):');
  const last = runs[runs.length - 1];
  for (const [type, [n, ms]] of [...last.perType].sort((a, b) => b[1][1] - a[1][1])) {
    if (ms < 50) continue;
    console.log(`    ${type.padEnd(22)} ${String(n).padStart(5)} pages ${(ms / 1000).toFixed(1).padStart(6)} s  ${(ms / n).toFixed(1).padStart(6)} ms/page`);
  }
  console.log('  growth with the number of gemeenten (every region and Nederland in each):');
  for (const fraction of [0.25, 0.5]) {
    const cut = join(work, `${label}-cut-${fraction}`);
    const keep = await cutWarehouse(warehouse, cut, fraction);
    const bs = Array.from({ length: CURVE_RUNS }, () => build(cut, out));
    console.log(`    ${String(keep).padStart(4)} gemeenten (${fraction * 100} %): ${String(bs[0].pages).padStart(5)} pages ${s1(median(bs.map((b) => b.seconds))).padStart(6)} s`);
    rmSync(cut, { recursive: true, force: true });
  }
  console.log(`    all gemeenten:       ${String(pages).padStart(5)} pages ${s1(med).padStart(6)} s (median above)`);
}

const work = mkdtempSync(join(tmpdir(), 'jib-bench-build-'));
try {
  console.log(`bench:build — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const only = process.env.BENCH_ONLY;
  if (only !== 'world') {
    if (!process.env.JEUGDHULP_DATA_DIR) console.log('\nreal: set JEUGDHULP_DATA_DIR to a raw data folder (e.g. ../shared/data/raw) to time the build on the real files');
    else {
      const wh = join(work, 'real-warehouse');
      const d = node(['scripts/build-data.ts', '--data', resolve(process.env.JEUGDHULP_DATA_DIR), '--out', wh, '--quiet'], { JEUGDHULP_DATA_DIR: '' });
      console.log(`\nreal: build:data ${s1(d.seconds)} s`);
      await measure('real', wh, work);
    }
  }
  if (only !== 'real') {
    let wh = process.env.BENCH_WORLD_WAREHOUSE ? resolve(process.env.BENCH_WORLD_WAREHOUSE) : '';
    if (!wh) {
      wh = join(work, 'world-warehouse');
      const w = node(['scripts/world.ts', '--out', join(work, 'world-raw'), '--warehouse', wh]);
      console.log(`\nworld: generated, served, fetched and built into a warehouse in ${s1(w.seconds)} s`);
    }
    if (!existsSync(join(wh, 'observations.parquet'))) throw new Error(`no warehouse in ${wh}`);
    await measure('world', wh, work);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
