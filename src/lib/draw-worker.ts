/**
 * A drawing worker of the build (src/lib/draw-pool.ts): draws registry charts off the main thread, which
 * renders the pages meanwhile. Loaded by Node itself (type stripping), not by the bundler.
 */
import { parentPort } from 'node:worker_threads';
import { chartById } from '../charts/index.ts';
import type { Row } from '../charts/types.ts';
import { drawSvg } from './draw-svg.ts';

parentPort!.on('message', ({ id, job }: { id: number; job: { chart: string; rows: Row[]; width: number } }) => {
  try {
    const def = chartById(job.chart);
    if (!def) throw new Error(`unknown chart ${job.chart}`);
    parentPort!.postMessage({ id, result: drawSvg(def, job.rows, job.width) });
  } catch (e) {
    parentPort!.postMessage({ id, error: `drawing worker: ${e instanceof Error ? e.stack ?? e.message : String(e)}` });
  }
});
