/**
 * Per-source fetch plans: which requests, which server-side filter, which files. Each target (a table, or a
 * source × year) becomes one folder under data/raw/ in exactly the layout data/README.md describes.
 */
import { isGeographyMeasure } from '../pipeline/geo.ts';
import { regimeFor } from '../pipeline/taakveld.ts';
import { FetchError, type Http } from './http.ts';
import { anyOf, getAll, getObject, lit, query, serialise, startsWithAny, type EntitySet } from './odata.ts';
import type { PageStore } from './partial.ts';
import { PATHS, type BoundariesSource, type GebiedenSource, type Host, type Iv3Source, type PopulationSource, type Source, type V3Source } from './sources.ts';
import type { OutFile } from './writer.ts';

export interface FetchContext {
  http: Http;
  hosts: Record<Host, string>;
  rowLimit: number;
  /** Resume store for a paged data request (undefined: no resume). */
  store(url: string, modified: string | null): PageStore | undefined;
  progress(what: string, rows: number, pages: number): void;
  warn(message: string): void;
}

export type FetchOutcome = OutFile[] | { skip: string };

export interface Target {
  /** `84134NED`, `gebieden/2023`, `iv3/2023` … (what `--only` and the progress lines show). */
  id: string;
  source: Source;
  /** Folder under the raw root. */
  dir: string;
  title: string;
  table: string | null;
  year: number | null;
  describe(hosts: Record<Host, string>): string[];
  fetch(ctx: FetchContext): Promise<FetchOutcome>;
}

type Row = Record<string, unknown>;
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const trim = (v: unknown) => String(v ?? '').trim();
const enc = (s: string) => new TextEncoder().encode(s);
const norm = (s: unknown) => trim(s).toLowerCase().replace(/\s+/g, ' ');

/** The targets of one source for the given years (undefined: the source's default years). */
export function targetsOf(source: Source, years?: number[]): Target[] {
  const pick = (available: number[]) => (years ? available.filter((y) => years.includes(y)) : available);
  const range = ([a, b]: [number, number]) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
  switch (source.kind) {
    case 'cbs-v3':
      return [v3Target(source)];
    case 'population':
      return (years ?? range(source.years)).map((y) => populationTarget(source, y));
    case 'gebieden':
      return pick(Object.keys(source.tables).map(Number)).map((y) => gebiedenTarget(source, y));
    case 'iv3':
      return pick(Object.keys(source.tables).map(Number)).map((y) => iv3Target(source, y));
    case 'boundaries':
      return (years ?? range(source.years)).map((y) => boundariesTarget(source, y));
  }
}

// ---------------------------------------------------------------------------------------------------------
// OData v3 (opendata.cbs.nl, dataderden.cbs.nl): a folder <TABLEID>/ with TableInfos, DataProperties, one
// <Dimension>.json per dimension and TypedDataSet.json.

const DIMENSION_TYPES = new Set(['Dimension', 'TimeDimension', 'GeoDimension', 'GeoDetail']);
const RESERVED = new Set(['TableInfos', 'DataProperties', 'TypedDataSet', 'manifest']);

interface V3Meta {
  props: Row[];
  dims: Row[];
  lists: Record<string, Row[]>;
}

function v3Urls(hosts: Record<Host, string>, host: 'opendata' | 'dataderden', table: string) {
  return { api: `${hosts[host]}${PATHS[host].api}/${table}`, feed: `${hosts[host]}${PATHS[host].feed}/${table}` };
}

async function fetchV3(ctx: FetchContext, host: 'opendata' | 'dataderden', table: string, filterFor: (m: V3Meta) => string): Promise<OutFile[]> {
  const { api, feed } = v3Urls(ctx.hosts, host, table);
  const all = (url: string) => getAll(ctx.http, url, { rowLimit: ctx.rowLimit });
  ctx.progress('metadata', 0, 0);
  const infos = await all(query(`${api}/TableInfos`, { format: true }));
  const modified = str(infos.rows[0]?.Modified);
  const props = await all(query(`${api}/DataProperties`, { format: true }));
  for (const [i, p] of props.rows.entries()) {
    if (!trim(p.Key) || !trim(p.Type)) throw new FetchError(props.url, null, `${table}: DataProperties row ${i + 1} has no Key or Type`);
  }
  if (!props.rows.some((p) => p.Type === 'Topic')) throw new FetchError(props.url, null, `${table}: DataProperties lists no Topic; is ${table} still a data table?`);
  const dims = props.rows.filter((p) => DIMENSION_TYPES.has(String(p.Type)));
  const lists: Record<string, EntitySet> = {};
  await Promise.all(
    dims.map(async (d) => {
      const key = String(d.Key);
      if (RESERVED.has(key) || !/^[\w-]+$/.test(key)) throw new FetchError(props.url, null, `${table}: dimension key "${key}" cannot be a file name`);
      lists[key] = await all(query(`${api}/${key}`, { format: true }));
    }),
  );
  const meta: V3Meta = { props: props.rows, dims, lists: Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, v.rows])) };
  const filter = filterFor(meta);
  const pull = (url: string) => getAll(ctx.http, url, { rowLimit: ctx.rowLimit, store: ctx.store(url, modified), onPage: (rows, pages) => ctx.progress('TypedDataSet', rows, pages) });
  let dataUrl = query(`${feed}/TypedDataSet`, { format: true, filter });
  let data: EntitySet;
  try {
    data = await pull(dataUrl);
  } catch (e) {
    // The bulk feed is not documented for every host (dataderden): fall back to ODataApi, paged with $skip.
    if (!(e instanceof FetchError) || e.status !== 404) throw e;
    ctx.warn(`${table}: no ODataFeed at ${feed}; paging ODataApi instead`);
    dataUrl = query(`${api}/TypedDataSet`, { format: true, filter });
    data = await pull(dataUrl);
  }
  if (!data.rows.length) {
    throw new FetchError(dataUrl, null, `${table}: CBS returned no rows for TypedDataSet${filter ? ` with $filter=${filter}` : ''}; the table may have been emptied or replaced (see README "Refresh the real data")`);
  }
  // Every dimension value must be a key of its code list (the reader checks the same, later and slower).
  for (const d of dims) {
    const key = String(d.Key);
    const known = new Set(meta.lists[key].map((r) => r.Key));
    const bad = data.rows.findIndex((r) => !known.has(r[key]));
    if (bad >= 0) throw new FetchError(dataUrl, null, `${table}: TypedDataSet row ${bad + 1} has ${key} ${JSON.stringify(data.rows[bad][key])}, which ${key}.json does not list`);
  }
  const file = (name: string, set: EntitySet): OutFile => ({ name, bytes: enc(serialise(set)), url: set.url, rows: set.rows.length, modified });
  return [file('TableInfos.json', infos), file('DataProperties.json', props), ...dims.map((d) => file(`${d.Key}.json`, lists[String(d.Key)])), file('TypedDataSet.json', data)];
}

const geoDim = (m: V3Meta) => m.dims.find((d) => d.Type === 'GeoDimension') ?? m.dims.find((d) => /^Regio/i.test(String(d.Key)));
const timeDim = (m: V3Meta) => m.dims.find((d) => d.Type === 'TimeDimension') ?? m.dims.find((d) => d.Key === 'Perioden');

function v3Target(s: V3Source): Target {
  return {
    id: s.id,
    source: s,
    dir: s.table,
    title: s.title,
    table: s.table,
    year: null,
    describe: (hosts) => {
      const { api, feed } = v3Urls(hosts, 'opendata', s.table);
      const totals = s.totalsOnly?.length ? `, ${s.totalsOnly.join('/')} = Totaal` : '';
      return [`${api}/{TableInfos,DataProperties,<each dimension>}`, `${feed}/TypedDataSet  (paged; regions NL/JZ/GM, annual periods${totals})`];
    },
    fetch: (ctx) =>
      fetchV3(ctx, 'opendata', s.table, (m) => {
        const parts: string[] = [];
        const geo = geoDim(m);
        if (geo) parts.push(startsWithAny(String(geo.Key), ['NL', 'JZ', 'GM']));
        const time = timeDim(m);
        if (time) {
          const years = m.lists[String(time.Key)].map((r) => String(r.Key)).filter((k) => /^\d{4}JJ00$/.test(k.trim()));
          if (!years.length) throw new FetchError(`${s.table}/${time.Key}`, null, `${s.table}: ${time.Key} has no annual periods (YYYYJJ00); the pipeline reads only years`);
          parts.push(anyOf(String(time.Key), years));
        }
        for (const dim of s.totalsOnly ?? []) {
          const list = m.lists[dim];
          if (!list) continue;
          const totals = list.filter((r) => /^totaal/i.test(trim(r.Title))).map((r) => String(r.Key));
          if (totals.length) parts.push(anyOf(dim, totals));
          else ctx.warn(`${s.table}: no "Totaal…" key in ${dim}; fetching all of its keys`);
        }
        return parts.join(' and ');
      }),
  };
}

function iv3Target(s: Iv3Source, year: number): Target {
  const table = s.tables[year];
  const taakvelden = () => {
    const regime = regimeFor(year);
    return new Set([...(regime ? Object.values(regime).flat() : []), ...s.extraTaakvelden]);
  };
  return {
    id: `${s.id}/${year}`,
    source: s,
    dir: `${s.id}/${table}`,
    title: `Gemeenten ${year} onbewerkte Iv3-data`,
    table,
    year,
    describe: (hosts) => {
      const { api, feed } = v3Urls(hosts, 'dataderden', table);
      return [
        `${api}/{TableInfos,DataProperties,Gemeenten,Verslagsoort,Categorie,TaakveldBalanspost}`,
        `${feed}/TypedDataSet  (paged; verslagsoort ${s.verslagsoorten.join('/')}, categorie ${s.categories.join('/')}…, taakvelden ${[...taakvelden()].sort().join(' ')})`,
      ];
    },
    fetch: (ctx) =>
      fetchV3(ctx, 'dataderden', table, (m) => {
        const dimKey = (re: RegExp, what: string) => {
          const d = m.dims.find((x) => re.test(String(x.Key)));
          if (!d) throw new FetchError(table, null, `${table}: no ${what} dimension (dimensions: ${m.dims.map((x) => x.Key).join(', ')}); is it still a raw Iv3 table?`);
          return String(d.Key);
        };
        const soort = dimKey(/^Verslagsoort$/, 'Verslagsoort');
        const cat = dimKey(/^Categorie$/, 'Categorie');
        const post = dimKey(/Balanspost$/, 'TaakveldBalanspost');
        const soorten = m.lists[soort].map((r) => String(r.Key)).filter((k) => s.verslagsoorten.some((v) => k.trim().endsWith(v)));
        if (!soorten.length) throw new FetchError(table, null, `${table}: no verslagsoort ending in ${s.verslagsoorten.join(' or ')} in ${soort}`);
        const wanted = taakvelden();
        const posts = m.lists[post].map((r) => String(r.Key)).filter((k) => wanted.has(k.trim()));
        if (!posts.length) throw new FetchError(table, null, `${table}: none of the youth-care taakvelden (${[...wanted].join(', ')}) is in ${post}`);
        return [anyOf(soort, soorten), startsWithAny(cat, s.categories), anyOf(post, posts)].join(' and ');
      }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// OData v4 (datasets.cbs.nl): cbs_<id>_<part>.json + cbs_<id>_measurecodes.json (+ <dim>codes).

const v4Base = (hosts: Record<Host, string>, table: string) => `${hosts.datasets}${PATHS.datasets.v4}/${table}`;

async function v4Modified(ctx: FetchContext, base: string): Promise<string | null> {
  const p = await getObject(ctx.http, `${base}/Properties`);
  return str(p.Modified);
}

function populationTarget(s: PopulationSource, year: number): Target {
  const prefix = `cbs_${s.table.toLowerCase()}`;
  return {
    id: `${s.id}/${year}`,
    source: s,
    dir: `${s.id}/${year}`,
    title: `${s.title} (${year})`,
    table: s.table,
    year,
    describe: (hosts) => {
      const base = v4Base(hosts, s.table);
      return [`${base}/{Properties,MeasureCodes,Dimensions,<each dimension>Codes}`, `${base}/Observations  (paged; ${year}JJ00, GM + NL01, ages 0–${s.maxAge} and ${s.ageGroups.join(', ')}, totals of the other dimensions)`];
    },
    async fetch(ctx) {
      const base = v4Base(ctx.hosts, s.table);
      const all = (url: string) => getAll(ctx.http, url, { rowLimit: ctx.rowLimit });
      ctx.progress('metadata', 0, 0);
      const modified = await v4Modified(ctx, base);
      const measures = await all(`${base}/MeasureCodes`);
      const dimensions = await all(`${base}/Dimensions`);
      const dimIds = dimensions.rows.map((d) => trim(d.Identifier)).filter(Boolean);
      const codes: Record<string, EntitySet> = {};
      await Promise.all(dimIds.map(async (d) => (codes[d] = await all(`${base}/${d}Codes`))));
      const period = `${year}JJ00`;
      const periodDim = dimIds.find((d) => d === 'Perioden');
      if (!periodDim) throw new FetchError(`${base}/Dimensions`, null, `${s.table}: no Perioden dimension`);
      if (!codes[periodDim].rows.some((r) => trim(r.Identifier) === period)) return { skip: `${s.table} has no ${year} yet` };
      const measureIds = measures.rows.filter((m) => s.measureTitle.test(trim(m.Title))).map((m) => trim(m.Identifier));
      if (!measureIds.length) throw new FetchError(measures.url, null, `${s.table}: no measure titled ${s.measureTitle} (titles: ${measures.rows.map((m) => m.Title).join(', ')})`);
      const parts = [anyOf('Measure', measureIds), `Perioden eq ${lit(period)}`, `(startswith(RegioS,'GM') or RegioS eq 'NL01')`];
      const groups = new Set(s.ageGroups.map(norm));
      for (const d of dimIds) {
        if (d === 'Perioden' || d === 'RegioS') continue;
        const rows = codes[d].rows;
        if (/^Leeftijd/i.test(d)) {
          const ages = rows.filter((r) => {
            const t = norm(r.Title);
            const m = /^(\d+) jaar$/.exec(t);
            return groups.has(t) || (m !== null && Number(m[1]) <= s.maxAge);
          });
          if (!ages.length) throw new FetchError(codes[d].url, null, `${s.table}: no ages 0–${s.maxAge} or ${s.ageGroups.join(', ')} in ${d}Codes`);
          const missing = s.ageGroups.filter((g) => !ages.some((r) => norm(r.Title) === norm(g)));
          if (missing.length) ctx.warn(`${s.table}: no age group ${missing.join(', ')} in ${d}Codes; the single ages 0–${s.maxAge} are fetched (the pipeline reads the groups)`);
          parts.push(anyOf(d, ages.map((r) => trim(r.Identifier))));
        } else {
          const totals = rows.filter((r) => /^totaal/i.test(trim(r.Title))).map((r) => trim(r.Identifier));
          if (totals.length) parts.push(anyOf(d, totals));
          else ctx.warn(`${s.table}: no "Totaal…" code in ${d}Codes; fetching all of them`);
        }
      }
      const filter = parts.join(' and ');
      const obsUrl = query(`${base}/Observations`, { filter });
      const obs = await getAll(ctx.http, obsUrl, { rowLimit: ctx.rowLimit, store: ctx.store(obsUrl, modified), onPage: (r, p) => ctx.progress('Observations', r, p) });
      if (!obs.rows.length) throw new FetchError(obsUrl, null, `${s.table}: CBS returned no observations for ${year} with $filter=${filter}`);
      const file = (name: string, set: EntitySet): OutFile => ({ name, bytes: enc(serialise(set)), url: set.url, rows: set.rows.length, modified });
      return [file(`${prefix}_${year}.json`, obs), file(`${prefix}_measurecodes.json`, measures), ...dimIds.map((d) => file(`${prefix}_${d.toLowerCase()}codes.json`, codes[d]))];
    },
  };
}

function gebiedenTarget(s: GebiedenSource, year: number): Target {
  const table = s.tables[year];
  return {
    id: `${s.id}/${year}`,
    source: s,
    dir: `${s.id}/${year}`,
    title: `${s.title} ${year}`,
    table,
    year,
    describe: (hosts) => {
      const base = v4Base(hosts, table);
      return [`${base}/{Properties,MeasureCodes}`, `${base}/Observations  (paged; GM rows, measures gemeentenaam + jeugdregio code/naam)`];
    },
    async fetch(ctx) {
      const base = v4Base(ctx.hosts, table);
      ctx.progress('metadata', 0, 0);
      const modified = await v4Modified(ctx, base);
      const measures = await getAll(ctx.http, `${base}/MeasureCodes`, { rowLimit: ctx.rowLimit });
      const ids = measures.rows
        .filter((m) => isGeographyMeasure({ key: trim(m.Identifier), title: trim(m.Title), description: str(m.Description) ?? undefined }))
        .map((m) => trim(m.Identifier));
      if (!ids.length) throw new FetchError(measures.url, null, `${table}: no gemeente-name or jeugdregio measure in MeasureCodes; is ${table} still "Gebieden in Nederland ${year}"?`);
      const filter = `${anyOf('Measure', ids)} and startswith(RegioS,'GM')`;
      const obsUrl = query(`${base}/Observations`, { filter });
      const obs = await getAll(ctx.http, obsUrl, { rowLimit: ctx.rowLimit, store: ctx.store(obsUrl, modified), onPage: (r, p) => ctx.progress('Observations', r, p) });
      if (!obs.rows.length) throw new FetchError(obsUrl, null, `${table}: CBS returned no observations with $filter=${filter}`);
      const file = (name: string, set: EntitySet): OutFile => ({ name, bytes: enc(serialise(set)), url: set.url, rows: set.rows.length, modified });
      return [file(`cbs_gebieden_${year}.json`, obs), file('cbs_gebieden_measurecodes.json', measures)];
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Boundaries: cartomap's simplified CBS geometries (GeoJSON, WGS84), stored as received.

function boundariesTarget(s: BoundariesSource, year: number): Target {
  const url = (hosts: Record<Host, string>, region: string) => `${hosts.cartomap}${PATHS.cartomap.geo}/${region}_${year}.geojson`;
  return {
    id: `${s.id}/${year}`,
    source: s,
    dir: `${s.id}/${year}`,
    title: `${s.title} ${year}`,
    table: null,
    year,
    describe: (hosts) => s.regions.map((r) => url(hosts, r)),
    async fetch(ctx) {
      const out: OutFile[] = [];
      for (const region of s.regions) {
        const u = url(ctx.hosts, region);
        ctx.progress(`${region}.geojson`, 0, 0);
        const { body, response } = await ctx.http.getJson(u);
        const fc = body as { type?: unknown; features?: unknown };
        if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new FetchError(u, null, `GET ${u}: not a GeoJSON FeatureCollection`);
        if (!fc.features.length) throw new FetchError(u, null, `GET ${u}: the FeatureCollection has no features`);
        const noCode = fc.features.findIndex((f) => typeof (f as { properties?: { statcode?: unknown } })?.properties?.statcode !== 'string');
        if (noCode >= 0) throw new FetchError(u, null, `GET ${u}: feature ${noCode + 1} has no properties.statcode`);
        out.push({ name: `${region}.geojson`, bytes: response.bytes, url: u, rows: fc.features.length, modified: response.lastModified });
      }
      return out;
    },
  };
}
