/**
 * The build's CSV downloads (src/lib/chart-csv.ts) made in a worker thread, beside Astro's page rendering:
 * its own DuckDB on the same warehouse. Loaded by Node itself (type stripping), not by the bundler.
 */
import { parentPort } from 'node:worker_threads';
import { chartCsvFiles } from './chart-csv.ts';

chartCsvFiles().then(
  (files) => parentPort!.postMessage({ files }),
  (e: unknown) => parentPort!.postMessage({ error: `chart CSVs: ${e instanceof Error ? e.stack ?? e.message : String(e)}` }),
);
