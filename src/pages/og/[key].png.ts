/** /og/<key>.png for every gemeente, jeugdregio and theme page (key = geo code or theme slug). */
import { NL } from '../../catalog/places.ts';
import { CORE_CHARTS as CHARTS, EFFECT_CHARTS, chartById } from '../../charts/index.ts';
import { THEMES } from '../../lib/themes.ts';
import { allPlaces } from '../../lib/places.ts';
import { renderChart } from '../../lib/render.ts';
import { ogPng } from '../../lib/og-image.ts';

interface Props { title: string; subtitle: string; geo: string; charts: string[] }

export async function getStaticPaths() {
  const out: { params: { key: string }; props: Props }[] = [];
  for (const t of THEMES) out.push({ params: { key: t.slug }, props: { title: t.title.nl, subtitle: 'Nederland', geo: NL, charts: t.charts } });
  out.push({ params: { key: 'maatregelen-2022' }, props: { title: 'De maatregelen van 2022', subtitle: 'Nederland', geo: NL, charts: EFFECT_CHARTS.map((c) => c.id) } });
  out.push({ params: { key: 'home' }, props: { title: 'Jeugdhulp in Beeld', subtitle: 'Jeugdhulp voor elke gemeente en jeugdregio', geo: NL, charts: CHARTS.map((c) => c.id) } });
  for (const p of await allPlaces()) {
    out.push({
      params: { key: p.code },
      props: { title: p.level === 'jeugdregio' ? `Jeugdregio ${p.name}` : `Gemeente ${p.name}`, subtitle: 'Jeugdhulp in cijfers', geo: p.code, charts: CHARTS.map((c) => c.id) },
    });
  }
  for (const o of out) void image(o.props).catch(() => undefined);
  return out;
}

const images = new Map<string, Promise<Uint8Array>>();

/** All images are started while the routes are collected, and GET only waits for its own. */
function image(props: Props): Promise<Uint8Array> {
  let p = images.get(props.geo + props.title);
  if (!p) {
    p = draw(props);
    images.set(props.geo + props.title, p);
  }
  return p;
}

export async function GET({ props }: { props: Props }) {
  return new Response(new Uint8Array(await image(props)), { headers: { 'Content-Type': 'image/png' } });
}

async function draw(props: Props): Promise<Uint8Array> {
  let svg: string | null = null;
  let chartTitle = props.subtitle;
  for (const id of props.charts) {
    const r = await renderChart(chartById(id)!, props.geo);
    // The first chart with figures of the place itself: a gemeente's image must show that gemeente, not only
    // the national line beside it. Without any, the image shows the title only.
    if (r.svg && r.ownData) {
      svg = r.svg.wide;
      chartTitle = `${r.chart.title.nl}: ${r.legend.map((l) => l.label).join(', ')}`;
      break;
    }
  }
  // Say so rather than show another place's line.
  if (!svg && props.geo !== NL) chartTitle = 'Nog geen eigen cijfers in deze dataset';
  return ogPng(props.title, chartTitle, svg);
}
