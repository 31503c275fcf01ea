import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { trendTables } from '../analysis/effects.ts';
import { firstRepeat } from './verbs/first-repeat.ts';
import { sumMembers } from './verbs/sum-members.ts';
import { append } from './verbs/table.ts';
import { without } from './verbs/without.ts';
import { observationsFromCbs } from './cbs-map.ts';
import { byCodePoint } from './compare.ts';
import { discover } from './discover.ts';
import { InputError } from './errors.ts';
import { isGeographyMeasure } from '../catalog/gebieden.ts';
import { geographyFromGebieden, NameIndex, type Geography } from './geo.ts';
import { parseCrosswalk } from './herindeling.ts';
import { recast } from './verbs/recast.ts';
import { deriveReferrerShares } from './referrers.ts';
import { INDICATORS, isAdditive } from '../catalog/indicators.ts';
import type { CrosswalkRow, MembershipRow, Observation } from './model.ts';
import { populationGroups } from './population.ts';
import { observationsFromPublished } from './published-map.ts';
import { readCbsV3 } from './readers/cbs-v3.ts';
import { readCbsV4 } from './readers/cbs-v4.ts';
import { readCsv } from './readers/csv.ts';
import { iv3FromCbs, readIv3Totals, type Iv3Row } from './readers/iv3.ts';
import { readPublishedFigures } from './readers/published-figures.ts';
import { readBoundaries, type Boundary } from './readers/boundaries.ts';
import { readStatlineCsv } from './readers/statline-csv.ts';
import type { CbsRecord, SourceFile } from './readers/types.ts';
import { digest, sourceInfo, type Fetched, type FileDigest, type SourceInfo } from './sources.ts';
import { checkNotMixed, carriesMarker, readSyntheticMeta, type ReadFile, type SyntheticMeta } from './synthetic.ts';
import { deriveNetCosts } from './net-costs.ts';
import { costObservations, sortTaakveldRows, taakveldRows, type TaakveldRow } from './taakveld.ts';

export interface SampleMeta {
  sample: boolean;
  partial_geography?: boolean;
  /**
   * With partial_geography: the jeugdregio's whose every member gemeente is in the sample. Only these get a
   * regional sum of gemeenten; elsewhere two of a region's gemeenten would pass for the whole region.
   */
  complete_regions?: string[];
  description?: string;
}

export interface Warehouse {
  geography: Geography;
  observations: Observation[];
  crosswalk: CrosswalkRow[];
  /** Every raw file that was read, with its checksum and the CBS table it belongs to. */
  sources: SourceInfo[];
  sample: SampleMeta | null;
  /** Generated test data (synthetic.json): never real figures, and the site says so on every page. */
  synthetic: SyntheticMeta | null;
  /** The indeling every gemeente series is recast to. */
  boundaryYear: number;
  /** Outlines for the map (from boundaries/<YYYY>/*.geojson, the newest year up to boundaryYear); none without. */
  geometry: { level: 'gemeente' | 'jeugdregio'; year: number; regions: Boundary[] }[];
  /** What the build could not do and did not guess (e.g. an age group with a missing year of age). */
  notes: string[];
  /** The 2022 analysis per place: the series against its pre-2022 trend, and the verdict (src/analysis/effects.ts). */
  trends: ReturnType<typeof trendTables>;
  /** Iv3 detail: what each gemeente booked on each youth-care taakveld (the cost figures are sums of these). */
  taakvelden: TaakveldRow[];
}

export type Progress = (step: string, rows: number, seconds: number) => void;

const CROSSWALK = new URL('../../data/reference/herindelingen.csv', import.meta.url);

/**
 * Raw folder → canonical tables, in memory. Pure apart from reading files: the same folder always gives
 * the same warehouse (sorted, no clock), which is what makes two builds byte-identical.
 */
export async function buildWarehouse(dataDir: string, progress: Progress = () => {}): Promise<Warehouse> {
  const found = discover(dataDir);
  // Provenance keeps a checksum per file, not the bytes: a ×50 Iv3 volume must not stay in memory.
  const files: FileDigest[] = [];
  const read: ReadFile[] = [];
  const load = (path: string): SourceFile => {
    const f = { path, rel: relative(dataDir, path).split('\\').join('/'), bytes: new Uint8Array(readFileSync(path)) };
    const d = digest(f);
    files.push(d);
    read.push({ rel: d.rel, sha256: d.sha256, marked: carriesMarker(f.bytes) });
    return f;
  };
  const step = async <T extends unknown[]>(name: string, fn: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    const rows = await fn();
    progress(name, rows.length, (performance.now() - t0) / 1000);
    return rows;
  };

  // 1. Geography first: every other source is checked against it.
  if (!found.gebieden.length) {
    throw new InputError({ file: dataDir }, 'no "Gebieden in Nederland" files (cbs_gebieden_<YYYY>.parquet|csv|json)', 'the gemeente → jeugdregio tables; see data/README.md');
  }
  const gebiedenRecords = new Map<number, CbsRecord[]>();
  await step('cbs-v4 Gebieden in Nederland', async () => {
    const all: CbsRecord[] = [];
    for (const g of found.gebieden) {
      const mc = found.gebiedenMeasureCodes.find((p) => dirname(p) === dirname(g.path));
      if (!mc) throw new InputError({ file: relative(dataDir, g.path) }, 'no cbs_gebieden_measurecodes file beside it', 'MeasureCodes in the same folder');
      const recs = await readCbsV4({ tableId: sourceInfo.gebiedenTable(g.year), observations: load(g.path), measureCodes: load(mc), dimensionCodes: {}, period: `${g.year}JJ00`, skipUnknownMeasures: true, keepMeasure: isGeographyMeasure });
      gebiedenRecords.set(g.year, recs);
      append(all, recs);
    }
    return all;
  });
  const geography = geographyFromGebieden(gebiedenRecords);
  const names = new NameIndex(geography);
  const years = geography.years;
  const lastYear = years[years.length - 1];
  const boundaryYear = (y: number) => (years.includes(y) ? y : y < years[0] ? years[0] : lastYear);
  const validGm = new Map<string, Set<number>>();
  for (const m of geography.membership) validGm.set(m.gemeente_code, (validGm.get(m.gemeente_code) ?? new Set()).add(m.year));
  for (const g of geography.geo) if (g.level === 'gemeente' && !validGm.has(g.geo_code)) validGm.set(g.geo_code, new Set([g.first_year]));

  const observations: Observation[] = [];

  // 2. CBS tables: v4 observations, v3 typed datasets (Iv3 raw among them), StatLine exports.
  const cbsRecords: CbsRecord[] = [];
  const iv3Raw: Iv3Row[][] = [];
  await step('cbs-v4 tables', async () => {
    const out: CbsRecord[] = [];
    for (const t of found.v4) {
      if (!t.observations) continue;
      if (!t.measureCodes) throw new InputError({ file: relative(dataDir, t.observations) }, `no cbs_${t.tableId}_measurecodes file beside it`, 'MeasureCodes in the same folder');
      const dims = Object.fromEntries(Object.entries(t.dimensionCodes).map(([k, p]) => [k, load(p)]));
      append(out, await readCbsV4({ tableId: t.tableId, observations: load(t.observations), measureCodes: load(t.measureCodes), dimensionCodes: dims }));
    }
    append(cbsRecords, out);
    return out;
  });
  await step('cbs-v3 tables', async () => {
    const out: CbsRecord[] = [];
    for (const t of found.v3) {
      const inDir = (n: string) => join(t.dir, n);
      const entries = readdirSync(t.dir).sort();
      const tds = entries.find((n) => /^TypedDataSet\.(json|csv)$/.test(n));
      if (!tds) throw new InputError({ file: relative(dataDir, t.dir) }, 'no TypedDataSet.json or TypedDataSet.csv', 'the table data beside DataProperties.json');
      const dimensions: Record<string, SourceFile> = {};
      for (const n of entries) if (n.endsWith('.json') && !/^(DataProperties|TypedDataSet|TableInfos|manifest)\.json$/.test(n)) dimensions[basename(n, '.json')] = load(inDir(n));
      const tableInfos = entries.includes('TableInfos.json') ? load(inDir('TableInfos.json')) : undefined;
      const recs = await readCbsV3({ tableId: t.tableId.toUpperCase(), dataProperties: load(inDir('DataProperties.json')), typedDataSet: load(inDir(tds)), dimensions, tableInfos });
      if (recs.some((r) => r.dims.TaakveldBalanspost || r.dims.FunctieKostenplaatsBalanspost)) iv3Raw.push(iv3FromCbs(recs));
      else append(cbsRecords, recs);
      append(out, recs);
    }
    return out;
  });
  await step('statline-csv exports', () => {
    const out = found.statline.flatMap((s) => readStatlineCsv(s.tableId, load(s.path)));
    append(cbsRecords, out);
    return out;
  });
  const notes: string[] = [];
  await step('population 0–17 and 0–22 from single years', () => {
    const pop = populationGroups(cbsRecords);
    append(cbsRecords, pop.records);
    append(notes, pop.gaps);
    return pop.records;
  });
  await step('map CBS topics to indicators', () => {
    const obs = observationsFromCbs(cbsRecords, names, boundaryYear).filter((o) => keepGemeente(o, validGm, cbsRecords));
    append(observations, obs);
    return obs;
  });

  // 3. Iv3 totals (names → codes) and raw Iv3 (codes) → cost indicators, one file at a time so that
  //    memory holds a file's rows, not every file's.
  const taakvelden: TaakveldRow[] = [];
  const toCosts = (rows: Iv3Row[]) => {
    for (const r of rows) {
      if (!validGm.has(r.gemeente)) throw new InputError({ file: r.file, line: r.line, column: 'Gemeenten' }, `unknown gemeente code "${r.gemeente}"`, 'a GM code of CBS Gebieden in Nederland');
    }
    const coded = rows.map((r) => ({ ...r, geo: r.gemeente }));
    taakvelden.push(...taakveldRows(coded, boundaryYear));
    return costObservations(coded, boundaryYear);
  };
  await step('iv3 (raw) → cost indicators', () => {
    const obs = iv3Raw.flatMap(toCosts);
    append(observations, obs);
    return obs;
  });
  await step('iv3-totals → cost indicators', () => {
    const gfNames = new Map<string, string>();
    for (const p of found.iv3Names) {
      const csv = readCsv(load(p).bytes, relative(dataDir, p), { delimiter: '\t', required: ['Iv3naam', 'GFnaam'] });
      for (const r of csv.rows) gfNames.set(r.values.GFnaam.trim(), r.values.Iv3naam.trim());
    }
    const out: Observation[] = [];
    for (const p of found.iv3Totals) {
      const rows: Iv3Row[] = [];
      for (const r of readIv3Totals(load(p))) {
        if (r.gemeente === 'Nederland') continue;
        const code = names.lookup(gfNames.get(r.gemeente) ?? r.gemeente, r.year, 'gemeente');
        if (!code) {
          throw new InputError({ file: r.file, line: r.line, column: 'Gemeenten' }, `unknown gemeente "${r.gemeente}"`, `a gemeente of CBS Gebieden in Nederland ${boundaryYear(r.year)} (or a GF spelling listed in gemeentenamen.csv)`);
        }
        rows.push({ ...r, gemeente: code });
      }
      append(out, toCosts(rows));
    }
    append(observations, out);
    return out;
  });

  // 4. Figures typed from CBS publications: only where no CBS table gives the same figure.
  await step('published-figures', () => {
    const obs = observationsFromPublished(found.published.flatMap((p) => readPublishedFigures(load(p))), names, boundaryYear);
    const fresh = without(obs, observations);
    append(observations, fresh);
    return fresh;
  });

  const sample = found.sampleMeta ? readSampleMeta(found.sampleMeta, relative(dataDir, found.sampleMeta)) : null;
  if (found.sampleMeta) load(found.sampleMeta);
  const syntheticRel = found.syntheticMeta ? relative(dataDir, found.syntheticMeta).split('\\').join('/') : null;
  const synthetic = found.syntheticMeta ? readSyntheticMeta(found.syntheticMeta, syntheticRel!) : null;
  if (synthetic && sample) throw new InputError({ file: syntheticRel! }, 'a folder with both sample.json and synthetic.json', 'either the embedded sample or a synthetic world, not both');
  if (found.syntheticMeta) load(found.syntheticMeta);
  checkNotMixed(synthetic, syntheticRel, read);

  // 5. Duplicated keys across sources are a contradiction we must not resolve silently.
  const twice = firstRepeat(observations, ['indicator', 'geo_code', 'period']);
  if (twice) {
    const { row: o, first } = twice;
    throw new InputError({ file: o.source_file }, `${o.indicator} for ${o.geo_code} in ${o.period} also comes from ${first.source_file}`, 'one source per indicator, region and year');
  }

  // 6. Totals for regions and the Netherlands, then every gemeente series on one indeling.
  const span = new Map(geography.geo.map((g) => [g.geo_code, g]));
  const existed = (code: string, year: number) => {
    const g = span.get(code);
    return g !== undefined && g.first_year <= year && year <= g.last_year;
  };
  const crosswalk = parseCrosswalk(new Uint8Array(readFileSync(CROSSWALK)), 'data/reference/herindelingen.csv');
  const summed = await step('aggregate jeugdregio and Nederland', () =>
    sumMembers(observations, summable(geography.membership, sample), isAdditive, !(sample?.partial_geography ?? false)),
  );
  const recastObs = await step('recast to one indeling', () => recast([...observations, ...summed], crosswalk, lastYear, isAdditive, existed));

  // Netto, per inwoner and the centrumgemeente / elders-geboekt flags, from the summed and recast lasten and baten.
  append(recastObs, await step('net costs and their ratios', () => deriveNetCosts(recastObs, geography.membership)));
  append(recastObs, await step('referrer shares', () => deriveReferrerShares(recastObs)));
  for (const o of recastObs) if (!INDICATORS.some((d) => d.id === o.indicator)) throw new Error(`internal: unknown indicator ${o.indicator}`);
  // 7. Map outlines: for each level the newest year not after the indeling; codes must be known places.
  const geometry = await step('boundaries (GeoJSON)', () => {
    const out: Warehouse['geometry'] = [];
    for (const level of ['jeugdregio', 'gemeente'] as const) {
      const pick = found.boundaries.filter((b) => b.level === level && b.year <= lastYear).sort((a, b) => b.year - a.year)[0];
      if (!pick) continue;
      const f = load(pick.path);
      const regions = readBoundaries(f);
      const known = new Set(geography.geo.map((g) => g.geo_code));
      regions.forEach((r, i) => {
        if (!known.has(r.code)) throw new InputError({ file: f.rel, line: i + 1, column: 'statcode' }, `unknown ${level} code "${r.code}"`, 'a code of CBS Gebieden in Nederland');
      });
      out.push({ level, year: pick.year, regions });
    }
    return out;
  });

  const observationsSorted = sortObservations(recastObs);
  const trends = trendTables(observationsSorted);
  progress('trend against actual (2022 measures)', trends.comparisons.length, 0);

  return {
    geography,
    geometry,
    observations: observationsSorted,
    trends,
    crosswalk,
    sources: sourceInfo.describe(files, readManifests(found.manifests, dataDir)),
    sample,
    synthetic,
    boundaryYear: lastYear,
    notes,
    taakvelden: sortTaakveldRows(taakvelden),
  };
}

/** manifest.json files written by `npm run fetch`: per raw file its URL, retrieval time and CBS modification date. */
function readManifests(paths: string[], dataDir: string): Fetched {
  const out: Fetched = new Map();
  for (const p of paths) {
    const rel = relative(dataDir, p).split('\\').join('/');
    let m: { files?: { file?: unknown; url?: unknown; retrieved?: unknown; modified?: unknown }[] };
    try {
      m = JSON.parse(readFileSync(p, 'utf8'));
    } catch (e) {
      throw new InputError({ file: rel }, `not valid JSON (${(e as Error).message})`, 'the manifest.json that npm run fetch writes');
    }
    if (!Array.isArray(m.files)) throw new InputError({ file: rel, column: 'files' }, 'no "files" list', 'a manifest with a files array');
    const dir = dirname(rel);
    m.files.forEach((f, i) => {
      if (typeof f.file !== 'string' || typeof f.url !== 'string' || typeof f.retrieved !== 'string') {
        throw new InputError({ file: rel, line: i + 1, column: 'files' }, 'an entry without file, url or retrieved', '{"file", "url", "retrieved", "modified", "rows", "sha256"}');
      }
      out.set(dir === '.' ? f.file : `${dir}/${f.file}`, { url: f.url, retrieved: f.retrieved, modified: typeof f.modified === 'string' ? f.modified : null });
    });
  }
  return out;
}

function readSampleMeta(path: string, rel: string): SampleMeta {
  let meta: unknown;
  try {
    meta = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InputError({ file: rel }, `not valid JSON (${(e as Error).message})`, '{"sample": true, "partial_geography": true, "description": "…"}');
  }
  if (typeof meta !== 'object' || meta === null || typeof (meta as SampleMeta).sample !== 'boolean') {
    throw new InputError({ file: rel, column: 'sample' }, 'no boolean "sample" field', '{"sample": true, …}');
  }
  return meta as SampleMeta;
}

/** The membership regional sums may use: for a sample with partial geography, only its complete regions. */
function summable(membership: MembershipRow[], sample: SampleMeta | null): MembershipRow[] {
  if (!sample?.partial_geography) return membership;
  const complete = new Set(sample.complete_regions ?? []);
  return membership.filter((m) => complete.has(m.jeugdregio_code));
}

/**
 * Some CBS tables list every code that ever existed for every year, with empty values where the
 * gemeente did not exist (70072ned). Those rows carry nothing and are dropped; a value for a code that
 * no Gebieden table knows is an error.
 */
function keepGemeente(o: Observation, validGm: Map<string, Set<number>>, records: CbsRecord[]): boolean {
  if (!o.geo_code.startsWith('GM')) return true;
  const years = validGm.get(o.geo_code);
  if (o.value === null && !years?.has(o.period)) return false;
  if (!years) {
    const r = records.find((x) => x.region === o.geo_code && x.file === o.source_file);
    throw new InputError({ file: o.source_file, line: r?.line, column: 'RegioS' }, `unknown gemeente code "${o.geo_code}"`, 'a GM code of CBS Gebieden in Nederland');
  }
  return true;
}

export function sortObservations(obs: Observation[]): Observation[] {
  return [...obs].sort(
    (a, b) =>
      byCodePoint(a.indicator, b.indicator) || byCodePoint(a.geo_code, b.geo_code) || a.period - b.period || a.boundary_year - b.boundary_year,
  );
}
