/**
 * npm run dead-exports
 * Lists exports of src/ that no other source file uses: dead (used nowhere), test-only (only tests use them, and
 * their own module does not: code kept alive by its test), or local (used inside their own module, and at most
 * by tests: the `export` is surplus or there for a unit test).
 * A name counts as used where another file imports it by name (or its module with `* as`), and in .astro
 * files, which import the same way. Exit 1 when there is a dead export, so CI can run it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

const ROOTS = ['src', 'scripts', 'tests', 'bench'];
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === '__snapshots__' || e.name === 'fixtures' ? [] : files(p);
    return /\.(ts|astro|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
const posix = (p: string) => p.split(sep).join('/');
const all = ROOTS.flatMap((r) => { try { return files(r); } catch { return []; } }).map(posix).concat(['astro.config.mjs', 'vitest.config.ts']);
const text = new Map(all.map((f) => { try { return [f, readFileSync(f, 'utf8')]; } catch { return [f, '']; } }));
const isTest = (f: string) => f.startsWith('tests/');

/** Names a module exports (declarations and `export { … }` lists; re-exports with `export *` are followed by users). */
function exportsOf(src: string): string[] {
  const names = new Set<string>();
  for (const m of src.matchAll(/^export\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:const|let|function\*?|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1]);
  for (const m of src.matchAll(/^export\s*(?:type\s*)?\{([^}]*)\}(?!\s*from)/gm)) {
    for (const part of m[1].split(',')) {
      const n = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()!.trim();
      if (n) names.add(n);
    }
  }
  return [...names];
}

/** For each file, the modules it imports and the names it takes from each ('*' for a namespace or re-export all). */
function importsOf(file: string, src: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (spec: string, names: string[]) => {
    if (!spec.startsWith('.')) return;
    const target = posix(normalize(join(dirname(file), spec)));
    const set = out.get(target) ?? new Set<string>();
    names.forEach((n) => set.add(n));
    out.set(target, set);
  };
  // The clause is what an import can hold (a default name, { names }, * as ns), so `export function f() {…}`
  // is never read as the start of an import further down.
  const clause = String.raw`(\*(?:\s+as\s+[\w$]+)?|\{[^}]*\}|[\w$]+(?:\s*,\s*(?:\{[^}]*\}|\*\s+as\s+[\w$]+))?)`;
  for (const m of src.matchAll(new RegExp(String.raw`\b(?:import|export)\s+(type\s+)?` + clause + String.raw`\s*from\s*['"]([^'"]+)['"]`, 'g'))) {
    const clause = m[2];
    if (/\*/.test(clause)) { add(m[3], ['*']); continue; }
    const braces = /\{([\s\S]*)\}/.exec(clause);
    const names = braces ? braces[1].split(',').map((p) => p.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0].trim()).filter(Boolean) : [];
    const def = clause.replace(/\{[\s\S]*\}/, '').replace(/,/g, '').trim();
    if (def && !def.startsWith('type')) names.push('default');
    add(m[3], names);
  }
  for (const m of src.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) add(m[1], ['*']);
  return out;
}

const users = new Map<string, { file: string; names: Set<string> }[]>();
for (const [file, src] of text) {
  for (const [target, names] of importsOf(file, src)) users.set(target, [...(users.get(target) ?? []), { file, names }]);
}

const report: { kind: 'dead' | 'test-only' | 'local'; file: string; name: string }[] = [];
// Pages and endpoints export what Astro calls (getStaticPaths, GET): entry points, not library code.
for (const file of all.filter((f) => f.startsWith('src/') && !f.startsWith('src/pages/') && f.endsWith('.ts'))) {
  const src = text.get(file)!;
  const by = users.get(file) ?? [];
  // A module re-exported whole (export * from) passes its names on: count the re-exporter's users too.
  const via = by.filter((u) => u.names.has('*') && /export\s*\*\s*from/.test(text.get(u.file)!)).flatMap((u) => users.get(u.file) ?? []);
  for (const name of exportsOf(src)) {
    const using = [...by, ...via].filter((u) => u.names.has(name) || (u.names.has('*') && new RegExp(`\\b${name.replace('$', '\\$')}\\b`).test(text.get(u.file)!)));
    if (using.some((u) => !isTest(u.file))) continue;
    const inside = (src.match(new RegExp(`\\b${name.replace('$', '\\$')}\\b`, 'g')) ?? []).length > 1;
    // Used in its own module: only the `export` is surplus (often kept for a unit test). Not used there either:
    // code that runs only under its test, or nowhere.
    report.push({ kind: inside ? 'local' : using.length ? 'test-only' : 'dead', file, name });
  }
}

for (const kind of ['dead', 'test-only', 'local'] as const) {
  const rows = report.filter((r) => r.kind === kind);
  console.log(`${kind}: ${rows.length}`);
  for (const r of rows) console.log(`  ${relative('.', r.file)}  ${r.name}`);
}
// Test-only exports are often a module's internals exported for their unit test; listed to be read, not fatal.
process.exitCode = report.some((r) => r.kind === 'dead') ? 1 : 0;
