/**
 * Open Graph images (1200 × 630 PNG) drawn at build time from a page's first chart, so a shared link
 * shows the chart. resvg renders the same SVG the page inlines; CSS variables fall back to their
 * print-safe defaults and text uses the machine's fonts.
 */
import { existsSync } from 'node:fs';
import { renderAsync } from '@resvg/resvg-js';

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

/** At most this many images in flight: each holds a 1200 × 630 pixmap until it is encoded. */
const IN_FLIGHT = 4;
let running = 0;
const waiting: (() => void)[] = [];

/** Rendered on libuv's thread pool, so a build draws several images at once on both cores. */
export async function ogPng(title: string, subtitle: string, chartSvg: string | null): Promise<Uint8Array> {
  if (running >= IN_FLIGHT) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    const img = await renderAsync(ogSvg(title, subtitle, chartSvg), { fitTo: { mode: 'width', value: W }, font: FONT });
    return img.asPng();
  } finally {
    running--;
    waiting.shift()?.();
  }
}
