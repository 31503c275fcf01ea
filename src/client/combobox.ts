/**
 * One ARIA combobox (WAI-ARIA 1.2 "list autocomplete"): a text input, its listbox, the arrow keys moving
 * the active option (aria-activedescendant), Enter, Escape and blur. The finder and the comparison panel
 * each give it their search, how an option looks and what choosing does; the keyboard and ARIA state are
 * the same in both.
 */
interface ComboboxSpec<T> {
  input: HTMLInputElement;
  list: HTMLElement;
  /** The id of option i (aria-activedescendant points at it). */
  optionId: (i: number) => string;
  /** The options for what is typed now. */
  search: (query: string) => T[] | Promise<T[]>;
  /** Fill option li for item (the li already has its role, id and aria-selected). */
  render: (item: T, li: HTMLLIElement) => void;
  /** A click, or Enter on the active option. */
  choose: (item: T) => void;
  /**
   * Whether the first option is active as soon as options appear, so Enter takes it. The finder leaves
   * none active: there Enter opens only a sure match (see `enter`).
   */
  firstActive: boolean;
  /** Enter without an active option. */
  enter?: (options: readonly T[]) => void;
  /** After each search, with its options: for the live status texts. */
  searched?: (options: readonly T[], query: string) => void;
}

interface Combobox<T> {
  /** Search again for the input's text (as typing does). */
  update(): Promise<void>;
  /** No options: the list closes (when the input is emptied or disabled). */
  clear(): void;
  /** The options of the last search. */
  options(): readonly T[];
}

export function combobox<T>(spec: ComboboxSpec<T>): Combobox<T> {
  const { input, list } = spec;
  let options: T[] = [];
  let active = -1;
  let open = false;

  const paint = () => {
    list.replaceChildren(
      ...options.map((item, i) => {
        const li = document.createElement('li');
        li.id = spec.optionId(i);
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', String(i === active));
        spec.render(item, li);
        // The input keeps the focus: a click on an option must not blur it first (and close the list).
        li.addEventListener('mousedown', (e) => e.preventDefault());
        li.addEventListener('click', () => spec.choose(item));
        return li;
      }),
    );
    const shown = open && options.length > 0;
    list.hidden = !shown;
    input.setAttribute('aria-expanded', String(shown));
    if (shown && active >= 0) input.setAttribute('aria-activedescendant', spec.optionId(active));
    else input.removeAttribute('aria-activedescendant');
  };
  // Escape and blur close the list; the options stay, and an arrow key opens it again.
  const close = () => {
    open = false;
    active = -1;
    paint();
  };
  const move = (by: 1 | -1) => {
    open = true;
    active = (active + by + options.length) % options.length;
    paint();
  };
  let asked = 0;
  const update = async () => {
    const query = input.value;
    const mine = ++asked;
    const found = await spec.search(query);
    // A slower earlier search must not overwrite a later one.
    if (mine !== asked) return;
    options = found;
    open = true;
    active = spec.firstActive && options.length ? 0 : -1;
    paint();
    spec.searched?.(options, query);
  };

  input.addEventListener('input', () => void update());
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && options.length) {
      move(1);
      e.preventDefault();
    } else if (e.key === 'ArrowUp' && options.length) {
      move(-1);
      e.preventDefault();
    } else if (e.key === 'Escape') {
      close();
    } else if (e.key === 'Enter') {
      const item = open && active >= 0 ? options[active] : undefined;
      if (item === undefined && !spec.enter) return;
      e.preventDefault();
      if (item !== undefined) spec.choose(item);
      else spec.enter!(options);
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));

  return {
    update,
    clear: () => {
      options = [];
      close();
    },
    options: () => options,
  };
}
