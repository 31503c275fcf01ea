// @ts-check
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';

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
        rmSync(dest, { recursive: true, force: true });
        cpSync(src, dest, { recursive: true, filter: (p) => !p.includes('.tmp-') });
        console.log(`jib: /data/ serves ${src} (${readdirSync(dest).length} files)`);
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
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  integrations: [serveWarehouse()],
  vite: {
    // The DuckDB node bindings are native: keep them out of the SSR bundle.
    ssr: { external: ['@duckdb/node-api', '@duckdb/node-bindings'] },
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  },
});
