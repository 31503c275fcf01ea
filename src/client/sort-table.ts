/** Tables with data-sortable: a click on a column header sorts by that column (again: reverses). */
export function initSortableTables() {
  for (const table of document.querySelectorAll<HTMLTableElement>('table[data-sortable]')) {
    if (table.dataset.sortReady) continue;
    table.dataset.sortReady = '1';
    const heads = [...table.tHead!.rows[0].cells];
    heads.forEach((th, col) => {
      const btn = th.querySelector<HTMLButtonElement>('button[data-sort]');
      if (!btn) return;
      btn.addEventListener('click', () => {
        const numeric = btn.dataset.sort === 'num';
        const asc = th.getAttribute('aria-sort') !== 'ascending';
        heads.forEach((h) => h.hasAttribute('aria-sort') && h.setAttribute('aria-sort', 'none'));
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        const body = table.tBodies[0];
        const value = (tr: HTMLTableRowElement) => tr.cells[col]?.dataset.value ?? '';
        const rows = [...body.rows].sort((a, b) => {
          const va = value(a);
          const vb = value(b);
          // Rows without a value (no comparison) always go last.
          if (va === '' || vb === '') return va === vb ? 0 : va === '' ? 1 : -1;
          const c = numeric ? Number(va) - Number(vb) : va.localeCompare(vb, 'nl');
          return asc ? c : -c;
        });
        body.append(...rows);
      });
    });
  }
}
