/** Moved to src/catalog/indicators.ts (a fact both charts and the browser read). Kept only for imports not yet moved. */
export * from '../catalog/indicators.ts';
