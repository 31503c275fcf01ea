import type { Warehouse } from './build.ts';
import { INDICATORS } from '../catalog/indicators.ts';
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
      f('flag', 'string', 'som-gemeenten (door ons opgeteld), herindeling (omgerekend), herindeling-benadering (omgerekend met een geschatte verdeling), niet-omgerekend; bij netto-kosten ook centrumgemeente (baten ≥ 20 % van de lasten), elders-geboekt (jeugdhulp elders geboekt: netto leeg) en som-gemeenten-onvolledig (een regio- of landtotaal met zo’n gemeente); leeg = zoals in de bron.'),
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
  trend_series: {
    title: 'Trend tegen werkelijkheid (reeksen)',
    description: 'Per analyse van de maatregelen van 2022 (zie trend_comparisons), gebied en jaar: het geanalyseerde cijfer, de trend over de jaren tot en met 2021 en de doorgetrokken trend met zijn 95%-voorspellingsinterval. Berekend in de pipeline (src/analysis/effects.ts) uit observations, nieuwste gemeentelijke indeling.',
    fields: [
      f('analysis', 'string', 'Id van de analyse (maatregelen-jeugdhulp, maatregelen-verblijf, maatregelen-gesloten, maatregelen-kosten).'),
      f('geo_code', 'string', 'NL01, JZnn of GMnnnn.'),
      f('year', 'integer', 'Jaar.'),
      f('actual', 'number', 'Het geanalyseerde cijfer: het aantal, of per basis (zie unit_label in trend_comparisons). Leeg = onbekend.'),
      f('status', 'string', 'definitief, voorlopig of nader voorlopig.'),
      f('fitted', 'number', 'De trendlijn in de jaren waarop hij is geschat.'),
      f('expected', 'number', 'De doorgetrokken trend (vanaf 2022).'),
      f('lower', 'number', 'Ondergrens van het 95%-voorspellingsinterval.'),
      f('upper', 'number', 'Bovengrens van het 95%-voorspellingsinterval.'),
    ],
    primaryKey: ['analysis', 'geo_code', 'year'],
  },
  trend_comparisons: {
    title: 'Trend tegen werkelijkheid (uitkomst)',
    description: 'Per analyse en gebied: het laatste jaar dat met de trend van vóór 2022 is vergeleken en of het binnen de band valt, of waarom er geen vergelijking is. Laat zien wat er anders ging, niet waardoor.',
    fields: [
      f('analysis', 'string', 'Id van de analyse.'),
      f('geo_code', 'string', 'NL01, JZnn of GMnnnn.'),
      f('ok', 'boolean', 'false: geen vergelijking mogelijk (zie reason en message).'),
      f('reason', 'string', 'te-weinig-data, gat-in-reeks, breuk-in-fitperiode, geen-vergelijkingsjaren, niet-positief of ongeldige-invoer; leeg als ok.'),
      f('message', 'string', 'Waarom er geen vergelijking is, of de methode-opmerkingen van deze analyse (gescheiden door regeleinden).'),
      f('relative', 'boolean', 'true: per basis (per 1.000 jongeren, per inwoner); false: aantallen, omdat niet elk jaar een basis heeft.'),
      f('unit_label', 'string', 'Eenheid van actual, expected, lower en upper.'),
      f('fit_from', 'integer', 'Eerste jaar van de trend.'),
      f('fit_to', 'integer', 'Laatste jaar van de trend.'),
      f('year', 'integer', 'Laatste vergeleken jaar.'),
      f('actual', 'number', 'Werkelijk cijfer in dat jaar.'),
      f('expected', 'number', 'Volgens de trend.'),
      f('lower', 'number', 'Ondergrens 95%-band.'),
      f('upper', 'number', 'Bovengrens 95%-band.'),
      f('diff', 'number', 'Werkelijk min verwacht.'),
      f('diff_pct', 'number', 'Verschil in procenten van verwacht.'),
      f('verdict', 'string', 'binnen-band, hoger of lager.'),
      f('after_break', 'boolean', 'Er zit een breuk in de reeks tussen de trend en dit jaar.'),
    ],
    primaryKey: ['analysis', 'geo_code'],
  },
  taakvelden: {
    title: 'Iv3 per taakveld',
    description:
      'Wat elke gemeente per jaar op elk jeugdhulp-taakveld boekte, in begroting en jaarrekening: lasten, baten en netto. Elk kostencijfer van de site is een som van deze regels (kolom telt_mee_in); regio- en landtotalen zijn sommen over de gemeenten van dat jaar.',
    fields: [
      f('geo_code', 'string', 'GM-code van de gemeente (indeling van het jaar zelf, niet omgerekend).'),
      f('period', 'integer', 'Boekjaar.'),
      f('verslagsoort', 'string', 'begroting (primitief) of jaarrekening (realisatie); nooit samen optellen.'),
      f('taakveld', 'string', 'Iv3-taakveldcode: 6.72 (t/m 2022), 6.72a–6.74c en 6.82a–b (2023–2024, plus restanten op de oude 6.72 en 6.82), 6.751–6.763, 6.792 en 6.821–6.822 (vanaf 2025); daarnaast 6.1 samenkracht en 6.2 toegang (vanaf 2025 6.21–6.23).'),
      f('taakveld_label', 'string', 'Officiële omschrijving van het taakveld (CBS Iv3-definities).'),
      f('lasten', 'number', 'Lasten in volledige euro’s (Iv3 rapporteert × € 1 000). Leeg = onbekend.'),
      f('baten', 'number', 'Baten in volledige euro’s, vooral bijdragen van andere gemeenten aan een centrumgemeente.'),
      f('netto', 'number', 'Lasten − baten, in euro’s.'),
      f('telt_mee_in', 'string', 'De kostenindicatoren (zonder _begroting/_jaarrekening) waarin dit taakveld meetelt, bijv. kosten_jeugdhulp, kosten_pleegzorg.'),
      f('source', 'string', 'CBS-tabel van de Iv3-gegevens (bijv. 45063NED).'),
      f('source_file', 'string', 'Het ruwe bestand, relatief aan de datamap.'),
      f('boundary_year', 'integer', 'De gemeentelijke indeling waar geo_code naar verwijst.'),
    ],
    primaryKey: ['geo_code', 'period', 'verslagsoort', 'taakveld'],
  },
};

const LICENSE = { name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Naamsvermelding 4.0 — Bron: CBS' };

/** The gzipped copy of a text file, when the writer made one: path, bytes and hash (a custom property). */
function gzipOf(path: string, hashes: Record<string, string>, sizes: Record<string, number>) {
  const gz = `${path}.gz`;
  return sizes[gz] === undefined ? {} : { gzip: { path: gz, bytes: sizes[gz], hash: `sha256:${hashes[gz]}` } };
}

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
    ].map((r) => ({ ...r, bytes: sizes[r.path], hash: `sha256:${hashes[r.path]}`, ...gzipOf(r.path, hashes, sizes) }));
  });
  const geometry = w.geometry.map((g) => ({
    name: `${g.level}-grenzen`, path: `${g.level}.geojson`, format: 'geojson', mediatype: 'application/geo+json', profile: 'data-resource',
    title: `Grenzen van de ${g.level === 'gemeente' ? 'gemeenten' : 'jeugdregio’s'} (${g.year})`,
    description: 'Vereenvoudigde CBS-geometrie (cartomap), WGS84, coördinaten op 4 decimalen; properties code en name.',
    bytes: sizes[`${g.level}.geojson`], hash: `sha256:${hashes[`${g.level}.geojson`]}`, ...gzipOf(`${g.level}.geojson`, hashes, sizes),
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
