/**
 * The SQL console's own check, before a query reaches DuckDB (the second line of defence behind DuckDB's
 * settings: no extension autoloading, external access off once the tables are read). Only reading
 * statements are allowed, judged on the code with comments and quoted text taken out, so neither an
 * INSTALL split by an empty block comment nor a keyword hidden in a string gets past it. Pure: unit-tested in Node.
 */

/** Statements a reader needs: queries and looking at the tables. */
const ALLOWED_START = /^(select|with|from|values|describe|show|summarize|explain|pivot|unpivot|pragma|\()/;
/**
 * Every other statement DuckDB knows, refused by its first word. A first word DuckDB does not know at all
 * ("SELEC 1") goes through: it cannot run, and DuckDB's own parser error is the clearer message.
 */
const OTHER_STATEMENT = /^(abort|alter|analyze|attach|begin|call|checkpoint|comment|commit|copy|create|deallocate|delete|detach|drop|end|execute|export|force|import|insert|install|load|merge|prepare|reset|rollback|set|start|truncate|update|use|vacuum)\b/;
/** PRAGMA only to look at tables (PRAGMA can also change settings). */
const ALLOWED_PRAGMA = /^pragma\s+(table_info|show_tables|show_tables_expanded|show|database_list|storage_info|version|platform)\b/;
/**
 * Words that change settings, load code, reach files or other databases, or change data: refused
 * anywhere in the code (a WITH … INSERT, an EXPLAIN COPY, a second statement after a SELECT).
 */
const FORBIDDEN_WORD = /\b(install|load|force|attach|detach|copy|export|import|set|reset|call|use|create|insert|update|delete|drop|alter|truncate|checkpoint|vacuum|begin|commit|rollback|prepare|execute|deallocate)\b/;

export function forbiddenReason(sql: string, origin: string): string | null {
  const urls = sql.match(/\b[a-z][a-z0-9+.-]*:\/\/[^\s'"`)]+/gi) ?? [];
  const foreign = urls.find((u) => !u.startsWith(`${origin}/`));
  if (foreign) return `Deze console leest alleen de tabellen van deze site; ${foreign} is niet toegestaan.`;
  const code = codeOnly(sql);
  if (code === null) return 'Een commentaar, tekst of naam tussen aanhalingstekens is niet afgesloten.';
  const word = FORBIDDEN_WORD.exec(code);
  if (word) {
    return /install|load|force|attach|detach/.test(word[1])
      ? 'Extensies installeren of andere databases koppelen kan in deze console niet.'
      : `Deze console kan alleen lezen (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN); "${word[1].toUpperCase()}" is niet toegestaan.`;
  }
  for (const stmt of code.split(';').map((s) => s.trim()).filter(Boolean)) {
    const allowed = ALLOWED_START.test(stmt) ? !stmt.startsWith('pragma') || ALLOWED_PRAGMA.test(stmt) : !OTHER_STATEMENT.test(stmt);
    if (!allowed) {
      return `Deze console kan alleen lezen (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN); "${stmt.split(/\s/)[0].toUpperCase()}" is niet toegestaan.`;
    }
  }
  return null;
}

/**
 * The query in lower case with comments replaced by a space and quoted text ('…', E'…', "…", $tag$…$tag$)
 * by an empty placeholder; null when one of them is not closed.
 */
export function codeOnly(sql: string): string | null {
  let out = '';
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? n : end;
      out += ' ';
    } else if (c === '/' && next === '*') {
      // Nested block comments, as PostgreSQL (and so DuckDB's parser) reads them.
      let depth = 1;
      i += 2;
      while (i < n && depth) {
        if (sql[i] === '/' && sql[i + 1] === '*') (depth++, (i += 2));
        else if (sql[i] === '*' && sql[i + 1] === '/') (depth--, (i += 2));
        else i++;
      }
      if (depth) return null;
      out += ' ';
    } else if (c === "'" || c === '"') {
      const escapes = c === "'" && /[eE]$/.test(sql.slice(0, i)) && !/[a-zA-Z0-9_][eE]$/.test(sql.slice(0, i));
      i++;
      for (;;) {
        if (i >= n) return null;
        if (escapes && sql[i] === '\\') i += 2;
        else if (sql[i] === c && sql[i + 1] === c) i += 2;
        else if (sql[i] === c) break;
        else i++;
      }
      i++;
      out += c === "'" ? "''" : '""';
    } else if (c === '$' && /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.test(sql.slice(i))) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i))![0];
      const end = sql.indexOf(tag, i + tag.length);
      if (end === -1) return null;
      i = end + tag.length;
      out += "''";
    } else {
      out += c;
      i++;
    }
  }
  return out.toLowerCase();
}
