/**
 * A synthetic full world: every table the site reads, in the shapes CBS serves them (OData v3 bodies with
 * padded keys and TopicGroup rows; v4 Observations with Id/Measure/ValueAttribute/Value/StringValue and code
 * lists; dataderden raw Iv3), filled with invented figures for Nederland, all 42 jeugdregio's and every
 * gemeente of every year 2015–2024. The figures are seeded and deterministic: plausible growth, a level
 * break in 2021 (CBS counted more providers), a slower rise after the 2022 measures, a declining share with
 * verblijf. Structure (which gemeenten exist, their jeugdregio, herindelingen) is CBS's own (geography.ts);
 * code lists of 03759ned and 70072ned are read from the real captures.
 *
 * Every table says what it is: TableInfos, topic and measure descriptions carry SYNTHETIC_MARKER, which
 * build-data recognises (src/pipeline/synthetic.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { SYNTHETIC_MARKER } from '../../src/pipeline/synthetic.ts';
import { TILE_GRID } from '../../src/charts/kaart.ts';
import type { V3Table, V4Table } from '../fetch/helpers/fake-cbs.ts';
import { readGeography, type Gemeente, type Geography, type Row } from './geography.ts';
import { CAPTURE_03759, REAL_70072, worldAvailable } from './paths.ts';

export { worldAvailable };

export const WORLD_YEARS = Array.from({ length: 10 }, (_, i) => 2015 + i);
export const DEFAULT_SEED = 20260101;
const NOTE = `${SYNTHETIC_MARKER}: gegenereerd voor tests (tests/world), geen CBS-cijfers.`;

/** KWB ("Kerncijfers wijken en buurten") edition → table id. */
export const KWB_TABLES: Record<number, string> = {
  2015: '83220NED', 2016: '83487NED', 2017: '83765NED', 2018: '84286NED', 2019: '84583NED',
  2020: '84799NED', 2021: '85039NED', 2022: '85318NED', 2023: '85618NED', 2024: '85984NED',
};
/** Raw Iv3 per year on dataderden (the ids of src/pipeline/taakveld.ts IV3_TABLES, typed again on purpose). */
export const IV3_WORLD_TABLES: Record<number, string> = {
  2017: '45038NED', 2018: '45042NED', 2019: '45046NED', 2020: '45050NED', 2021: '45054NED',
  2022: '45059NED', 2023: '45063NED', 2024: '45067NED',
};

export interface World {
  seed: number;
  years: number[];
  v3: Record<string, V3Table>;
  /** Tables served by dataderden.cbs.nl (raw Iv3), by id. */
  dataderden: Set<string>;
  v4: Record<string, V4Table>;
  geo: Record<string, unknown>;
  geography: Geography;
}

// ------------------------------------------------------------------------------------- randomness

/** FNV-1a: a stable number per key, so a value does not depend on the order things are generated in. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function makeRandom(seed: number) {
  /** Uniform in (0, 1) for a key (mulberry32 of seed ⊕ hash). */
  const uniform = (key: string) => {
    let t = (seed ^ hash(key)) + 0x6d2b79f5;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967297;
  };
  const normal = (key: string) => Math.sqrt(-2 * Math.log(uniform(`${key}#a`))) * Math.cos(2 * Math.PI * uniform(`${key}#b`));
  /** A factor around 1: exp(sd · N(0, 1)). */
  const factor = (key: string, sd: number) => Math.exp(sd * normal(key));
  return { uniform, factor };
}

// ------------------------------------------------------------------------------------- the model

const FORMS = [
  { key: 'A045561', title: 'JZ Totaal jeugdzorg', f: 'jz' },
  { key: 'T001203', title: 'JZ Totaal jeugdzorg in natura', f: 'jzNatura' },
  { key: 'A045560', title: 'JH 1 Totaal jeugdhulp', f: 'jh' },
  { key: 'A042503', title: 'JH 2 Jeugdhulp zonder verblijf', f: 'zonder' },
  { key: 'A027918', title: 'JH 3 Jeugdhulp met verblijf', f: 'met' },
  { key: 'A041629', title: 'JH 3.1 Pleegzorg', f: 'pleeg' },
  { key: 'A041630', title: 'JH 3.2 Gezinsgericht', f: 'gezins' },
  { key: 'A041631', title: 'JH 3.3 Gesloten plaatsing', f: 'gesloten' },
  { key: 'A041632', title: 'JH 3.4 Overig verblijf', f: 'overig' },
  { key: 'A045565', title: 'JH 11 Jeugdhulp PGB', f: 'pgb' },
  { key: 'A027919', title: 'JB 1 Totaal jeugdbescherming', f: 'jb' },
  { key: 'A027920', title: 'JR 1 Totaal jeugdreclassering', f: 'jr' },
] as const;
type Form = (typeof FORMS)[number]['f'];
type Figures = Record<Form, number>;

/** National growth of the share of young people with jeugdhulp, index 2015 = 1. */
function useIndex(year: number): number {
  const pre = (y: number) => 1.035 ** (Math.min(y, 2020) - 2015);
  if (year <= 2020) return pre(year);
  // 2021: CBS counts more providers (a level break of +6 %); from 2022 the rise nearly stops.
  const y2021 = pre(2020) * 1.035 * 1.06;
  return year === 2021 ? y2021 : y2021 * 1.004 ** (year - 2021);
}

/** Share of jeugdhulp with verblijf, index 2015 = 1: falls faster than use grows (fewer young people with verblijf each year), faster still after 2022. */
const verblijfIndex = (year: number) => 0.95 ** (year - 2015) * (year >= 2022 ? 0.965 ** (year - 2021) : 1);

/** Cache a function of (gemeente, year): the tables ask for the same figures many times. */
function memo<T>(fn: (g: Gemeente, y: number) => T): (g: Gemeente, y: number) => T {
  const cache = new Map<string, T>();
  return (g, y) => {
    const k = `${g.code}|${y}`;
    let v = cache.get(k);
    if (v === undefined) cache.set(k, (v = fn(g, y)));
    return v;
  };
}

function model(seed: number, geo: Geography) {
  const r = makeRandom(seed);
  const latest = new Map<string, Gemeente>();
  for (const y of geo.years) for (const g of geo.gemeenten.get(y)!) latest.set(g.code, g);

  /** Inhabitants: Gebieden's size, moved by up to a few per cent, so no figure of the world is CBS's own. */
  const population = memo((g: Gemeente, y: number) => Math.round(g.inwoners * r.factor(`pop|${g.code}|${y}`, 0.012)));
  const youthShare = (code: string) => 0.262 * r.factor(`youth|${code}`, 0.07);
  /** Single ages 0–30 for a gemeente and year; the rest of the population is older. */
  const ages = memo((g: Gemeente, y: number): number[] => {
    const total = population(g, y);
    const young = total * youthShare(g.code) * (1 - 0.004 * (y - 2015));
    return Array.from({ length: 31 }, (_, a) => Math.max(0, Math.round((young / 23) * (a < 23 ? 1 : 1.05 - 0.01 * (a - 23)) * r.factor(`age|${g.code}|${y}|${a}`, 0.03))));
  });
  const figures = memo((g: Gemeente, y: number): Figures => {
    const young = ages(g, y).slice(0, 23).reduce((s, v) => s + v, 0);
    const jz = latest.get(g.code)?.jz ?? g.jz;
    const rate = 0.088 * r.factor(`use|${g.code}`, 0.15) * r.factor(`region|${jz}`, 0.08) * r.factor(`use|${g.code}|${y}`, 0.02);
    const jh = young * rate * useIndex(y);
    const met = jh * 0.105 * r.factor(`verblijf|${g.code}`, 0.18) * verblijfIndex(y);
    const gesloten = met * 0.055 * 0.93 ** (y - 2015) * r.factor(`gesloten|${g.code}|${y}`, 0.1);
    const pleeg = met * 0.47 * r.factor(`pleeg|${g.code}|${y}`, 0.04);
    const gezins = met * 0.12 * 1.02 ** (y - 2015) * r.factor(`gezins|${g.code}|${y}`, 0.06);
    const jb = young * 0.0105 * r.factor(`jb|${g.code}`, 0.2) * 0.985 ** (y - 2015);
    const jr = young * 0.0034 * r.factor(`jr|${g.code}`, 0.25) * 0.96 ** (y - 2015);
    const pgb = jh * 0.09 * r.factor(`pgb|${g.code}`, 0.2);
    const total = (jh + jb + jr) * 0.94;
    return {
      jz: total,
      jzNatura: total - pgb * 0.8,
      jh,
      zonder: jh - met * 0.8,
      met,
      pleeg,
      gezins,
      gesloten,
      overig: Math.max(0, met - pleeg - gezins - gesloten),
      pgb,
      jb,
      jr,
    };
  });
  /** Lasten individuele jeugdhulp and jeugdbescherming/-reclassering in € 1 000 (jaarrekening). */
  const costs = (g: Gemeente, y: number) => {
    const f = figures(g, y);
    const perUser = 9.5 * r.factor(`cost|${g.code}`, 0.15) * 1.045 ** (y - 2017) * (y >= 2022 ? 1.02 ** (y - 2021) : 1);
    return { jeugdhulp: f.jh * perUser, jbjr: (f.jb + f.jr) * 18 * r.factor(`costjb|${g.code}|${y}`, 0.1) };
  };
  return { r, population, ages, figures, costs, latest };
}

// ------------------------------------------------------------------------------------- v3 helpers

const pad = (s: string, n: number) => s.padEnd(n, ' ');
const round1 = (v: number) => Math.round(v * 10) / 10;

/** How TopicGroup rows look: CBS gives them an empty Key; 'named' (a stand-in key) is for fetchers that cannot take that yet. */
let topicGroupKeys: 'empty' | 'named' = 'empty';

function v3Props(dims: { key: string; title: string; type: string }[], groups: { title?: string; topics: { key: string; title: string; unit: string; datatype: string; decimals: number; description?: string }[] }[]): Row[] {
  const out: Row[] = [];
  let id = 0;
  for (const d of dims) {
    out.push({ 'odata.type': `Cbs.OData.${d.type}`, ID: id, Position: id, ParentID: null, Type: d.type, Key: d.key, Title: d.title, Description: '', MapYear: null, Datatype: null, Unit: null, Decimals: null, Default: null, PresentationType: null });
    id++;
  }
  for (const g of groups) {
    // CBS's TopicGroup rows have an empty Key (captures: 80137ned, 84799NED); raw Iv3 tables have none (45012NED).
    const parent = g.title ? id : null;
    if (g.title) {
      const key = topicGroupKeys === 'empty' ? '' : `Groep${id}`;
      out.push({ 'odata.type': 'Cbs.OData.TopicGroup', ID: id, Position: id, ParentID: null, Type: 'TopicGroup', Key: key, Title: g.title, Description: '', MapYear: null, Datatype: null, Unit: null, Decimals: null, Default: null, PresentationType: null });
      id++;
    }
    for (const t of g.topics) {
      out.push({
        'odata.type': 'Cbs.OData.Topic', ID: id, Position: id, ParentID: parent, Type: 'Topic', Key: t.key, Title: t.title,
        Description: `${t.description ?? ''}${t.description ? ' ' : ''}${NOTE}`, MapYear: null, Datatype: t.datatype, Unit: t.unit, Decimals: t.decimals,
        Default: 'Missing', PresentationType: t.unit === '%' ? 'Relative' : 'Absolute',
      });
      id++;
    }
  }
  return out;
}

const tableInfos = (id: string, title: string, period: string, modified = '2025-07-01T02:00:00'): Row => ({
  Updated: modified, ID: 1, Identifier: id, Title: title, ShortTitle: title, ShortDescription: NOTE, Summary: NOTE,
  Modified: modified, MetaDataModified: modified, ReasonDelivery: 'Actualisering', Frequency: 'Perjaar', Period: period,
  Language: 'nl', Catalog: 'CBS', OutputStatus: 'Regulier', Source: NOTE,
});

interface PeriodDef {
  key: string;
  title: string;
  status: string;
  year: number;
  half: 0 | 1 | 2;
}

function periods(years: number[], halfYears: boolean, extraHalf?: number): PeriodDef[] {
  const last = years[years.length - 1];
  const status = (y: number) => (y === last ? 'Voorlopig' : y === last - 1 ? 'Nader voorlopig' : 'Definitief');
  const mark = (y: number) => (y === last ? '*' : y === last - 1 ? '**' : '');
  const out: PeriodDef[] = [];
  for (const y of years) {
    out.push({ key: `${y}JJ00`, title: `${y}${mark(y)}`, status: status(y), year: y, half: 0 });
    if (halfYears) {
      out.push({ key: `${y}HJ01`, title: `1e halfjaar ${y}${mark(y)}`, status: status(y), year: y, half: 1 });
      out.push({ key: `${y}HJ02`, title: `2e halfjaar ${y}${mark(y)}`, status: status(y), year: y, half: 2 });
    }
  }
  if (extraHalf) out.push({ key: `${extraHalf}HJ01`, title: `1e halfjaar ${extraHalf}*`, status: 'Voorlopig', year: extraHalf, half: 1 });
  return out;
}

/** Every gemeente code of any year, every jeugdregio, the provinces (which fetch must filter out), NL. */
function regionList(geo: Geography) {
  const gm = new Map<string, string>();
  const jz = new Map<string, string>();
  const pv = new Set<string>();
  for (const y of geo.years) {
    for (const g of geo.gemeenten.get(y)!) {
      gm.set(g.code, g.name);
      jz.set(g.jz, g.jzName);
      pv.add(g.pv);
    }
  }
  return { gm, jz, pv: [...pv].sort() };
}

// ------------------------------------------------------------------------------------- youth-care tables

type Model = ReturnType<typeof model>;

/**
 * Figures per region code for a year: gemeenten of that year's indeling; a jeugdregio and Nederland count
 * each young person once (CBS's own totals), a little under the sum of their gemeenten.
 */
function youthFigures(m: Model, geo: Geography, year: number): Map<string, Figures> {
  const out = new Map<string, Figures>();
  const add = (code: string, f: Figures, share: number) => {
    const t = out.get(code) ?? (Object.fromEntries(FORMS.map((x) => [x.f, 0])) as Figures);
    for (const x of FORMS) t[x.f] += f[x.f] * share;
    out.set(code, t);
  };
  for (const g of geo.gemeenten.get(year)!) {
    const f = m.figures(g, year);
    out.set(g.code, f);
    add(g.jz, f, 0.99);
    add('NL01', f, 0.985);
  }
  return out;
}

/** CBS suppresses small cells in gemeente rows: null, never 0. */
const cell = (code: string, v: number | undefined, allowSmall = false) => {
  if (v === undefined) return null;
  const n = Math.round(v);
  return code.startsWith('GM') && !allowSmall && n < 10 ? null : n;
};

function jeugdzorgTable(id: string, title: string, m: Model, geo: Geography, years: number[], opts: { halfYears: boolean; extraHalf?: number; relative?: boolean }): V3Table {
  const regions = regionList(geo);
  const ps = periods(years, opts.halfYears, opts.extraHalf);
  const byYear = new Map(years.map((y) => [y, youthFigures(m, geo, y)]));
  const young = new Map<string, number>();
  for (const y of years) for (const g of geo.gemeenten.get(y)!) young.set(`${g.code}|${y}`, m.ages(g, y).slice(0, 23).reduce((s, v) => s + v, 0));
  const youngOf = (code: string, y: number) => young.get(`${code}|${y}`);
  const regionKeys = ['NL01', ...regions.pv, ...[...regions.jz.keys()].sort(), ...[...regions.gm.keys()].sort()];
  const rows: Row[] = [];
  let n = 0;
  for (const form of FORMS) {
    for (const region of regionKeys) {
      for (const p of ps) {
        const year = Math.min(p.year, years[years.length - 1]);
        let f = byYear.get(year)!.get(region)?.[form.f];
        if (region.startsWith('PV')) f = undefined; // provinces: in the table, not in the world
        if (f !== undefined && p.half) f *= (p.half === 1 ? 0.79 : 0.81) * m.r.factor(`half|${region}|${p.key}|${form.f}`, 0.01) * (p.year > year ? 1.004 : 1);
        const row: Row = { ID: n++, VormenVanJeugdzorg: form.key, RegioS: pad(region, 10), Perioden: p.key, JongerenMetJeugdzorg_1: cell(region, f) };
        if (opts.relative) {
          const young = region.startsWith('GM') ? youngOf(region, year) : undefined;
          row.JongerenMetJeugdzorgRelatief_2 = f !== undefined && young && !p.half && row.JongerenMetJeugdzorg_1 !== null ? round1((f / young) * 100) : null;
        }
        rows.push(row);
      }
    }
  }
  const topics = [{ key: 'JongerenMetJeugdzorg_1', title: 'Jongeren met jeugdzorg', unit: 'aantal', datatype: 'Long', decimals: 0, description: 'Jongeren tot 23 jaar met jeugdzorg in de periode.' }];
  if (opts.relative) topics.push({ key: 'JongerenMetJeugdzorgRelatief_2', title: 'Jongeren met jeugdzorg relatief', unit: '% van leeftijdsklasse', datatype: 'Double', decimals: 1, description: 'Als percentage van de jongeren tot 23 jaar.' });
  return {
    infos: tableInfos(id, title, `${years[0]}-${ps[ps.length - 1].year}`),
    props: v3Props(
      [
        { key: 'VormenVanJeugdzorg', title: 'Vormen van jeugdzorg', type: 'Dimension' },
        { key: 'RegioS', title: "Regio's", type: 'GeoDimension' },
        { key: 'Perioden', title: 'Perioden', type: 'TimeDimension' },
      ],
      [{ title: 'Jongeren met jeugdzorg', topics }],
    ),
    dims: {
      VormenVanJeugdzorg: FORMS.map((f) => ({ Key: f.key, Title: f.title, Description: null, CategoryGroupID: null })),
      RegioS: regionKeys.map((k) => ({ Key: pad(k, 10), Title: k === 'NL01' ? 'Nederland' : k.startsWith('PV') ? `${k} (PV)` : k.startsWith('JZ') ? `${regions.jz.get(k)} (JZ)` : regions.gm.get(k), Description: null, CategoryGroupID: null })),
      Perioden: ps.map((p) => ({ Key: p.key, Title: p.title, Description: p.status === 'Definitief' ? null : 'Voorlopige cijfers.', Status: p.status })),
    },
    rows,
  };
}

/** 85098NED: percentages per gemeente and Nederland (of young people under 18, CBS's denominator). */
function indicatorenTable(m: Model, geo: Geography, years: number[]): V3Table {
  const regions = regionList(geo);
  const ps = periods(years, true);
  const regionKeys = ['NL01', ...[...regions.gm.keys()].sort()];
  const topics = [
    { key: 'JongerenMetJeugdhulpInNatura_1', title: 'Jongeren met jeugdhulp in natura', f: 'jzNatura' as Form, share: 0.93 },
    { key: 'JongerenMetJeugdhMetVerblInNat_2', title: 'Jongeren met jeugdhulp met verblijf in natura', f: 'met' as Form, share: 0.97 },
    { key: 'JongerenMetJeugdbescherming_3', title: 'Jongeren met jeugdbescherming', f: 'jb' as Form, share: 1 },
    { key: 'JongerenMetJeugdreclassering_5', title: 'Jongeren met jeugdreclassering', f: 'jr' as Form, share: 1 },
  ];
  const rows: Row[] = [];
  let n = 0;
  for (const region of regionKeys) {
    for (const p of ps) {
      const list = geo.gemeenten.get(p.year)!;
      const members = region === 'NL01' ? list : list.filter((g) => g.code === region);
      const row: Row = { ID: n++, RegioS: pad(region, 10), Perioden: p.key };
      for (const t of topics) {
        if (!members.length) {
          row[t.key] = null;
          continue;
        }
        let num = 0;
        let den = 0;
        for (const g of members) {
          num += m.figures(g, p.year)[t.f] * t.share * (p.half ? 0.8 : 1);
          den += m.ages(g, p.year).slice(0, 18).reduce((s, v) => s + v, 0);
        }
        row[t.key] = round1((num / den) * 100);
      }
      rows.push(row);
    }
  }
  return {
    infos: tableInfos('85098NED', 'Indicatoren jeugdzorg in natura; gemeenten', `${years[0]}-${years[years.length - 1]}`),
    props: v3Props(
      [
        { key: 'RegioS', title: "Regio's", type: 'GeoDimension' },
        { key: 'Perioden', title: 'Perioden', type: 'TimeDimension' },
      ],
      [{ title: 'Jongeren met jeugdzorg in natura', topics: topics.map((t) => ({ key: t.key, title: t.title, unit: '%', datatype: 'Double', decimals: 1, description: 'Percentage van alle jongeren tot 18 jaar.' })) }],
    ),
    dims: {
      RegioS: regionKeys.map((k) => ({ Key: pad(k, 10), Title: k === 'NL01' ? 'Nederland' : regions.gm.get(k), Description: null, CategoryGroupID: null })),
      Perioden: ps.map((p) => ({ Key: p.key, Title: p.title, Description: null, Status: p.status })),
    },
    rows,
  };
}

/**
 * 85097NED "Jeugdhulptrajecten in natura; verwijzer, regio (gemeente)": trajectories per referrer. Titles of the
 * dimension, its categories and the first topic as CBS's StatLine page prints them; every Key here is a guess
 * (the real ones are not in any stored capture), so the fetcher and the pipeline must match on Title. Three
 * topics of the ≈ 60 CBS has, so that the fetch plan's $select has something to leave out. Counts are
 * rounded to 5 as CBS does; small gemeente cells are suppressed.
 */
const VERWIJZERS = [
  { key: 'T001070', title: 'Totaal verwijzer', share: 0 },
  { key: 'A028630', title: 'Gemeentelijke toegang', share: 0.31 },
  { key: 'A028631', title: 'Huisarts', share: 0.355 },
  { key: 'A028632', title: 'Jeugdarts', share: 0.03 },
  { key: 'A028633', title: 'Gecertificeerde instelling', share: 0.09 },
  { key: 'A028634', title: 'Medisch specialist', share: 0.046 },
  { key: 'A028635', title: 'Rechter, Officier van Justitie, ...', share: 0.0037 },
  { key: 'A028636', title: 'Geen verwijzer', share: 0.15 },
  { key: 'A028637', title: 'Verwijzer onbekend', share: 0.0153 },
] as const;

function verwijzerTable(m: Model, geo: Geography, years: number[]): V3Table {
  const regions = regionList(geo);
  const ps = periods(years, true);
  const regionKeys = ['NL01', ...regions.pv, ...[...regions.jz.keys()].sort(), ...[...regions.gm.keys()].sort()];
  // Trajectories per gemeente, year and referrer; after the 2022 measures a little less via the huisarts and
  // a little more via the gemeentelijke toegang (an invented effect, for the chart to show something).
  const perGemeente = (g: Gemeente, y: number) => {
    const total = m.figures(g, y).jzNatura * 1.45 * m.r.factor(`traj|${g.code}|${y}`, 0.03);
    const after = Math.max(0, y - 2021);
    const weights = VERWIJZERS.slice(1).map((v) => {
      let w = v.share * m.r.factor(`verw|${g.code}|${v.key}`, 0.2);
      if (v.title === 'Huisarts') w *= 0.97 ** after;
      if (v.title === 'Gemeentelijke toegang') w *= 1.03 ** after;
      return w;
    });
    const sum = weights.reduce((a, b) => a + b, 0);
    return weights.map((w) => (total * w) / sum);
  };
  const byYear = new Map<number, Map<string, number[]>>();
  for (const y of years) {
    const out = new Map<string, number[]>();
    const add = (code: string, v: number[]) => out.set(code, (out.get(code) ?? v.map(() => 0)).map((x, i) => x + v[i]));
    for (const g of geo.gemeenten.get(y)!) {
      const v = perGemeente(g, y);
      out.set(g.code, v);
      add(g.jz, v);
      add('NL01', v);
    }
    byYear.set(y, out);
  }
  const round5 = (code: string, v: number | undefined) => {
    if (v === undefined) return null;
    const n = Math.round(v / 5) * 5;
    return code.startsWith('GM') && n < 10 ? null : n;
  };
  const rows: Row[] = [];
  let n = 0;
  for (const [vi, v] of VERWIJZERS.entries()) {
    for (const region of regionKeys) {
      for (const p of ps) {
        const parts = region.startsWith('PV') ? undefined : byYear.get(p.year)!.get(region);
        let f = parts ? (vi === 0 ? parts.reduce((a, b) => a + b, 0) : parts[vi - 1]) : undefined;
        if (f !== undefined && p.half) f *= (p.half === 1 ? 0.8 : 0.82) * m.r.factor(`trajhalf|${region}|${p.key}|${v.key}`, 0.01);
        const total = round5(region, f);
        rows.push({
          ID: n++, VerwijzerJeugdzorg: v.key, RegioS: pad(region, 10), Perioden: p.key,
          TotaalJeugdhulptrajectenInNatura_1: total,
          TotaalBegonnenTrajecten_2: f === undefined ? null : round5(region, f * 0.46),
          TotaalJeugdhulpZonderVerblijf_12: f === undefined ? null : round5(region, f * 0.93),
        });
      }
    }
  }
  const topic = (key: string, title: string, description: string) => ({ key, title, unit: 'aantal', datatype: 'Long', decimals: 0, description });
  return {
    infos: tableInfos('85097NED', 'Jeugdhulptrajecten in natura; verwijzer, regio (gemeente)', `${years[0]}-${years[years.length - 1]}`),
    props: v3Props(
      [
        { key: 'VerwijzerJeugdzorg', title: 'Verwijzer jeugdzorg', type: 'Dimension' },
        { key: 'RegioS', title: "Regio's", type: 'GeoDimension' },
        { key: 'Perioden', title: 'Perioden', type: 'TimeDimension' },
      ],
      [
        { title: 'Totaal jeugdhulptrajecten in natura', topics: [
          topic('TotaalJeugdhulptrajectenInNatura_1', 'Totaal jeugdhulptrajecten in natura', 'Trajecten jeugdhulp in natura in de periode.'),
          topic('TotaalBegonnenTrajecten_2', 'Totaal begonnen trajecten', 'Trajecten die in de periode begonnen.'),
        ] },
        { title: 'Jeugdhulp zonder verblijf', topics: [topic('TotaalJeugdhulpZonderVerblijf_12', 'Totaal jeugdhulp zonder verblijf', 'Trajecten jeugdhulp zonder verblijf.')] },
      ],
    ),
    dims: {
      VerwijzerJeugdzorg: VERWIJZERS.map((v) => ({ Key: v.key, Title: v.title, Description: null, CategoryGroupID: null })),
      RegioS: regionKeys.map((k) => ({ Key: pad(k, 10), Title: k === 'NL01' ? 'Nederland' : k.startsWith('PV') ? `${k} (PV)` : k.startsWith('JZ') ? `${regions.jz.get(k)} (JZ)` : regions.gm.get(k), Description: null, CategoryGroupID: null })),
      Perioden: ps.map((p) => ({ Key: p.key, Title: p.title, Description: p.status === 'Definitief' ? null : 'Voorlopige cijfers.', Status: p.status })),
    },
    rows,
  };
}

/**
 * 85100NED "Jongeren met jeugdzorg; persoonskenmerken": young people with jeugdzorg by age group, sex, household
 * and (left out by the fetch plan) migration background, for two forms. Category titles for age and sex as
 * CBS's StatLine page prints them; the household titles are the wording of 84316NED (a guess for 85100NED) and
 * every Key is invented. Annual periods only, to keep the world small (the real table also has half-years).
 * The age shares move: 18–22-year-olds grow fastest, for the chart to show something.
 */
const KENMERKEN_WORLD = [
  { key: 'T009002', title: 'Totaal', share: (_y: number) => 1 },
  { key: '3000   ', title: 'Geslacht: mannen', share: (_y: number) => 0.54 },
  { key: '4000   ', title: 'Geslacht: vrouwen', share: (_y: number) => 0.46 },
  { key: '70100  ', title: 'Leeftijd: 0 tot 4 jaar', share: (y: number) => 0.07 - 0.001 * (y - 2015) },
  { key: '70200  ', title: 'Leeftijd: 4 tot 12 jaar', share: (y: number) => 0.43 - 0.004 * (y - 2015) },
  { key: '70300  ', title: 'Leeftijd: 12 tot 18 jaar', share: (_y: number) => 0.40 },
  { key: '70400  ', title: 'Leeftijd: 18 tot 23 jaar', share: (y: number) => 0.10 + 0.005 * (y - 2015) },
  { key: '2012655', title: 'Migratieachtergrond: Nederland', share: (_y: number) => 0.72 },
  { key: 'A049262', title: 'Thuiswonend kind in eenouderhuishouden', share: (_y: number) => 0.3 },
  { key: 'A049263', title: 'Thuiswonend kind bij een paar', share: (_y: number) => 0.6 },
  { key: 'A049264', title: 'Ander huishouden', share: (_y: number) => 0.1 },
];

function persoonskenmerkenTable(m: Model, geo: Geography, years: number[]): V3Table {
  const regions = regionList(geo);
  const ps = periods(years, false);
  const byYear = new Map(years.map((y) => [y, youthFigures(m, geo, y)]));
  const forms = FORMS.filter((f) => f.f === 'jz' || f.f === 'jh');
  const regionKeys = ['NL01', ...regions.pv, ...[...regions.jz.keys()].sort(), ...[...regions.gm.keys()].sort()];
  const rows: Row[] = [];
  let n = 0;
  for (const k of KENMERKEN_WORLD) {
    for (const form of forms) {
      for (const region of regionKeys) {
        for (const p of ps) {
          const f = region.startsWith('PV') ? undefined : byYear.get(p.year)!.get(region)?.[form.f];
          const v = f === undefined ? undefined : k.title === 'Totaal' ? f : f * k.share(p.year) * m.r.factor(`kenmerk|${region}|${p.key}|${k.key}`, 0.02);
          const c = v === undefined ? null : Math.round(v / 5) * 5;
          rows.push({ ID: n++, Persoonskenmerken: k.key, VormenVanJeugdzorg: form.key, RegioS: pad(region, 10), Perioden: p.key, TotaalJongerenMetJeugdzorg_1: region.startsWith('GM') && c !== null && c < 10 ? null : c });
        }
      }
    }
  }
  return {
    infos: tableInfos('85100NED', 'Jongeren met jeugdzorg; persoonskenmerken', `${years[0]}-${years[years.length - 1]}`),
    props: v3Props(
      [
        { key: 'Persoonskenmerken', title: 'Persoonskenmerken', type: 'Dimension' },
        { key: 'VormenVanJeugdzorg', title: 'Vormen van jeugdzorg', type: 'Dimension' },
        { key: 'RegioS', title: "Regio's", type: 'GeoDimension' },
        { key: 'Perioden', title: 'Perioden', type: 'TimeDimension' },
      ],
      [{ topics: [{ key: 'TotaalJongerenMetJeugdzorg_1', title: 'Totaal jongeren met jeugdzorg', unit: 'aantal', datatype: 'Long', decimals: 0, description: 'Jongeren tot 23 jaar met jeugdzorg in de periode.' }] }],
    ),
    dims: {
      Persoonskenmerken: KENMERKEN_WORLD.map((k) => ({ Key: k.key, Title: k.title, Description: null, CategoryGroupID: null })),
      VormenVanJeugdzorg: forms.map((f) => ({ Key: f.key, Title: f.title, Description: null, CategoryGroupID: null })),
      RegioS: regionKeys.map((k) => ({ Key: pad(k, 10), Title: k === 'NL01' ? 'Nederland' : k.startsWith('PV') ? `${k} (PV)` : k.startsWith('JZ') ? `${regions.jz.get(k)} (JZ)` : regions.gm.get(k), Description: null, CategoryGroupID: null })),
      Perioden: ps.map((p) => ({ Key: p.key, Title: p.title, Description: p.status === 'Definitief' ? null : 'Voorlopige cijfers.', Status: p.status })),
    },
    rows,
  };
}

/**
 * 83454NED "Gemeentelijke kosten; jeugdzorg, regio": budgeted and realised costs in € 1 000 per form, for
 * gemeenten, jeugdregio's and Nederland (regional rows the sums of their gemeenten). Topic and form titles as the
 * StatLine page prints them ("Begrote kosten (1 000 euro)", "JZ Totaal jeugdzorg", "JH 1 Totaal jeugdhulp" …);
 * keys invented. Some gemeenten report no budget ("." on the page): null here too.
 */
function kostenTable(m: Model, geo: Geography, years: number[]): V3Table {
  const regions = regionList(geo);
  const ps = periods(years, false);
  const forms = [
    { key: 'T001389', title: 'JZ Totaal jeugdzorg', f: (c: { jeugdhulp: number; jbjr: number }) => c.jeugdhulp + c.jbjr },
    { key: 'A045560', title: 'JH 1 Totaal jeugdhulp', f: (c: { jeugdhulp: number; jbjr: number }) => c.jeugdhulp },
    { key: 'A027919', title: 'JB 1 Totaal jeugdbescherming', f: (c: { jeugdhulp: number; jbjr: number }) => c.jbjr * 0.8 },
    { key: 'A027920', title: 'JR 1 Totaal jeugdreclassering', f: (c: { jeugdhulp: number; jbjr: number }) => c.jbjr * 0.2 },
  ];
  const regionKeys = ['NL01', ...[...regions.jz.keys()].sort(), ...[...regions.gm.keys()].sort()];
  const rows: Row[] = [];
  let n = 0;
  const sums = new Map<string, [number, number]>();
  const cellsOf = (form: (typeof forms)[number], y: number) => {
    const out = new Map<string, [number | null, number]>();
    sums.clear();
    for (const g of geo.gemeenten.get(y)!) {
      const real = form.f(m.costs(g, y)) * 0.97;
      const budget = real * 0.96 * m.r.factor(`begroot|${g.code}|${y}|${form.key}`, 0.04);
      const missing = m.r.uniform(`begroot-leeg|${g.code}|${y}`) < 0.05;
      out.set(g.code, [missing ? null : budget, real]);
      for (const k of [g.jz, 'NL01']) {
        const t = sums.get(k) ?? [0, 0];
        sums.set(k, [t[0] + budget, t[1] + real]);
      }
    }
    for (const [k, v] of sums) out.set(k, v);
    return out;
  };
  for (const form of forms) {
    for (const p of ps) {
      const cells = cellsOf(form, p.year);
      for (const region of regionKeys) {
        const c = cells.get(region);
        rows.push({ ID: n++, VormenVanJeugdzorg: form.key, Regio: pad(region, 10), Perioden: p.key,
          BegroteKosten_1: c?.[0] == null ? null : Math.round(c[0]), GerealiseerdeKosten_2: c ? Math.round(c[1]) : null });
      }
    }
  }
  const topic = (key: string, title: string) => ({ key, title, unit: '1 000 euro', datatype: 'Long', decimals: 0, description: `${title} van jeugdzorg.` });
  return {
    infos: tableInfos('83454NED', 'Gemeentelijke kosten; jeugdzorg, regio', `${years[0]}-${years[years.length - 1]}`),
    props: v3Props(
      [
        { key: 'VormenVanJeugdzorg', title: 'Vormen van jeugdzorg', type: 'Dimension' },
        { key: 'Perioden', title: 'Perioden', type: 'TimeDimension' },
        { key: 'Regio', title: 'Regio', type: 'GeoDimension' },
      ],
      [{ topics: [topic('BegroteKosten_1', 'Begrote kosten'), topic('GerealiseerdeKosten_2', 'Gerealiseerde kosten')] }],
    ),
    dims: {
      VormenVanJeugdzorg: forms.map((f) => ({ Key: f.key, Title: f.title, Description: null, CategoryGroupID: null })),
      Perioden: ps.map((p) => ({ Key: p.key, Title: p.title, Description: p.status === 'Definitief' ? null : 'Voorlopige cijfers.', Status: p.status })),
      Regio: regionKeys.map((k) => ({ Key: pad(k, 10), Title: k === 'NL01' ? 'Nederland' : k.startsWith('JZ') ? `${regions.jz.get(k)} (JZ)` : regions.gm.get(k), Description: null, CategoryGroupID: null })),
    },
    rows,
  };
}

/** One KWB edition: gemeenten of that year plus a few wijken and buurten, GeoDetail region, no Perioden. */
function kwbTable(id: string, year: number, m: Model, geo: Geography): V3Table {
  const list = geo.gemeenten.get(year)!;
  // Topic suffixes change every edition (…_84, …_88, …); titles carry CBS's trailing space.
  const s = 80 + (year - 2015);
  const count = `JongerenMetJeugdzorgInNatura_${s}`;
  const pct = `PercentageJongerenMetJeugdzorg_${s + 1}`;
  const rows: Row[] = [];
  const regions: Row[] = [];
  let n = 0;
  const push = (key: string, title: string, gm: Gemeente, soort: string, share: number) => {
    regions.push({ Key: pad(key, 10), Title: title, Description: `${soort} '${title}' (${key})`, Municipality: gm.code, DetailRegionCode: key });
    const f = m.figures(gm, year);
    const young = m.ages(gm, year).slice(0, 23).reduce((a, v) => a + v, 0);
    const c = f.jzNatura * share;
    rows.push({
      ID: n++, WijkenEnBuurten: pad(key, 10), Gemeentenaam_1: pad(gm.name, 40), SoortRegio_2: pad(soort, 10), Codering_3: pad(key, 10),
      AantalInwoners_5: Math.round(m.population(gm, year) * share), WmoClienten_77: Math.round(m.population(gm, year) * share * 0.055),
      [count]: soort === 'Gemeente' ? Math.round(c / 5) * 5 : null,
      [pct]: soort === 'Buurt' ? null : round1((c / young) * 100),
    });
  };
  for (const g of list) {
    push(g.code, g.name, g, 'Gemeente', 1);
    if (g === list[0] || g === list[1]) {
      push(`WK${g.code.slice(2)}00`, `Wijk 00 ${g.name}`, g, 'Wijk', 0.4);
      push(`BU${g.code.slice(2)}0000`, `Centrum ${g.name}`, g, 'Buurt', 0.1);
    }
  }
  const topic = (key: string, title: string, unit: string, datatype: string, decimals = 0, description?: string) => ({ key, title, unit, datatype, decimals, description });
  return {
    infos: { ...tableInfos(id, `Kerncijfers wijken en buurten ${year}`, String(year)), Period: String(year) },
    props: v3Props(
      [{ key: 'WijkenEnBuurten', title: 'Wijken en buurten', type: 'GeoDetail' }],
      [
        { title: 'Regioaanduiding', topics: [topic('Gemeentenaam_1', 'Gemeentenaam', 'naam', 'String'), topic('SoortRegio_2', 'Soort regio', 'omschrijving', 'String'), topic('Codering_3', 'Codering', 'code', 'String')] },
        { title: 'Bevolking', topics: [topic('AantalInwoners_5', 'Aantal inwoners', 'aantal', 'Long')] },
        {
          title: 'Zorg',
          topics: [
            topic(count, 'Jongeren met jeugdzorg in natura ', 'aantal', 'Long', 0, 'Aantal personen tot 23 jaar met jeugdhulp, jeugdbescherming of jeugdreclassering in natura.'),
            topic(pct, 'Percentage jongeren met jeugdzorg ', '%', 'Double', 1, 'Percentage van personen tot 23 jaar die op enig moment in de verslagperiode gebruik gemaakt hebben van jeugdhulp, jeugdbescherming of jeugdreclassering.'),
            topic('WmoClienten_77', 'Wmo-cliënten ', 'aantal', 'Long'),
          ],
        },
      ],
    ),
    dims: { WijkenEnBuurten: regions },
    rows,
  };
}

// ------------------------------------------------------------------------------------- raw Iv3

/** Iv3 taakvelden per regime with the share of the jeugdhulp lasten each carries. */
function iv3Posts(year: number): { post: string; share: number; kind: 'jh' | 'jbjr' | 'other' | 'old' }[] {
  const common = [
    { post: '6.1', share: 0, kind: 'other' as const },
    { post: '6.2', share: 0, kind: 'other' as const },
    { post: '6.71', share: 0, kind: 'other' as const },
    { post: 'A1.1', share: 0, kind: 'other' as const },
  ];
  if (year <= 2022) return [...common, { post: '6.72', share: 1, kind: 'jh' }, { post: '6.82', share: 1, kind: 'jbjr' }];
  const jh: [string, number][] = [
    ['6.72a', 0.25], ['6.72b', 0.2], ['6.72c', 0.03], ['6.72d', 0.02], ['6.73a', 0.09], ['6.73b', 0.08], ['6.73c', 0.1], ['6.74a', 0.12], ['6.74b', 0.05], ['6.74c', 0.06],
  ];
  // The old parents still appear in 2023–2024 with (near) zero amounts.
  return [...common, { post: '6.72', share: 0, kind: 'old' }, { post: '6.82', share: 0, kind: 'old' }, ...jh.map(([post, share]) => ({ post, share, kind: 'jh' as const })), { post: '6.82a', share: 0.7, kind: 'jbjr' }, { post: '6.82b', share: 0.3, kind: 'jbjr' }];
}

function iv3Table(id: string, year: number, m: Model, geo: Geography): V3Table {
  const list = geo.gemeenten.get(year)!;
  const soorten = [
    { key: `${year}X000`, title: 'Begroting', factor: 0.93 },
    { key: `${year}X001`, title: '1ste kwartaal', factor: 0.25 },
    { key: `${year}X005`, title: 'Jaarrekening', factor: 1 },
  ];
  const cats = [
    { key: 'L1.1', title: 'L1.1 Salarissen en sociale lasten', share: 0.08 },
    { key: 'L3.4.2', title: 'L3.4.2 Overige goederen en diensten', share: 0.87 },
    { key: 'L4.3.1', title: 'L4.3.1 Inkomensoverdrachten aan huishoudens', share: 0.05 },
    { key: 'B3.4.2', title: 'B3.4.2 Overige goederen en diensten', share: 0.02 },
    { key: 'A1.1', title: 'A1.1 Immateriële vaste activa', share: 0.5 },
  ];
  const posts = iv3Posts(year);
  const rows: Row[] = [];
  let n = 0;
  for (const g of list) {
    const c = m.costs(g, year);
    for (const s of soorten) {
      for (const cat of cats) {
        for (const p of posts) {
          const base = p.kind === 'jh' ? c.jeugdhulp : p.kind === 'jbjr' ? c.jbjr : p.kind === 'old' ? 0 : 0.02 * c.jeugdhulp;
          const v = base * (p.kind === 'other' ? 1 : p.share) * cat.share * s.factor * m.r.factor(`iv3|${g.code}|${year}|${s.key}|${cat.key}|${p.post}`, 0.02);
          const second = Math.round(v * 1000) / 1000;
          rows.push({ ID: n++, Gemeenten: pad(g.code, 9), Verslagsoort: s.key, Categorie: pad(cat.key, 8), TaakveldBalanspost: pad(p.post, 6), k_1ePlaatsing_1: Math.round(second * 0.98 * 1000) / 1000, k_2ePlaatsing_2: second });
        }
      }
    }
  }
  return {
    infos: tableInfos(id, `Gemeenten ${year} onbewerkte Iv3-data`, String(year)),
    props: v3Props(
      [
        { key: 'TaakveldBalanspost', title: 'Taakveld/Balanspost', type: 'Dimension' },
        { key: 'Categorie', title: 'Categorie', type: 'Dimension' },
        { key: 'Gemeenten', title: 'Gemeenten', type: 'GeoDimension' },
        { key: 'Verslagsoort', title: 'Verslagsoort', type: 'Dimension' },
      ],
      [{ topics: [
        { key: 'k_1ePlaatsing_1', title: '1e plaatsing', unit: '1 000 euro', datatype: 'Double', decimals: 3 },
        { key: 'k_2ePlaatsing_2', title: '2e plaatsing', unit: '1 000 euro', datatype: 'Double', decimals: 3 },
      ] }],
    ),
    dims: {
      TaakveldBalanspost: posts.map((p) => ({ Key: pad(p.post, 6), Title: p.post, Description: null, CategoryGroupID: null })),
      Categorie: cats.map((c) => ({ Key: pad(c.key, 8), Title: c.title, Description: null, CategoryGroupID: null })),
      Gemeenten: list.map((g) => ({ Key: pad(g.code, 9), Title: `${g.name} (gemeente)`, Description: null, CategoryGroupID: null })),
      Verslagsoort: soorten.map((s) => ({ Key: s.key, Title: s.title, Description: null, CategoryGroupID: null })),
    },
    rows,
  };
}

// ------------------------------------------------------------------------------------- v4 population

const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
const values = (p: string): Row[] => readJson(p).value;
const marked = (measures: Row[]) => measures.map((m) => ({ ...m, Description: `${String(m.Description ?? '').trimEnd()}\r\n${NOTE}` }));

function population03759(m: Model, geo: Geography, years: number[]): V4Table {
  const c = CAPTURE_03759;
  const ageCodes = values(join(c, 'codes-Leeftijd.json'));
  const single = new Map<number, string>();
  for (const a of ageCodes) {
    const t = /^(\d+) jaar$/.exec(String(a.Title).trim());
    if (t) single.set(Number(t[1]), String(a.Identifier));
  }
  const regionCodes = values(join(c, 'codes-RegioS.json'));
  const known = new Set(regionCodes.map((r) => String(r.Identifier)));
  const all = regionList(geo);
  for (const code of all.gm.keys()) if (!known.has(code)) throw new Error(`03759ned RegioSCodes (capture) has no ${code}`);
  const observations: Row[] = [];
  let id = 0;
  const obs = (measure: string, value: number | null, dims: Row) =>
    observations.push({ Id: id++, Measure: measure, ValueAttribute: value === null ? 'Impossible' : 'None', Value: value, StringValue: null, BurgerlijkeStaat: 'T001019', ...dims });
  for (const y of years) {
    const period = `${y}JJ00`;
    const list = geo.gemeenten.get(y)!;
    const exists = new Set(list.map((g) => g.code));
    const nl = new Array(31).fill(0);
    let nlTotal = 0;
    const perPv = new Map<string, number>();
    for (const g of list) {
      const ages = m.ages(g, y);
      const total = m.population(g, y);
      ages.forEach((v, a) => (nl[a] += v));
      nlTotal += total;
      perPv.set(g.pv, (perPv.get(g.pv) ?? 0) + total);
      obs('M000352', total, { Geslacht: 'T001038', Leeftijd: '10000', RegioS: g.code, Perioden: period });
      // "Gemiddelde bevolking" exists for years that have a next 1 January: the newest year has none.
      obs('M000365', y === years[years.length - 1] ? null : total, { Geslacht: 'T001038', Leeftijd: '10000', RegioS: g.code, Perioden: period });
      ages.forEach((v, a) => obs('M000352', v, { Geslacht: 'T001038', Leeftijd: single.get(a)!, RegioS: g.code, Perioden: period }));
    }
    // Codes of gemeenten that do not exist this year: rows without a value, as CBS serves them.
    for (const code of all.gm.keys()) {
      if (exists.has(code)) continue;
      obs('M000352', null, { Geslacht: 'T001038', Leeftijd: '10000', RegioS: code, Perioden: period });
      for (let a = 0; a <= 22; a++) obs('M000352', null, { Geslacht: 'T001038', Leeftijd: single.get(a)!, RegioS: code, Perioden: period });
    }
    for (const [pv, v] of perPv) obs('M000352', v, { Geslacht: 'T001038', Leeftijd: '10000', RegioS: pv, Perioden: period });
    obs('M000352', nlTotal, { Geslacht: 'T001038', Leeftijd: '10000', RegioS: 'NL01', Perioden: period });
    nl.forEach((v, a) => {
      obs('M000352', v, { Geslacht: 'T001038', Leeftijd: single.get(a)!, RegioS: 'NL01', Perioden: period });
      // Men and women: only for Nederland, enough to show that fetch asks for the totals.
      const men = Math.round(v * 0.512);
      obs('M000352', men, { Geslacht: '3000', Leeftijd: single.get(a)!, RegioS: 'NL01', Perioden: period });
      obs('M000352', v - men, { Geslacht: '4000', Leeftijd: single.get(a)!, RegioS: 'NL01', Perioden: period });
    });
  }
  const props = readJson(join(c, 'properties.json'));
  delete props['@odata.context'];
  return {
    properties: { ...props, Description: `${NOTE}\r\n\r\n${props.Description}`, ObservationCount: observations.length },
    measures: marked(values(join(c, 'measure-codes.json'))),
    dimensions: values(join(c, 'dimensions.json')),
    codes: {
      BurgerlijkeStaat: values(join(c, 'codes-BurgerlijkeStaat.json')),
      Geslacht: values(join(c, 'codes-Geslacht.json')),
      Leeftijd: ageCodes,
      RegioS: regionCodes,
      Perioden: values(join(c, 'codes-Perioden.json')),
    },
    observations,
  };
}

async function population70072(m: Model, geo: Geography, years: number[]): Promise<V4Table> {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const rows = async (file: string) => (await con.runAndReadAll(`SELECT * FROM '${join(REAL_70072, file)}'`)).getRowObjectsJS() as Row[];
  const num = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v));
  const measures = (await rows('cbs_70072ned_measurecodes.parquet')).map((r) => ({ ...r, Index: num(r.Index), Decimals: num(r.Decimals) })).sort((a, b) => Number(a.Index) - Number(b.Index));
  // Status null: the real 70072ned PeriodenCodes carry no status (issue 10, §6).
  const periodCodes = (await rows('cbs_70072ned_periodencodes.parquet')).map((r) => ({ ...r, Index: num(r.Index) })).sort((a, b) => Number(a.Index) - Number(b.Index));
  const regionCodes = (await rows('cbs_70072ned_regiocodes.parquet')).map((r) => ({ ...r, Index: num(r.Index) })).sort((a, b) => Number(a.Index) - Number(b.Index));
  con.closeSync();
  const all = regionList(geo);
  const observations: Row[] = [];
  let id = 0;
  const last = years[years.length - 1];
  const periodKeys = [...years.map((y) => `${y}JJ00`), `${last + 1}JJ00`];
  for (const code of [...all.gm.keys()].sort()) {
    for (const p of periodKeys) {
      const y = Number(p.slice(0, 4));
      const g = geo.gemeenten.get(y)?.find((x) => x.code === code);
      const v = g ? m.population(g, y) : null;
      // Every code for every period; empty where the gemeente did not exist (or the year is not out yet).
      observations.push({ Id: id++, Measure: 'M000352_3', ValueAttribute: v === null ? 'Impossible' : 'None', Value: v, StringValue: null, RegioS: code, Perioden: p });
      observations.push({ Id: id++, Measure: 'M000330_1', ValueAttribute: v === null ? 'Impossible' : 'None', Value: v === null ? null : Math.round(v * 0.49), StringValue: null, RegioS: code, Perioden: p });
    }
  }
  for (const y of years) {
    const total = geo.gemeenten.get(y)!.reduce((s, g) => s + m.population(g, y), 0);
    observations.push({ Id: id++, Measure: 'M000352_3', ValueAttribute: 'None', Value: total, StringValue: null, RegioS: 'NL01', Perioden: `${y}JJ00` });
  }
  return {
    properties: { Identifier: '70072ned', Title: 'Regionale kerncijfers Nederland', Description: NOTE, Modified: '2025-10-01T00:00:00+02:00', ObservationCount: observations.length },
    measures: marked(measures),
    dimensions: [
      { Identifier: 'RegioS', Title: "Regio's", Description: '', Kind: 'GeoDimension', ContainsGroups: true, ContainsCodes: true },
      { Identifier: 'Perioden', Title: 'Perioden', Description: '', Kind: 'TimeDimension', ContainsGroups: false, ContainsCodes: true },
    ],
    codes: { RegioS: regionCodes, Perioden: periodCodes },
    observations,
  };
}

function gebiedenTables(geo: Geography, years: number[]): Record<string, V4Table> {
  const out: Record<string, V4Table> = {};
  for (const y of years) {
    const id = GEBIEDEN_IDS[y];
    const obs = geo.observations.get(y)!;
    out[id] = {
      properties: { Identifier: id, Title: `Gebieden in Nederland ${y}`, Description: `Indeling op 1 januari ${y} (CBS, ongewijzigd). ${NOTE}`, Modified: `${y}-03-01T00:00:00+01:00`, ObservationCount: obs.length },
      measures: marked(geo.measures),
      dimensions: [{ Identifier: 'RegioS', Title: "Regio's", Description: '', Kind: 'GeoDimension', ContainsGroups: false, ContainsCodes: true }],
      codes: { RegioS: geo.gemeenten.get(y)!.map((g, i) => ({ Identifier: g.code, Index: i + 1, Title: g.name, Description: '', DimensionGroupId: null })) },
      observations: obs,
    };
  }
  return out;
}

/** "Gebieden in Nederland <year>" table ids (src/fetch/sources.ts GEBIEDEN_TABLES, typed again on purpose). */
export const GEBIEDEN_IDS: Record<number, string> = {
  2015: '82949NED', 2016: '83287NED', 2017: '83553NED', 2018: '83859NED', 2019: '84378NED', 2020: '84721NED',
  2021: '84929NED', 2022: '85067NED', 2023: '85385NED', 2024: '85755NED',
};

// ------------------------------------------------------------------------------------- boundaries

/**
 * Invented outlines in cartomap's shape: each jeugdregio a square at its place in the tile grid, its
 * gemeenten strips of that square. Not the real map; enough for the map to be drawn from outlines.
 */
function boundaries(geo: Geography, years: number[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const square = (col: number, row: number) => ({ x: 3.4 + col * 0.36, y: 53.55 - row * 0.26, w: 0.34, h: 0.24 });
  // Clockwise, as d3-geo (and so Plot) wants an outer ring: the other way round a square is the whole globe but it.
  const ring = (x0: number, y0: number, x1: number, y1: number) => [[x0, y0], [x0, y1], [x1, y1], [x1, y0], [x0, y0]].map(([x, y]) => [Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4]);
  for (const y of years) {
    const list = geo.gemeenten.get(y)!;
    const regions = [...new Set(list.map((g) => g.jz))].sort();
    const jzFeatures: unknown[] = [];
    const gmFeatures: unknown[] = [];
    for (const jz of regions) {
      const pos = TILE_GRID[jz];
      if (!pos) continue;
      const s = square(pos[0], pos[1]);
      const name = list.find((g) => g.jz === jz)!.jzName;
      jzFeatures.push({ type: 'Feature', id: jz, properties: { statcode: jz, statnaam: name, jrstatcode: `${y}${jz}`, rubriek: 'jeugdregio', id: jz }, geometry: { type: 'Polygon', coordinates: [ring(s.x, s.y - s.h, s.x + s.w, s.y)] } });
      const members = list.filter((g) => g.jz === jz);
      members.forEach((g, i) => {
        const x0 = s.x + (s.w * i) / members.length;
        const x1 = s.x + (s.w * (i + 1)) / members.length;
        gmFeatures.push({ type: 'Feature', id: g.code, properties: { statcode: g.code, statnaam: g.name, jrstatcode: `${y}${g.code}`, rubriek: 'gemeente', id: g.code }, geometry: { type: 'Polygon', coordinates: [ring(x0, s.y - s.h, x1, s.y)] } });
      });
    }
    const fc = (features: unknown[]) => ({ type: 'FeatureCollection', name: NOTE, crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }, features });
    out[`jeugdregio_${y}`] = fc(jzFeatures);
    out[`gemeente_${y}`] = fc(gmFeatures);
  }
  return out;
}

// ------------------------------------------------------------------------------------- the world

export interface WorldOptions {
  seed?: number;
  years?: number[];
  /** See topicGroupKeys. */
  topicGroupKeys?: 'empty' | 'named';
}

export async function generateWorld(opts: WorldOptions = {}): Promise<World> {
  const { seed = DEFAULT_SEED, years = WORLD_YEARS } = opts;
  topicGroupKeys = opts.topicGroupKeys ?? 'empty';
  const why = worldAvailable();
  if (why) throw new Error(why);
  const geo = await readGeography(years);
  const m = model(seed, geo);
  const v3: Record<string, V3Table> = {};
  // 84134NED stopped after 2020; 85099NED repeats its figures and goes on.
  const until2020 = years.filter((y) => y <= 2020);
  if (until2020.length) v3['84134NED'] = jeugdzorgTable('84134NED', 'Kerncijfers over jeugdzorg', m, geo, until2020, { halfYears: true, relative: true });
  Object.assign(v3, {
    '85099NED': jeugdzorgTable('85099NED', 'Jongeren met jeugdzorg; regio', m, geo, years, { halfYears: true, extraHalf: years[years.length - 1] + 1 }),
    '85098NED': indicatorenTable(m, geo, years),
    '85097NED': verwijzerTable(m, geo, years),
    '85100NED': persoonskenmerkenTable(m, geo, years),
    '83454NED': kostenTable(m, geo, years),
  });
  for (const y of years) if (KWB_TABLES[y]) v3[KWB_TABLES[y]] = kwbTable(KWB_TABLES[y], y, m, geo);
  const dataderden = new Set<string>();
  for (const y of years) {
    const id = IV3_WORLD_TABLES[y];
    if (!id) continue;
    v3[id] = iv3Table(id, y, m, geo);
    dataderden.add(id);
  }
  const v4: Record<string, V4Table> = {
    '03759ned': population03759(m, geo, years),
    '70072ned': await population70072(m, geo, years),
    ...gebiedenTables(geo, years),
  };
  return { seed, years, v3, dataderden, v4, geo: boundaries(geo, years), geography: geo };
}

/** Rows per served table (the report's "rows per table served"). */
export function rowCounts(w: World): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, t] of Object.entries(w.v3)) out[id] = t.rows.length;
  for (const [id, t] of Object.entries(w.v4)) out[id] = t.observations.length;
  for (const [id, fc] of Object.entries(w.geo)) out[`${id}.geojson`] = (fc as { features: unknown[] }).features.length;
  return out;
}
