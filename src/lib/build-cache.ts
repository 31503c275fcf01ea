/**
 * A cache kept on globalThis, so that every copy of a module in one process shares it. A build has two: the
 * pages run the bundled copy of src/lib/, and the build:done hooks of astro.config.mjs load the source copy
 * with Node itself. Through this the chart CSVs, written after the pages, take the rows the pages' queries
 * already returned instead of opening the warehouse again. Keys must name all they depend on (the
 * warehouse folder); values are never changed once set.
 */
export function sharedCache<V>(name: string): Map<string, V> {
  const key = Symbol.for(`jeugdhulp-in-beeld.${name}`);
  const g = globalThis as Record<symbol, Map<string, V> | undefined>;
  return (g[key] ??= new Map<string, V>());
}
