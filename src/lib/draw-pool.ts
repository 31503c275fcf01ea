/**
 * Drawing registry charts in worker threads during a build. Drawing (Plot on linkedom) was a third of the
 * main thread's time; in workers it runs beside page rendering on the other core. A worker loads the chart
 * modules from src/ with Node's own TypeScript support, so it draws with exactly the code the pages use; where
 * that is not possible (no src/ beside the working folder, a Node without type stripping) charts are drawn
 * on the main thread, with the same result.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { chartById } from '../charts/index.ts';
import type { ChartDef, Row } from '../charts/types.ts';
import { drawSvg } from './draw-svg.ts';

interface Job { resolve: (svg: string) => void; reject: (e: Error) => void }
interface Pool { workers: Worker[]; next: number; jobs: Map<number, Job> }

let pool: Pool | null | undefined;
let ids = 0;

/** The build runs from the project folder (npm scripts, tests, benchmarks); the worker source is there. */
const WORKER_FILE = resolve(process.cwd(), 'src/lib/draw-worker.ts');
const SUPPORTED = Number(process.versions.node.split('.')[0]) >= 23;

function start(): Pool | null {
  if (pool !== undefined) return pool;
  if (!SUPPORTED || !existsSync(WORKER_FILE) || process.env.JEUGDHULP_DRAW_WORKERS === '0') return (pool = null);
  const p: Pool = { workers: [], next: 0, jobs: new Map() };
  for (let i = 0; i < Math.max(1, Math.min(2, availableParallelism())); i++) {
    const w = new Worker(WORKER_FILE);
    w.on('message', ({ id, svg, error }: { id: number; svg?: string; error?: string }) => {
      const job = p.jobs.get(id);
      p.jobs.delete(id);
      if (p.jobs.size === 0) for (const x of p.workers) x.unref();
      if (error !== undefined) job?.reject(new Error(`drawing worker: ${error}`));
      else job?.resolve(svg!);
    });
    // A worker that dies takes the pool with it: its jobs and all later ones are drawn here.
    const fail = (e: unknown) => {
      const err = e instanceof Error ? e : new Error(String(e));
      for (const job of p.jobs.values()) job.reject(err);
      p.jobs.clear();
      pool = null;
    };
    w.on('error', fail);
    w.on('exit', (code) => code !== 0 && fail(new Error(`drawing worker exited with ${code}`)));
    w.unref();
    p.workers.push(w);
  }
  return (pool = p);
}

/** The chart drawn at this width: in a worker when there are workers, else here. */
export function drawAsync(chart: ChartDef<Row>, rows: Row[], width: number): Promise<string> {
  const here = () => drawSvg(chart, rows, width);
  const p = start();
  // A chart outside the registry (a test's) exists only here.
  if (!p || chartById(chart.id) !== chart) return Promise.resolve().then(here);
  const id = ++ids;
  const w = p.workers[p.next++ % p.workers.length];
  return new Promise<string>((ok, fail) => {
    p.jobs.set(id, { resolve: ok, reject: fail });
    for (const x of p.workers) x.ref();
    w.postMessage({ id, chart: chart.id, rows, width });
  }).catch(here); // drawn again here: a chart's own error then surfaces with its stack, a dead worker costs nothing
}

/** How many drawing workers run (0: charts are drawn on the main thread). */
export function drawingWorkers(): number {
  return pool?.workers.length ?? 0;
}
