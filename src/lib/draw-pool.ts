/**
 * Drawing registry charts in worker threads during a build. Drawing (Plot on linkedom) was a third of the
 * main thread's time; in workers it runs beside page rendering on the other core. A worker loads the chart
 * modules from src/ with Node's own TypeScript support, so it draws with exactly the code the pages use; where
 * that is not possible (no src/ beside the working folder, a Node without type stripping) charts are drawn
 * on the main thread, with the same result.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { chartById } from '../charts/index.ts';
import type { ChartDef, Row } from '../charts/types.ts';
import { drawSvg } from './draw-svg.ts';
import { workerPool, type WorkerPool } from './worker-pool.ts';

let pool: WorkerPool<{ chart: string; rows: Row[]; width: number }, string> | null | undefined;

/** The build runs from the project folder (npm scripts, tests, benchmarks); the worker source is there. */
const WORKER_FILE = resolve(process.cwd(), 'src/lib/draw-worker.ts');
const SUPPORTED = Number(process.versions.node.split('.')[0]) >= 23;

function started(): WorkerPool<{ chart: string; rows: Row[]; width: number }, string> | null {
  if (pool === undefined) {
    pool = !SUPPORTED || !existsSync(WORKER_FILE) || process.env.JEUGDHULP_DRAW_WORKERS === '0' ? null : workerPool(() => new Worker(WORKER_FILE));
  }
  return pool && !pool.dead ? pool : null;
}

/** The chart drawn at this width: in a worker when there are workers, else here. */
export function drawAsync(chart: ChartDef<Row>, rows: Row[], width: number): Promise<string> {
  const here = () => drawSvg(chart, rows, width);
  const p = started();
  // A chart outside the registry (a test's) exists only here.
  if (!p || chartById(chart.id) !== chart) return Promise.resolve().then(here);
  // Drawn again here if the worker fails: a chart's own error then surfaces with its stack, a dead worker costs nothing.
  return p.run({ chart: chart.id, rows, width }).catch(here);
}

/** How many drawing workers run (0: charts are drawn on the main thread). */
export function drawingWorkers(): number {
  return started()?.size ?? 0;
}
