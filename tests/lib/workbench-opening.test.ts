import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openingState } from '../../src/lib/workbench-opening.ts';
import { query } from '../../src/lib/warehouse.ts';
import { defaultState, workbenchSql } from '../../src/lib/workbench-query.ts';
import { HEADLINE_METRIC } from '../../src/catalog/metrics.ts';
import { useWarehouse } from '../helpers/sample-warehouse.ts';

/**
 * The workbench never opens on an empty chart: on the sample (no population, so no per-1 000 headline) it opens
 * on a metric that has figures, over exactly the years that have them.
 */
let remove = () => {};
beforeAll(async () => { remove = await useWarehouse('data/sample'); });
afterAll(() => remove());

describe('the workbench opening chart', () => {
  it('is a metric with figures for Nederland or the regions, over the years it has them', async () => {
    const years = { min: 2015, max: 2026 };
    const opening = await openingState(years);
    expect(opening.metric).toBeDefined();
    const state = defaultState(years, opening);
    const rows = await query<{ jaar: number; waarde: number | null }>(workbenchSql({ ...state, from: years.min, to: years.max }));
    const have = rows.filter((r) => r.waarde != null).map((r) => Number(r.jaar));
    expect(have.length).toBeGreaterThan(0);
    expect([state.from, state.to]).toEqual([Math.min(...have), Math.max(...have)]);
    // The sample has no population: the headline per 1 000 has no figures there, so it is not what opens.
    const headline = await query<{ waarde: number | null }>(workbenchSql({ ...defaultState(years), metric: HEADLINE_METRIC }));
    if (!headline.some((r) => r.waarde != null)) expect(state.metric).not.toBe(HEADLINE_METRIC);
  });
});
