/**
 * A build runs each chart's SQL once for all places (batchSql in src/lib/render.ts). This checks, chart by
 * chart, that those rows are exactly the rows of the chart's own SQL run for each place alone.
 */
import { expect } from 'vitest';
import type { ChartDef, Row } from '../../src/charts/types.ts';
import { batchSql } from '../../src/lib/render.ts';
import { query } from '../../src/lib/warehouse.ts';

export async function expectBatchEqualsPerPlace(chart: ChartDef<Row>, codes: string[]): Promise<number> {
  const sql = batchSql(chart, codes);
  expect(sql, `${chart.id}: its ORDER BY must name output columns only, so a build can run it for all places at once`).not.toBeNull();
  const byPlace = new Map<string, Row[]>();
  for (const { __geo, ...row } of await query(sql!)) byPlace.set(String(__geo), [...(byPlace.get(String(__geo)) ?? []), row]);
  let rows = 0;
  for (const code of codes) {
    const alone = await query(chart.sql, { geo: code });
    expect(byPlace.get(code) ?? [], `${chart.id} for ${code}`).toEqual(alone);
    rows += alone.length;
  }
  return rows;
}
