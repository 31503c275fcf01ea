import type { Warehouse } from './build.ts';
import { INDICATORS } from './indicators.ts';
import { SYNTHETIC_MARKER } from './synthetic.ts';

export interface FieldSpec {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  description: string;
}

export interface TableSpec {
  title: string;
  description: string;
  fields: FieldSpec[];
  primaryKey: string[];
  /** Tables that are not built from raw files but from the code (the indicator definitions). */
  rows?: () => Record<string, unknown>[];
}

const f = (name: string, type: FieldSpec['type'], description: string): FieldSpec => ({ name, type, description });

/** The canonical tables (design.md §2): one spec drives Parquet, both CSV dialects and the data dictionary. */
export const TABLES: Record<string, TableSpec> = {
  observations: {
    title: 'Waarnemingen',
    description: 'Eén cijfer per indicator, gebied en jaar. Leeg (null) = onderdrukt of onbekend, nooit 0.',
    fields: [
      f('indicator', 'string', 'Id van de indicator (zie tabel indicators).'),
      f('geo_code', 'string', 'NL01 Nederland, JZnn jeugdregio, GMnnnn gemeente.'),
      f('period', 'integer', 'Jaar waarover het cijfer gaat.'),
      f('value', 'number', 'Waarde in de eenheid van de indicator (personen, euro of procent); euro’s zijn volledige euro’s, niet × 1 000.'),
      f('status', 'string', 'definitief, voorlopig of nader voorlopig (zoals CBS het markeert).'),
      f('source', 'string', 'CBS-tabel (bijv. 85099NED, 45063NED) of de URL van de publicatie.'),
      f('source_file', 'string', 'Het ruwe bestand waaruit het cijfer komt, relatief aan de datamap.'),
      f('boundary_year', 'integer', 'De gemeentelijke indeling (1 januari van dit jaar) waar geo_code naar verwijst.'),
      f('flag', 'string', 'som-gemeenten (door ons opgeteld), herindeling (omgerekend), herindeling-benadering (omgerekend met een geschatte verdeling), niet-omgerekend; leeg = zoals in de bron.'),
    ],
    primaryKey: ['indicator', 'geo_code', 'period', 'boundary_year'],
  },
  geo: {
    title: 'Gebieden',
    description: 'Nederland, jeugdregio’s en gemeenten met naam en de jaren waarin de code bestaat.',
    fields: [
      f('geo_code', 'string', 'Code van het gebied.'),
      f('name', 'string', 'Naam (spelling van het laatste jaar).'),
      f('level', 'string', 'land, jeugdregio of gemeente.'),
      f('first_year', 'integer', 'Eerste jaar (indeling 1 januari) waarin de code voorkomt.'),
      f('last_year', 'integer', 'Laatste jaar waarin de code voorkomt.'),
    ],
    primaryKey: ['geo_code'],
  },
  membership: {
    title: 'Gemeenten per jeugdregio',
    description: 'Bij welke jeugdregio een gemeente hoorde, per jaar (CBS Gebieden in Nederland).',
    fields: [
      f('gemeente_code', 'string', 'GM-code.'),
      f('jeugdregio_code', 'string', 'JZ-code.'),
      f('year', 'integer', 'Jaar (indeling op 1 januari).'),
    ],
    primaryKey: ['gemeente_code', 'year'],
  },
  indicators: {
    title: 'Indicatoren',
    description: 'Definitie, eenheid en bron van elke indicator.',
    fields: [
      f('id', 'string', 'Id van de indicator.'),
      f('label_nl', 'string', 'Naam in het Nederlands.'),
      f('label_en', 'string', 'Name in English.'),
      f('unit', 'string', 'jongeren, personen, euro of procent.'),
      f('theme', 'string', 'gebruik, kosten, verblijf of bevolking.'),
      f('definition', 'string', 'Definitie.'),
      f('additive', 'boolean', 'Mag over gemeenten worden opgeteld.'),
      f('source_tables', 'string', 'CBS-tabellen of Iv3-taakvelden.'),
      f('caveats', 'string', 'Kanttekeningen en breuken in de reeks, gescheiden door " | ".'),
    ],
    primaryKey: ['id'],
    rows: () => INDICATORS.map((d) => ({ ...d, caveats: d.caveats.join(' | ') })),
  },
  herindelingen: {
    title: 'Gemeentelijke herindelingen',
    description: 'De omrekentabel waarmee reeksen naar één gemeentelijke indeling worden gebracht.',
    fields: [
      f('year', 'integer', 'De wijziging geldt vanaf 1 januari van dit jaar.'),
      f('from_code', 'string', 'Opgeheven gemeente.'),
      f('from_name', 'string', 'Naam van de opgeheven gemeente.'),
      f('to_code', 'string', 'Opvolger.'),
      f('to_name', 'string', 'Naam van de opvolger.'),
      f('share', 'number', 'Deel (naar inwoners) dat naar de opvolger ging; 1 bij een volledige samenvoeging.'),
      f('exact', 'boolean', 'false als de verdeling een benadering is.'),
      f('source', 'string', 'Publicatie van de herindeling.'),
    ],
    primaryKey: ['year', 'from_code', 'to_code'],
  },
};

const LICENSE = { name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Naamsvermelding 4.0 — Bron: CBS' };

/** Frictionless Data Package: schema, units, definitions, sources and a sha256 per file. No clock: reproducible. */
export function datapackage(w: Warehouse, hashes: Record<string, string>, sizes: Record<string, number>) {
  // A loop, not Math.min(...periods): a full warehouse has more observations than a call can take arguments.
  let start = Infinity;
  let end = -Infinity;
  for (const o of w.observations) {
    if (o.period < start) start = o.period;
    if (o.period > end) end = o.period;
  }
  const resources = Object.entries(TABLES).flatMap(([name, spec]) => {
    const schema = { fields: spec.fields, primaryKey: spec.primaryKey };
    const base = { title: spec.title, description: spec.description, schema };
    return [
      { name, path: `${name}.parquet`, format: 'parquet', mediatype: 'application/vnd.apache.parquet', ...base },
      { name: `${name}-csv`, path: `${name}.csv`, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', dialect: { delimiter: ',', header: true }, ...base },
      {
        name: `${name}-excel-nl`, path: `${name}.excel-nl.csv`, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8-sig',
        dialect: { delimiter: ';', header: true, lineTerminator: '\r\n' }, decimalChar: ',', ...base,
      },
    ].map((r) => ({ ...r, bytes: sizes[r.path], hash: `sha256:${hashes[r.path]}` }));
  });
  const geometry = w.geometry.map((g) => ({
    name: `${g.level}-grenzen`, path: `${g.level}.geojson`, format: 'geojson', mediatype: 'application/geo+json', profile: 'data-resource',
    title: `Grenzen van de ${g.level === 'gemeente' ? 'gemeenten' : 'jeugdregio’s'} (${g.year})`,
    description: 'Vereenvoudigde CBS-geometrie (cartomap), WGS84, coördinaten op 4 decimalen; properties code en name.',
    bytes: sizes[`${g.level}.geojson`], hash: `sha256:${hashes[`${g.level}.geojson`]}`,
  }));
  return {
    // GeoJSON is not tabular: with map outlines the package is a plain data package.
    profile: w.geometry.length ? 'data-package' : 'tabular-data-package',
    name: 'jeugdhulp-in-beeld',
    title: w.synthetic ? `Jeugdhulp in Beeld — ${SYNTHETIC_MARKER}` : w.sample ? 'Jeugdhulp in Beeld — voorbeelddata' : 'Jeugdhulp in Beeld — datawarehouse',
    description: w.synthetic?.description ?? w.sample?.description ?? 'Jeugdzorg, kosten en bevolking per gemeente, jeugdregio en Nederland uit CBS StatLine en Iv3.',
    sample: Boolean(w.sample?.sample),
    synthetic: Boolean(w.synthetic),
    boundary_year: w.boundaryYear,
    temporal: w.observations.length ? { start, end } : null,
    licenses: [LICENSE],
    attribution: 'Bron: CBS',
    sources: w.sources.map((s) => ({
      title: s.title, path: s.path, table: s.table, url: s.url, sha256: s.sha256, bytes: s.bytes,
      ...(s.retrieved ? { fetched_url: s.fetched_url, retrieved: s.retrieved, modified: s.modified } : {}),
    })),
    resources: [...resources, ...geometry],
  };
}
