// @ts-check
import { defineConfig } from 'astro/config';

// A static site: every page is HTML with its charts as inline SVG, built from the warehouse in
// public/data (or $JEUGDHULP_WAREHOUSE). Nothing is fetched from another host at build or run time.
export default defineConfig({
  output: 'static',
  site: process.env.SITE_URL || 'https://jeugdhulp-in-beeld.nl',
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  vite: {
    // The DuckDB node bindings are native: keep them out of the SSR bundle.
    ssr: { external: ['@duckdb/node-api', '@duckdb/node-bindings'] },
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  },
});
