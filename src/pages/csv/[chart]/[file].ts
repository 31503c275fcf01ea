/**
 * The data behind each chart for each place, exactly the rows its SQL returned, in both CSV dialects of
 * the warehouse: /csv/<chart>/<geo>.csv (comma) and /csv/<chart>/<geo>.excel-nl.csv (Dutch Excel), each
 * figure rounded to the precision the chart shows.
 */
import { NL } from '../../../catalog/places.ts';
import { CHARTS } from '../../../charts/index.ts';
import type { ChartDef, Row } from '../../../charts/types.ts';
import { columnsOf, roundTo, toDelimited, type Dialect } from '../../../shared/delimited.ts';
import { allPlaces } from '../../../lib/places.ts';
import { renderAll, renderData } from '../../../lib/render.ts';
import { digitsOf } from '../../../lib/precision.ts';

export async function getStaticPaths() {
  const codes = [NL, ...(await allPlaces()).map((p) => p.code)];
  const paths = [];
  for (const r of await renderAll(CHARTS, codes)) {
    if (!r.hasData) continue;
    const geo = r.ctx.geo.geo_code;
    for (const dialect of ['international', 'excel-nl'] as const) {
      paths.push({ params: { chart: r.chart.id, file: `${geo}${dialect === 'excel-nl' ? '.excel-nl' : ''}.csv` }, props: { chart: r.chart, geo, dialect } });
    }
  }
  return paths;
}

export async function GET({ props }: { props: { chart: ChartDef<Row>; geo: string; dialect: Dialect } }) {
  // The rows only: a download does not wait for the chart's drawings.
  const r = await renderData(props.chart, props.geo);
  // Rounded to the precision the chart shows (src/lib/precision.ts); the warehouse keeps the full values.
  const rows = r.rows.map((row) => {
    const out = { ...row };
    for (const [k, v] of Object.entries(row)) {
      const digits = typeof v === 'number' ? digitsOf(k, row) : undefined;
      if (digits !== undefined) out[k] = roundTo(v as number, digits);
    }
    return out;
  });
  const body = toDelimited(columnsOf(props.chart.columns, rows), rows, props.dialect);
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
