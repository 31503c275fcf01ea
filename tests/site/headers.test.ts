/**
 * The `_headers` file the build writes for static hosts, read the way Cloudflare Pages and Netlify apply
 * it (tests/e2e/host-headers.ts): every built page gets exactly one Content-Security-Policy, the one of
 * src/lib/csp.ts for its kind (its <meta> policy plus frame-ancestors): embeds may be framed by any site,
 * the SQL console may compile WebAssembly, and no broader rule adds a second policy that would block either.
 * The browser side (an embed framed by another origin, the console running under the header) is in
 * tests/e2e/headers.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMON_HEADERS, headerPolicy, IMMUTABLE, kindOf } from '../../src/lib/csp.ts';
import { headersFor, parseHeadersFile, type HeaderRule, type Host } from '../e2e/host-headers.ts';
import { allFiles, DIST, parsePages, type Page } from './dist.ts';

let rules: HeaderRule[];
let pages: Page[];

beforeAll(() => {
  rules = parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8'));
  pages = [...parsePages(allFiles()).values()];
});

describe.each(['cloudflare', 'netlify'] as Host[])('_headers as %s applies it', (host) => {
  it('every page gets one CSP: its <meta> policy plus the frame-ancestors of its kind', () => {
    expect(pages.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    for (const p of pages) {
      const h = headersFor(rules, p.path, host);
      const meta = p.document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
      const kind = kindOf(p.path.split('/')[1] ?? '');
      const csp = h['content-security-policy'] ?? [];
      if (csp.length !== 1 || csp[0] !== headerPolicy(kind) || !csp[0].startsWith(`${meta}; frame-ancestors `)) wrong.push(`${p.path}: ${JSON.stringify(csp)}`);
      for (const [k, v] of Object.entries(COMMON_HEADERS)) if (h[k.toLowerCase()]?.join() !== v) wrong.push(`${p.path}: ${k} ${JSON.stringify(h[k.toLowerCase()])}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('/embed/* may be framed by any site, /sql/* may compile WebAssembly, other pages neither', () => {
    const one = (path: string) => {
      const csp = headersFor(rules, path, host)['content-security-policy'];
      expect(csp, path).toHaveLength(1);
      return csp[0];
    };
    const embed = pages.find((p) => p.path.startsWith('/embed/') && p.path.split('/').length > 4)!.path;
    expect(one(embed)).toMatch(/frame-ancestors \*$/);
    expect(one(embed)).not.toContain('wasm-unsafe-eval');
    expect(one('/sql/')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(one('/sql/')).toMatch(/frame-ancestors 'self'$/);
    for (const path of ['/', '/gebruik/', '/data/', '/404.html']) {
      expect(one(path)).toMatch(/frame-ancestors 'self'$/);
      expect(one(path)).not.toContain('wasm');
    }
    // DuckDB's worker gets its policy from its script's response: WebAssembly yes, other hosts no.
    const worker = [...allFiles()].find((f) => f.startsWith('/_astro/') && f.includes('worker'));
    expect(worker).toBeDefined();
    expect(one(worker!)).toContain("'wasm-unsafe-eval'");
    expect(one(worker!)).toContain("connect-src 'self'");
  });

  it('DuckDB\'s wasm and worker (every /_astro/ file, all named by their hash) are cached for a year; pages and data are not', () => {
    const astro = [...allFiles()].filter((f) => f.startsWith('/_astro/'));
    expect(astro.some((f) => /\/duckdb-eh\.[\w-]{8}\.wasm$/.test(f))).toBe(true);
    expect(astro.some((f) => /\/duckdb-browser-eh\.worker\.[\w-]{8}\.js$/.test(f))).toBe(true);
    for (const f of astro) {
      // A content hash before the extension: a changed file gets a new name, so "immutable" is safe.
      expect(f, 'an /_astro/ file without a hash in its name').toMatch(/[.-][\w-]{8}\.[a-z0-9]+$/);
      expect(headersFor(rules, f, host)['cache-control'], f).toEqual([IMMUTABLE]);
    }
    for (const path of ['/', '/sql/', '/verkennen/', '/data/observations.parquet', '/data/datapackage.json']) {
      expect(headersFor(rules, path, host)['cache-control'], path).toBeUndefined();
    }
  });
});

it('the build wrote _headers from src/lib/csp.ts; there is no hand-written copy in public/', () => {
  expect(existsSync(join(DIST, '..', 'public', '_headers'))).toBe(false);
  expect(readFileSync(join(DIST, '_headers'), 'utf8')).toContain('from src/lib/csp.ts');
});
