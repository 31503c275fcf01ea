import { describe, expect, it } from 'vitest';
import { TABLES as BROWSER_TABLES } from '../../src/client/duckdb.ts';
import { TABLES } from '../../src/pipeline/datapackage.ts';

describe('the browser knows every warehouse table', () => {
  it('the SQL console loads exactly the tables the pipeline writes', () => {
    expect([...BROWSER_TABLES].sort()).toEqual(Object.keys(TABLES).sort());
  });
});
