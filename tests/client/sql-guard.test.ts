import { describe, expect, it } from 'vitest';
import { codeOnly, forbiddenReason } from '../../src/client/sql-guard.ts';

/**
 * The SQL console's guard (src/client/sql-guard.ts) on the payloads of the adversarial run and their
 * variants: only reading statements pass, whatever comments, quotes or case hide the rest. DuckDB's own
 * settings stay the first line of defence (tests/e2e/security.test.ts runs the real DuckDB-wasm).
 */
const ORIGIN = 'https://jeugdhulp.example';
const refused = (sql: string) => forbiddenReason(sql, ORIGIN);

describe('the SQL console allows reading statements only', () => {
  it.each([
    'INSTALL httpfs',
    'INSTALL/**/httpfs',
    'install/* a comment */httpfs',
    'INSTALL/* /* nested */ */httpfs',
    'FORCE INSTALL httpfs',
    'LOAD httpfs',
    "LOAD 'httpfs'",
    'SET autoinstall_known_extensions=true',
    'set autoload_known_extensions = 1',
    "SET custom_extension_repository = 'http://127.0.0.1:1/x'",
    'RESET enable_external_access',
    "SELECT 1; SET autoinstall_known_extensions = true",
    'SELECT 1;SET/**/x=1',
    "ATTACH ':memory:' AS m",
    "COPY geo TO 'x.csv'",
    "EXPORT DATABASE 'x'",
    'CREATE TABLE t AS SELECT 1',
    'WITH x AS (SELECT 1) INSERT INTO geo SELECT * FROM x',
    'DROP TABLE geo',
    'EXPLAIN COPY geo TO \'x\'',
    "PRAGMA enable_profiling",
    "CALL pragma_version()",
    'USE memory',
    'START TRANSACTION',
    'ANALYZE',
    "COMMENT ON TABLE geo IS 'x'",
    "-- hello\nINSTALL httpfs",
    'SELECT 1 /* unterminated',
    "SELECT 'unterminated",
    "SELECT * FROM read_parquet('https://example.com/x.parquet')",
    'sElEcT 1; InStAlL httpfs',
  ])('refuses %j', (sql) => {
    expect(refused(sql)).toMatch(/niet/);
  });

  it.each([
    'SELECT count(*) FROM geo',
    "SELECT name FROM geo WHERE name = 'install; set x = 1'",
    'SELECT "set", "load" FROM (SELECT 1 AS "set", 2 AS "load")',
    "SELECT $$INSTALL httpfs$$ AS t",
    "SELECT E'it\\'s; SET x = 1' AS t",
    'WITH x AS (SELECT 1 AS a) SELECT a FROM x',
    'FROM geo LIMIT 3',
    'DESCRIBE observations',
    'SHOW TABLES',
    'SUMMARIZE geo',
    'EXPLAIN SELECT 1',
    "PRAGMA table_info('geo')",
    '(SELECT 1) UNION ALL (SELECT 2)',
    "-- the question\nSELECT 1; -- and another\nSELECT 2;",
    `SELECT * FROM read_parquet('${ORIGIN}/data/geo.parquet')`,
    'SELECT o.value FROM observations o JOIN geo g USING (geo_code) ORDER BY 1',
    'SELECT CASE WHEN value > 0 THEN 1 END AS start FROM observations',
    'PIVOT geo ON level USING count(*)',
    // Not a statement at all: DuckDB's parser error says more than ours would.
    'SELEC 1',
  ])('allows %j', (sql) => {
    expect(refused(sql)).toBeNull();
  });

  it('takes out comments and quoted text, keeps the code', () => {
    expect(codeOnly("SELECT 'a;b' /* c */ , \"D\" -- e\nFROM t")).toBe("select ''   , \"\"  \nfrom t");
    expect(codeOnly("SELECT 'it''s'")).toBe("select ''");
    expect(codeOnly('SELECT $t$ x $t$')).toBe("select ''");
  });
});
