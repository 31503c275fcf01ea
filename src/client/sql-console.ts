/**
 * The SQL console: DuckDB-wasm over the warehouse, loaded only on this page. Errors are shown, not
 * thrown; results are capped; a long query can be cancelled (the worker is stopped and a fresh one
 * starts on the next run).
 */
import { columnsOf, toDelimited } from '../pipeline/delimited.ts';
import type { Db } from './duckdb.ts';
import { forbiddenReason } from './sql-guard.ts';
import { showConsoleChart } from './console-chart.ts';

const ROW_CAP = 1000;

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
  let dbP: Promise<Db> | undefined;
  let last: { columns: string[]; rows: Record<string, unknown>[] } | null = null;
  let running: { reject: (e: Error) => void } | null = null;

  const q = new URLSearchParams(location.search).get('q');
  if (q) text.value = q;
  root.querySelectorAll<HTMLButtonElement>('[data-example]').forEach((b) =>
    b.addEventListener('click', () => {
      text.value = examples[Number(b.dataset.example)].sql;
      text.focus();
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
    status.textContent = dbP ? 'Bezig…' : 'DuckDB laden (eenmalig enkele MB’s)…';
    const t0 = performance.now();
    try {
      // DuckDB (its JS, then its wasm) loads only for a query that passed the guard.
      dbP ??= import('./duckdb.ts').then((m) => m.openWarehouse());
      const { db } = await dbP;
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
    } catch (e) {
      showError((e as Error).message);
    } finally {
      run.disabled = false;
      cancel.disabled = true;
    }
  };

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
    if (!dbP || !running) return;
    const { worker, db } = await dbP;
    running.reject(new Error('de query is afgebroken'));
    worker.terminate();
    void db.terminate().catch(() => undefined);
    dbP = undefined;
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
