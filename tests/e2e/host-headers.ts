/**
 * How static hosts apply a `_headers` file, for the tests that serve dist/ the way a CDN would
 * (tests/site/headers.test.ts, tests/e2e/headers.test.ts):
 * - Cloudflare Pages: every rule whose path matches applies; a header set by several rules gets their
 *   values joined (for a CSP: several policies, all enforced); `! Name` drops a header set by an earlier rule.
 * - Netlify (as its CLI resolves it): matching rules in order, a later rule's value replaces an earlier
 *   one's; it does not know `!` lines.
 * Paths: `*` matches anything (slashes included), `:name` one segment; the whole path must match.
 */
export type Host = 'cloudflare' | 'netlify';

export interface HeaderRule {
  path: string;
  set: [string, string][];
  detach: string[];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), set: [], detach: [] });
      continue;
    }
    const rule = rules[rules.length - 1];
    if (!rule) throw new Error(`_headers line ${i + 1}: a header before any path`);
    const l = line.trim();
    if (l.startsWith('!')) rule.detach.push(l.slice(1).trim().toLowerCase());
    else {
      const colon = l.indexOf(':');
      if (colon < 1) throw new Error(`_headers line ${i + 1}: "${l}" is not "Name: value"`);
      rule.set.push([l.slice(0, colon).trim().toLowerCase(), l.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

const matcher = (pattern: string) =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/:[A-Za-z]\w*/g, '[^/]+')}$`);

/** The headers a host sends for `path`: name (lower case) → the values it sends (several = several headers). */
export function headersFor(rules: HeaderRule[], path: string, host: Host): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of rules) {
    if (!matcher(r.path).test(path)) continue;
    if (host === 'netlify') {
      if (r.detach.length) throw new Error(`Netlify does not know "! ${r.detach[0]}" (rule ${r.path})`);
      for (const [k, v] of r.set) out[k] = [v];
      continue;
    }
    for (const k of r.detach) delete out[k];
    for (const [k, v] of r.set) (out[k] ??= []).push(v);
  }
  return out;
}
