import { createHash } from 'node:crypto';
import type { SourceFile } from './readers/types.ts';
import { byCodePoint } from './compare.ts';
import { GEBIEDEN_TABLES } from '../catalog/gebieden.ts';
import { IV3_TABLES } from '../catalog/iv3.ts';

/** Provenance of one raw file: the link between a warehouse row's source_file and CBS. */
export interface SourceInfo {
  path: string;
  sha256: string;
  bytes: number;
  /** CBS table id, when the file belongs to one. */
  table: string | null;
  title: string;
  url: string | null;
  /** From the folder's manifest.json when `npm run fetch` wrote the file: the exact request, and when. */
  fetched_url?: string;
  retrieved?: string;
  /** CBS's modification date of the table at retrieval. */
  modified?: string | null;
}

/** What a manifest.json says about one file, keyed by the file's path relative to the data folder. */
export type Fetched = Map<string, { url: string; retrieved: string; modified: string | null }>;

/** CBS "Gebieden in Nederland": one table per year (indeling on 1 January), from the fetch config. */
const GEBIEDEN: Record<number, string> = GEBIEDEN_TABLES;

const TITLES: Record<string, string> = {
  '70072NED': 'Regionale kerncijfers Nederland',
  '03759NED': 'Bevolking op 1 januari en gemiddeld; geslacht, leeftijd en regio',
  '84134NED': 'Kerncijfers over jeugdzorg',
  '85099NED': 'Jongeren met jeugdzorg; regio',
  '85098NED': 'Indicatoren jeugdzorg in natura; gemeenten',
  '82972NED': 'Indicatoren jeugdzorg in natura; gemeenten (2015–2019)',
  '83454NED': 'Gemeentelijke kosten; jeugdzorg, regio',
  '85100NED': 'Jongeren met jeugdzorg; persoonskenmerken',
  '85097NED': 'Jeugdhulptrajecten in natura; verwijzer, regio (gemeente)',
};

function tableOf(path: string): string | null {
  let m = /cbs_gebieden_(\d{4})\./.exec(path);
  if (m) return GEBIEDEN[Number(m[1])] ?? null;
  m = /iv3_(\d{4})_/.exec(path);
  if (m) return IV3_TABLES[Number(m[1])] ?? null;
  m = /(?:^|[/_])(\d{5}(?:NED|ned))(?:[/_.]|$)/i.exec(path);
  return m ? m[1] : null;
}

function urlOf(table: string, path: string): string {
  if (/^450\d\dNED$/i.test(table)) return `https://dataderden.cbs.nl/ODataApi/OData/${table}`;
  if (/cbs_/.test(path)) return `https://datasets.cbs.nl/odata/v1/CBS/${table}`;
  return `https://opendata.cbs.nl/statline/#/CBS/nl/dataset/${table}/table`;
}

function titleOf(table: string | null, path: string): string {
  if (!table) return /figures\.csv$/.test(path) ? 'CBS-cijfers overgetypt uit publicaties (bron per rij)' : path;
  if (/cbs_gebieden_/.test(path)) return `Gebieden in Nederland ${/(\d{4})/.exec(path.split('/').pop()!)?.[1] ?? ''}`.trim();
  if (/^450\d\dNED$/i.test(table)) return `Gemeenten ${Object.entries(IV3_TABLES).find(([, t]) => t === table)?.[0] ?? ''} onbewerkte Iv3-data`;
  return TITLES[table.toUpperCase()] ?? table;
}

export interface FileDigest {
  rel: string;
  sha256: string;
  bytes: number;
}

export const digest = (f: SourceFile): FileDigest => ({ rel: f.rel, sha256: createHash('sha256').update(f.bytes).digest('hex'), bytes: f.bytes.length });

export const sourceInfo = {
  gebiedenTable: (year: number): string => GEBIEDEN[year] ?? `Gebieden in Nederland ${year}`,

  describe(files: FileDigest[], fetched: Fetched = new Map()): SourceInfo[] {
    const byPath = new Map<string, SourceInfo>();
    for (const f of files) {
      if (byPath.has(f.rel)) continue;
      const table = tableOf(f.rel);
      byPath.set(f.rel, {
        path: f.rel,
        sha256: f.sha256,
        bytes: f.bytes,
        table,
        title: titleOf(table, f.rel),
        url: table ? urlOf(table, f.rel) : null,
        ...(fetched.has(f.rel) ? { fetched_url: fetched.get(f.rel)!.url, retrieved: fetched.get(f.rel)!.retrieved, modified: fetched.get(f.rel)!.modified } : {}),
      });
    }
    return [...byPath.values()].sort((a, b) => byCodePoint(a.path, b.path));
  },
};
