/** The build's worker pool (Open Graph images, chart drawings): answers, errors and a worker that dies. */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { workerPool } from '../../src/lib/worker-pool.ts';

const source = (body: string) => () =>
  new Worker(`const { parentPort } = require('node:worker_threads'); parentPort.on('message', ({ id, job }) => { ${body} });`, { eval: true });

describe('workerPool', () => {
  it('answers every job with its own result, spread over the workers', async () => {
    const pool = workerPool<number, string>(source(`parentPort.postMessage({ id, result: job * 2 + ' from ' + require('node:worker_threads').threadId })`), 2);
    const out = await Promise.all(Array.from({ length: 20 }, (_, i) => pool.run(i)));
    expect(out.map((s) => Number(s.split(' ')[0]))).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
    expect(new Set(out.map((s) => s.split(' from ')[1])).size).toBe(2);
  });

  it('rejects a job whose worker reports an error, and keeps serving', async () => {
    const pool = workerPool<number, number>(source(`job < 0 ? parentPort.postMessage({ id, error: 'negative: ' + job }) : parentPort.postMessage({ id, result: job })`), 1);
    await expect(pool.run(-1)).rejects.toThrow('negative: -1');
    expect(await pool.run(3)).toBe(3);
    expect(pool.dead).toBe(false);
  });

  it('fails the jobs of a worker that dies and refuses later ones, so callers fall back', async () => {
    const pool = workerPool<number, number>(source(`process.exit(3)`), 1);
    await expect(pool.run(1)).rejects.toThrow(/exited with 3/);
    expect(pool.dead).toBe(true);
    await expect(pool.run(2)).rejects.toThrow(/stopped/);
  });
});
