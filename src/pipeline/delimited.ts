/** Moved to src/shared/delimited.ts (the browser writes CSV too). Kept only for imports not yet moved. */
export * from '../shared/delimited.ts';
