/**
 * The workbench pages' entry: DuckDB first, the drawing code after. Starting the worker and the wasm is
 * the long pole of the first chart; with a static import of workbench.ts the worker would start only once
 * Plot and the chart helpers (the largest script of the site) were parsed and run on the page's main thread.
 */
import { openWarehouse } from './duckdb.ts';
import { WORKBENCH_COLUMNS, WORKBENCH_TABLES } from './sql-tables.ts';

export async function startWorkbench(): Promise<void> {
  if (!document.querySelector('[data-workbench]')) return;
  performance.mark('workbench-start');
  const db = openWarehouse(WORKBENCH_TABLES, WORKBENCH_COLUMNS);
  db.catch(() => undefined); // shown by the workbench, which waits for it
  const { initWorkbench } = await import('./workbench.ts');
  initWorkbench(db);
}
