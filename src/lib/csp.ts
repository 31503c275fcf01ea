/**
 * The Content-Security-Policy of every page, in one place: the <meta> tag of each page (csp()) and the
 * `_headers` file the build writes for static hosts (headersFile()), which adds what only a header can
 * say (frame-ancestors). Scripts only from this site's own files, never inline; nothing loaded from or
 * sent to another host. Styles allow inline because Observable Plot writes a <style> element and style
 * attributes into each SVG; that cannot run code. The SQL console adds 'wasm-unsafe-eval' so the
 * browser may compile DuckDB's WebAssembly.
 */
export function csp({ wasm = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self'${wasm ? " 'wasm-unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * Which policy a top-level section of the site gets: embeds may be framed by any site, other pages by
 * none. Scripts (/_astro/) get a policy too, because a worker's CSP is the one sent with its script and
 * no <meta> reaches it: DuckDB's worker may compile its WebAssembly and fetch from this site only.
 */
export type PageKind = 'page' | 'embed' | 'sql' | 'script';
export const kindOf = (section: string): PageKind => (section === 'embed' ? 'embed' : section === 'sql' ? 'sql' : section === '_astro' ? 'script' : 'page');

/** The header form of a section's policy: the <meta> policy plus frame-ancestors. */
export function headerPolicy(kind: PageKind): string {
  return `${csp({ wasm: kind === 'sql' || kind === 'script' })}; frame-ancestors ${kind === 'embed' ? '*' : "'self'"}`;
}

export const COMMON_HEADERS: Record<string, string> = { 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff' };

/**
 * /_astro/ holds only files Vite names by their content hash (scripts, CSS, DuckDB's 18 MB wasm and its
 * worker), so a browser may keep them for a year without asking again: a second visit to /sql/ or
 * /verkennen/ compiles DuckDB from the cache instead of downloading it. Pages and /data/ keep their names
 * when their content changes, so they get no such header.
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * `_headers` for Cloudflare Pages and Netlify, from the top-level entries of the built site. On those hosts
 * a path that matches several rules gets the headers of all of them, and two CSPs are both enforced (the
 * hand-written file gave /embed/* also `frame-ancestors 'self'` and /sql/* also the policy without
 * 'wasm-unsafe-eval'). So the CSP rules never overlap: one per top-level folder or file; only headers that
 * are the same everywhere sit under /*. A `! Content-Security-Policy` line (Cloudflare's way to drop an
 * inherited header) is not needed then, and Netlify, which does not know that syntax, reads the file too.
 */
export function headersFile(top: { name: string; dir: boolean; html: boolean }[]): string {
  const rule = (path: string, headers: Record<string, string>) => [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n');
  const rules = [rule('/*', COMMON_HEADERS), rule('/', { 'Content-Security-Policy': headerPolicy('page') })];
  for (const e of [...top].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    // Only documents (and the scripts that become workers) are governed by a CSP header.
    if (e.name === '_headers' || e.name.startsWith('.') || (!e.html && kindOf(e.name) !== 'script')) continue;
    const kind = kindOf(e.name);
    rules.push(rule(e.dir ? `/${e.name}/*` : `/${e.name}`, { 'Content-Security-Policy': headerPolicy(kind), ...(kind === 'script' ? { 'Cache-Control': IMMUTABLE } : {}) }));
  }
  return `# Written by the build (astro.config.mjs) from src/lib/csp.ts; do not edit. One CSP rule per path, none overlapping.\n${rules.join('\n')}\n`;
}
