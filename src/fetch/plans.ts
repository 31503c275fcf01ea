/**
 * Per-source fetch plans: which requests, which server-side filter, which files. Each target (a table, or a
 * source × year) becomes one folder under data/raw/ in exactly the layout data/README.md describes.
 *
 * Every filter is built from the table's own code lists, matched on Title: a code the plan needs that the
 * table does not have is an error naming it and what the table does have, never a smaller download.
 */
import { NL } from '../catalog/places.ts';
import { isGeographyMeasure } from '../catalog/gebieden.ts';
import { regimeFor } from '../catalog/iv3.ts';
import { FetchError, type Http } from './http.ts';
import { anyOf, getAll, getObject, lit, query, serialise, startsWithAny, type EntitySet, type PagingOptions } from './odata.ts';
import type { PageStore } from './partial.ts';
import { onHosts, PATHS, type BoundariesSource, type GebiedenSource, type Host, type Iv3Source, type KwbSource, type PopulationSource, type Source, type V3Source, type V4SeriesSource } from './sources.ts';
import type { OutFile } from './writer.ts';

export interface FetchContext {
  http: Http;
  hosts: Record<Host, string>;
  /** Rows per `$top`/`$skip` page where a host has no bulk feed (ODataApi refuses more than 10 000). */
  apiPageSize: number;
  /** Epoch ms: no page of this target is requested after it (the time limit per table). */
  deadline?: number;
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
/** A few of a list, for messages. */
const some = (xs: unknown[], n = 12) => `${xs.slice(0, n).map((x) => JSON.stringify(x)).join(', ')}${xs.length > n ? ` … (${xs.length} in all)` : ''}`;

/** getAll with the context's mirror rewriting and time limit. */
const paged = (ctx: FetchContext, url: string, opts: PagingOptions = {}) =>
  getAll(ctx.http, url, { rewrite: (u) => onHosts(u, ctx.hosts), deadline: ctx.deadline, ...opts });

/** The targets of one source for the given years (undefined: the source's default years). */
export function targetsOf(source: Source, years?: number[]): Target[] {
  const pick = (available: number[]) => (years ? available.filter((y) => years.includes(y)) : available);
  const range = ([a, b]: [number, number]) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
  switch (source.kind) {
    case 'cbs-v3':
      return [v3Target(source)];
    case 'population':
      return (years ?? range(source.years)).map((y) => populationTarget(source, y));
    case 'cbs-v4':
      return [v4SeriesTarget(source)];
    case 'kwb':
      return pick(Object.keys(source.tables).map(Number)).map((y) => kwbTarget(source, y));
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
  infos: Row;
  props: Row[];
  dims: Row[];
  lists: Record<string, Row[]>;
}

interface V3Plan {
  /** `$filter` of TypedDataSet. */
  filter(m: V3Meta): string;
  /** Columns asked for (`$select`, ID first); undefined: all. DataProperties.json then lists only these. */
  select?(m: V3Meta): string[];
  /** A server-side filter for a dimension's code list (KWB's GeoDetail list holds every wijk and buurt). */
  listFilter?(dim: Row): string | undefined;
}

function v3Urls(hosts: Record<Host, string>, host: 'opendata' | 'dataderden', table: string) {
  return { api: `${hosts[host]}${PATHS[host].api}/${table}`, feed: `${hosts[host]}${PATHS[host].feed}/${table}` };
}

async function fetchV3(ctx: FetchContext, host: 'opendata' | 'dataderden', table: string, plan: V3Plan, check?: (m: V3Meta) => void): Promise<OutFile[]> {
  const { api, feed } = v3Urls(ctx.hosts, host, table);
  const all = (url: string) => paged(ctx, url);
  ctx.progress('metadata', 0, 0);
  const infos = await all(query(`${api}/TableInfos`, { format: true }));
  const modified = str(infos.rows[0]?.Modified);
  const props = await all(query(`${api}/DataProperties`, { format: true }));
  for (const [i, p] of props.rows.entries()) {
    if (!trim(p.Type)) throw new FetchError(props.url, null, `${table}: DataProperties row ${i + 1} has no Type`);
    // TopicGroup rows only group topics in StatLine's tree; CBS gives them an empty Key (84799NED has 40).
    if (p.Type !== 'TopicGroup' && !trim(p.Key)) throw new FetchError(props.url, null, `${table}: DataProperties row ${i + 1} (${p.Type} "${trim(p.Title)}") has no Key`);
  }
  if (!props.rows.some((p) => p.Type === 'Topic')) throw new FetchError(props.url, null, `${table}: DataProperties lists no Topic; is ${table} still a data table?`);
  const dims = props.rows.filter((p) => DIMENSION_TYPES.has(String(p.Type)));
  const lists: Record<string, EntitySet> = {};
  await Promise.all(
    dims.map(async (d) => {
      const key = String(d.Key);
      if (RESERVED.has(key) || !/^[\w-]+$/.test(key)) throw new FetchError(props.url, null, `${table}: dimension key "${key}" cannot be a file name`);
      lists[key] = await all(query(`${api}/${key}`, { format: true, filter: plan.listFilter?.(d) }));
    }),
  );
  const meta: V3Meta = { infos: infos.rows[0] ?? {}, props: props.rows, dims, lists: Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, v.rows])) };
  check?.(meta);
  const filter = plan.filter(meta);
  const select = plan.select?.(meta);
  const dataQuery = (url: string) => `${query(url, { format: true, filter })}${select ? `&$select=${select.join(',')}` : ''}`;
  const pull = (url: string, pageSize?: number) => paged(ctx, url, { pageSize, store: ctx.store(url, modified), onPage: (rows, pages) => ctx.progress('TypedDataSet', rows, pages) });
  let dataUrl = dataQuery(`${feed}/TypedDataSet`);
  let data: EntitySet;
  try {
    data = await pull(dataUrl);
  } catch (e) {
    // The bulk feed is not documented for every host (dataderden): fall back to ODataApi, paged explicitly
    // with $top/$skip (ODataApi refuses a result above 10 000 rows; it does not page it).
    if (!(e instanceof FetchError) || e.status !== 404) throw e;
    ctx.warn(`${table}: no ODataFeed at ${feed}; paging ODataApi instead`);
    dataUrl = dataQuery(`${api}/TypedDataSet`);
    data = await pull(dataUrl, ctx.apiPageSize);
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
  // With $select the columns are a choice: DataProperties.json lists the dimensions and the chosen topics.
  const chosen = select ? new Set(select) : null;
  const propsOut: EntitySet = chosen ? { ...props, rows: props.rows.filter((p) => DIMENSION_TYPES.has(String(p.Type)) || (p.Type === 'Topic' && chosen.has(String(p.Key)))) } : props;
  const file = (name: string, set: EntitySet): OutFile => ({ name, bytes: enc(serialise(set)), url: set.url, rows: set.rows.length, modified });
  return [file('TableInfos.json', infos), file('DataProperties.json', propsOut), ...dims.map((d) => file(`${d.Key}.json`, lists[String(d.Key)])), file('TypedDataSet.json', data)];
}

const geoDim = (m: V3Meta) => m.dims.find((d) => d.Type === 'GeoDimension' || d.Type === 'GeoDetail') ?? m.dims.find((d) => /^Regio/i.test(String(d.Key)));
const timeDim = (m: V3Meta) => m.dims.find((d) => d.Type === 'TimeDimension') ?? m.dims.find((d) => d.Key === 'Perioden');
/** Years (`YYYYJJ00`) and half-years (`1e halfjaar …`, CBS's newest youth-care releases); not quarters, months or peildata. */
const wantedPeriod = (r: Row) => /^\d{4}JJ00$/.test(trim(r.Key)) || /^[12]e halfjaar\b/i.test(trim(r.Title));

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
      const totals = s.categories ? `, ${Object.keys(s.categories).join('/')}: some categories by Title` : '';
      const topics = s.topics?.length ? `; topics ${s.topics.join(' / ')}` : '';
      return [`${api}/{TableInfos,DataProperties,<each dimension>}`, `${feed}/TypedDataSet  (paged; regions NL/JZ/GM, years and half-years${totals}${topics})`];
    },
    fetch: (ctx) =>
      fetchV3(ctx, 'opendata', s.table, {
        filter: (m) => {
          const parts: string[] = [];
          const geo = geoDim(m);
          if (geo) parts.push(startsWithAny(String(geo.Key), ['NL', 'JZ', 'GM']));
          const time = timeDim(m);
          if (time) {
            const list = m.lists[String(time.Key)];
            const periods = list.filter(wantedPeriod).map((r) => String(r.Key));
            if (!periods.length) throw new FetchError(`${s.table}/${time.Key}`, null, `${s.table}: ${time.Key} has no years (YYYYJJ00) or half-years; it has ${some(list.map((r) => trim(r.Key)))}`);
            parts.push(anyOf(String(time.Key), periods));
          }
          for (const [dim, patterns] of Object.entries(s.categories ?? {})) {
            const list = m.lists[dim];
            if (!list) throw new FetchError(`${s.table}/DataProperties`, null, `${s.table}: no dimension ${dim} to choose categories of (dimensions: ${m.dims.map((d) => d.Key).join(', ')})`);
            const missing = patterns.filter((re) => !list.some((r) => re.test(trim(r.Title))));
            if (missing.length) throw new FetchError(`${s.table}/${dim}`, null, `${s.table}: no category of ${dim} matches ${missing.map(String).join(', ')}; it has ${some(list.map((r) => trim(r.Title)), 40)}`);
            parts.push(anyOf(dim, list.filter((r) => patterns.some((re) => re.test(trim(r.Title)))).map((r) => String(r.Key))));
          }
          return parts.join(' and ');
        },
        select: s.topics ? (m) => ['ID', ...m.dims.map((d) => String(d.Key)), ...topicKeys(s.table, m, s.topics!)] : undefined,
      }),
  };
}

/** Keys of the topics titled `titles`: each must be exactly one Topic of the table. */
function topicKeys(table: string, m: V3Meta, titles: string[]): string[] {
  const topics = m.props.filter((p) => p.Type === 'Topic');
  return titles.map((t) => {
    const hits = topics.filter((p) => norm(p.Title) === norm(t));
    if (hits.length === 1) return String(hits[0].Key);
    const near = topics.map((p) => trim(p.Title)).filter((x) => x.toLowerCase().includes(t.toLowerCase().split(' ').pop()!));
    throw new FetchError(`${table}/DataProperties`, null, hits.length
      ? `${table}: ${hits.length} topics are titled "${t}" (${hits.map((p) => p.Key).join(', ')}); expected one`
      : `${table}: no topic titled "${t}"; related topics it has: ${some(near.length ? near : topics.map((p) => trim(p.Title)))}`);
  });
}

function kwbTarget(s: KwbSource, year: number): Target {
  const table = s.tables[year];
  return {
    id: `${s.id}/${year}`,
    source: s,
    dir: `${s.id}/${table}`,
    title: `${s.title} ${year}`,
    table,
    year,
    describe: (hosts) => {
      const { api, feed } = v3Urls(hosts, 'opendata', table);
      return [`${api}/{TableInfos,DataProperties,WijkenEnBuurten (gemeenten)}`, `${feed}/TypedDataSet  (paged; gemeente rows; topics ${s.topics.join(' / ')})`];
    },
    fetch: (ctx) => {
      const geoKey = (m: V3Meta) => {
        const geo = geoDim(m);
        if (!geo) throw new FetchError(`${table}/DataProperties`, null, `${table}: no region column (GeoDetail/GeoDimension) in DataProperties; is ${table} still "${s.title} ${year}"?`);
        return String(geo.Key);
      };
      return fetchV3(
        ctx,
        'opendata',
        table,
        {
          listFilter: (d) => (d.Type === 'GeoDetail' || d.Type === 'GeoDimension' ? "startswith(Key,'GM')" : undefined),
          filter: (m) => `startswith(${geoKey(m)},'GM')`,
          select: (m) => {
            const topics = m.props.filter((p) => p.Type === 'Topic');
            const keys = s.topics.map((t) => topics.find((p) => norm(p.Title) === norm(t))?.Key);
            const missing = s.topics.filter((_, i) => !keys[i]);
            if (missing.length) {
              const near = topics.map((p) => trim(p.Title)).filter((t) => /jeugd|inwoners|gemeente|regio/i.test(t));
              throw new FetchError(`${table}/DataProperties`, null, `${table}: no topic titled ${missing.map((t) => `"${t}"`).join(', ')}; related topics it has: ${some(near)}`);
            }
            return ['ID', geoKey(m), ...keys.map(String)];
          },
        },
        (m) => {
          // The edition's year is TableInfos Period (KWB has no Perioden): a wrong id in KWB_TABLES shows here.
          const period = trim(m.infos.Period);
          if (period !== String(year)) throw new FetchError(`${table}/TableInfos`, null, `${table}: TableInfos Period is "${period}" (${trim(m.infos.Title)}), not ${year}; check KWB_TABLES in src/fetch/sources.ts`);
          const geo = geoKey(m);
          const notGm = m.lists[geo].find((r) => !trim(r.Key).startsWith('GM'));
          if (notGm) throw new FetchError(`${table}/${geo}`, null, `${table}: ${geo} with $filter=startswith(Key,'GM') still lists ${JSON.stringify(notGm.Key)}`);
        },
      );
    },
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
      fetchV3(ctx, 'dataderden', table, {
        filter: (m) => {
          const dimKey = (re: RegExp, what: string) => {
            const d = m.dims.find((x) => re.test(String(x.Key)));
            if (!d) throw new FetchError(table, null, `${table}: no ${what} dimension (dimensions: ${m.dims.map((x) => x.Key).join(', ')}); is it still a raw Iv3 table?`);
            return String(d.Key);
          };
          const soort = dimKey(/^Verslagsoort$/, 'Verslagsoort');
          const cat = dimKey(/^Categorie$/, 'Categorie');
          const post = dimKey(/Balanspost$/, 'TaakveldBalanspost');
          const soorten = m.lists[soort].map((r) => String(r.Key)).filter((k) => s.verslagsoorten.some((v) => k.trim().endsWith(v)));
          if (!soorten.length) throw new FetchError(table, null, `${table}: no verslagsoort ending in ${s.verslagsoorten.join(' or ')} in ${soort}; it has ${some(m.lists[soort].map((r) => trim(r.Key)))}`);
          const wanted = taakvelden();
          const posts = m.lists[post].map((r) => String(r.Key)).filter((k) => wanted.has(k.trim()));
          if (!posts.length) throw new FetchError(table, null, `${table}: none of the youth-care taakvelden (${[...wanted].join(', ')}) is in ${post}`);
          return [anyOf(soort, soorten), startsWithAny(cat, s.categories), anyOf(post, posts)].join(' and ');
        },
      }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// OData v4 (datasets.cbs.nl): cbs_<id>_<part>.json + cbs_<id>_measurecodes.json (+ <dim>codes).

const v4Base = (hosts: Record<Host, string>, table: string) => `${hosts.datasets}${PATHS.datasets.v4}/${table}`;

interface V4Meta {
  properties: Row;
  modified: string | null;
  measures: EntitySet;
  dimIds: string[];
  codes: Record<string, EntitySet>;
}

/**
 * Properties, MeasureCodes and (optionally) every dimension's codes. datasets.cbs.nl answers an unknown
 * table id with empty results rather than a 404, so "no Properties and no measures" is an error naming the id.
 */
async function v4Meta(ctx: FetchContext, table: string, withDimensions: boolean): Promise<V4Meta> {
  const base = v4Base(ctx.hosts, table);
  ctx.progress('metadata', 0, 0);
  const properties = await getObject(ctx.http, `${base}/Properties`);
  const measures = await paged(ctx, `${base}/MeasureCodes`);
  const known = trim(properties.Identifier) || trim(properties.Title);
  if (!known || !measures.rows.length) {
    throw new FetchError(`${base}/Properties`, null, `${table}: datasets.cbs.nl answered with ${known ? 'no measures' : 'empty Properties'}${measures.rows.length ? '' : ' and no MeasureCodes'}; there is no table "${table}" (v4 answers an unknown id so, not with a 404): check the id in src/fetch/sources.ts`);
  }
  const codes: Record<string, EntitySet> = {};
  let dimIds: string[] = [];
  if (withDimensions) {
    const dimensions = await paged(ctx, `${base}/Dimensions`);
    dimIds = dimensions.rows.map((d) => trim(d.Identifier)).filter(Boolean);
    await Promise.all(dimIds.map(async (d) => (codes[d] = await paged(ctx, `${base}/${d}Codes`))));
  }
  return { properties, modified: str(properties.Modified), measures, dimIds, codes };
}

function measureIds(table: string, meta: V4Meta, matches: (title: string) => boolean, wanted: string): string[] {
  const ids = meta.measures.rows.filter((m) => matches(trim(m.Title))).map((m) => trim(m.Identifier));
  if (!ids.length) throw new FetchError(meta.measures.url, null, `${table}: no measure titled ${wanted}; MeasureCodes has ${some(meta.measures.rows.map((m) => trim(m.Title)))}`);
  return ids;
}

/** Gemeenten, jeugdregio's (where the table has them) and Nederland. */
function v4Regions(table: string, meta: V4Meta): string {
  const regio = meta.dimIds.find((d) => /^Regio/i.test(d));
  if (!regio) throw new FetchError(`${table}/Dimensions`, null, `${table}: no region dimension (dimensions: ${meta.dimIds.join(', ')})`);
  const ids = meta.codes[regio].rows.map((r) => trim(r.Identifier));
  if (!ids.includes(NL) || !ids.some((i) => i.startsWith('GM'))) throw new FetchError(meta.codes[regio].url, null, `${table}: ${regio}Codes has no NL01 or no GM… codes; it has ${some(ids)}`);
  const jz = ids.some((i) => i.startsWith('JZ'));
  return `(startswith(${regio},'GM')${jz ? ` or startswith(${regio},'JZ')` : ''} or ${regio} eq '${NL}')`;
}

/** Every other dimension at its "Totaal…" code; a dimension without one is an error. */
function v4Totals(table: string, meta: V4Meta, skip: (d: string) => boolean): string[] {
  const parts: string[] = [];
  for (const d of meta.dimIds) {
    if (skip(d)) continue;
    const rows = meta.codes[d].rows;
    const totals = rows.filter((r) => /^totaal/i.test(trim(r.Title))).map((r) => trim(r.Identifier));
    if (!totals.length) throw new FetchError(meta.codes[d].url, null, `${table}: no "Totaal…" code in ${d}Codes; it has ${some(rows.map((r) => `${trim(r.Identifier)} ${trim(r.Title)}`))}`);
    parts.push(anyOf(d, totals));
  }
  return parts;
}

/**
 * The observations of a filter, with their count asked first (`$count=true&$top=1`, as CBS's v4 answers it):
 * more rows than that stops the paging, and fewer at the end is an error too (a chain cut short). Without a
 * count in the answer, the table's ObservationCount bounds it.
 */
async function v4Observations(ctx: FetchContext, table: string, meta: V4Meta, filter: string, what: string): Promise<EntitySet> {
  const obsUrl = query(`${v4Base(ctx.hosts, table)}/Observations`, { filter });
  const counted = (await getObject(ctx.http, `${obsUrl}&$count=true&$top=1`))['@odata.count'];
  const count = typeof counted === 'number' && Number.isInteger(counted) && counted >= 0 ? counted : null;
  const total = Number(meta.properties.ObservationCount);
  const maxRows = count ?? (Number.isFinite(total) && total > 0 ? total : null);
  const obs = await paged(ctx, obsUrl, { store: ctx.store(obsUrl, meta.modified), maxRows, onPage: (r, p) => ctx.progress('Observations', r, p) });
  if (!obs.rows.length) throw new FetchError(obsUrl, null, `${table}: CBS returned no observations ${what}with $filter=${filter}`);
  if (count !== null && obs.rows.length !== count) throw new FetchError(obsUrl, null, `${table}: ${obs.rows.length} observations in ${obs.pages} pages, but CBS counts ${count} for this filter; the pages are incomplete`);
  return obs;
}

const v4File = (meta: V4Meta) => (name: string, set: EntitySet): OutFile => ({ name, bytes: enc(serialise(set)), url: set.url, rows: set.rows.length, modified: meta.modified });

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
      return [`${base}/{Properties,MeasureCodes,Dimensions,<each dimension>Codes}`, `${base}/Observations  (paged; ${year}JJ00, GM (+ JZ) + NL01, Leeftijd Totaal and 0–${s.maxAge} jaar, totals of the other dimensions)`];
    },
    async fetch(ctx) {
      const meta = await v4Meta(ctx, s.table, true);
      const period = `${year}JJ00`;
      const periodDim = meta.dimIds.find((d) => d === 'Perioden');
      if (!periodDim) throw new FetchError(`${s.table}/Dimensions`, null, `${s.table}: no Perioden dimension (dimensions: ${meta.dimIds.join(', ')})`);
      if (!meta.codes[periodDim].rows.some((r) => trim(r.Identifier) === period)) return { skip: `${s.table} has no ${year} yet` };
      const parts = [anyOf('Measure', measureIds(s.table, meta, (t) => s.measureTitle.test(t), String(s.measureTitle))), `Perioden eq ${lit(period)}`, v4Regions(s.table, meta)];
      const ageDim = meta.dimIds.find((d) => /^Leeftijd/i.test(d));
      if (!ageDim) throw new FetchError(`${s.table}/Dimensions`, null, `${s.table}: no Leeftijd dimension (dimensions: ${meta.dimIds.join(', ')})`);
      const ages = meta.codes[ageDim].rows;
      const wanted = ['Totaal', ...Array.from({ length: s.maxAge + 1 }, (_, a) => `${a} jaar`)];
      const found = wanted.map((w) => ages.find((r) => norm(r.Title) === norm(w)));
      const missing = wanted.filter((_, i) => !found[i]);
      if (missing.length) {
        throw new FetchError(meta.codes[ageDim].url, null, `${s.table}: ${ageDim}Codes has no ${missing.map((m) => `"${m}"`).join(', ')} (needed: "Totaal" and every single year 0–${s.maxAge}); it has ${some(ages.map((r) => `${trim(r.Identifier)} ${trim(r.Title)}`), 30)}`);
      }
      parts.push(anyOf(ageDim, found.map((r) => trim(r!.Identifier))));
      parts.push(...v4Totals(s.table, meta, (d) => d === periodDim || d === ageDim || /^Regio/i.test(d)));
      const obs = await v4Observations(ctx, s.table, meta, parts.join(' and '), `for ${year} `);
      const file = v4File(meta);
      return [file(`${prefix}_${year}.json`, obs), file(`${prefix}_measurecodes.json`, meta.measures), ...meta.dimIds.map((d) => file(`${prefix}_${d.toLowerCase()}codes.json`, meta.codes[d]))];
    },
  };
}

function v4SeriesTarget(s: V4SeriesSource): Target {
  const prefix = `cbs_${s.table.toLowerCase()}`;
  return {
    id: s.id,
    source: s,
    dir: s.id,
    title: s.title,
    table: s.table,
    year: null,
    describe: (hosts) => {
      const base = v4Base(hosts, s.table);
      return [`${base}/{Properties,MeasureCodes,Dimensions,<each dimension>Codes}`, `${base}/Observations  (paged; ${s.measureTitles.join(' / ')}; GM (+ JZ) + NL01; years ${s.years[0]}–${s.years[1]})`];
    },
    async fetch(ctx) {
      const meta = await v4Meta(ctx, s.table, true);
      const periodDim = meta.dimIds.find((d) => d === 'Perioden');
      if (!periodDim) throw new FetchError(`${s.table}/Dimensions`, null, `${s.table}: no Perioden dimension (dimensions: ${meta.dimIds.join(', ')})`);
      const periods = meta.codes[periodDim].rows.map((r) => trim(r.Identifier)).filter((p) => /^\d{4}JJ00$/.test(p) && Number(p.slice(0, 4)) >= s.years[0] && Number(p.slice(0, 4)) <= s.years[1]);
      if (!periods.length) throw new FetchError(meta.codes[periodDim].url, null, `${s.table}: no year ${s.years[0]}–${s.years[1]} in PeriodenCodes; it has ${some(meta.codes[periodDim].rows.map((r) => trim(r.Identifier)))}`);
      const ids = s.measureTitles.flatMap((t) => measureIds(s.table, meta, (title) => norm(title) === norm(t), `"${t}"`));
      const parts = [anyOf('Measure', ids), anyOf(periodDim, periods), v4Regions(s.table, meta), ...v4Totals(s.table, meta, (d) => d === periodDim || /^Regio/i.test(d))];
      const obs = await v4Observations(ctx, s.table, meta, parts.join(' and '), '');
      const file = v4File(meta);
      return [file(`${prefix}_${s.part}.json`, obs), file(`${prefix}_measurecodes.json`, meta.measures), ...meta.dimIds.map((d) => file(`${prefix}_${d.toLowerCase()}codes.json`, meta.codes[d]))];
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
      const meta = await v4Meta(ctx, table, false);
      const ids = meta.measures.rows
        .filter((m) => isGeographyMeasure({ key: trim(m.Identifier), title: trim(m.Title), description: str(m.Description) ?? undefined }))
        .map((m) => trim(m.Identifier));
      if (!ids.length) throw new FetchError(meta.measures.url, null, `${table}: no gemeente-name or jeugdregio measure in MeasureCodes; is ${table} still "Gebieden in Nederland ${year}"?`);
      const obs = await v4Observations(ctx, table, meta, `${anyOf('Measure', ids)} and startswith(RegioS,'GM')`, '');
      const file = v4File(meta);
      return [file(`cbs_gebieden_${year}.json`, obs), file('cbs_gebieden_measurecodes.json', meta.measures)];
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
