/**
 * String order for everything the pipeline writes: by UTF-16 code unit, the same on every machine.
 * `localeCompare` without a locale follows the machine's LANG/LC_ALL (Node's ICU reads them): under
 * da_DK "aa" sorts after "z", which reordered the warehouse and changed its checksums.
 */
export const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
