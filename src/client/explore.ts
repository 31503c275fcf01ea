/**
 * The comparison panel under a chart: up to five places, counts or per 1 000 (or per inhabitant), and a
 * period. It hydrates the static chart in place, and everything around the chart follows the selection, as
 * OWID's grapher tabs do: legend, summary sentence, table, CSV downloads, embed code and permalink. The data
 * is one small JSON per chart, fetched on the first change; Plot is loaded then too, so a page that is only
 * read loads neither. On an embed page (data-readonly) there is no panel: a comparison in the embed's URL is
 * drawn, nothing else.
 */
import { NL, NL_NAME, PLACE_CODE, type PlaceEntry } from '../catalog/places.ts';
import type { ExploreData } from '../lib/explore-data.ts';
import { searchPlaces } from '../lib/search.ts';
import { combobox } from './combobox.ts';
import { formatChange, formatValue, formatYear, change, listNl, valueKind } from '../shared/format.ts';
import { SERIES_STYLES, assignSlots, type SeriesStyle } from '../lib/series-slots.ts';
import { toDelimited, type Column } from '../shared/delimited.ts';

interface Spec { indicator: string; label: string; unit: 'jongeren' | 'euro'; base?: { indicator: string; factor: number; label: string } }
interface Point { code: string; naam: string; jaar: number; status: string; waarde: number | null; basis: number | null }

const MAX = SERIES_STYLES.length;
const GEO = PLACE_CODE;

const cache = new Map<string, Promise<ExploreData>>();
const load = (src: string) => {
  let p = cache.get(src);
  if (!p) {
    p = fetch(src).then((r) => (r.ok ? (r.json() as Promise<ExploreData>) : Promise.reject(new Error(`${src}: ${r.status}`))));
    cache.set(src, p);
  }
  return p;
};
let placesP: Promise<PlaceEntry[]> | undefined;
const places = () => (placesP ??= fetch('/places.json').then((r) => r.json() as Promise<PlaceEntry[]>));
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

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The legend key of a series: its line pattern and marker, as src/components/Legend.astro draws them. */
export function keySvg(s: SeriesStyle): string {
  const marker: Record<SeriesStyle['symbol'], string> = {
    circle: '<circle cx="14" cy="7" r="4.2" />',
    square: '<rect x="10" y="3" width="8" height="8" />',
    triangle: '<path d="M14 2.5 19 11.5H9z" />',
    diamond: '<path d="M14 2 19 7 14 12 9 7z" />',
    cross: '<path d="M12.5 2h3v3.5H19v3h-3.5V12h-3V8.5H9v-3h3.5z" />',
  };
  return `<svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" style="color:${s.color}"><line x1="1" y1="7" x2="27" y2="7" stroke="currentColor" stroke-width="2.5"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/><g fill="currentColor">${marker[s.symbol]}</g></svg>`;
}

/** "2016–2019, 2021" from a sorted list of years. */
function yearRanges(ys: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < ys.length; ) {
    let j = i;
    while (j + 1 < ys.length && ys[j + 1] === ys[j] + 1) j++;
    out.push(j > i ? `${ys[i]}–${ys[j]}` : String(ys[i]));
    i = j + 1;
  }
  return out.join(', ');
}

function setup(box: HTMLElement, n: number) {
  const figure = box.closest<HTMLElement>('figure')!;
  const readonly = box.hasAttribute('data-readonly');
  const spec = JSON.parse(box.dataset.spec!) as Spec;
  const [y0, y1] = (box.dataset.years || '').split('-').map(Number);
  const state = {
    chosen: (box.dataset.compare || '').split(',').filter(Boolean),
    relative: Boolean(spec.base),
    /** The reader chose count or ratio (radio or permalink): that choice is kept whatever the data lacks. */
    explicit: false,
    from: y0,
    to: y1,
  };
  // A permalink (?vergelijk=<chart>&plaatsen=…&weergave=…&van=…&tot=…) restores a comparison.
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('vergelijk') === figure.dataset.chart;
  if (fromUrl) {
    const codes = [...new Set((params.get('plaatsen') ?? '').split(','))].filter((c) => GEO.test(c)).slice(0, MAX);
    if (codes.length) state.chosen = codes;
    if (params.get('weergave') === 'aantal') { state.relative = false; state.explicit = true; }
    if (params.get('weergave') === 'relatief' && spec.base) { state.relative = true; state.explicit = true; }
    const van = Number(params.get('van'));
    const tot = Number(params.get('tot'));
    if (van >= y0 && van <= y1) state.from = van;
    if (tot >= y0 && tot <= y1 && tot >= state.from) state.to = tot;
  }
  // Each place keeps its style for the whole comparison; the starting places get the static chart's styles.
  const remembered = new Map<string, number>(state.chosen.map((c, i) => [c, i]));
  if (readonly && !fromUrl) return;

  // What the comparison replaces around the chart, to put back with "Standaardgrafiek".
  const q = <T extends Element>(sel: string) => figure.querySelector<T>(sel);
  const legendNote = q<HTMLElement>('.legend-note') ?? (() => {
    const p = el('p', { class: 'legend-note muted', hidden: '' }, 'Open punt: voorlopig cijfer, kan nog veranderen.');
    q('.legend')?.after(p);
    return p;
  })();
  const summaryEl = q<HTMLElement>('[data-summary]');
  const tableBox = q<HTMLElement>('.table-scroll');
  const csvLinks = [...figure.querySelectorAll<HTMLAnchorElement>('a[data-download^="csv"]')];
  const embedCode = q<HTMLTextAreaElement>('[data-embed-code]');
  const permalinkField = q<HTMLInputElement>('[data-permalink-field]');
  const original = {
    plot: q('[data-plot]')?.innerHTML ?? '',
    legend: q('.legend')?.innerHTML ?? '',
    legendNote: legendNote.hidden,
    summary: summaryEl?.textContent ?? '',
    table: tableBox?.innerHTML ?? '',
    csv: csvLinks.map((a) => [a.getAttribute('href') ?? '', a.download] as const),
    embed: embedCode?.value ?? '',
    permalink: permalinkField?.value ?? '',
  };
  let blobUrls: string[] = [];

  const id = `vgl-${n}`;
  const status = el('p', { class: 'muted', 'aria-live': 'polite', 'data-explore-status': '' });
  const permalink = el('a', { href: location.pathname, 'data-permalink': '' }, 'Link naar deze vergelijking');
  if (readonly) {
    box.append(status);
    box.hidden = false;
    void draw();
    return;
  }
  box.hidden = false;

  const chips = el('ul', { class: 'chosen', 'aria-label': 'Gekozen plaatsen' });
  const add = el('input', { type: 'search', id: `${id}-q`, autocomplete: 'off', placeholder: 'Plaats toevoegen', role: 'combobox', 'aria-expanded': 'false', 'aria-controls': `${id}-list`, 'aria-autocomplete': 'list' }) as HTMLInputElement;
  const list = el('ul', { id: `${id}-list`, role: 'listbox', 'aria-label': 'Plaatsen', hidden: '' });
  const full = el('p', { class: 'muted', hidden: '', 'data-full': '' }, `Er staan ${MAX} plaatsen in de grafiek, het maximum. Haal er eerst een weg om een andere toe te voegen.`);
  const mode = el('fieldset', {}, el('legend', { class: 'visually-hidden' }, 'Toon als'));
  if (spec.base) {
    for (const [value, label] of [['abs', spec.unit === 'euro' ? 'Bedrag' : 'Aantal'], ['rel', spec.base.label]]) {
      const r = el('input', { type: 'radio', name: `${id}-mode`, value, id: `${id}-${value}` }) as HTMLInputElement;
      r.checked = (value === 'rel') === state.relative;
      r.addEventListener('change', () => { state.relative = value === 'rel'; state.explicit = true; void draw(); });
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
  reset.addEventListener('click', () => {
    const plot = q('[data-plot]');
    if (plot) plot.innerHTML = original.plot;
    const legend = q<HTMLElement>('.legend');
    if (legend) {
      legend.innerHTML = original.legend;
      // A chart that names its lines at their ends keeps its legend hidden; only a comparison shows it.
      legend.hidden = legend.dataset.selfLabelled !== undefined;
    }
    legendNote.hidden = original.legendNote;
    if (summaryEl) summaryEl.textContent = original.summary;
    if (tableBox) tableBox.innerHTML = original.table;
    csvLinks.forEach((a, i) => { a.setAttribute('href', original.csv[i][0]); a.download = original.csv[i][1]; });
    if (embedCode) embedCode.value = original.embed;
    if (permalinkField) permalinkField.value = original.permalink;
    blobUrls.forEach((u) => URL.revokeObjectURL(u));
    blobUrls = [];
    history.replaceState(null, '', location.pathname + location.hash);
    status.textContent = 'De standaardgrafiek staat weer op zijn plaats.';
  });
  const panel = el('details', {}, el('summary', {}, 'Vergelijk met andere plaatsen'),
    el('p', {}, `${spec.label[0].toUpperCase()}${spec.label.slice(1)}: kies tot ${MAX} plaatsen, een periode en ${spec.base ? 'aantal of verhouding' : 'de weergave'}.`),
    chips,
    el('div', { class: 'finder' }, el('label', { for: add.id, class: 'visually-hidden' }, 'Plaats toevoegen'), add, list),
    full,
    mode,
    period,
    el('p', { class: 'buttons' }, reset, ' ', permalink),
    status,
  );
  box.append(panel);
  if (fromUrl) {
    panel.open = true;
    void draw().then(() => figure.scrollIntoView());
  }

  // Names of the starting places come with the page; the full list is fetched once a reader adds one.
  const known = JSON.parse(box.dataset.names || '{}') as Record<string, string>;
  const namesOf = async () => {
    if (state.chosen.every((c) => known[c])) return known;
    const ps = await places();
    const out: Record<string, string> = { ...known, [NL]: NL_NAME };
    for (const p of ps) out[p.c] = p.l === 'jeugdregio' ? `Jeugdregio ${p.n}` : p.n;
    return out;
  };
  const paintChips = async () => {
    const names = await namesOf();
    const slots = assignSlots(state.chosen, remembered);
    chips.replaceChildren(
      ...state.chosen.map((c) => {
        const b = el('button', { type: 'button', 'aria-label': `${names[c] ?? c} weghalen` });
        b.innerHTML = `${keySvg(SERIES_STYLES[slots.get(c)!])}${escapeHtml(names[c] ?? c)} ✕`;
        b.addEventListener('click', () => {
          state.chosen = state.chosen.filter((x) => x !== c);
          void paintChips();
          void draw();
          add.focus();
        });
        return el('li', {}, b);
      }),
    );
    // At the limit the search box is closed and says why, so no suggestion list can open over the controls.
    const atMax = state.chosen.length >= MAX;
    add.disabled = atMax;
    full.hidden = !atMax;
    if (atMax) suggestions.clear();
  };
  const choose = (p: PlaceEntry) => {
    if (!state.chosen.includes(p.c)) {
      if (state.chosen.length >= MAX) return;
      state.chosen.push(p.c);
    }
    add.value = '';
    suggestions.clear();
    void paintChips();
    void draw();
  };
  const suggestions = combobox<PlaceEntry>({
    input: add,
    list,
    optionId: (i) => `${id}-o${i}`,
    search: async (query) => {
      if (add.disabled) return [];
      // Former gemeenten have no series of their own (their figures are recast into the successor's).
      const current = (await places()).filter((p) => p.l !== 'voormalig').map((p) => ({ code: p.c, name: p.n, aliases: p.a, p }));
      return searchPlaces(current, query, 8).map((x) => x.p);
    },
    render: (p, li) => li.append(p.n, ' ', el('small', {}, p.c)),
    choose,
    firstActive: true,
  });
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
    const name = (c: string) => data.names[c] ?? c;
    const inPeriod = (c: string) => (data.series[c] ?? []).filter(([y]) => y >= state.from && y <= state.to);
    // Per 1 000 is the default view when it can be drawn for some place; otherwise the default is counts.
    // A reader's own choice is never overridden: then the panel says what is missing instead.
    let defaultNote = '';
    if (!state.explicit && state.relative && data.base && !state.chosen.some((c) => inPeriod(c).some(([, v, b]) => v != null && b != null))) {
      state.relative = false;
      const abs = box.querySelector<HTMLInputElement>('input[value="abs"]');
      if (abs) abs.checked = true;
      defaultNote = ` De grafiek toont aantallen: voor deze plaatsen en jaren zijn er geen bevolkingscijfers, dus ${data.base.label} kan niet worden berekend.`;
    }
    const rel = Boolean(state.relative && data.base);
    const slots = assignSlots(state.chosen, remembered);
    const points: Point[] = state.chosen.flatMap((code) =>
      (data.series[code] ?? [])
        .filter(([y]) => y >= state.from && y <= state.to)
        .map(([jaar, v, b, st]) => ({
          code, naam: name(code), jaar, status: st, basis: b,
          waarde: v == null ? null : rel ? (b ? (data.base!.factor * v) / b : null) : v,
        })),
    );
    const withFigures = (c: string) => (data.series[c] ?? []).some(([y, v]) => v != null && y >= state.from && y <= state.to);
    // The reader's choice stays; what cannot be computed is named precisely (which places, which years).
    const noFigures = state.chosen.filter((c) => !withFigures(c));
    const noBase = rel
      ? state.chosen.filter(withFigures).map((c) => ({
          c,
          years: (data.series[c] ?? []).filter(([y, v, b]) => y >= state.from && y <= state.to && v != null && b == null).map(([y]) => y),
        })).filter((x) => x.years.length)
      : [];
    const present = state.chosen.filter((c) => points.some((r) => r.code === c && r.waarde != null));
    const kind = valueKind(data.unit, rel ? data.base!.factor : undefined);
    const fmt = (v: number) => formatValue(v, kind);
    const digits = kind === 'per_1000' ? 1 : 0;
    const unitLabel = rel ? data.base!.label : data.label;
    const holder = q<HTMLElement>('[data-plot]') ?? figure.insertBefore(el('div', { class: 'plot', 'data-plot': '' }), box.closest('figcaption'));
    const width = Math.max(280, Math.min(holder.clientWidth || 640, 760));
    const prov = (r: Point) => r.status !== 'definitief';
    const tip = (r: Point) => `${r.naam}, ${r.jaar}${prov(r) ? ' (voorlopig)' : ''}: ${fmt(r.waarde!)}`;

    if (present.length) {
      const defined = points.filter((r) => r.waarde != null);
      // The same axis as the static charts (src/charts/shared.ts lineChart): tick labels sit inside the plot
      // above their grid line, so no label is ever cut at the left edge, whatever the width of the numbers.
      const svg = Plot.plot({
        width,
        height: width < 480 ? 260 : 300,
        marginLeft: 12,
        marginRight: width < 480 ? 14 : 20,
        marginTop: 26,
        marginBottom: 30,
        style: { fontSize: '13px', background: 'var(--plot-background)', color: 'var(--fg)', overflow: 'visible' },
        x: { type: 'linear', domain: [state.from - 0.3, state.to + 0.3], tickFormat: (d: number) => formatYear(d), label: null, ticks: yearTicks(state.from, state.to, width) },
        y: { zero: true, nice: true, insetTop: 4 },
        marks: [
          Plot.gridY({ ticks: width < 480 ? 4 : 5, strokeOpacity: 0.12 }),
          Plot.axisY({
            ticks: width < 480 ? 4 : 5, tickFormat: fmt, textAnchor: 'start', dx: 2, dy: -7, tickSize: 0,
            label: unitLabel, labelAnchor: 'top', labelArrow: 'none', labelOffset: 0,
          }),
          Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.5 }),
          ...present.flatMap((c) => {
            const s = SERIES_STYLES[slots.get(c)!];
            return [
              Plot.line(points.filter((r) => r.code === c), { x: 'jaar', y: 'waarde', stroke: s.color, strokeWidth: 2.5, strokeDasharray: s.dash, strokeLinecap: 'round' }),
              // Provisional figures get an open marker, as in the static charts.
              Plot.dot(defined.filter((r) => r.code === c), {
                x: 'jaar', y: 'waarde', symbol: s.symbol, r: 4.5,
                fill: (r: Point) => (prov(r) ? 'var(--plot-background, #fff)' : s.color),
                stroke: (r: Point) => (prov(r) ? s.color : 'var(--plot-background, #fff)'),
                strokeWidth: (r: Point) => (prov(r) ? 2 : 1),
                title: tip,
              }),
            ];
          }),
          Plot.tip(defined, Plot.pointer({ x: 'jaar', y: 'waarde', title: tip })),
        ],
      });
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', `Vergelijking: ${present.map(name).join(', ')}, ${state.from}–${state.to}`);
      svg.setAttribute('data-compare-plot', '');
      holder.replaceChildren(svg);
    } else {
      holder.replaceChildren(el('p', { class: 'empty', 'data-compare-empty': '' }, rel && noBase.length
        ? `${capital(data.base!.label)} kan voor deze plaatsen en jaren niet worden berekend: de bevolkingscijfers ontbreken (zie hieronder). Kies ${spec.unit === 'euro' ? '"Bedrag"' : '"Aantal"'} om de aantallen te zien.`
        : `Geen cijfers voor ${listNl(state.chosen.map(name))} in ${state.from}–${state.to}.`));
    }

    // Legend: only the places drawn, each with the line and marker the chart draws.
    const legend = q<HTMLElement>('.legend');
    if (legend) {
      legend.hidden = false;
      legend.innerHTML = present.map((c) => `<li>${keySvg(SERIES_STYLES[slots.get(c)!])}${escapeHtml(name(c))}</li>`).join('');
    }
    legendNote.hidden = !points.some((r) => r.waarde != null && prov(r));

    // Status: what was drawn and, precisely, what is missing.
    const parts = [present.length ? `Grafiek bijgewerkt: ${present.length} ${present.length === 1 ? 'plaats' : 'plaatsen'}, ${state.from}–${state.to}${rel ? `, ${data.base!.label}` : ''}.` : ''];
    if (noFigures.length) parts.push(`Geen cijfers in deze periode voor ${listNl(noFigures.map(name))}.`);
    if (noBase.length) {
      parts.push(`Geen bevolkingscijfers voor ${listNl(noBase.map(({ c, years }) => `${name(c)} (${yearRanges(years)})`))}, dus daar kan ${data.base!.label} niet worden berekend.`);
    }
    status.textContent = parts.filter(Boolean).join(' ') + defaultNote;

    const shown = points.filter((r) => present.includes(r.code));
    if (summaryEl) {
      summaryEl.textContent = present.length || !noBase.length
        ? summarise(shown, present.map(name), state.chosen.filter((c) => !present.includes(c)).map(name), fmt, unitLabel)
        : `${capital(data.base!.label)} kan niet worden berekend: ${parts.slice(1).join(' ').replace(/^G/, 'g')}`;
    }
    if (tableBox) tableBox.innerHTML = tableHtml(shown, present, name, fmt, `${capital(unitLabel)}, ${state.from}–${state.to}: vergelijking`);

    // Downloads of exactly what the chart shows, rounded as the chart shows it.
    blobUrls.forEach((u) => URL.revokeObjectURL(u));
    blobUrls = [];
    const columns: Column[] = [
      { name: 'geo_code', type: 'string' }, { name: 'naam', type: 'string' }, { name: 'jaar', type: 'integer' },
      { name: rel ? 'per_basis' : 'waarde', type: 'number', digits }, { name: 'status', type: 'string' },
    ];
    const csvRows = points.map((r) => ({ geo_code: r.code, naam: r.naam, jaar: r.jaar, [rel ? 'per_basis' : 'waarde']: r.waarde, status: r.status }));
    for (const a of csvLinks) {
      const dialect = a.dataset.download === 'csv-nl' ? 'excel-nl' : 'international';
      const url = URL.createObjectURL(new Blob([toDelimited(columns, csvRows, dialect)], { type: 'text/csv;charset=utf-8' }));
      blobUrls.push(url);
      a.href = url;
      a.download = `${figure.dataset.chart}-vergelijking${dialect === 'excel-nl' ? '.excel-nl' : ''}.csv`;
    }

    const query = new URLSearchParams({
      vergelijk: figure.dataset.chart!,
      plaatsen: state.chosen.join(','),
      weergave: rel ? 'relatief' : 'aantal',
      van: String(state.from),
      tot: String(state.to),
    });
    if (readonly) return;
    const url = `${location.pathname}?${query}#${figure.id}`;
    permalink.setAttribute('href', url);
    if (permalinkField) permalinkField.value = new URL(url, permalinkField.dataset.origin || location.origin).href;
    if (embedCode) embedCode.value = original.embed.replace(/(\/embed\/[^"?]+\/)(")/, `$1?${query.toString().replaceAll('&', '&amp;')}$2`);
    history.replaceState(null, '', url);
  }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function yearTicks(from: number, to: number, width: number): number[] {
  const max = width < 480 ? 5 : 10;
  const step = Math.max(1, Math.ceil((to - from + 1) / max));
  const out: number[] = [];
  for (let y = to; y >= from; y -= step) out.unshift(y);
  return out;
}

/** One sentence per comparison: the latest figure of each place drawn and its change over the period. */
function summarise(points: Point[], drawn: string[], without: string[], fmt: (v: number) => string, unit: string): string {
  const byPlace = drawn.map((naam) => {
    const own = points.filter((r) => r.naam === naam && r.waarde != null).sort((a, b) => a.jaar - b.jaar);
    const first = own[0];
    const last = own[own.length - 1];
    const c = first && last && first.jaar < last.jaar ? change(first.waarde, last.waarde) : null;
    return `${naam} ${fmt(last.waarde!)} in ${last.jaar}${last.status !== 'definitief' ? ' (voorlopig)' : ''}${c != null ? ` (${formatChange(c)} sinds ${first.jaar})` : ''}`;
  });
  let s = drawn.length ? `Vergelijking, ${unit}: ${listNl(byPlace)}.` : '';
  if (without.length) s += `${s ? ' ' : ''}Geen cijfers voor ${listNl(without)} in deze periode.`;
  return s;
}

function tableHtml(points: Point[], codes: string[], name: (c: string) => string, fmt: (v: number) => string, caption: string): string {
  const years = [...new Set(points.map((r) => r.jaar))].sort((a, b) => a - b);
  const cell = (c: string, y: number) => {
    const r = points.find((p) => p.code === c && p.jaar === y);
    return r?.waarde == null ? '–' : `${fmt(r.waarde)}${r.status !== 'definitief' ? '*' : ''}`;
  };
  return `<table data-compare-table><caption>${escapeHtml(caption)}${points.some((r) => r.status !== 'definitief') ? ' (* voorlopig)' : ''}</caption>
<thead><tr><th scope="col">Jaar</th>${codes.map((c) => `<th scope="col">${escapeHtml(name(c))}</th>`).join('')}</tr></thead>
<tbody>${years.map((y) => `<tr><th scope="row">${y}</th>${codes.map((c) => `<td>${cell(c, y)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}
