/**
 * The SQL console draws too: a result with a year-like column and numeric columns gets a chart under the
 * table — lines over the years, or bars when there is one period — in the registry's style, with CSV (both
 * dialects), SVG and PNG downloads. Results that are not shaped like that get no chart.
 */
import * as Plot from '@observablehq/plot';
import { CATEGORY_STYLE, FONT_SIZE, legendOf, lineChart, type Series } from '../charts/shared.ts';
import { formatNumber } from '../shared/format.ts';
import { columnsOf, toDelimited, type Cell, type Dialect } from '../shared/delimited.ts';
import { initChartTools } from './chart-tools.ts';

type R = Record<string, unknown>;

export interface ChartShape {
  year: string;
  /** A text column naming the series (naam, geo_code …), if any. */
  series?: string;
  values: string[];
  kind: 'lijnen' | 'staven';
}

const isYear = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2100;

/** How a result can be drawn, or null when it has no year-like column or no numeric column. */
export function chartShape(columns: string[], rows: R[]): ChartShape | null {
  if (rows.length === 0) return null;
  const all = (c: string, ok: (v: unknown) => boolean) => rows.every((r) => r[c] == null || ok(r[c])) && rows.some((r) => r[c] != null);
  const year =
    columns.find((c) => /^(jaar|year|period|periode)$/i.test(c) && all(c, isYear)) ?? columns.find((c) => all(c, isYear));
  if (!year) return null;
  const values = columns.filter((c) => c !== year && all(c, (v) => typeof v === 'number' && Number.isFinite(v)));
  if (!values.length) return null;
  const series = columns.find((c) => c !== year && !values.includes(c) && all(c, (v) => typeof v === 'string'));
  const periods = new Set(rows.map((r) => r[year]));
  return { year, series, values, kind: periods.size > 1 ? 'lijnen' : 'staven' };
}

/** Long rows { key, label, jaar, waarde } whatever the result's shape: one series per name or per numeric column. */
function longRows(shape: ChartShape, rows: R[]) {
  if (shape.series) {
    const v = shape.values[0];
    return rows.map((r) => ({ key: String(r[shape.series!]), jaar: r[shape.year] as number, waarde: r[v] as number | null }));
  }
  return shape.values.flatMap((v) => rows.map((r) => ({ key: v, jaar: r[shape.year] as number, waarde: r[v] as number | null })));
}

export function drawConsoleChart(shape: ChartShape, rows: R[], { document, width }: { document: Document; width: number }): Element {
  const long = longRows(shape, rows);
  const label = shape.series ? shape.values[0] : shape.values.length === 1 ? shape.values[0] : 'waarde';
  if (shape.kind === 'lijnen') {
    const keys = [...new Set(long.map((r) => r.key))];
    const series: Series<(typeof long)[number]>[] = keys.map((k, i) => ({
      key: k,
      label: k,
      rows: long.filter((r) => r.key === k).sort((a, b) => a.jaar - b.jaar),
      ...(i < CATEGORY_STYLE.length ? CATEGORY_STYLE[i] : { color: 'var(--c-context, #8a96a3)', symbol: 'circle' as const }),
    }));
    return lineChart({ series, x: 'jaar', y: 'waarde', yLabel: label, yFormat: (v) => formatNumber(v, 1), title: (r) => `${r.key}, ${r.jaar}: ${formatNumber(r.waarde, 2)}` }, { document, width });
  }
  const known = long.filter((r) => r.waarde != null).sort((a, b) => b.waarde! - a.waarde!);
  return Plot.plot({
    document,
    width,
    height: Math.max(80, known.length * 22 + 36),
    marginLeft: width < 480 ? 110 : 190,
    marginRight: 70,
    marginTop: 24,
    style: { fontSize: `${FONT_SIZE}px`, overflow: 'visible' },
    x: { axis: null, zero: true, nice: true },
    y: { domain: known.map((r) => r.key), label: null, tickSize: 0 },
    marks: [
      Plot.barX(known, { y: 'key', x: 'waarde', fill: 'var(--b1, #1f4e79)', insetTop: 3, insetBottom: 3 }),
      Plot.text(known, { y: 'key', x: 'waarde', text: (r: { waarde: number }) => formatNumber(r.waarde, 2), textAnchor: 'start', dx: 4, fill: 'currentColor' }),
      Plot.text([`${label}, ${known[0]?.jaar ?? ''}`], { frameAnchor: 'top-left', dy: -18, fill: 'currentColor' }),
    ],
  }) as unknown as Element;
}

/** Replace the chart under the console's result (or remove it when the result cannot be drawn). */
export function showConsoleChart(after: HTMLElement, columns: string[], rows: R[]) {
  document.querySelector('figure[data-chart="console"]')?.remove();
  const shape = chartShape(columns, rows);
  if (!shape) return;
  const fig = document.createElement('figure');
  fig.className = 'chart';
  fig.dataset.chart = 'console';
  fig.dataset.geo = 'resultaat';
  fig.innerHTML = `<h2>Grafiek van het resultaat</h2><div class="plot" data-plot></div>
<p class="muted">${shape.kind === 'lijnen' ? 'Lijnen' : 'Staven'}: ${shape.year} tegen ${shape.series ? `${shape.values[0]} per ${shape.series}` : shape.values.join(', ')}.</p>
<details class="tools" data-tools open><summary>Downloaden</summary><p>
<button type="button" class="linkish" data-console-csv="international">CSV</button> ·
<button type="button" class="linkish" data-console-csv="excel-nl">CSV voor Excel (;)</button>
<span data-js-only hidden> · <button type="button" class="linkish" data-download="svg">SVG</button> · <button type="button" class="linkish" data-download="png">PNG (2×)</button></span></p></details>`;
  after.after(fig);
  const plot = fig.querySelector<HTMLElement>('[data-plot]')!;
  const el = drawConsoleChart(shape, rows, { document, width: Math.max(300, Math.min(after.clientWidth || 720, 720)) });
  el.setAttribute('aria-hidden', 'true');
  const holder = document.createElement('div');
  holder.append(el);
  plot.append(holder);
  if (shape.kind === 'lijnen') {
    const ul = document.createElement('ul');
    ul.className = 'legend';
    ul.textContent = '';
    for (const it of legendOf(longSeriesLabels(shape, rows))) {
      const li = document.createElement('li');
      li.innerHTML = `<svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" style="color:${it.color}"><line x1="1" y1="7" x2="27" y2="7" stroke="currentColor" stroke-width="2.5" ${it.dash ? `stroke-dasharray="${it.dash}"` : ''}/></svg>`;
      li.append(document.createTextNode(it.label));
      ul.append(li);
    }
    plot.before(ul);
  }
  fig.querySelectorAll<HTMLButtonElement>('[data-console-csv]').forEach((b) =>
    b.addEventListener('click', () => {
      const d = b.dataset.consoleCsv as Dialect;
      const body = toDelimited(columnsOf(columns, rows as Record<string, Cell>[]), rows as Record<string, Cell>[], d);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([body], { type: 'text/csv;charset=utf-8' }));
      a.download = d === 'excel-nl' ? 'resultaat.excel-nl.csv' : 'resultaat.csv';
      document.body.append(a);
      a.click();
      a.remove();
    }),
  );
  initChartTools();
}

function longSeriesLabels(shape: ChartShape, rows: R[]) {
  const keys = [...new Set(longRows(shape, rows).map((r) => r.key))];
  return keys.map((k, i) => ({ key: k, label: k, rows: [], ...(i < CATEGORY_STYLE.length ? CATEGORY_STYLE[i] : { color: 'var(--c-context, #8a96a3)', symbol: 'circle' as const }) }));
}
