/**
 * The workbench (/verkennen/, /en/explore/, /embed/verkennen/): a reader's choices become SQL (lib/
 * workbench-query.ts), the SQL runs in DuckDB-wasm over the warehouse Parquet, and the rows are drawn with
 * the registry's chart helpers (charts/workbench-plot.ts). DuckDB starts when the page loads, before the
 * first choice, and reads only the three tables the workbench's SQL reads. The URL always holds the
 * state, so a copied address restores the exact chart. Until DuckDB is ready a chart is drawn from the
 * precomputed rows of the same SQL (lib/workbench-static.ts), says so, and is drawn again by DuckDB.
 */
import { columnsOf, toDelimited, type Dialect } from '../shared/delimited.ts';
import { metric, METRICS, type MetricDef } from '../catalog/metrics.ts';
import {
  availabilityFromRows,
  availabilityOf,
  availabilitySql,
  queryOf,
  stateFromQuery,
  workbenchSql,
  type Availability,
  type View,
  type WorkbenchState,
} from '../lib/workbench-query.ts';
import { drawWorkbench, placesInWords, toWbRows, workbenchLegend, workbenchSummary, workbenchTable, type DrawInput, type MapFeature, type WbRow } from '../charts/workbench-plot.ts';
import { initChartTools } from './chart-tools.ts';
import type { Db } from './duckdb.ts';
import { staticRows, staticUrl, type StaticGroups, type StaticMetric } from '../lib/workbench-static.ts';
import type { DataTable, LegendItem } from '../charts/types.ts';
import { INDICATORS } from '../catalog/indicators.ts';
import { PLACE_CODE } from '../catalog/places.ts';

interface PlaceInfo {
  c: string;
  n: string;
  l: 'land' | 'jeugdregio' | 'gemeente';
}

/** How long the reader must leave the controls alone before the list of metrics is brought up to date. */
const AVAILABILITY_PAUSE_MS = 800;

/** A metric's precomputed rows and the place groups (workbench-start.ts fetches them), or undefined. */
export type StaticSource = (metric: string) => Promise<{ file: StaticMetric; groups: StaticGroups } | undefined>;

/** Which engine drew the chart on screen: the precomputed rows of the build, or DuckDB-wasm in this browser. */
type Engine = 'static' | 'duckdb';

/**
 * `dbP`: the database workbench-start.ts opens; `fromFiles`: the precomputed rows; `wake`: starts the database
 * if workbench-start.ts held it back (called before the first query, so after a permalink's precomputed chart).
 */
export function initWorkbench(dbP: Promise<Db>, fromFiles?: StaticSource, wake: () => void = () => undefined) {
  const found = document.querySelector<HTMLElement>('[data-workbench]');
  if (!found) return;
  performance.mark('workbench-init');
  const root: HTMLElement = found;
  const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel);
  const years = JSON.parse(root.dataset.years!) as { min: number; max: number };
  const places = JSON.parse(document.getElementById('wb-places')!.textContent!) as PlaceInfo[];
  const byCode = new Map(places.map((p) => [p.c, p]));
  const embed = root.hasAttribute('data-embed');
  // /en/explore/: the page's own words in English; metric names and generated sentences stay Dutch (marked lang="nl").
  const en = document.documentElement.lang === 'en';
  const say = (nl: string, english: string) => (en ? english : nl);
  const notAvailable = (a: Availability | undefined) =>
    !a || a.n === 0 ? 'no figures for these places and years' : 'its denominator is missing for these places and years';
  const fig = $('figure.chart')!;
  const status = $('[data-status]')!;
  const opening = JSON.parse(root.dataset.opening ?? '{}') as Partial<WorkbenchState>;
  let state = stateFromQuery(location.search, years, opening);
  let last: { input: DrawInput; rows: WbRow[]; sql: string } | null = null;
  const features = new Map<string, Promise<MapFeature[] | undefined>>();

  // DuckDB started with the page, before the reader chooses anything; the three tables are fetched meanwhile.
  const t0 = performance.getEntriesByName('workbench-start')[0]?.startTime ?? performance.now();
  let dbReady = false;
  dbP.then(
    () => {
      dbReady = true;
      root.dataset.dbMs = String(Math.round(performance.now() - t0));
    },
    (e) => (status.textContent = `${say('DuckDB kon niet starten', 'DuckDB could not start')}: ${(e as Error).message}`),
  );

  // One connection for every query of the page: connecting and closing were two more trips to the worker
  // per change. The worker runs one query at a time either way.
  let conP: ReturnType<Db['db']['connect']> | undefined;
  async function run(sql: string): Promise<Record<string, unknown>[]> {
    wake();
    const con = await (conP ??= dbP.then(({ db }) => db.connect()));
    const t = await con.query(sql);
    return t.toArray().map((r: { toJSON(): unknown }) => r.toJSON() as Record<string, unknown>);
  }

  // ---- controls ----------------------------------------------------------------------------------
  const form = $<HTMLFormElement>('[data-controls]');
  const metricSel = $<HTMLSelectElement>('[data-metric]');
  const metricNote = $('[data-metric-note]');
  const chosen = $('[data-chosen]');
  const fromSel = $<HTMLSelectElement>('[data-from]');
  const toSel = $<HTMLSelectElement>('[data-to]');
  const yearSel = $<HTMLSelectElement>('[data-year]');

  const tokenLabel = (t: string): string => {
    if (t === 'regios') return say("Alle jeugdregio's", 'All youth-care regions');
    const [kind, code] = t.includes(':') ? t.split(':') : ['', t];
    const name = byCode.get(code)?.n ?? code;
    if (kind === 'leden') return say(`Gemeenten van jeugdregio ${name}`, `Municipalities of region ${name}`);
    if (kind === 'klasse') return say(`Gemeenten zo groot als ${name}`, `Municipalities the size of ${name}`);
    return byCode.get(code)?.l === 'jeugdregio' ? say(`Jeugdregio ${name}`, `Region ${name}`) : name;
  };

  function syncControls() {
    if (!form) return;
    metricSel!.value = state.metric;
    fromSel!.value = String(state.from);
    toSel!.value = String(state.to);
    yearSel!.value = String(state.year);
    form.querySelectorAll<HTMLInputElement>('input[name="wb-view"]').forEach((r) => (r.checked = r.value === state.view));
    form.querySelectorAll<HTMLInputElement>('input[data-token]').forEach((c) => (c.checked = state.places.includes(c.dataset.token!)));
    chosen!.replaceChildren(
      ...state.places.map((t) => {
        const li = document.createElement('li');
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'chip';
        b.dataset.remove = t;
        b.textContent = `${tokenLabel(t)} ×`;
        b.setAttribute('aria-label', say(`${tokenLabel(t)} weghalen`, `Remove ${tokenLabel(t)}`));
        li.append(b);
        return li;
      }),
    );
  }

  function setState(patch: Partial<WorkbenchState>) {
    state = { ...state, ...patch };
    if (state.from > state.to) [state.from, state.to] = [state.to, state.from];
    syncControls();
    void update();
  }

  if (form) {
    form.hidden = false;
    form.addEventListener('submit', (e) => e.preventDefault());
    metricSel!.addEventListener('change', () => setState({ metric: metricSel!.value }));
    fromSel!.addEventListener('change', () => setState({ from: Number(fromSel!.value) }));
    toSel!.addEventListener('change', () => setState({ to: Number(toSel!.value) }));
    yearSel!.addEventListener('change', () => setState({ year: Number(yearSel!.value) }));
    form.querySelectorAll<HTMLInputElement>('input[name="wb-view"]').forEach((r) => r.addEventListener('change', () => setState({ view: r.value as View })));
    form.querySelectorAll<HTMLInputElement>('input[data-token]').forEach((c) =>
      c.addEventListener('change', () => {
        const t = c.dataset.token!;
        setState({ places: c.checked ? [...state.places, t] : state.places.filter((p) => p !== t) });
      }),
    );
    form.querySelectorAll<HTMLButtonElement>('[data-add-group]').forEach((b) =>
      b.addEventListener('click', () => {
        const sel = form.querySelector<HTMLSelectElement>(`[data-group="${b.dataset.addGroup}"]`)!;
        const t = `${b.dataset.addGroup}:${sel.value}`;
        if (sel.value && !state.places.includes(t)) setState({ places: [...state.places, t] });
      }),
    );
    const placeInput = $<HTMLInputElement>('[data-place-input]')!;
    const addPlace = () => {
      const code = /\((NL01|JZ\d{2}|GM\d{4})\)\s*$/.exec(placeInput.value)?.[1] ?? places.find((p) => p.n.toLowerCase() === placeInput.value.trim().toLowerCase())?.c;
      if (!code) {
        status.textContent = say(`Geen plaats gevonden voor "${placeInput.value}". Kies een naam uit de lijst.`, `No place found for "${placeInput.value}". Choose a name from the list.`);
        return;
      }
      placeInput.value = '';
      if (!state.places.includes(code)) setState({ places: [...state.places, code] });
    };
    $('[data-add-place]')!.addEventListener('click', addPlace);
    placeInput.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        addPlace();
      }
    });
    chosen!.addEventListener('click', (e) => {
      const t = (e.target as HTMLElement).closest<HTMLElement>('[data-remove]')?.dataset.remove;
      if (t) setState({ places: state.places.filter((p) => p !== t) });
    });
    $('[data-clear]')?.addEventListener('click', () => setState({ places: [] }));
    syncControls();
  }

  // ---- availability: which metrics can be computed for these places and years ----------------------
  // Only the list of metrics needs this query: the chart's own metric is judged from its own rows, so the
  // chart is drawn first and the list is brought up to date after it (once per places and period).
  let availKey = '';
  let availP: Promise<void> | undefined;
  let avail = new Map<string, Availability>();
  const indicatorLabel = (id: string) => INDICATORS.find((d) => d.id === id)?.label_nl ?? id;
  function refreshAvailability(): Promise<void> {
    const key = `${state.places.join(',')}|${state.from}|${state.to}`;
    if (key === availKey && availP) return availP;
    availKey = key;
    const sql = availabilitySql(state.places, state.from, state.to);
    availP = run(sql).then((rows) => {
      if (key !== availKey) return;
      avail = availabilityOf((rows as { teller: string; noemer: string | null; n: number }[]).map((r) => ({ ...r, n: Number(r.n) })), indicatorLabel);
      labelOptions();
    });
    availP.catch(() => {
      if (key === availKey) availKey = '';
    });
    return availP;
  }
  let availTimer: ReturnType<typeof setTimeout> | undefined;
  function scheduleAvailability(my: number) {
    clearTimeout(availTimer);
    availTimer = setTimeout(() => {
      if (my !== seq) return;
      void refreshAvailability().then(() => {
        if (my === seq) root.dataset.ready = '';
      }, () => undefined);
    }, AVAILABILITY_PAUSE_MS);
  }
  function labelOptions() {
    if (!metricSel) return;
    for (const o of metricSel.querySelectorAll('option')) {
      const a = avail.get(o.value);
      const m = metric(o.value);
      const blocked = !a || a.computable === 0;
      o.disabled = blocked && o.value !== state.metric;
      o.textContent = blocked ? `${m.label_nl} — ${say(`niet beschikbaar: ${a?.reason ?? 'geen cijfers'}`, notAvailable(a))}` : m.label_nl;
    }
  }

  // ---- drawing -----------------------------------------------------------------------------------
  async function featuresFor(rows: WbRow[]): Promise<MapFeature[] | undefined> {
    const level = rows.some((r) => r.niveau === 'gemeente') ? 'gemeente' : 'jeugdregio';
    let p = features.get(level);
    if (!p) {
      p = fetch(`/data/${level}.geojson`).then((r) => (r.ok ? r.json().then((fc: { features: MapFeature[] }) => fc.features) : undefined), () => undefined);
      features.set(level, p);
    }
    return p;
  }

  let seq = 0;
  async function update() {
    const my = ++seq;
    const tStart = performance.now();
    const m = metric(state.metric);
    const sql = workbenchSql(state);
    writeUrl();
    status.textContent = say('Bezig…', 'Working…');
    if (!state.places.length) {
      showEmpty(m, say('Kies een of meer plaatsen.', 'Choose one or more places.'), sql);
      status.textContent = '';
      return;
    }
    try {
      // DuckDB not started yet: first the precomputed rows of this very SQL, then DuckDB draws it again.
      let predrawn = false;
      if (!dbReady && fromFiles) {
        const pre = await fromFiles(state.metric);
        if (my !== seq) return;
        if (pre && !dbReady) {
          if ((await show(my, m, sql, staticRows(pre.file, pre.groups, state), 'static', tStart)) === 'stale') return;
          predrawn = true;
        }
      }
      performance.mark('workbench-query');
      // After a precomputed chart, timed from here: the wait before it was DuckDB's start, not this query.
      const tQuery = predrawn ? performance.now() : tStart;
      const rows = toWbRows(await run(sql));
      if (my !== seq) return;
      performance.mark('workbench-rows');
      if ((await show(my, m, sql, rows, 'duckdb', tQuery)) === 'stale') return;
      // After the chart, once the reader pauses: which other metrics these places and years allow. DuckDB runs
      // one query at a time, so started at once it would hold up the reader's next change behind it.
      scheduleAvailability(my);
    } catch (e) {
      if (my !== seq) return;
      showEmpty(m, `${say('De query gaf een fout', 'The query failed')}: ${(e as Error).message}`, sql);
      status.textContent = '';
    }
  }

  /** Draws (or explains the absence of) the rows; 'stale' when the reader changed something meanwhile. */
  async function show(my: number, m: MetricDef, sql: string, rows: WbRow[], engine: Engine, tStart: number): Promise<'stale' | 'shown'> {
    root.dataset.engine = engine;
    const by =
      engine === 'static'
        ? say(
            `Getekend uit de vooraf berekende cijfers (${staticUrl(m.id)}: de SQL hieronder, bij het bouwen van de site in DuckDB uitgevoerd). DuckDB in uw browser start nog en tekent deze grafiek zo opnieuw.`,
            `Drawn from the precomputed figures (${staticUrl(m.id)}: the SQL below, run in DuckDB when the site was built). DuckDB in your browser is still starting and will draw this chart again shortly.`,
          )
        : '';
    // The chart's metric, judged on the chart's rows: no second query before the chart.
    const a = availabilityFromRows(m, rows, indicatorLabel);
    if (a.computable === 0) {
      showEmpty(m, say(`${m.label_nl} kan hier niet getoond worden: ${a.reason ?? 'geen cijfers'}. Kies een andere maat of andere plaatsen.`, `${m.label_nl} cannot be shown here: ${notAvailable(a)}. Choose another metric or other places.`), sql, engine);
      status.textContent = by;
      if (engine === 'static') performance.mark('workbench-predrawn');
      return 'shown';
    }
    const highlight = state.places.filter((t) => PLACE_CODE.test(t));
    const input: DrawInput = { rows, metric: m, view: state.view, highlight };
    if (state.view === 'kaart') input.features = await featuresFor(rows);
    if (my !== seq) return 'stale';
    last = { input, rows, sql };
    draw(input, sql, a, engine);
    const ms = Math.round(performance.now() - tStart);
    const noMap = state.view === 'kaart' && !input.features?.length;
    const mapNote = noMap ? say(' Dit datawarehouse heeft geen grenzen van gemeenten of regio’s: de kaart is een ranglijst.', ' This warehouse has no boundaries of municipalities or regions: the map is a ranking.') : '';
    if (engine === 'static') {
      status.textContent = by + mapNote;
      performance.mark('workbench-predrawn');
      return 'shown';
    }
    root.dataset.changeMs = String(ms);
    status.textContent = say(`DuckDB in uw browser: ${rows.length} rijen in ${ms} ms.`, `DuckDB in your browser: ${rows.length} rows in ${ms} ms.`) + mapNote;
    performance.mark('workbench-chart');
    return 'shown';
  }

  function showEmpty(m: MetricDef, why: string, sql: string, engine: Engine = 'duckdb') {
    last = null;
    root.dataset.engine = engine;
    setTitle(m);
    $('[data-plot]')!.replaceChildren();
    $('[data-legend]')!.replaceChildren();
    const s = $('[data-summary]')!;
    s.textContent = why;
    s.lang = en ? 'en' : 'nl';
    s.dataset.empty = '';
    s.classList.add('empty');
    $('[data-table]')!.replaceChildren();
    showSql(sql);
    root.dataset.ranSql = '';
  }

  function setTitle(m: MetricDef) {
    $('[data-title]')!.textContent = m.label_nl;
  }

  function showSql(sql: string) {
    $('[data-sql]')!.textContent = sql;
    $<HTMLAnchorElement>('[data-console]')!.href = `/sql/?q=${encodeURIComponent(sql)}`;
  }

  function draw(input: DrawInput, sql: string, a: Availability, engine: Engine) {
    const m = input.metric;
    setTitle(m);
    const plot = $('[data-plot]')!;
    const width = Math.max(300, Math.min(plot.clientWidth || 720, 720));
    const el = drawWorkbench(input, { document, width });
    performance.mark('workbench-plot');
    el.setAttribute('aria-hidden', 'true');
    const holder = document.createElement('div');
    holder.append(el);
    plot.replaceChildren(holder);
    $('[data-legend]')!.replaceChildren(legendEl(workbenchLegend(input)));
    const s = $('[data-summary]')!;
    s.textContent = workbenchSummary(input) + (a.reason ? ` Let op: ${a.reason}.` : '');
    s.lang = 'nl';
    delete s.dataset.empty;
    s.classList.remove('empty');
    $('[data-table]')!.replaceChildren(tableEl(workbenchTable(input)));
    $('[data-notes]')!.replaceChildren(...notesEls(m));
    showSql(sql);
    // What DuckDB ran; a chart from the precomputed rows has run nothing in this browser.
    root.dataset.ranSql = engine === 'duckdb' ? sql : '';
    fig.dataset.geo = 'selectie';
    const where = placesInWords(input.rows);
    const span = input.view === 'lijnen' ? `${state.from}–${state.to}` : String(state.year);
    const cite = $<HTMLTextAreaElement>('[data-citation]');
    if (cite) {
      cite.value = say(
        `${m.label_nl}, ${where}, ${span}. Jeugdhulp in Beeld (verkennen), op basis van ${m.source_tables}. Licentie CC BY 4.0, Bron: CBS. ${location.href}`,
        `${m.label_nl}, ${where}, ${span}. Jeugdhulp in Beeld (explore), based on ${m.source_tables}. Licence CC BY 4.0, Source: CBS. ${location.href}`,
      );
    }
    const embedCode = $<HTMLTextAreaElement>('[data-embed-code]');
    if (embedCode) embedCode.value = `<iframe src="${location.origin}/embed/verkennen/?${queryOf(state)}" title="${m.label_nl}, ${where}" width="100%" height="640" style="border:0;width:100%" loading="lazy"></iframe>`;
    $('[data-source]')!.textContent = `${say('Bron', 'Source')}: CBS, ${m.source_tables}.`;
  }

  function writeUrl() {
    const url = `${location.pathname}?${queryOf(state)}`;
    history.replaceState(null, '', url);
    const link = $<HTMLAnchorElement>('[data-permalink]');
    if (link) link.href = url;
    const back = document.querySelector<HTMLAnchorElement>('[data-workbench-link]');
    if (back) back.href = `/verkennen/?${queryOf(state)}`;
  }

  // ---- downloads ---------------------------------------------------------------------------------
  const save = (body: string, name: string) => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([body], { type: 'text/csv;charset=utf-8' }));
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
  root.querySelectorAll<HTMLButtonElement>('[data-csv]').forEach((b) =>
    b.addEventListener('click', () => {
      if (!last) return;
      const dialect = b.dataset.csv as Dialect;
      const rows = last.rows as unknown as Record<string, string | number | null>[];
      const cols = columnsOf(Object.keys(last.rows[0] ?? {}), rows);
      save(toDelimited(cols, rows, dialect), `verkennen-${state.metric}${dialect === 'excel-nl' ? '.excel-nl' : ''}.csv`);
    }),
  );
  root.querySelectorAll<HTMLElement>('[data-js-only]').forEach((e) => (e.hidden = false));
  initChartTools();

  // Opened with a permalink (or the data may differ from the build): draw from DuckDB at once.
  // The default state is already drawn by the build, so only the metric list needs DuckDB then.
  if (location.search || embed) void update();
  else {
    writeUrl();
    void refreshAvailability().then(
      () => void (root.dataset.ready = ''),
      (e) => (status.textContent = `${say('De lijst met maten kon niet bijgewerkt worden', 'The list of metrics could not be brought up to date')}: ${(e as Error).message}`),
    );
  }
}

function legendEl(items: LegendItem[]): HTMLElement {
  const ul = document.createElement('ul');
  ul.className = 'legend';
  for (const it of items) {
    const li = document.createElement('li');
    const svg = it.swatch
      ? `<rect x="2" y="2" width="24" height="10" fill="currentColor" />`
      : `<line x1="1" y1="7" x2="27" y2="7" stroke="currentColor" stroke-width="2.5" ${it.dash ? `stroke-dasharray="${it.dash}"` : ''} /><circle cx="14" cy="7" r="4.2" fill="currentColor" />`;
    li.innerHTML = `<svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" style="color:${it.color}">${svg}</svg>`;
    li.append(document.createTextNode(it.label));
    ul.append(li);
  }
  return ul;
}

function tableEl(t: DataTable): HTMLElement {
  const wrap = document.createElement('div');
  wrap.className = 'table-scroll';
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', t.caption);
  const table = document.createElement('table');
  table.createCaption().textContent = t.caption;
  const head = table.createTHead().insertRow();
  for (const h of t.head) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of t.body) {
    const tr = body.insertRow();
    row.forEach((c, i) => {
      const cell = i === t.rowHeader ? document.createElement('th') : document.createElement('td');
      if (i === t.rowHeader) (cell as HTMLTableCellElement).scope = 'row';
      cell.textContent = c;
      tr.append(cell);
    });
  }
  wrap.append(table);
  return wrap;
}

function notesEls(m: MetricDef): HTMLElement[] {
  const p = document.createElement('p');
  p.textContent = m.definition;
  const ul = document.createElement('ul');
  ul.className = 'notes';
  for (const c of m.caveats) {
    const li = document.createElement('li');
    li.textContent = c;
    ul.append(li);
  }
  return [p, ul];
}

export { METRICS };
