/**
 * A registry chart drawn to an SVG string: Observable Plot on a server DOM (linkedom). Pure: the same rows
 * give the same SVG, on the main thread or in a drawing worker (src/lib/draw-worker.ts).
 */
import { parseHTML } from 'linkedom';
import type { ChartDef, Row } from '../charts/types.ts';

export function drawSvg(chart: ChartDef<Row>, rows: Row[], width: number): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const el = chart.plot(rows, { document: document as unknown as Document, width });
  // The summary sentence and the data table beside it are the text alternative; the drawing is decoration for
  // screen readers.
  el.setAttribute('aria-hidden', 'true');
  return el.outerHTML;
}
