/**
 * The finder: a combobox (WAI-ARIA pattern) over /places.json. Aliases ("Den Haag") find the CBS name
 * ('s-Gravenhage); a former gemeente (Weesp) is listed with the line saying where it went and opens its
 * successor. Enter opens the active option, or a query's only or exact match, never a loose guess; "niets
 * gevonden" is said out loud and on screen.
 */
import type { PlaceEntry } from '../catalog/places.ts';
import { enterTarget, searchPlaces } from '../lib/search.ts';
import { combobox } from './combobox.ts';

interface Item { code: string; name: string; aliases?: string[]; former: boolean; p: PlaceEntry }

let placesP: Promise<Item[]> | undefined;
const places = () =>
  (placesP ??= fetch('/places.json')
    .then((r) => r.json() as Promise<PlaceEntry[]>)
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

  const say = (text: string) => {
    message.textContent = text;
    message.hidden = !text;
  };
  const go = (it: Item) => {
    if (it.p.h) {
      location.href = it.p.h;
      return;
    }
    // A former gemeente whose successor has no page in this build (the sample holds a few gemeenten).
    say(`${it.p.n} is ${it.p.s}. Die gemeente heeft in deze dataset geen eigen pagina.`);
  };
  const enter = (results: readonly Item[]) => {
    const target = enterTarget(results, input.value);
    if (target) return go(target);
    if (results.length) say(`${results.length} plaatsen passen bij “${input.value.trim()}”. Kies er een met de pijltjestoetsen of klik erop.`);
  };
  const box = combobox<Item>({
    input,
    list,
    optionId: (i) => `${list.id}-${i}`,
    search: async (q) => searchPlaces(await places(), q),
    render: ({ p }, li) => {
      li.append(p.n, ' ');
      const small = document.createElement('small');
      // Say why an alias matched: "Den Haag" shows 's-Gravenhage (Den Haag).
      const alias = p.a?.find((a) => searchPlaces([{ code: '', name: a }], input.value.trim()).length);
      small.textContent = p.l === 'voormalig' ? `voormalige gemeente · ${p.c}: ${p.s}` : `${alias ? `(${alias}) ` : ''}${LEVEL[p.l] ?? p.l}${p.r ? `, ${p.r}` : ''} · ${p.c}`;
      li.append(small);
    },
    choose: go,
    // No option is active until the reader picks one with the arrow keys: Enter then opens only a sure match.
    firstActive: false,
    enter,
    searched: (results, q) => {
      const none = q.trim() !== '' && results.length === 0;
      say(none ? `Niets gevonden voor “${q.trim()}”. Zoek op een deel van de naam of op de code (bijv. GM0307), of kijk in de lijst op de zoekpagina.` : '');
      status.textContent = q.trim() ? (results.length ? `${results.length} ${results.length === 1 ? 'plaats' : 'plaatsen'} gevonden` : 'Niets gevonden') : '';
    },
  });
  input.addEventListener('focus', () => void places());
  // Without a sure match the form stays (with JavaScript); without JavaScript it opens the full list.
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    enter(box.options());
  });
  const q = new URLSearchParams(location.search).get('q');
  if (q && !input.value) {
    input.value = q;
    void box.update();
  }
}
