import { searchPlaces } from '../lib/search.ts';

interface P { c: string; n: string; l: string; r: string | null; h: string }

let placesP: Promise<{ code: string; name: string; p: P }[]> | undefined;
const places = () =>
  (placesP ??= fetch('/places.json')
    .then((r) => r.json() as Promise<P[]>)
    .then((ps) => ps.map((p) => ({ code: p.c, name: p.n, p }))));

const LEVEL: Record<string, string> = { gemeente: 'gemeente', jeugdregio: 'jeugdregio', land: 'land' };

export function initFinders() {
  for (const form of document.querySelectorAll<HTMLFormElement>('[data-finder]')) setup(form);
}

function setup(form: HTMLFormElement) {
  const input = form.querySelector<HTMLInputElement>('input[role="combobox"]')!;
  const list = form.querySelector<HTMLUListElement>('[role="listbox"]')!;
  const status = form.querySelector<HTMLElement>('[data-status]')!;
  let results: P[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const paint = () => {
    list.replaceChildren(
      ...results.map((p, i) => {
        const li = document.createElement('li');
        li.id = `${list.id}-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', String(i === active));
        li.dataset.href = p.h;
        li.append(p.n, ' ');
        const small = document.createElement('small');
        small.textContent = `${LEVEL[p.l] ?? p.l}${p.r ? `, ${p.r}` : ''} · ${p.c}`;
        li.append(small);
        li.addEventListener('mousedown', (e) => e.preventDefault());
        li.addEventListener('click', () => go(p));
        return li;
      }),
    );
    list.hidden = results.length === 0;
    input.setAttribute('aria-expanded', String(results.length > 0));
    if (active >= 0) input.setAttribute('aria-activedescendant', `${list.id}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const go = (p: P) => {
    location.href = p.h;
  };
  const update = async () => {
    const q = input.value;
    const all = await places();
    results = searchPlaces(all, q).map((x) => x.p);
    active = results.length ? 0 : -1;
    paint();
    status.textContent = q.trim() ? (results.length ? `${results.length} ${results.length === 1 ? 'plaats' : 'plaatsen'} gevonden` : 'Geen plaats gevonden') : '';
  };
  input.addEventListener('input', update);
  input.addEventListener('focus', () => void places());
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && results.length) {
      active = (active + 1) % results.length;
      paint();
      e.preventDefault();
    } else if (e.key === 'ArrowUp' && results.length) {
      active = (active - 1 + results.length) % results.length;
      paint();
      e.preventDefault();
    } else if (e.key === 'Escape') {
      close();
    } else if (e.key === 'Enter' && active >= 0 && results[active]) {
      e.preventDefault();
      go(results[active]);
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  form.addEventListener('submit', (e) => {
    if (results[0]) {
      e.preventDefault();
      go(results[Math.max(active, 0)]);
    }
  });
  const q = new URLSearchParams(location.search).get('q');
  if (q && !input.value) {
    input.value = q;
    void update();
  }
}
