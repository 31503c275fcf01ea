/**
 * The tile-grid map of the 42 jeugdregio's: one square per region, placed roughly where it lies, so
 * small regions (Utrecht Stad, Haarlemmermeer) are as visible as large ones. Used when the data folder
 * has no boundaries. Positions: [column, row], north at the top.
 */
import { metric } from '../catalog/metrics.ts';

export const TILE_GRID: Record<string, [number, number]> = {
  JZ03: [2, 0], JZ02: [3, 0], JZ01: [5, 0],
  JZ06: [1, 1], JZ05: [2, 1], JZ04: [5, 1],
  JZ10: [0, 2], JZ09: [1, 2], JZ08: [3, 2], JZ07: [4, 2], JZ14: [5, 2],
  JZ11: [0, 3], JZ15: [1, 3], JZ13: [2, 3], JZ16: [3, 3], JZ12: [4, 3], JZ17: [5, 3],
  JZ18: [0, 4], JZ19: [1, 4], JZ22: [2, 4], JZ20: [3, 4], JZ21: [4, 4], JZ25: [5, 4],
  JZ24: [0, 5], JZ27: [1, 5], JZ26: [2, 5], JZ23: [3, 5], JZ28: [4, 5],
  JZ29: [0, 6], JZ31: [1, 6], JZ30: [2, 6], JZ33: [3, 6], JZ32: [4, 6],
  JZ38: [0, 7], JZ36: [1, 7], JZ34: [2, 7], JZ35: [3, 7], JZ39: [4, 7], JZ37: [5, 7],
  JZ43: [4, 8], JZ42: [5, 8],
  JZ41: [4, 9],
};

export interface MapMetric {
  slug: string;
  /** The metric's id in the catalogue (src/catalog/metrics.ts), where label, definition and ratio come from. */
  metric: string;
  label: string;
  definition: string;
  indicator: string;
  base?: string;
  factor?: number;
  euro?: boolean;
}

/** A map of one catalogue metric: its words and its ratio are the catalogue's, never retyped here. */
function mapMetric(slug: string, id: string): MapMetric {
  const m = metric(id);
  return {
    slug,
    metric: m.id,
    label: m.label_nl,
    definition: m.definition,
    indicator: m.numerator,
    ...(m.denominator ? { base: m.denominator, factor: m.factor } : {}),
    euro: m.unit.startsWith('euro'),
  };
}

/** What the map can colour regions by; each is the latest year any region has a figure. */
export const MAP_METRICS: MapMetric[] = [
  mapMetric('jeugdhulp-per-1000', 'jongeren_jeugdhulp_per_1000'),
  mapMetric('verblijf-per-1000', 'jongeren_jeugdhulp_met_verblijf_per_1000'),
  mapMetric('kosten-per-inwoner', 'netto_jeugdhulp_per_inwoner_jaarrekening'),
  mapMetric('begroting-per-inwoner', 'netto_jeugdhulp_per_inwoner_begroting'),
];

/** Five sequential classes, light to dark: readable in greyscale and for colour-blind readers (ColorBrewer Blues). */
export const CLASS_FILLS = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
export const CLASS_TEXT = ['#1a1a1a', '#1a1a1a', '#1a1a1a', '#ffffff', '#ffffff'];

/** Quantile class breaks (4 inner breaks) of the known values; fewer distinct values → fewer classes. */
export function classBreaks(values: number[]): number[] {
  const v = [...values].sort((a, b) => a - b);
  if (v.length < 2) return [];
  return [0.2, 0.4, 0.6, 0.8].map((q) => v[Math.min(v.length - 1, Math.floor(q * v.length))]).filter((b, i, a) => a.indexOf(b) === i);
}

export const classOf = (v: number, breaks: number[]): number => {
  const i = breaks.findIndex((b) => v < b);
  const k = i === -1 ? breaks.length : i;
  // Spread fewer classes over the full light-to-dark range.
  return breaks.length ? Math.round((k * (CLASS_FILLS.length - 1)) / breaks.length) : 2;
};
