/**
 * The SQL console: DuckDB-wasm over the warehouse, loaded only on this page. Errors are shown, not
 * thrown; results are capped; a long query can be cancelled (the worker is stopped and a fresh one
 * starts on the next run).
 *
 * The first answer is what a reader waits for (issue 15): DuckDB's worker and wasm start when the page
 * loads, before the first keystroke, and only the tables a query names are read — those of the query in the
 * box already before the click. Once a query has run,
 * file access is off for good (see duckdb.ts), so a later query that names a table not read yet gets a
 * standby database with every table, prepared in the background after the first answer.
 */
import { columnsOf, toDelimited } from '../shared/delimited.ts';
import type { Db, Table } from './duckdb.ts';
import { forbiddenReason } from './sql-guard.ts';
import { tablesNamed } from './sql-tables.ts';
import { showConsoleChart } from './console-chart.ts';

type DuckDbModule = typeof import('./duckdb.ts');

/** A database and what is in it. `locked`: file access is off, no table can be added. */
interface Live {
  db: Promise<Db>;
  /** Tables read or being read. */
  tables: Set<Table>;
  /** Loads (and then the lock) one after the other; rejects when one failed. */
  loading: Promise<unknown>;
  locked: boolean;
}

const ROW_CAP = 1000;
const TABLE_COUNT = tablesNamed('SHOW TABLES').length;

export function initConsole() {
  const root = document.querySelector<HTMLElement>('[data-sql-console]');
  if (!root) return;
  const examples = JSON.parse(document.getElementById('sql-examples')!.textContent!) as { title: string; sql: string }[];
  const text = root.querySelector<HTMLTextAreaElement>('[data-sql]')!;
  const run = root.querySelector<HTMLButtonElement>('[data-run]')!;
  const cancel = root.querySelector<HTMLButtonElement>('[data-cancel]')!;
  const csv = root.querySelector<HTMLButtonElement>('[data-csv]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const result = root.querySelector<HTMLElement>('[data-result]')!;
  // DuckDB's JS, worker and wasm start now; the tables come with the first query that names them.
  performance.mark('console-start');
  const duck: Promise<DuckDbModule> = import('./duckdb.ts');
  const start = (): Live => {
    const db = duck.then((m) => m.startDuckDB());
    db.catch(() => undefined); // reported by the query that waits for it
    return { db, tables: new Set(), loading: db, locked: false };
  };
  let live: Live | undefined = start();
  let standby: Promise<Db> | undefined;
  let last: { columns: string[]; rows: Record<string, unknown>[] } | null = null;
  let running: { reject: (e: Error) => void } | null = null;

  const q = new URLSearchParams(location.search).get('q');
  if (q) text.value = q;
  root.querySelectorAll<HTMLButtonElement>('[data-example]').forEach((b) =>
    b.addEventListener('click', () => {
      text.value = examples[Number(b.dataset.example)].sql;
      text.focus();
      preload();
    }),
  );

  const execute = async () => {
    const sql = text.value.trim();
    if (!sql) return;
    const forbidden = forbiddenReason(sql, location.origin);
    if (forbidden) {
      showError(forbidden);
      return;
    }
    run.disabled = true;
    cancel.disabled = false;
    status.textContent = 'Bezig…';
    const t0 = performance.now();
    performance.mark('console-run');
    try {
      const { db } = await ready(tablesNamed(sql));
      const con = await db.connect();
      const table = await new Promise<Awaited<ReturnType<typeof con.query>>>((resolve, reject) => {
        running = { reject };
        con.query(sql).then(resolve, reject);
      }).finally(() => {
        running = null;
        void con.close().catch(() => undefined);
      });
      const columns = table.schema.fields.map((f: { name: string }) => f.name);
      const rows: Record<string, unknown>[] = [];
      for (const r of table) {
        if (rows.length >= ROW_CAP) break;
        rows.push(plain(r!.toJSON() as Record<string, unknown>));
      }
      last = { columns, rows };
      render(columns, rows);
      const ms = Math.round(performance.now() - t0);
      status.textContent =
        table.numRows > ROW_CAP
          ? `${table.numRows} rijen; de eerste ${ROW_CAP} staan hieronder (${ms} ms). Voeg LIMIT of een filter toe voor de rest.`
          : `${table.numRows} rijen (${ms} ms).`;
      csv.hidden = rows.length === 0;
      performance.mark('console-answer');
      prepareStandby();
    } catch (e) {
      showError((e as Error).message);
    } finally {
      run.disabled = false;
      cancel.disabled = true;
    }
  };

  /** Queue reading the tables of `need` that `l` does not have yet (the files are fetched at once). */
  function load(m: DuckDbModule, l: Live, need: Table[]): Promise<unknown> {
    const missing = need.filter((t) => !l.tables.has(t));
    if (!missing.length) return l.loading;
    missing.forEach((t) => l.tables.add(t));
    const files = m.fetchTables(missing);
    l.loading = l.loading.then(() => l.db).then((db) => m.loadTables(db, files));
    return l.loading;
  }

  /** The database with `need` in it: the live one, the live one plus these tables, or the standby with all. */
  async function ready(need: Table[]): Promise<Db> {
    const m = await duck;
    if (live && live.locked && need.some((t) => !live!.tables.has(t))) {
      status.textContent = 'De andere tabellen laden…';
      const old = live;
      live = standby ? { db: standby, tables: new Set(m.TABLES), loading: standby, locked: true } : undefined;
      standby = undefined;
      void old.db.then(stop, () => undefined);
    }
    live ??= start();
    const l = live;
    try {
      load(m, l, need);
      if (!l.locked) {
        l.locked = true; // nothing more is queued after the lock
        l.loading = l.loading.then(() => l.db).then((db) => m.lockFiles(db));
      }
      await l.loading;
      return await l.db;
    } catch (e) {
      if (live === l) live = undefined; // the next run starts a fresh one
      throw e;
    }
  }

  /**
   * Before the click: read the tables the query in the box names (the example, a ?q= link, what the reader
   * types), so that the run itself is only the query. Never for a query the guard refuses.
   */
  function preload() {
    const l = live;
    const sql = text.value.trim();
    if (!l || l.locked || !sql || forbiddenReason(sql, location.origin)) return;
    void duck.then((m) => load(m, l, tablesNamed(sql))).catch(() => undefined);
  }
  preload();
  let typing: ReturnType<typeof setTimeout> | undefined;
  text.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(preload, 400);
  });

  /** After an answer, while the reader reads: a second database with every table, for a query that names another. */
  function prepareStandby() {
    if (standby || !live || live.tables.size === TABLE_COUNT) return;
    standby = duck.then((m) => m.openWarehouse(m.TABLES));
    standby.catch(() => (standby = undefined));
  }

  function stop({ worker, db }: Db) {
    worker.terminate();
    void db.terminate().catch(() => undefined);
  }

  const showError = (msg: string) => {
    last = null;
    csv.hidden = true;
    result.replaceChildren();
    showConsoleChart(result, [], []);
    const p = document.createElement('p');
    p.className = 'empty';
    p.setAttribute('data-error', '');
    p.textContent = `Fout: ${msg}`;
    result.append(p);
    status.textContent = 'De query gaf een fout.';
  };

  run.addEventListener('click', () => void execute());
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void execute();
    }
  });
  cancel.addEventListener('click', async () => {
    if (!live || !running) return;
    const l = live;
    live = undefined;
    running.reject(new Error('de query is afgebroken'));
    stop(await l.db);
  });
  csv.addEventListener('click', () => {
    if (!last) return;
    const body = toDelimited(columnsOf(last.columns, last.rows as never), last.rows as never, 'international');
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([body], { type: 'text/csv' }));
    a.download = 'resultaat.csv';
    a.click();
  });

  function render(columns: string[], rows: Record<string, unknown>[]) {
    const t = document.createElement('table');
    t.innerHTML = '<caption>Resultaat</caption>';
    const head = t.createTHead().insertRow();
    for (const c of columns) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = c;
      head.append(th);
    }
    const body = t.createTBody();
    for (const r of rows) {
      const tr = body.insertRow();
      for (const c of columns) tr.insertCell().textContent = r[c] == null ? '' : String(r[c]);
    }
    result.replaceChildren(t);
    showConsoleChart(result, columns, rows);
  }
}

/** Arrow values to plain JS: BigInt to number, Dates to ISO dates. */
function plain(r: Record<string, unknown>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) o[k] = typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString().slice(0, 10) : v;
  return o;
}
