/**
 * A few worker threads that take jobs round-robin and answer each with { id, result } or { id, error }.
 * Idle workers are unref'd, so a build process ends when its work is done; a worker that dies fails its
 * jobs and marks the pool dead, so callers can fall back to doing the work themselves.
 */
import { availableParallelism } from 'node:os';
import { Worker, type Transferable } from 'node:worker_threads';

export interface WorkerPool<In, Out> {
  run(job: In, transfer?: Transferable[]): Promise<Out>;
  readonly size: number;
  readonly dead: boolean;
}

export function workerPool<In, Out>(start: () => Worker, size = Math.min(2, availableParallelism())): WorkerPool<In, Out> {
  const jobs = new Map<number, { resolve: (v: Out) => void; reject: (e: Error) => void }>();
  const workers: Worker[] = [];
  let ids = 0;
  let next = 0;
  let dead = false;
  const fail = (e: unknown) => {
    dead = true;
    const err = e instanceof Error ? e : new Error(String(e));
    for (const job of jobs.values()) job.reject(err);
    jobs.clear();
  };
  for (let i = 0; i < Math.max(1, size); i++) {
    const w = start();
    w.on('message', ({ id, result, error }: { id: number; result?: Out; error?: string }) => {
      const job = jobs.get(id);
      jobs.delete(id);
      if (jobs.size === 0) for (const x of workers) x.unref();
      if (error !== undefined) job?.reject(new Error(error));
      else job?.resolve(result as Out);
    });
    w.on('error', fail);
    w.on('exit', (code) => code !== 0 && fail(new Error(`worker exited with ${code}`)));
    w.unref();
    workers.push(w);
  }
  return {
    size: workers.length,
    get dead() {
      return dead;
    },
    run(job: In, transfer?: Transferable[]): Promise<Out> {
      if (dead) return Promise.reject(new Error('the worker pool has stopped'));
      const id = ++ids;
      const w = workers[next++ % workers.length];
      return new Promise<Out>((resolve, reject) => {
        jobs.set(id, { resolve, reject });
        // A worker with work keeps the process alive.
        for (const x of workers) x.ref();
        w.postMessage({ id, job }, transfer ?? []);
      });
    },
  };
}
