import { METRICS } from '../../../catalog/metrics.ts';
import { staticMetric } from '../../../lib/workbench-static-build.ts';

/** The workbench's precomputed rows of one metric (src/lib/workbench-static.ts): a permalink's chart before DuckDB runs. */
export function getStaticPaths() {
  return METRICS.map((m) => ({ params: { metric: m.id } }));
}

export async function GET({ params }: { params: { metric: string } }) {
  return new Response(JSON.stringify(await staticMetric(params.metric)), { headers: { 'Content-Type': 'application/json' } });
}
