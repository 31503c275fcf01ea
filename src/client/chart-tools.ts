/**
 * Per-chart tools that need a browser: the chart as SVG and as PNG (drawn from the SVG at 2× for
 * print). CSV downloads are static files and work without JavaScript.
 */
export function initChartTools() {
  for (const fig of document.querySelectorAll<HTMLElement>('figure.chart[data-chart]')) {
    const tools = fig.querySelector<HTMLElement>('[data-tools]');
    if (!tools) continue;
    tools.querySelectorAll<HTMLElement>('[data-js-only]').forEach((e) => (e.hidden = false));
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

/** The visible chart SVG with title, legend and source drawn in, and CSS colours resolved to values. */
function standaloneSvg(fig: HTMLElement): { text: string; width: number; height: number } | null {
  const svg = [...fig.querySelectorAll<SVGSVGElement>('[data-plot] svg')].find((s) => s.getBoundingClientRect().width > 0);
  if (!svg) return null;
  const width = Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width;
  const height = Number(svg.getAttribute('height')) || svg.viewBox.baseVal.height;
  const title = fig.querySelector('h2, h3')?.textContent ?? '';
  const legend = [...fig.querySelectorAll('.legend li')].map((li) => li.textContent?.trim()).filter(Boolean).join('  ·  ');
  const source = fig.querySelector('.source')?.textContent ?? 'Bron: CBS';
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const styles = getComputedStyle(document.documentElement);
  let inner = new XMLSerializer().serializeToString(clone).replace(/var\((--[\w-]+)(?:,\s*([^)]+))?\)/g, (_, v, fb) => styles.getPropertyValue(v).trim() || fb || '#000');
  inner = inner.replace(/currentColor/g, '#1a1a1a');
  const esc = (s: string) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
  const top = 48;
  const h = height + top + 28;
  const text = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${h}" viewBox="0 0 ${width} ${h}" font-family="system-ui, sans-serif">
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="0" y="18" font-size="16" font-weight="700" fill="#1a1a1a">${esc(title)}</text>
<text x="0" y="38" font-size="12" fill="#1a1a1a">${esc(legend)}</text>
<g transform="translate(0 ${top})">${inner}</g>
<text x="0" y="${h - 8}" font-size="11" fill="#555">${esc(source)} — Jeugdhulp in Beeld</text>
</svg>`;
  return { text, width, height: h };
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
