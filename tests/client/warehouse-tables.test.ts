import { describe, expect, it } from 'vitest';
import { TABLES as BROWSER_TABLES, tablesNamed } from '../../src/client/sql-tables.ts';
import { TABLES } from '../../src/pipeline/datapackage.ts';
import { EXAMPLES } from '../../src/lib/sql-examples.ts';

describe('the browser knows every warehouse table', () => {
  it('the SQL console loads exactly the tables the pipeline writes', () => {
    expect([...BROWSER_TABLES].sort()).toEqual(Object.keys(TABLES).sort());
  });
});

describe('tablesNamed: only the tables a query reads are fetched', () => {
  it('finds tables as whole words, not inside column names', () => {
    expect(tablesNamed('SELECT count(*) FROM observations')).toEqual(['observations']);
    expect(tablesNamed('SELECT geo_code, value FROM observations')).toEqual(['observations']);
    expect(tablesNamed('SELECT * FROM observations o JOIN geo g USING (geo_code)')).toEqual(['observations', 'geo']);
    expect(tablesNamed('SELECT * FROM trend_series')).toEqual(['trend_series']);
    expect(tablesNamed('SELECT 1')).toEqual([]);
  });

  it('over-includes rather than misses: quoted names, upper case, names in comments', () => {
    expect(tablesNamed('SELECT * FROM "Geo"')).toEqual(['geo']);
    expect(tablesNamed('SELECT * FROM MEMBERSHIP')).toEqual(['membership']);
    expect(tablesNamed('-- taakvelden\nSELECT 1')).toEqual(['taakvelden']);
  });

  it('a look at the catalogue gets every table', () => {
    expect(tablesNamed('SHOW TABLES')).toEqual([...BROWSER_TABLES]);
    expect(tablesNamed('SELECT table_name FROM information_schema.tables')).toEqual([...BROWSER_TABLES]);
    expect(tablesNamed('SELECT * FROM duckdb_tables()')).toEqual([...BROWSER_TABLES]);
  });

  it('every example of the console names at least one table', () => {
    for (const e of EXAMPLES) expect(tablesNamed(e.sql).length, e.title).toBeGreaterThan(0);
  });
});
