/**
 * The workbench pages' entry, small so that it runs as soon as the page is parsed. On a permalink it fetches the
 * precomputed figures of the metric (two JSON files, src/lib/workbench-static.ts) while the drawing code (Plot
 * and the chart helpers, the largest script of the site) loads, and the chart is drawn from them. DuckDB (its
 * script, worker, 18 MB wasm and the three tables: seconds at 4× CPU) starts after that first chart, with which
 * it would otherwise share the main thread and the two cores, and then draws the chart again from the SQL shown;
 * on the plain page (drawn at build time) it starts at once. Measured on the real files, interleaved, 4× CPU:
 * a static import of the drawing code (fetched while the page is parsed) drew later, because the figures could
 * then be fetched only after Plot had loaded and run.
 */
import { stateFromQuery, type WorkbenchState } from '../lib/workbench-query.ts';
import { GROUPS_URL, staticUrl, type StaticGroups, type StaticMetric } from '../lib/workbench-static.ts';
import { WORKBENCH_COLUMNS, WORKBENCH_TABLES } from './sql-tables.ts';
import type { StaticSource } from './workbench.ts';

/** The precomputed files, each fetched once; undefined when one is missing or unreadable (DuckDB then draws alone). */
function staticSource(): StaticSource {
  const json = <T>(url: string): Promise<T | undefined> =>
    fetch(url).then(
      (r) => (r.ok ? (r.json() as Promise<T>) : undefined),
      () => undefined,
    );
  let groups: Promise<StaticGroups | undefined> | undefined;
  const files = new Map<string, Promise<StaticMetric | undefined>>();
  return (metric) => {
    groups ??= json<StaticGroups>(GROUPS_URL);
    let file = files.get(metric);
    if (!file) files.set(metric, (file = json<StaticMetric>(staticUrl(metric))));
    return Promise.all([file, groups]).then(([f, g]) => (f && g ? { file: f, groups: g } : undefined), () => undefined);
  };
}

export function startWorkbench(): void {
  const root = document.querySelector<HTMLElement>('[data-workbench]');
  if (!root) return;
  performance.mark('workbench-start');
  const source = staticSource();
  const drawing = import('./workbench.ts');
  const permalink = Boolean(location.search) || root.hasAttribute('data-embed');
  if (permalink) {
    const years = JSON.parse(root.dataset.years!) as { min: number; max: number };
    const opening = JSON.parse(root.dataset.opening ?? '{}') as Partial<WorkbenchState>;
    void source(stateFromQuery(location.search, years, opening).metric);
  }
  // A permalink's chart first: DuckDB's script, worker and table files would share the main thread and the
  // two cores with it. The workbench wakes DuckDB at its first query, right after that chart.
  let wake = () => {};
  const start = permalink ? new Promise<void>((r) => (wake = r)) : Promise.resolve();
  const db = start.then(() => import('./duckdb.ts')).then((d) => d.openWarehouse(WORKBENCH_TABLES, WORKBENCH_COLUMNS));
  db.catch(() => undefined); // shown by the workbench, which waits for it
  void drawing.then(
    ({ initWorkbench }) => initWorkbench(db, source, wake),
    () => wake(),
  );
}
