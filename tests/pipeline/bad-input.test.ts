import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The generator of the fixtures; writeGood writes the same pieces without the break.
import { writeGood } from '../fixtures/bad/generate.mjs';
import { buildData, pool, ROOT, snapshot, type CliResult } from './helpers/cli.ts';

/**
 * Every folder under tests/fixtures/bad is a small data folder in the real formats with one thing broken.
 * The real CLI must stop with exit 1 and one line naming the file, the line (or row) and the column where
 * there is one, what is wrong and what was expected; and it must not touch the output of a previous run.
 *
 * `at` is the exact location the message starts with: [file, line, column] as InputError prints them, so a
 * case without a line asserts that no line is claimed. File paths are relative to the data folder.
 */
interface Expected {
  file: string;
  line?: number;
  column?: string;
  /** What is wrong (a fragment of the message before "; expected"). */
  problem: string;
  /** What the pipeline expected there (a fragment after "; expected"). */
  expected: string;
}

const IV3 = 'iv3/iv3_2023_jaarrekening.csv';
const BEV = 'cbs-70072ned/cbs_70072ned_bevolking.csv';
const TDS = '85099NED/TypedDataSet.json';
const SL = '83454NED_export.csv';
const PUB = 'cbs-published/figures.csv';
const GEB = 'cbs-gebieden/cbs_gebieden_2022.csv';
const IVRAW = '45063NED/TypedDataSet.json';

const CASES: Record<string, Expected> = {
  // empty and header-only files
  'empty-file': { file: IV3, problem: 'the file is empty', expected: 'a text file with a header line' },
  'blank-lines-only': { file: SL, problem: 'the file has no content', expected: 'a header line' },
  'header-only-iv3': { file: IV3, line: 2, problem: 'a header but no data rows', expected: 'at least one data row' },
  'header-only-v4': { file: BEV, line: 2, problem: 'the file has no observations', expected: 'at least one observation row' },
  'header-only-gebieden': { file: GEB, line: 2, problem: 'no observations of the measures the pipeline reads', expected: 'observations of GM000C_1, JZ0001, JZ0002' },
  'empty-typeddataset-json': { file: TDS, problem: 'the table has no rows', expected: 'at least one row of data' },
  // separators
  'wrong-separator-iv3': { file: IV3, line: 1, problem: 'the header is separated by commas', expected: 'semicolon-separated columns "Gemeenten", "Taakveld", "Baten", "Lasten"' },
  'wrong-separator-v4': { file: BEV, line: 1, problem: 'the header is separated by semicolons', expected: 'comma-separated columns "Id", "Measure"' },
  'wrong-separator-statline': { file: SL, line: 1, problem: 'the header is separated by tabs', expected: 'semicolon-separated columns "Perioden"' },
  // missing, renamed and duplicated columns
  'missing-column-iv3': { file: IV3, line: 1, column: 'Lasten', problem: 'column "Lasten" is missing', expected: 'a column named "Lasten"' },
  'renamed-column-v4': { file: BEV, line: 1, column: 'RegioS', problem: 'column "RegioS" is missing (header: Id,Measure,ValueAttribute,Value,StringValue,Regio,Perioden)', expected: 'a column named "RegioS"' },
  'renamed-column-statline': { file: SL, line: 1, column: 'Perioden', problem: 'column "Perioden" is missing', expected: 'a column named "Perioden"' },
  'renamed-topic-key-v3': { file: TDS, column: 'JongerenMetJeugdzorg_1', problem: 'column "JongerenMetJeugdzorg_1" is missing (columns: ID, VormenVanJeugdzorg, RegioS, Perioden, JongerenMetJeugdzorg_2)', expected: 'a column named "JongerenMetJeugdzorg_1"' },
  'duplicated-column-statline': { file: SL, line: 1, column: 'Perioden', problem: 'column "Perioden" appears twice', expected: 'unique column names' },
  // values that are not numbers
  'non-numeric-v3-csv': { file: '85099NED/TypedDataSet.csv', line: 3, column: 'JongerenMetJeugdzorg_1', problem: '"ca. 2290" is not a number', expected: 'a number with decimal point' },
  'non-numeric-v3-json': { file: TDS, line: 2, column: 'JongerenMetJeugdzorg_1', problem: 'a boolean value', expected: 'a number or null' },
  'non-numeric-v4': { file: BEV, line: 3, column: 'Value', problem: '"n.v.t." is not a number', expected: 'a number such as 1234.0, or an empty cell' },
  'non-numeric-iv3': { file: IV3, line: 5, column: 'Lasten', problem: '"9.830,0" is not an amount', expected: 'an amount in thousands of euros with a decimal point' },
  'non-numeric-statline': { file: SL, line: 3, column: 'Begrote kosten (x 1 000 euro)', problem: '"circa 18.000" is not a number', expected: "a number with decimal comma, or '.' for missing" },
  'non-numeric-published': { file: PUB, line: 3, column: 'value', problem: '"11.130,0" is not a number', expected: 'a number with a decimal point' },
  // codes and names nobody knows
  'unknown-gemeente-code-v4': { file: BEV, line: 6, column: 'RegioS', problem: 'unknown gemeente code "GM9999"', expected: 'a GM code of CBS Gebieden in Nederland' },
  'unknown-gemeente-code-iv3raw': { file: IVRAW, line: 7, column: 'Gemeenten', problem: 'unknown gemeente code "GM9999"', expected: 'a GM code of CBS Gebieden in Nederland' },
  'unknown-gemeente-name-iv3': { file: IV3, line: 6, column: 'Gemeenten', problem: 'unknown gemeente "Atlantis"', expected: 'a gemeente of CBS Gebieden in Nederland 2022' },
  'unknown-region-label-statline': { file: SL, line: 3, column: "Regio's", problem: 'unknown region "Heerhugowaard-Langedijk"', expected: 'a gemeente, jeugdregio (JZ) or Nederland as named in CBS Gebieden in Nederland 2022' },
  'unknown-dimension-key-v3': { file: TDS, line: 3, column: 'RegioS', problem: 'unknown code "GM0398"', expected: 'a key listed in RegioS.json' },
  'unknown-taakveld-iv3raw': { file: IVRAW, line: 5, column: 'TaakveldBalanspost', problem: 'unknown taakveld "6.7x"', expected: 'a taakveld code such as 6.72a' },
  'unknown-taakveld-iv3': { file: IV3, line: 3, column: 'Taakveld', problem: '"Pleegzorg" does not start with a taakveld code', expected: 'a taakveld code and label such as "6.72a Jeugdhulp begeleiding"' },
  'unknown-verslagsoort-iv3raw': { file: IVRAW, line: 3, column: 'Verslagsoort', problem: 'unknown verslagsoort "2023Y005"', expected: 'a code like 2023X000 (begroting) or 2023X005 (jaarrekening)' },
  'unknown-measure-code-v4': { file: BEV, line: 4, column: 'Measure', problem: 'unknown measure code "M000999_1"', expected: 'one of the 2 codes in cbs-70072ned/cbs_70072ned_measurecodes.csv' },
  'unknown-period-code-v3': { file: TDS, line: 4, column: 'Perioden', problem: 'unknown code "2023JJ00"', expected: 'a key listed in Perioden.json' },
  'unknown-period-code-v4': { file: BEV, line: 2, column: 'Perioden', problem: 'unknown period code "2022JJ00"', expected: 'a period listed in cbs-70072ned/cbs_70072ned_periodencodes.csv' },
  'unknown-period-label-statline': { file: SL, line: 3, column: 'Perioden', problem: 'unknown period code "2022 (voorlopig)"', expected: 'a year such as 2019JJ00 or 2019*' },
  // values that cannot be true
  'negative-population': { file: BEV, line: 3, column: 'Value', problem: 'negative value -87700 for bevolking_totaal', expected: 'zero or more personen' },
  'negative-count-v3': { file: TDS, line: 3, column: 'JongerenMetJeugdzorg_1', problem: 'negative value -2300 for jongeren_jeugdzorg', expected: 'zero or more jongeren' },
  // duplicated keys
  'duplicated-key-iv3': { file: IV3, line: 6, column: 'Taakveld', problem: 'gemeente "Alkmaar" and taakveld 6.73a appear twice (also line 3)', expected: 'one row per gemeente and taakveld' },
  'duplicated-key-v4': { file: BEV, line: 6, problem: 'a second value for bevolking_totaal, GM1980, 2022 (first at line 3)', expected: 'one value per indicator, region and period' },
  'duplicated-key-dimension-list': { file: '85099NED/RegioS.json', line: 7, column: 'Key', problem: 'key "GM0361" is listed twice', expected: 'each key once' },
  'duplicated-figure-published': { file: PUB, line: 4, column: 'value', problem: 'jongeren_met_jeugdreclassering 2022 is 11310 here and 11130 at line 3', expected: 'one value per metric and period' },
  // row structure and quoting
  'ragged-row-iv3': { file: IV3, line: 6, column: 'Lasten', problem: 'the row has 4 fields', expected: '11 semicolon-separated fields like the header' },
  'ragged-row-long-v4': { file: BEV, line: 4, problem: 'the row has 8 fields', expected: '7 comma-separated fields like the header' },
  'unterminated-quote-statline': { file: SL, line: 5, column: "Regio's", problem: 'a quoted field is never closed', expected: 'a closing double quote' },
  'stray-quote-published': { file: PUB, line: 3, column: 'quote', problem: 'a stray double quote inside a field', expected: 'quotes only around whole fields' },
  // encodings
  'utf16-with-bom': { file: SL, line: 1, problem: 'the file is UTF-16 encoded', expected: 'UTF-8 or Latin-1 text' },
  'utf16-without-bom': { file: IV3, line: 1, problem: 'the file is UTF-16 encoded (without a byte order mark)', expected: 'UTF-8 or Latin-1 text' },
  'windows-1252': { file: SL, line: 4, problem: 'bytes that are neither UTF-8 nor Latin-1 text (byte 0x93)', expected: 'UTF-8 or Latin-1 text' },
  'mixed-encoding': { file: IV3, line: 8, problem: 'byte 0xFA is not valid UTF-8, while the rest of the file is UTF-8 (mixed encodings)', expected: 'the whole file in one encoding' },
  // binary and truncated files
  'truncated-parquet': { file: 'cbs-gebieden/cbs_gebieden_2022.parquet', problem: 'the Parquet file is truncated or not Parquet (no PAR1 footer)', expected: 'a complete Parquet file' },
  'corrupt-parquet': { file: 'cbs-gebieden/cbs_gebieden_2022.parquet', problem: 'DuckDB could not read it', expected: 'a readable Parquet file' },
  'binary-junk-csv': { file: IV3, line: 6, problem: 'binary data (a NUL byte at byte 649)', expected: 'UTF-8 or Latin-1 text' },
  'gzipped-csv': { file: SL, line: 1, problem: 'binary data (a NUL byte at byte 3)', expected: 'UTF-8 or Latin-1 text' },
  // JSON
  'invalid-json': { file: TDS, line: 4, problem: 'invalid JSON', expected: 'a JSON array of rows or an OData body {"value": [...]}' },
  'truncated-json': { file: IVRAW, line: 29, problem: 'invalid JSON (Unterminated string', expected: 'a JSON array of rows or an OData body' },
  'json-without-rows': { file: '85099NED/Perioden.json', problem: 'JSON without a row array', expected: 'a JSON array of rows or an OData body' },
  // files that are missing
  'missing-topic-dataproperties': { file: '85099NED/DataProperties.json', problem: 'no property of Type "Topic"', expected: 'at least one topic' },
  'missing-dimension-list': { file: '85099NED/DataProperties.json', column: 'Perioden', problem: 'the code list Perioden.json for dimension "Perioden" is missing', expected: 'a file Perioden.json beside DataProperties.json' },
  'missing-dataproperties': { file: TDS, problem: 'no DataProperties.json beside it', expected: 'a CBS v3 table folder with DataProperties.json' },
  'missing-measurecodes': { file: BEV, problem: 'no cbs_70072ned_measurecodes file beside it', expected: 'MeasureCodes in the same folder' },
  'missing-gebieden-measurecodes': { file: GEB, problem: 'no cbs_gebieden_measurecodes file beside it', expected: 'MeasureCodes in the same folder' },
  'no-gebieden': { file: 'tests/fixtures/bad/no-gebieden', problem: 'no "Gebieden in Nederland" files', expected: 'the gemeente → jeugdregio tables' },
  'second-observations-file': { file: 'cbs-70072ned/cbs_70072ned_bevolking_kopie.csv', problem: 'a second observations file for table 70072ned (the first is cbs-70072ned/cbs_70072ned_bevolking.csv)', expected: 'one observations file per table and folder' },
  // geography
  'bad-jeugdregio-code': { file: GEB, line: 10, column: 'StringValue', problem: '"Friesland" is not a jeugdregio code', expected: 'a code like JZ13' },
};

const BAD = join(ROOT, 'tests/fixtures/bad');
const names = Object.keys(CASES);

describe('malformed input: the CLI stops, says where and what, and writes nothing', () => {
  let tmp: string;
  let previous: Record<string, string>;
  const results = new Map<string, { run: CliResult; before: Record<string, string>; after: Record<string, string>; siblings: string[] }>();

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'jib-bad-'));
    // A previous good run (the mini data folder), plus a marker file that no build would write.
    const good = join(tmp, 'previous');
    const first = await buildData('tests/fixtures/mini', good);
    expect(first.code, first.stderr).toBe(0);
    writeFileSync(join(good, 'MARKER.txt'), 'output of a previous good run\n');
    previous = snapshot(good);

    await pool(
      names.map((name) => async () => {
        const parent = join(tmp, name);
        const out = join(parent, 'out');
        mkdirSync(parent);
        cpSync(good, out, { recursive: true });
        const before = snapshot(out);
        const run = await buildData(join('tests/fixtures/bad', name), out);
        results.set(name, { run, before, after: snapshot(out), siblings: readdirSync(parent) });
      }),
      3,
    );
  });

  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('has at least 25 cases, and every folder under tests/fixtures/bad has its expected message here', () => {
    const folders = readdirSync(BAD, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect(folders.length).toBeGreaterThanOrEqual(25);
    expect(folders).toEqual([...names].sort());
  });

  it('the previous output holds a full warehouse (so "untouched" means something)', () => {
    expect(Object.keys(previous)).toEqual(expect.arrayContaining(['MARKER.txt', 'datapackage.json', 'observations.parquet', 'observations.csv', 'geo.parquet']));
  });

  it.each(names)('%s', (name) => {
    const e = CASES[name];
    const r = results.get(name)!;
    expect(r.run.code, r.run.stderr).toBe(1);
    const msg = r.run.stderr.trim();
    // One message, from InputError (no stack trace of an unexpected error).
    expect(msg.split('\n'), msg).toHaveLength(1);
    expect(msg).not.toMatch(/failed:|\n\s+at /);
    const at = [e.file, e.line !== undefined ? `line ${e.line}` : '', e.column ? `column "${e.column}"` : ''].filter(Boolean).join(', ');
    expect(msg.startsWith(`build-data: ${at}: `), `message starts with "build-data: ${at}: "\n  got: ${msg}`).toBe(true);
    const [problem, expected] = [msg.slice(0, msg.indexOf('; expected ')), msg.slice(msg.indexOf('; expected ') + '; expected '.length)];
    expect(msg).toContain('; expected ');
    expect(problem).toContain(e.problem);
    expect(expected).toContain(e.expected);
    expect(r.run.stdout).toBe('');
    // Nothing written: the previous output is there, same files, same bytes; no temp folder left beside it.
    expect(r.before).toEqual(previous);
    expect(r.after).toEqual(r.before);
    expect(r.siblings).toEqual(['out']);
  });

  it('the same pieces without their break build fine (each case fails for its one break)', async () => {
    const runs = await pool(
      (['totals', 'raw'] as const).map((form) => async () => {
        const data = join(tmp, `good-${form}`);
        writeGood(data, form);
        return buildData(data, join(tmp, `good-${form}-out`));
      }),
      2,
    );
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
  });
});
