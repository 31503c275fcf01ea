/**
 * The direction of imports in src/ (README "Layers"): each folder imports only from the folders below it, so
 * the code reads in the order the data flows and browser bundles never pull in build-time code.
 *
 *   catalog   facts about sources and metrics (indicators, Iv3 regimes, CBS table ids)   imports nothing
 *   shared    helpers used by several layers and the browser (format, delimited, locks)  imports nothing
 *   analysis  derived tables (the 2022 trend comparisons)                 catalog, shared
 *   fetch     downloads                                                    catalog, shared
 *   pipeline  raw files → warehouse                                        catalog, shared, analysis
 *   charts    the chart registry                                           catalog, shared, analysis
 *   lib       build-time queries and view models of the site              everything above but fetch
 *   client    browser scripts                                              catalog, shared, charts, lib —
 *             and nothing that (through any chain of imports) reaches node:, DuckDB for Node, pipeline or fetch
 *
 * components/, pages/ and layouts/ are entry points and may import any layer. pipeline and fetch never import
 * each other: what both need (CBS table ids, Iv3 regimes) is in catalog. Type-only imports are erased by the
 * compiler and do not count; they still name the shapes a layer produces.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const LAYERS = ['catalog', 'shared', 'analysis', 'fetch', 'pipeline', 'charts', 'lib', 'client'] as const;
type Layer = (typeof LAYERS)[number];

const ALLOWED: Record<Layer, Layer[]> = {
  catalog: [],
  shared: [],
  analysis: ['catalog', 'shared'],
  fetch: ['catalog', 'shared'],
  pipeline: ['catalog', 'shared', 'analysis'],
  charts: ['catalog', 'shared', 'analysis'],
  lib: ['catalog', 'shared', 'analysis', 'pipeline', 'charts'],
  client: ['catalog', 'shared', 'charts', 'lib'],
};

/**
 * Known violations in files another change owns; each must be fixed by changing that file's import, then removed.
 * (The old paths are re-export shims kept only for these.)
 */
const PENDING: Record<string, string> = {};

/** Packages that exist only in Node: a browser bundle that reaches one is broken or drags in megabytes. */
const NODE_ONLY = /^(node:|@duckdb\/node-api|linkedom$|@resvg\/)/;

interface Edge { from: string; to: string; typeOnly: boolean }

/** Static imports, re-exports and dynamic import() of one file; `import type` / `export type` are type-only. */
function importsOf(source: string): { spec: string; typeOnly: boolean }[] {
  const out: { spec: string; typeOnly: boolean }[] = [];
  const stat = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/g;
  for (const m of source.matchAll(stat)) {
    const names = m[3].replace(/^\{|\}$/g, '').split(',').map((s) => s.trim()).filter(Boolean);
    const allTypes = names.length > 0 && m[3].trim().startsWith('{') && names.every((n) => n.startsWith('type '));
    out.push({ spec: m[4], typeOnly: Boolean(m[2]) || allTypes });
  }
  for (const m of source.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) out.push({ spec: m[1], typeOnly: false });
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1], typeOnly: false });
  return out;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const posix = (p: string) => p.split(sep).join('/');
const layerOf = (file: string): Layer | undefined => LAYERS.find((l) => file.startsWith(`src/${l}/`));

const SRC = files('src').map(posix);
const edges: Edge[] = [];
const external = new Map<string, string[]>();
for (const file of SRC) {
  for (const { spec, typeOnly } of importsOf(readFileSync(file, 'utf8'))) {
    if (spec.startsWith('.')) edges.push({ from: file, to: posix(normalize(join(dirname(file), spec))), typeOnly });
    else if (!typeOnly) external.set(file, [...(external.get(file) ?? []), spec]);
  }
}

describe('dependency direction', () => {
  it('the import reader sees value, type-only, side-effect and dynamic imports', () => {
    expect(importsOf("import { a, type B } from './x.ts';\nimport type { C } from '../y.ts';\nexport { d } from './z.ts';\nimport './s.css';\nconst m = await import('../w.ts');"))
      .toEqual([
        { spec: './x.ts', typeOnly: false }, { spec: '../y.ts', typeOnly: true }, { spec: './z.ts', typeOnly: false },
        { spec: './s.css', typeOnly: false }, { spec: '../w.ts', typeOnly: false },
      ]);
    expect(importsOf("import {\n  type A,\n  type B,\n} from './t.ts';")).toEqual([{ spec: './t.ts', typeOnly: true }]);
  });

  it('reads the whole of src/', () => {
    expect(SRC.length).toBeGreaterThan(100);
    for (const e of edges) if (/\.ts$/.test(e.to)) expect(SRC, `${e.from} imports ${e.to}, which does not exist`).toContain(e.to);
  });

  it('every folder imports only from the layers below it', () => {
    const wrong: string[] = [];
    for (const e of edges) {
      const a = layerOf(e.from);
      const b = layerOf(e.to);
      if (!a || !b || a === b || e.typeOnly) continue;
      const key = `${e.from} -> ${e.to}`;
      if (!ALLOWED[a].includes(b) && !PENDING[key]) wrong.push(`${key} (${a} may import ${ALLOWED[a].join(', ') || 'nothing'})`);
    }
    expect(wrong).toEqual([]);
  });

  it('browser code reaches no Node-only module, pipeline or fetch through any chain of imports', () => {
    const next = new Map<string, string[]>();
    for (const e of edges) if (!e.typeOnly && !PENDING[`${e.from} -> ${e.to}`]) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    const wrong: string[] = [];
    for (const start of SRC.filter((f) => layerOf(f) === 'client')) {
      const seen = new Map<string, string>([[start, start]]);
      const todo = [start];
      while (todo.length) {
        const f = todo.pop()!;
        const path = seen.get(f)!;
        const bad = (external.get(f) ?? []).filter((s) => NODE_ONLY.test(s));
        if (bad.length) wrong.push(`${path} imports ${bad.join(', ')}`);
        if (f !== start && ['pipeline', 'fetch'].includes(layerOf(f) ?? '')) wrong.push(`${path} is build-time code`);
        for (const n of next.get(f) ?? []) if (!seen.has(n)) { seen.set(n, `${path} → ${n}`); todo.push(n); }
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('the pending exceptions still exist (remove an entry once its import is fixed)', () => {
    for (const key of Object.keys(PENDING)) expect(edges.some((e) => `${e.from} -> ${e.to}` === key), key).toBe(true);
  });
});

