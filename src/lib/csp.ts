/**
 * The Content-Security-Policy of every page (a <meta> tag, and public/_headers for hosts that set
 * headers): scripts only from this site's own files, never inline; nothing loaded from or sent to
 * another host. Styles allow inline because Observable Plot writes a <style> element and style
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
