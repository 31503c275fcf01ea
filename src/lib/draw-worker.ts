/**
 * A drawing worker of the build (src/lib/draw-pool.ts): draws registry charts off the main thread, which
 * renders the pages meanwhile. Loaded by Node itself (type stripping), not by the bundler.
 */
import { parentPort } from 'node:worker_threads';
import { chartById } from '../charts/index.ts';
import type { Row } from '../charts/types.ts';
import { drawSvg } from './draw-svg.ts';

parentPort!.on('message', ({ id, chart, rows, width }: { id: number; chart: string; rows: Row[]; width: number }) => {
  try {
    const def = chartById(chart);
    if (!def) throw new Error(`unknown chart ${chart}`);
    parentPort!.postMessage({ id, svg: drawSvg(def, rows, width) });
  } catch (e) {
    parentPort!.postMessage({ id, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
