/**
 * Per-chart tools that need a browser: the chart as SVG and as PNG (drawn from the SVG at 2× for
 * print), with its key drawn in; copy buttons for link, citation and embed code; the reader's access date
 * in the citation. CSV downloads are static files and work without JavaScript.
 */
import { ACCESS_PLACEHOLDER } from '../lib/site.ts';

export function initChartTools() {
  const today = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
  for (const fig of document.querySelectorAll<HTMLElement>('figure.chart[data-chart]')) {
    const tools = fig.querySelector<HTMLElement>('[data-tools]');
    if (!tools) continue;
    tools.querySelectorAll<HTMLElement>('[data-js-only]').forEach((e) => (e.hidden = false));
    const cite = tools.querySelector<HTMLTextAreaElement>('[data-citation]');
    if (cite) cite.value = cite.value.replace(ACCESS_PLACEHOLDER.nl, today);
    const copyStatus = tools.querySelector<HTMLElement>('[data-copy-status]');
    for (const b of tools.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
      b.hidden = false;
      b.addEventListener('click', async () => {
        const field = document.getElementById(b.dataset.copy!) as HTMLInputElement | HTMLTextAreaElement | null;
        if (!field) return;
        const label = b.textContent;
        try {
          await navigator.clipboard.writeText(field.value);
        } catch {
          // Without clipboard permission (http, old browsers): select the text so Ctrl+C copies it.
          field.select();
          document.execCommand('copy');
        }
        b.textContent = 'Gekopieerd';
        if (copyStatus) copyStatus.textContent = `${field.labels?.[0]?.textContent ?? 'Tekst'} gekopieerd.`;
        setTimeout(() => (b.textContent = label), 1500);
      });
    }
    const name = `${fig.dataset.chart}-${fig.dataset.geo}`;
    tools.querySelector('[data-download="svg"]')?.addEventListener('click', () => {
      const svg = standaloneSvg(fig);
      if (svg) save(new Blob([svg.text], { type: 'image/svg+xml' }), `${name}.svg`);
    });
    tools.querySelector('[data-download="png"]')?.addEventListener('click', async () => {
      const svg = standaloneSvg(fig);
      if (!svg) return;
      const img = new Image();
      img.src = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = svg.width * 2;
      canvas.height = svg.height * 2;
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#ffffff';
      g.fillRect(0, 0, canvas.width, canvas.height);
      g.drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(img.src);
      canvas.toBlob((b) => b && save(b, `${name}.png`), 'image/png');
    });
  }
}

/**
 * The visible chart SVG with title, key and source drawn in, and CSS colours resolved to values: a PNG or
 * SVG on its own must still say which line is which (Datawrapper's exports carry their key too).
 */
function standaloneSvg(fig: HTMLElement): { text: string; width: number; height: number } | null {
  const svg = [...fig.querySelectorAll<SVGSVGElement>('[data-plot] svg')].find((s) => s.getBoundingClientRect().width > 0);
  if (!svg) return null;
  const width = Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width;
  const height = Number(svg.getAttribute('height')) || svg.viewBox.baseVal.height;
  const title = fig.querySelector('h2, h3')?.textContent ?? '';
  const source = fig.querySelector('.source')?.textContent ?? 'Bron: CBS';
  const styles = getComputedStyle(document.documentElement);
  // Export in the light palette whatever the reader's colour scheme: the file lands on white paper or slides.
  const resolve = (s: string) => s.replace(/var\((--[\w-]+)(?:,\s*([^)]+))?\)/g, (_, v, fb) => (fb?.trim() || styles.getPropertyValue(v).trim() || '#000')).replace(/currentColor/g, '#1a1a1a');
  const inner = resolve(new XMLSerializer().serializeToString(svg.cloneNode(true)));
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  // The key: each legend entry's own little SVG (line pattern, marker, colour) and its label, wrapped in rows.
  const measure = document.createElement('canvas').getContext('2d')!;
  measure.font = '12px system-ui, sans-serif';
  const items = [...fig.querySelectorAll<HTMLLIElement>('.legend li')];
  let x = 0;
  let row = 0;
  const keyParts: string[] = [];
  for (const li of items) {
    const label = li.textContent?.trim() ?? '';
    const swatch = li.querySelector('svg');
    const colour = swatch ? (swatch.getAttribute('style') ?? '').replace(/^.*color:\s*/, '').replace(/;.*$/, '') : '#1a1a1a';
    const w = 32 + measure.measureText(label).width + 16;
    if (x > 0 && x + w > width) { x = 0; row++; }
    const body = swatch ? resolve(swatch.innerHTML).replace(/currentColor|#1a1a1a/g, resolve(colour) || '#1a1a1a') : '';
    keyParts.push(`<g transform="translate(${x.toFixed(1)} ${row * 18})" data-key-item="${esc(label)}"><svg width="28" height="14" viewBox="0 0 28 14">${body}</svg><text x="32" y="11" font-size="12" fill="#1a1a1a">${esc(label)}</text></g>`);
    x += w;
  }
  const keyHeight = items.length ? (row + 1) * 18 + 6 : 0;
  const top = 28 + keyHeight;
  const h = height + top + 28;
  // A small white margin, so the first letters of the title and axis labels are not at the very edge.
  const pad = 8;
  const w = width + 2 * pad;
  const text = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h + pad}" viewBox="0 0 ${w} ${h + pad}" font-family="system-ui, sans-serif">
<rect width="100%" height="100%" fill="#ffffff"/>
<g transform="translate(${pad} ${pad})">
<text x="0" y="18" font-size="16" font-weight="700" fill="#1a1a1a">${esc(title)}</text>
<g transform="translate(0 28)" data-key="">${keyParts.join('')}</g>
<g transform="translate(0 ${top})">${inner}</g>
<text x="0" y="${h - 8}" font-size="11" fill="#555">${esc(source)} — Jeugdhulp in Beeld</text>
</g>
</svg>`;
  return { text, width: w, height: h + pad };
}

function save(blob: Blob, name: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
