/**
 * The built site as files, for the tests in tests/site/ (plain Node, no browser): every file under
 * dist/ (or $JEUGDHULP_DIST), and every HTML page parsed once with linkedom. The site is built before
 * these tests by the e2e project's global setup (tests/e2e/global-setup.ts → ensureBuilt()).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import { DIST } from '../e2e/server.ts';

export { DIST };

/** Every file under root, as URL paths ("/gemeente/GM0307/index.html"). */
export function allFiles(root = DIST): Set<string> {
  const out = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.add(`/${relative(root, p).split(sep).join('/')}`);
    }
  };
  walk(root);
  return out;
}

export interface Page {
  /** The file, as a URL path: "/gemeente/GM0307/index.html", "/404.html". */
  file: string;
  /** The URL path the page is served at: "/gemeente/GM0307/", "/404.html". */
  path: string;
  document: Document;
  /** Every id in the page (and a[name]), for #fragment checks. */
  ids: Set<string>;
}

/** Parse every .html file under root. */
export function parsePages(files: Set<string>, root = DIST): Map<string, Page> {
  const pages = new Map<string, Page>();
  for (const file of files) {
    if (!file.endsWith('.html')) continue;
    const { document } = parseHTML(readFileSync(join(root, file), 'utf8')) as unknown as { document: Document };
    const ids = new Set<string>();
    for (const el of document.querySelectorAll('[id]')) ids.add(el.getAttribute('id')!);
    for (const el of document.querySelectorAll('a[name]')) ids.add(el.getAttribute('name')!);
    const path = file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
    pages.set(file, { file, path, document, ids });
  }
  return pages;
}

/** The file a URL path is served from by a static host (directory → its index.html), if it exists. */
export function fileFor(pathname: string, files: Set<string>): string | undefined {
  let p: string;
  try {
    p = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (p.endsWith('/')) return files.has(`${p}index.html`) ? `${p}index.html` : undefined;
  if (files.has(p)) return p;
  return files.has(`${p}/index.html`) ? `${p}/index.html` : undefined;
}
