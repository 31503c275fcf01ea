import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Pages of a paged request kept on disk while a target is being fetched, so that an interrupted run
 * resumes at the page it stopped at instead of at page one. Kept under `<raw>/.fetch/partial/` (the
 * pipeline skips dot-folders) and removed once the target is written.
 *
 * A store belongs to one URL and one CBS modification date: when CBS changed the table since the pages
 * were saved, they are discarded (pages of two versions must never be joined).
 */
export interface PageStore {
  load(): { pages: Record<string, unknown>[][]; next: string | null; context: string | null; contextKey: 'odata.metadata' | '@odata.context' } | null;
  save(page: number, rows: Record<string, unknown>[], next: string | null, context: string | null, contextKey: 'odata.metadata' | '@odata.context'): void;
}

interface Meta {
  url: string;
  modified: string | null;
  pages: number;
  next: string | null;
  context: string | null;
  contextKey: 'odata.metadata' | '@odata.context';
}

export const partialRoot = (raw: string) => join(raw, '.fetch', 'partial');
export const partialDir = (raw: string, target: string) => join(partialRoot(raw), target.replace(/[^\w.-]+/g, '_'));

export function pageStore(targetDir: string, url: string, modified: string | null): PageStore {
  const dir = join(targetDir, createHash('sha256').update(url).digest('hex').slice(0, 16));
  const metaPath = join(dir, 'meta.json');
  const pagePath = (n: number) => join(dir, `page-${String(n).padStart(6, '0')}.json`);
  const write = (path: string, text: string) => {
    writeFileSync(`${path}.tmp`, text);
    renameSync(`${path}.tmp`, path);
  };
  return {
    load() {
      if (!existsSync(metaPath)) return null;
      try {
        const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Meta;
        if (meta.url !== url || meta.modified !== modified) throw new Error('stale');
        const pages = [];
        for (let n = 1; n <= meta.pages; n++) pages.push(JSON.parse(readFileSync(pagePath(n), 'utf8')) as Record<string, unknown>[]);
        return { pages, next: meta.next, context: meta.context, contextKey: meta.contextKey };
      } catch {
        rmSync(dir, { recursive: true, force: true });
        return null;
      }
    },
    save(page, rows, next, context, contextKey) {
      mkdirSync(dir, { recursive: true });
      write(pagePath(page), JSON.stringify(rows));
      const meta: Meta = { url, modified, pages: page, next, context, contextKey };
      write(metaPath, JSON.stringify(meta));
    },
  };
}
