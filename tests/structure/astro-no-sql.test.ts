/**
 * Components and pages only render: SQL, queries and the analysis live in view-model functions in src/lib
 * (unit-tested on the sample warehouse), so an .astro file that writes SQL or calls the warehouse fails here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** What marks SQL or a warehouse call in a component; uppercase keywords, so English prose ("select a place") passes. */
const SQL_MARKS: [RegExp, string][] = [
  [/\bSELECT\b/, 'an SQL SELECT'],
  [/\b(?:INSERT\s+INTO|CREATE\s+(?:TABLE|VIEW)|DESCRIBE|PRAGMA)\b/, 'an SQL statement'],
  [/\bOBS_CTE\b/, 'the observations CTE'],
  [/(?<![\w.])query\s*(?:<[^>]*>)?\s*\(/, 'a warehouse query() call'],
  [/import\s*\{[^}]*\bquery\b[^}]*\}\s*from\s*['"][^'"]*warehouse/, 'an import of query from the warehouse'],
];

function sqlIn(source: string): string[] {
  return SQL_MARKS.filter(([re]) => re.test(source)).map(([, what]) => what);
}

function astroFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? astroFiles(p) : e.name.endsWith('.astro') ? [p] : [];
  });
}

describe('no .astro file holds SQL', () => {
  it('the detector sees SQL and warehouse calls, and lets prose pass', () => {
    expect(sqlIn("const rows = await query(`SELECT value FROM observations`);")).toEqual(['an SQL SELECT', 'a warehouse query() call']);
    expect(sqlIn("import { datapackage, query } from '../lib/warehouse.ts';")).toEqual(['an import of query from the warehouse']);
    expect(sqlIn('const r = await query<{ v: number }>(sql, { geo });')).toEqual(['a warehouse query() call']);
    expect(sqlIn('`WITH ${OBS_CTE} SELECT 1`')).toEqual(['an SQL SELECT', 'the observations CTE']);
    expect(sqlIn('<p>Select a place from the list, or query the console.</p>')).toEqual([]);
  });

  const files = astroFiles('src');
  it('finds the components and pages', () => expect(files.length).toBeGreaterThan(20));
  it.each(files.map((f) => [relative('.', f)]))('%s', (file) => {
    expect(sqlIn(readFileSync(file, 'utf8')), `${file}: move it into a view-model function in src/lib`).toEqual([]);
  });
});
