/**
 * The finder: a combobox (WAI-ARIA pattern) over /places.json. Aliases ("Den Haag") find the CBS name
 * ('s-Gravenhage); a former gemeente (Weesp) is listed with the line saying where it went and opens its
 * successor. Enter opens the active option, or a query's only or exact match, never a loose guess; "niets
 * gevonden" is said out loud and on screen.
 */
import { enterTarget, searchPlaces } from '../lib/search.ts';

interface P { c: string; n: string; l: string; r: string | null; h: string | null; a?: string[]; s?: string }
interface Item { code: string; name: string; aliases?: string[]; former: boolean; p: P }

let placesP: Promise<Item[]> | undefined;
const places = () =>
  (placesP ??= fetch('/places.json')
    .then((r) => r.json() as Promise<P[]>)
    .then((ps) => ps.map((p) => ({ code: p.c, name: p.n, aliases: p.a, former: p.l === 'voormalig', p }))));

const LEVEL: Record<string, string> = { gemeente: 'gemeente', jeugdregio: 'jeugdregio', land: 'land', voormalig: 'voormalige gemeente' };

export function initFinders() {
  for (const form of document.querySelectorAll<HTMLFormElement>('[data-finder]')) setup(form);
}

function setup(form: HTMLFormElement) {
  const input = form.querySelector<HTMLInputElement>('input[role="combobox"]')!;
  const list = form.querySelector<HTMLUListElement>('[role="listbox"]')!;
  const status = form.querySelector<HTMLElement>('[data-status]')!;
  const message = form.querySelector<HTMLElement>('[data-message]')!;
  let results: Item[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const say = (text: string) => {
    message.textContent = text;
    message.hidden = !text;
  };
  const paint = () => {
    const q = input.value.trim();
    list.replaceChildren(
      ...results.map((it, i) => {
        const p = it.p;
        const li = document.createElement('li');
        li.id = `${list.id}-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', String(i === active));
        li.append(p.n, ' ');
        const small = document.createElement('small');
        // Say why an alias matched: "Den Haag" shows 's-Gravenhage (Den Haag).
        const alias = p.a?.find((a) => searchPlaces([{ code: '', name: a }], q).length);
        small.textContent = p.l === 'voormalig' ? `voormalige gemeente · ${p.c}: ${p.s}` : `${alias ? `(${alias}) ` : ''}${LEVEL[p.l] ?? p.l}${p.r ? `, ${p.r}` : ''} · ${p.c}`;
        li.append(small);
        li.addEventListener('mousedown', (e) => e.preventDefault());
        li.addEventListener('click', () => go(it));
        return li;
      }),
    );
    list.hidden = results.length === 0;
    input.setAttribute('aria-expanded', String(results.length > 0));
    if (active >= 0) input.setAttribute('aria-activedescendant', `${list.id}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const go = (it: Item) => {
    if (it.p.h) {
      location.href = it.p.h;
      return;
    }
    // A former gemeente whose successor has no page in this build (the sample holds a few gemeenten).
    say(`${it.p.n} is ${it.p.s}. Die gemeente heeft in deze dataset geen eigen pagina.`);
  };
  const update = async () => {
    const q = input.value;
    const all = await places();
    results = searchPlaces(all, q);
    // No option is active until the reader picks one with the arrow keys: Enter then opens only a sure match.
    active = -1;
    paint();
    const none = q.trim() !== '' && results.length === 0;
    say(none ? `Niets gevonden voor “${q.trim()}”. Zoek op een deel van de naam of op de code (bijv. GM0307), of kijk in de lijst op de zoekpagina.` : '');
    status.textContent = q.trim() ? (results.length ? `${results.length} ${results.length === 1 ? 'plaats' : 'plaatsen'} gevonden` : 'Niets gevonden') : '';
  };
  const enter = () => {
    if (active >= 0 && results[active]) return go(results[active]);
    const target = enterTarget(results, input.value);
    if (target) return go(target);
    if (results.length) say(`${results.length} plaatsen passen bij “${input.value.trim()}”. Kies er een met de pijltjestoetsen of klik erop.`);
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
    } else if (e.key === 'Enter') {
      e.preventDefault();
      enter();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  // Without a sure match the form stays (with JavaScript); without JavaScript it opens the full list.
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    enter();
  });
  const q = new URLSearchParams(location.search).get('q');
  if (q && !input.value) {
    input.value = q;
    void update();
  }
}
