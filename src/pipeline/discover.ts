import { readdirSync, statSync } from 'node:fs';
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

export function discover(dataDir: string): Discovered {
  const d: Discovered = { gebieden: [], gebiedenMeasureCodes: [], v4: [], v3: [], statline: [], iv3Totals: [], iv3Names: [], published: [], manifests: [], boundaries: [] };
  const v4ByKey = new Map<string, Discovered['v4'][number]>();
  const rel = (p: string) => relative(dataDir, p).split(sep).join('/');
  const walk = (dir: string) => {
    const names = readdirSync(dir).sort();
    if (names.includes('DataProperties.json')) {
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
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
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
  d.gebieden.sort((a, b) => a.year - b.year);
  return d;
}
