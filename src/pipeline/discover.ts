import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { InputError } from './errors.ts';

/** What the walk of a data folder found, grouped per reader (the layout is documented in data/README.md). */
export interface Discovered {
  gebieden: { year: number; path: string }[];
  gebiedenMeasureCodes: string[];
  v4: { tableId: string; observations: string; measureCodes?: string; dimensionCodes: Record<string, string> }[];
  v3: { tableId: string; dir: string }[];
  statline: { tableId: string; path: string }[];
  iv3Totals: string[];
  iv3Names: string[];
  published: string[];
  manifests: string[];
  /** boundaries/<YYYY>/(gemeente|jeugdregio).geojson */
  boundaries: { year: number; level: 'gemeente' | 'jeugdregio'; path: string }[];
  sampleMeta?: string;
  /** synthetic.json at the top: the folder is a generated test world (src/pipeline/synthetic.ts). */
  syntheticMeta?: string;
}

const EXT = '(parquet|csv|json)';
const GEBIEDEN = new RegExp(`^cbs_gebieden_(\\d{4})\\.${EXT}$`);
const GEBIEDEN_MC = new RegExp(`^cbs_gebieden_measurecodes\\.${EXT}$`);
const V4 = new RegExp(`^cbs_(\\d{5}[a-z]{3})_(.+)\\.${EXT}$`, 'i');
const STATLINE = /^(\d{5}[A-Za-z]{3})(_.*)?\.csv$/;

/**
 * The largest input file, checked before a byte is read: a file is read whole and decoded as one string,
 * and V8 cannot hold a string over ~512 MB (a 1 GB file crashed the decoder with a stack trace). The
 * biggest real file (an Iv3 year) is a few MB; JEUGDHULP_MAX_FILE_MB raises the limit.
 */
export function maxFileBytes(): number {
  const mb = Number(process.env.JEUGDHULP_MAX_FILE_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : 256) * 1024 * 1024;
}

// Control characters and direction overrides in a file or folder name would reach source_file in the warehouse.
const BAD_NAME = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export function discover(dataDir: string): Discovered {
  const d: Discovered = { gebieden: [], gebiedenMeasureCodes: [], v4: [], v3: [], statline: [], iv3Totals: [], iv3Names: [], published: [], manifests: [], boundaries: [] };
  const v4ByKey = new Map<string, Discovered['v4'][number]>();
  const rel = (p: string) => relative(dataDir, p).split(sep).join('/') || '.';
  const limit = maxFileBytes();
  // Raw ELOOP/ENOENT/EACCES stacks become one line naming the path.
  const fsCall = <T>(path: string, fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (!err.code) throw e;
      const what: Record<string, string> = {
        ELOOP: 'a loop of symbolic links (ELOOP)',
        ENOENT: 'a symbolic link to nothing (ENOENT)',
        EACCES: 'no permission to read it (EACCES)',
        ENAMETOOLONG: 'a path too long to open, probably a symbolic link loop (ENAMETOOLONG)',
      };
      throw new InputError({ file: rel(path) }, what[err.code] ?? `it cannot be read (${err.code})`, 'files and folders that can be read, or symbolic links that end in one');
    }
  };
  const checkSize = (path: string, st: Stats) => {
    if (st.size > limit) {
      const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
      throw new InputError({ file: rel(path) }, `the file is ${mb(st.size)}, over the limit of ${mb(limit)} per input file; nothing was read`, `files up to ${mb(limit)} (set JEUGDHULP_MAX_FILE_MB to raise the limit)`);
    }
  };
  const sizes = new Map<string, Stats>();
  const seen = new Set<string>();
  const walk = (dir: string) => {
    // A symbolic link back to a folder above (sub/up -> ..) would be walked until the path is too long.
    const real = fsCall(dir, () => realpathSync(dir));
    if (seen.has(real)) throw new InputError({ file: rel(dir) }, 'a symbolic link to a folder that is already read (a loop)', 'a folder tree without links back into itself');
    seen.add(real);
    const names = fsCall(dir, () => readdirSync(dir)).sort();
    for (const name of names) {
      if (BAD_NAME.test(name) && !name.startsWith('.')) throw new InputError({ file: rel(dir) }, `a file name with a control character: ${JSON.stringify(name)}`, 'file and folder names of printable characters');
    }
    if (names.includes('DataProperties.json')) {
      for (const name of names) {
        const path = join(dir, name);
        const st = fsCall(path, () => statSync(path));
        if (st.isFile()) checkSize(path, st);
      }
      d.v3.push({ tableId: basename(dir), dir });
      if (names.includes('manifest.json')) d.manifests.push(join(dir, 'manifest.json'));
      return;
    }
    // A v3 table without its column list would otherwise be skipped without a word.
    const tds = names.find((n) => /^TypedDataSet\.(json|csv)$/.test(n));
    if (tds) throw new InputError({ file: rel(join(dir, tds)) }, 'no DataProperties.json beside it', 'a CBS v3 table folder with DataProperties.json, TypedDataSet and one <Dimension>.json per dimension');
    for (const name of names) {
      if (name.startsWith('.') || name.includes('.tmp-')) continue;
      const path = join(dir, name);
      const st = fsCall(path, () => statSync(path));
      if (st.isDirectory()) {
        walk(path);
        continue;
      }
      sizes.set(path, st);
      let m: RegExpExecArray | null;
      if ((m = GEBIEDEN.exec(name))) d.gebieden.push({ year: Number(m[1]), path });
      else if (GEBIEDEN_MC.test(name)) d.gebiedenMeasureCodes.push(path);
      else if ((m = V4.exec(name))) {
        const tableId = m[1].toLowerCase();
        const key = `${dir}${sep}${tableId}`;
        const t = v4ByKey.get(key) ?? { tableId, observations: '', dimensionCodes: {} };
        v4ByKey.set(key, t);
        const part = m[2].toLowerCase();
        if (part === 'measurecodes') t.measureCodes = path;
        else if (part.endsWith('codes')) t.dimensionCodes[part.slice(0, -'codes'.length)] = path;
        else if (t.observations) {
          throw new InputError({ file: rel(path) }, `a second observations file for table ${tableId} (the first is ${rel(t.observations)})`, 'one observations file per table and folder');
        }
        else t.observations = path;
      } else if (/^iv3_\d{4}_(begroting|jaarrekening)\.csv$/.test(name)) d.iv3Totals.push(path);
      else if (name === 'gemeentenamen.csv') d.iv3Names.push(path);
      else if (name === 'figures.csv' || name === 'gemeente_figures.csv') d.published.push(path);
      else if (name === 'manifest.json') d.manifests.push(path);
      else if ((m = /^(gemeente|jeugdregio)\.geojson$/.exec(name)) && /^\d{4}$/.test(basename(dir))) {
        d.boundaries.push({ year: Number(basename(dir)), level: m[1] as 'gemeente' | 'jeugdregio', path });
      }
      else if (name === 'sample.json' && dir === dataDir) d.sampleMeta = path;
      else if (name === 'synthetic.json' && dir === dataDir) d.syntheticMeta = path;
      else if ((m = STATLINE.exec(name))) d.statline.push({ tableId: m[1].toUpperCase(), path });
    }
  };
  walk(dataDir);
  d.v4 = [...v4ByKey.values()];
  // Only files a reader will read are limited: a big README or zip beside them is skipped anyway.
  const read = [
    ...d.gebieden.map((g) => g.path), ...d.gebiedenMeasureCodes, ...d.statline.map((s) => s.path), ...d.iv3Totals, ...d.iv3Names,
    ...d.published, ...d.manifests, ...d.boundaries.map((b) => b.path), ...(d.sampleMeta ? [d.sampleMeta] : []),
    ...d.v4.flatMap((t) => [t.observations, t.measureCodes ?? '', ...Object.values(t.dimensionCodes)]),
  ];
  for (const p of read) if (sizes.has(p)) checkSize(p, sizes.get(p)!);
  d.gebieden.sort((a, b) => a.year - b.year);
  return d;
}
