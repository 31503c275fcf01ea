/** One measured pipeline run in its own process (so peak RSS is this run's): prints one JSON line. */
import { buildWarehouse } from '../src/pipeline/build.ts';
import { writeWarehouse } from '../src/pipeline/write.ts';

const [data, out] = process.argv.slice(2);
const t0 = performance.now();
let rawRows = 0;
const w = await buildWarehouse(data, (step, rows) => {
  if (/tables|Gebieden|exports|iv3-totals|published/.test(step)) rawRows += rows;
});
await writeWarehouse(w, out);
const seconds = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ seconds, rawRows, observations: w.observations.length, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
