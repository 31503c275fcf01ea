import { CHARTS } from '../../charts/index.ts';
import { exploreData } from '../../lib/explore-data.ts';

export function getStaticPaths() {
  return CHARTS.filter((c) => c.explore).map((c) => ({ params: { id: c.id }, props: { chart: c } }));
}

export async function GET({ props }: { props: { chart: (typeof CHARTS)[number] } }) {
  return new Response(JSON.stringify(await exploreData(props.chart)), { headers: { 'Content-Type': 'application/json' } });
}
