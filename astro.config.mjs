// @ts-check
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { headersFile } from './src/lib/csp.ts';

/**
 * The site serves the warehouse it was built from at /data/. By default that is public/data (copied
 * by Astro as it is); when JEUGDHULP_WAREHOUSE points elsewhere (tests, benchmarks, a real-data build
 * beside the sample) its files replace /data/ in the output, so pages and downloads never disagree.
 */
function serveWarehouse() {
  return {
    name: 'jib-serve-warehouse',
    hooks: {
      /** @param {{ dir: URL }} opts */
      'astro:build:done': ({ dir }) => {
        const src = resolve(process.env.JEUGDHULP_WAREHOUSE || 'public/data');
        const dest = resolve(fileURLToPath(dir), 'data');
        if (src === resolve('public/data') || !existsSync(src)) return;
        // The sample's files go, the /data/ page itself (index.html) stays.
        if (existsSync(dest)) for (const f of readdirSync(dest)) if (f !== 'index.html') rmSync(resolve(dest, f), { recursive: true, force: true });
        cpSync(src, dest, { recursive: true, filter: (p) => !p.includes('.tmp-') });
        console.log(`jib: /data/ serves ${src} (${readdirSync(dest).length} files)`);
      },
    },
  };
}

/**
 * The CSV behind every chart for every place (/csv/<chart>/<geo>.csv and .excel-nl.csv, src/lib/chart-csv.ts),
 * written in one pass once the pages are done, from the rows their queries returned, and before the other
 * build:done hooks look at the output (_headers). As 5 300 Astro routes they cost 2–12 ms each. The dev server
 * answers the same URLs one at a time. Loaded when needed, by Node itself: loading this config stays light.
 */
function chartCsvs() {
  return {
    name: 'jib-chart-csv',
    hooks: {
      /** @param {{ dir: URL }} opts */
      'astro:build:done': async ({ dir }) => {
        const t0 = performance.now();
        const { writeChartCsvs } = await import('./src/lib/chart-csv.ts');
        const n = await writeChartCsvs(fileURLToPath(dir));
        console.log(`jib: ${n} chart CSV files written in ${Math.round(performance.now() - t0)} ms`);
      },
      /** @param {{ server: import('vite').ViteDevServer }} opts */
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(async (req, res, next) => {
          if (!req.url?.startsWith('/csv/')) return next();
          const { chartCsvFor } = await import('./src/lib/chart-csv.ts');
          const body = await chartCsvFor(new URL(req.url, 'http://localhost').pathname).catch(next);
          if (typeof body !== 'string') return next();
          res.setHeader('Content-Type', 'text/csv; charset=utf-8');
          res.end(body);
        });
      },
    },
  };
}

/**
 * sitemap.xml with every page a search engine should index: not the 404 page, not pages marked noindex
 * (embeds), not pages whose canonical URL is another page (briefings point at their place page).
 */
function sitemap() {
  return {
    name: 'jib-sitemap',
    hooks: {
      /** @param {{ dir: URL, pages: { pathname: string }[] }} opts */
      'astro:build:done': ({ dir, pages }) => {
        const root = fileURLToPath(dir);
        const site = (process.env.SITE_URL || 'https://jeugdhulp-in-beeld.nl').replace(/\/$/, '');
        const urls = [];
        for (const { pathname } of pages) {
          const file = resolve(root, pathname, 'index.html');
          if (!existsSync(file) || pathname.startsWith('404')) continue;
          const html = readFileSync(file, 'utf8');
          const url = `${site}/${pathname}`;
          const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
          if (/<meta name="robots" content="noindex"/.test(html) || (canonical && canonical !== url)) continue;
          urls.push(url);
        }
        urls.sort();
        const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.map((u) => `  <url><loc>${u}</loc></url>`).join('\n')}\n</urlset>\n`;
        writeFileSync(resolve(root, 'sitemap.xml'), xml);
        writeFileSync(resolve(root, 'robots.txt'), `User-agent: *\nAllow: /\nSitemap: ${site}/sitemap.xml\n`);
      },
    },
  };
}

/**
 * _headers for static hosts (Cloudflare Pages, Netlify), generated from the one CSP definition in
 * src/lib/csp.ts once every file of dist/ is there: one rule per top-level folder or file.
 */
function hostHeaders() {
  return {
    name: 'jib-host-headers',
    hooks: {
      /** @param {{ dir: URL }} opts */
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        /** @param {string} p */
        const hasHtml = (p) => (statSync(p).isDirectory() ? readdirSync(p).some((n) => hasHtml(resolve(p, n))) : p.endsWith('.html'));
        const top = readdirSync(root, { withFileTypes: true }).map((e) => ({ name: e.name, dir: e.isDirectory(), html: hasHtml(resolve(root, e.name)) }));
        writeFileSync(resolve(root, '_headers'), headersFile(top));
      },
    },
  };
}

// A static site: every page is HTML with its charts as inline SVG, built from the warehouse in
// public/data (or $JEUGDHULP_WAREHOUSE). Nothing is fetched from another host at build or run time.
export default defineConfig({
  output: 'static',
  site: process.env.SITE_URL || 'https://jeugdhulp-in-beeld.nl',
  trailingSlash: 'ignore',
  // Pages wait on file writes, DuckDB and the Open Graph workers: several in flight keep both cores busy.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  devToolbar: { enabled: false },
  integrations: [chartCsvs(), serveWarehouse(), sitemap(), hostHeaders()],
  vite: {
    // Never inline: Astro would put a script under 4 kB into the page as inline code, which the CSP
    // (script-src 'self', no 'unsafe-inline') blocks, so it would silently not run.
    build: { assetsInlineLimit: 0 },
    // The DuckDB node bindings are native: keep them out of the SSR bundle.
    ssr: { external: ['@duckdb/node-api', '@duckdb/node-bindings'] },
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  },
});
