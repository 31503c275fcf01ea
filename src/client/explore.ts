/**
 * The comparison panel under a chart: up to five places, counts or per 1 000 (or per inhabitant), and a
 * period. It hydrates the static chart in place. The data is one small JSON per chart, fetched on the
 * first change; Plot is loaded then too, so a page that is only read loads neither.
 */
import type { ExploreData } from '../lib/explore-data.ts';
import { searchPlaces } from '../lib/search.ts';
import { formatEuro, formatNumber, formatYear } from '../lib/format.ts';

interface Spec { indicator: string; label: string; unit: 'jongeren' | 'euro'; base?: { indicator: string; factor: number; label: string } }
interface Place { c: string; n: string; l: string; h: string }

const MAX = 5;
const COLORS = ['var(--c1)', 'var(--c2)', 'var(--c4)', 'var(--c5)', 'var(--c3)'];
const DASHES = [undefined, '7 4', '2 3', '10 3 2 3', '1 0'];
const SYMBOLS = ['circle', 'square', 'triangle', 'diamond', 'cross'] as const;

const cache = new Map<string, Promise<ExploreData>>();
const load = (src: string) => {
  let p = cache.get(src);
  if (!p) {
    p = fetch(src).then((r) => (r.ok ? (r.json() as Promise<ExploreData>) : Promise.reject(new Error(`${src}: ${r.status}`))));
    cache.set(src, p);
  }
  return p;
};
let placesP: Promise<Place[]> | undefined;
const places = () => (placesP ??= fetch('/places.json').then((r) => r.json() as Promise<Place[]>));
let plotP: Promise<typeof import('@observablehq/plot')> | undefined;
const plotLib = () => (plotP ??= import('@observablehq/plot'));

export function initExplore() {
  document.querySelectorAll<HTMLElement>('[data-explore]').forEach((el, i) => setup(el, i));
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...kids: (Node | string)[]) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...kids);
  return e;
}

function setup(box: HTMLElement, n: number) {
  const figure = box.closest('figure')!;
  const spec = JSON.parse(box.dataset.spec!) as Spec;
  const [y0, y1] = (box.dataset.years || '').split('-').map(Number);
  const state = {
    chosen: (box.dataset.compare || '').split(',').filter(Boolean),
    relative: Boolean(spec.base),
    from: y0,
    to: y1,
  };
  // A permalink (?vergelijk=<chart>&plaatsen=…&weergave=…&van=…&tot=…) restores a comparison.
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('vergelijk') === figure.dataset.chart;
  if (fromUrl) {
    const codes = (params.get('plaatsen') ?? '').split(',').filter((c) => /^(NL01|JZ\d{2}|GM\d{4})$/.test(c)).slice(0, MAX);
    if (codes.length) state.chosen = codes;
    if (params.get('weergave') === 'aantal') state.relative = false;
    if (params.get('weergave') === 'relatief' && spec.base) state.relative = true;
    const van = Number(params.get('van'));
    const tot = Number(params.get('tot'));
    if (van >= y0 && van <= y1) state.from = van;
    if (tot >= y0 && tot <= y1 && tot >= state.from) state.to = tot;
  }
  const original = { plot: figure.querySelector('[data-plot]')?.innerHTML ?? '', legend: figure.querySelector('.legend')?.innerHTML ?? '' };
  const id = `vgl-${n}`;
  box.hidden = false;

  const chips = el('ul', { class: 'chosen', 'aria-label': 'Gekozen plaatsen' });
  const add = el('input', { type: 'search', id: `${id}-q`, autocomplete: 'off', placeholder: 'Plaats toevoegen', role: 'combobox', 'aria-expanded': 'false', 'aria-controls': `${id}-list`, 'aria-autocomplete': 'list' }) as HTMLInputElement;
  const list = el('ul', { id: `${id}-list`, role: 'listbox', 'aria-label': 'Plaatsen', hidden: '' });
  const status = el('p', { class: 'muted', 'aria-live': 'polite' });
  const mode = el('fieldset', {}, el('legend', { class: 'visually-hidden' }, 'Toon als'));
  if (spec.base) {
    for (const [value, label] of [['abs', spec.unit === 'euro' ? 'Bedrag' : 'Aantal'], ['rel', spec.base.label]]) {
      const r = el('input', { type: 'radio', name: `${id}-mode`, value, id: `${id}-${value}` }) as HTMLInputElement;
      r.checked = (value === 'rel') === state.relative;
      r.addEventListener('change', () => { state.relative = value === 'rel'; void draw(); });
      mode.append(el('label', { for: `${id}-${value}` }, r, ` ${label}`));
    }
  }
  const yearSel = (label: string, key: 'from' | 'to') => {
    const s = el('select', { id: `${id}-${key}` }) as HTMLSelectElement;
    for (let y = y0; y <= y1; y++) s.append(new Option(String(y), String(y), false, y === state[key]));
    s.addEventListener('change', () => { state[key] = Number(s.value); void draw(); });
    return el('label', { for: `${id}-${key}` }, `${label} `, s);
  };
  const period = el('fieldset', {}, el('legend', { class: 'visually-hidden' }, 'Periode'), ...(y0 ? [yearSel('Van', 'from'), yearSel('tot en met', 'to')] : []));
  const reset = el('button', { type: 'button', class: 'btn' }, 'Standaardgrafiek');
  const permalink = el('a', { href: location.pathname, 'data-permalink': '' }, 'Link naar deze vergelijking');
  reset.addEventListener('click', () => {
    const plot = figure.querySelector('[data-plot]');
    if (plot) plot.innerHTML = original.plot;
    const legend = figure.querySelector('.legend');
    if (legend) legend.innerHTML = original.legend;
    status.textContent = 'De standaardgrafiek staat weer op zijn plaats.';
  });
  const panel = el('details', {}, el('summary', {}, 'Vergelijk met andere plaatsen'),
    el('p', {}, `${spec.label[0].toUpperCase()}${spec.label.slice(1)}: kies tot ${MAX} plaatsen, een periode en ${spec.base ? 'aantal of verhouding' : 'de weergave'}.`),
    chips,
    el('div', { class: 'finder' }, el('label', { for: add.id, class: 'visually-hidden' }, 'Plaats toevoegen'), add, list),
    mode,
    period,
    el('p', {}, reset, ' ', permalink),
    status,
  );
  box.append(panel);
  if (fromUrl) {
    panel.open = true;
    void draw().then(() => figure.scrollIntoView());
  }

  const paintChips = async () => {
    const names = await namesOf();
    chips.replaceChildren(
      ...state.chosen.map((c) => {
        const b = el('button', { type: 'button', 'aria-label': `${names[c] ?? c} weghalen` }, `${names[c] ?? c} ✕`);
        b.addEventListener('click', () => {
          state.chosen = state.chosen.filter((x) => x !== c);
          void paintChips();
          void draw();
        });
        return el('li', {}, b);
      }),
    );
  };
  // Names of the starting places come with the page; the full list is fetched once a reader adds one.
  const known = JSON.parse(box.dataset.names || '{}') as Record<string, string>;
  const namesOf = async () => {
    if (state.chosen.every((c) => known[c])) return known;
    const ps = await places();
    const out: Record<string, string> = { ...known, NL01: 'Nederland' };
    for (const p of ps) out[p.c] = p.l === 'jeugdregio' ? `Jeugdregio ${p.n}` : p.n;
    return out;
  };
  let found: Place[] = [];
  let active = -1;
  const paintList = () => {
    list.replaceChildren(
      ...found.map((p, i) => {
        const li = el('li', { role: 'option', id: `${id}-o${i}`, 'aria-selected': String(i === active) }, p.n, ' ', el('small', {}, p.c));
        li.addEventListener('mousedown', (e) => e.preventDefault());
        li.addEventListener('click', () => choose(p));
        return li;
      }),
    );
    list.hidden = !found.length;
    add.setAttribute('aria-expanded', String(found.length > 0));
    if (active >= 0) add.setAttribute('aria-activedescendant', `${id}-o${active}`);
  };
  const choose = (p: Place) => {
    if (!state.chosen.includes(p.c)) {
      if (state.chosen.length >= MAX) {
        status.textContent = `U kunt hoogstens ${MAX} plaatsen vergelijken. Haal er eerst een weg.`;
        return;
      }
      state.chosen.push(p.c);
    }
    add.value = '';
    found = [];
    paintList();
    void paintChips();
    void draw();
  };
  add.addEventListener('input', async () => {
    const ps = await places();
    found = searchPlaces(ps.map((p) => ({ code: p.c, name: p.n, p })), add.value, 8).map((x) => x.p);
    active = found.length ? 0 : -1;
    paintList();
  });
  add.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && found.length) { active = (active + 1) % found.length; paintList(); e.preventDefault(); }
    else if (e.key === 'ArrowUp' && found.length) { active = (active - 1 + found.length) % found.length; paintList(); e.preventDefault(); }
    else if (e.key === 'Enter' && found[active]) { e.preventDefault(); choose(found[active]); }
    else if (e.key === 'Escape') { found = []; paintList(); }
  });
  add.addEventListener('blur', () => setTimeout(() => { found = []; paintList(); }, 150));
  void paintChips();

  async function draw() {
    status.textContent = 'Bezig met laden…';
    let data: ExploreData;
    let Plot: typeof import('@observablehq/plot');
    try {
      [data, Plot] = await Promise.all([load(box.dataset.src!), plotLib()]);
    } catch (e) {
      status.textContent = `De vergelijkingsdata kon niet worden geladen (${(e as Error).message}).`;
      return;
    }
    // A chart that starts empty has no years on the page: take the period from the data itself.
    if (!state.from || !state.to) {
      const ys = Object.values(data.series).flatMap((rows) => rows.map(([y]) => y));
      if (ys.length) {
        state.from = Math.min(...ys);
        state.to = Math.max(...ys);
      }
    }
    let rel = state.relative && data.base;
    // Without the base population (the sample has none) a ratio cannot be made: show counts and say so.
    const hasBase = state.chosen.some((c) => (data.series[c] ?? []).some(([, v, b]) => v != null && b != null));
    let note = '';
    if (rel && !hasBase) {
      rel = null;
      state.relative = false;
      const abs = box.querySelector<HTMLInputElement>('input[value="abs"]');
      if (abs) abs.checked = true;
      note = ` Geen bevolkingscijfers voor deze plaatsen, dus ${data.base!.label} kan niet worden berekend; de grafiek toont aantallen.`;
    }
    const rows = state.chosen.flatMap((code, i) =>
      (data.series[code] ?? [])
        .filter(([y]) => y >= state.from && y <= state.to)
        .map(([jaar, v, b, status]) => ({
          i, code, naam: data.names[code] ?? code, jaar, status,
          waarde: v == null ? null : rel ? (b ? (data.base!.factor * v) / b : null) : v,
        })),
    );
    const missing = state.chosen.filter((c) => !rows.some((r) => r.code === c && r.waarde != null)).map((c) => data.names[c] ?? c);
    const fmt = (v: number) => (data.unit === 'euro' && !(rel && data.base!.factor > 1) ? formatEuro(v) : formatNumber(v, rel ? 1 : 0));
    const holder = figure.querySelector<HTMLElement>('[data-plot]') ?? figure.insertBefore(el('div', { class: 'plot', 'data-plot': '' }), box.closest('figcaption'));
    const width = Math.max(300, Math.min(holder.clientWidth || 640, 760));
    const present = state.chosen.map((c, i) => ({ c, i })).filter(({ c }) => rows.some((r) => r.code === c && r.waarde != null));
    const svg = Plot.plot({
      width,
      height: width < 480 ? 260 : 320,
      marginLeft: 56,
      style: { fontSize: '13px', background: 'var(--plot-background)', color: 'var(--fg)' },
      x: { tickFormat: (d: number) => formatYear(d), label: null, ticks: Math.min(10, state.to - state.from + 1) },
      y: { grid: true, zero: true, nice: true, tickFormat: fmt, label: rel ? data.base!.label : data.label },
      marks: [
        Plot.ruleY([0]),
        ...present.flatMap(({ c, i }) => {
          const d = rows.filter((r) => r.code === c);
          return [
            Plot.line(d, { x: 'jaar', y: 'waarde', stroke: COLORS[i], strokeWidth: 2.5, strokeDasharray: DASHES[i] }),
            Plot.dot(d.filter((r) => r.waarde != null), {
              x: 'jaar', y: 'waarde', fill: COLORS[i], symbol: SYMBOLS[i], r: 4.5,
              title: (r: (typeof rows)[number]) => `${r.naam}, ${r.jaar}${r.status !== 'definitief' ? ' (voorlopig)' : ''}: ${fmt(r.waarde!)}`,
            }),
          ];
        }),
        Plot.tip(rows.filter((r) => r.waarde != null), Plot.pointer({
          x: 'jaar', y: 'waarde',
          title: (r: (typeof rows)[number]) => `${r.naam}, ${r.jaar}${r.status !== 'definitief' ? ' (voorlopig)' : ''}: ${fmt(r.waarde!)}`,
        })),
      ],
    });
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `Vergelijking: ${present.map(({ c }) => data.names[c] ?? c).join(', ')}, ${state.from}–${state.to}`);
    holder.replaceChildren(svg);
    const legend = figure.querySelector('.legend');
    if (legend) {
      legend.innerHTML = present
        .map(({ c, i }) => `<li><svg width="28" height="14" aria-hidden="true" style="color:${COLORS[i]}"><line x1="1" y1="7" x2="27" y2="7" stroke="currentColor" stroke-width="2.5" ${DASHES[i] ? `stroke-dasharray="${DASHES[i]}"` : ''}/></svg>${escapeHtml(data.names[c] ?? c)}</li>`)
        .join('');
    }
    status.textContent = missing.length
      ? `Geen cijfers in deze periode voor ${missing.join(', ')}.`
      : `Grafiek bijgewerkt: ${present.length} plaatsen, ${state.from}–${state.to}.`;
    status.textContent += note;
    const q = new URLSearchParams({
      vergelijk: figure.dataset.chart!,
      plaatsen: state.chosen.join(','),
      weergave: rel ? 'relatief' : 'aantal',
      van: String(state.from),
      tot: String(state.to),
    });
    const url = `${location.pathname}?${q}#${figure.id}`;
    permalink.setAttribute('href', url);
    history.replaceState(null, '', url);
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
