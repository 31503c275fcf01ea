/**
 * The build's chart CSVs as one job (astro.config.mjs): started in a worker when the build starts, written
 * into the output when it is done. Kept apart from src/lib/chart-csv.ts so that loading the Astro config
 * does not load the charts and DuckDB.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

interface CsvFile {
  /** URL path: /csv/<chart>/<geo>.csv */
  path: string;
  body: string;
}

const WORKER_FILE = fileURLToPath(new URL('./chart-csv-worker.ts', import.meta.url));

/** Every chart CSV of the warehouse ($JEUGDHULP_WAREHOUSE), made in a worker thread. */
export function startChartCsvs(): Promise<CsvFile[]> {
  const worker = new Worker(WORKER_FILE);
  const job = new Promise<CsvFile[]>((resolve, reject) => {
    worker.once('message', (m: { files?: CsvFile[]; error?: string }) => {
      // Its DuckDB would keep the thread alive.
      void worker.terminate();
      if (m.error !== undefined) reject(new Error(m.error));
      else resolve(m.files!);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the chart CSV worker stopped (exit ${code}) before it was done`)));
  });
  // A build that fails before it is done never asks for the files: no unhandled rejection then.
  job.catch(() => undefined);
  return job;
}

/** Write the files under the output folder; returns how many. */
export function writeChartCsvs(root: string, files: CsvFile[]): number {
  const dirs = new Set<string>();
  for (const f of files) {
    const file = join(root, f.path);
    const dir = dirname(file);
    if (!dirs.has(dir)) mkdirSync(dir, { recursive: true });
    dirs.add(dir);
    writeFileSync(file, f.body);
  }
  return files.length;
}
