/**
 * Open Graph images (1200 × 630 PNG) drawn at build time from a page's first chart, so a shared link
 * shows the chart. resvg renders the same SVG the page inlines; CSS variables fall back to their
 * print-safe defaults and text uses the machine's fonts.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { workerPool, type WorkerPool } from './worker-pool.ts';

/**
 * Scanning every system font for each image costs most of the render; two known files are enough.
 * Without them (another distribution), resvg falls back to the system fonts.
 */
const FONT_FILES = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'].filter((f) => existsSync(f));
const FONT = FONT_FILES.length === 2 ? { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' } : { loadSystemFonts: true };

const W = 1200;
const H = 630;

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** An SVG as a standalone drawing: var(--x, fallback) → fallback, currentColor → ink. */
export function resolveCss(svg: string): string {
  return svg.replace(/var\(--[\w-]+,\s*([^)]+)\)/g, '$1').replace(/var\(--[\w-]+\)/g, '#1a1a1a').replace(/currentColor/g, '#1a1a1a');
}

export function ogSvg(title: string, subtitle: string, chartSvg: string | null): string {
  let chart = '';
  if (chartSvg) {
    const m = /viewBox="([\d.\s-]+)"/.exec(chartSvg);
    const [, , vw, vh] = (m?.[1] ?? '0 0 720 300').split(/\s+/).map(Number);
    const scale = Math.min((W - 120) / vw, (H - 230) / vh);
    const inner = resolveCss(chartSvg).replace(/^<svg([^>]*)>/, (_, attrs: string) => `<svg${attrs.replace(/\s(width|height|x|y)="[^"]*"/g, '')} x="0" y="0" width="${vw}" height="${vh}">`);
    chart = `<g transform="translate(60 170) scale(${scale.toFixed(4)})">${inner}</g>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif">
<rect width="${W}" height="${H}" fill="#ffffff"/>
<rect width="${W}" height="12" fill="#0b5cab"/>
<text x="60" y="82" font-size="44" font-weight="700" fill="#1a1a1a">${esc(title)}</text>
<text x="60" y="132" font-size="28" fill="#444">${esc(subtitle)}</text>
${chart || `<text x="60" y="330" font-size="30" fill="#555">Cijfers over jeugdhulp, kosten en verblijf</text>`}
<text x="60" y="${H - 30}" font-size="22" fill="#0b5cab" font-weight="700">Jeugdhulp in Beeld</text>
<text x="${W - 60}" y="${H - 30}" font-size="20" fill="#555" text-anchor="end">Bron: CBS</text>
</svg>`;
}

/**
 * The rasterising runs in worker threads, one per core: resvg draws and encodes the PNG synchronously
 * (about 0,1 s of CPU an image), and on the main thread that stalled every page of the build for the
 * 400 images. The worker is a few lines given as source, so the bundler has no second entry to find.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Resvg } = require(workerData.resvg);
parentPort.on('message', ({ id, job }) => {
  try {
    const png = new Uint8Array(new Resvg(job.svg, job.options).render().asPng());
    parentPort.postMessage({ id, result: png }, [png.buffer]);
  } catch (e) {
    parentPort.postMessage({ id, error: 'Open Graph image: ' + String(e && e.message || e) });
  }
});`;

let pool: WorkerPool<{ svg: string; options: object }, Uint8Array> | undefined;

/** The page's image as PNG, drawn in a worker; images for different pages are drawn at once on all cores. */
export function ogPng(title: string, subtitle: string, chartSvg: string | null): Promise<Uint8Array> {
  if (!pool || pool.dead) {
    const resvg = createRequire(import.meta.url).resolve('@resvg/resvg-js');
    pool = workerPool(() => new Worker(WORKER_SOURCE, { eval: true, workerData: { resvg } }));
  }
  return pool.run({ svg: ogSvg(title, subtitle, chartSvg), options: { fitTo: { mode: 'width', value: W }, font: FONT } });
}
