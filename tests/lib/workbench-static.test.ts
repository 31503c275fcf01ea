import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toWbRows } from '../../src/charts/workbench-plot.ts';
import { METRICS } from '../../src/catalog/metrics.ts';
import { datapackage, query } from '../../src/lib/warehouse.ts';
import { workbenchSql, type WorkbenchState } from '../../src/lib/workbench-query.ts';
import { staticRows, type StaticGroups, type StaticMetric } from '../../src/lib/workbench-static.ts';
import { staticGroups, staticMetric } from '../../src/lib/workbench-static-build.ts';
import { useWarehouse } from '../helpers/sample-warehouse.ts';

/**
 * The workbench's precomputed files select exactly the rows, in exactly the order, that the workbench's SQL
 * returns for a reader's state: on the sample, and on the real files when JEUGDHULP_DATA_DIR is set (the real
 * files have population, so size classes). The files go through JSON as they do when served.
 */
const DATA = process.env.JEUGDHULP_DATA_DIR || 'data/sample';
let remove = () => {};
beforeAll(async () => { remove = await useWarehouse(DATA); }, 300_000);
afterAll(() => remove());

const served = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe(`the workbench's precomputed figures (${DATA})`, () => {
  it('give the rows of workbenchSql for groups, lists, rankings and maps of every metric', async () => {
    const dp = datapackage();
    const years = { min: dp.temporal!.start!, max: dp.temporal!.end! };
    const groups: StaticGroups = served(await staticGroups());
    expect(groups.regios.length).toBeGreaterThan(0);
    const someRegion = Object.keys(groups.leden).find((k) => groups.leden[k].length > 1)!;
    // The largest and a small gemeente of the newest size classes (on the sample, which has no population: none).
    const classes = Object.entries(groups.klasse[String(years.max)] ?? {});
    const gm = [classes[0]?.[0], classes[classes.length - 1]?.[0]].filter(Boolean) as string[];
    const states: Omit<WorkbenchState, 'metric'>[] = [
      { places: ['NL01', 'regios'], from: years.min, to: years.max, view: 'lijnen', year: years.max },
      { places: [`leden:${someRegion}`], from: years.min + 1, to: years.max - 1, view: 'lijnen', year: years.max },
      ...gm.map((g): Omit<WorkbenchState, 'metric'> => ({ places: [`klasse:${g}`], from: years.min, to: years.max, view: 'ranglijst', year: years.max - 1 })),
      { places: ['GM0307', 'GM0344', 'GM0193', 'JZ20', 'NL01'], from: years.min, to: years.max, view: 'kaart', year: years.max },
      { places: ['GM0307', `leden:${someRegion}`, ...gm.map((g) => `klasse:${g}`)], from: years.min, to: years.max, view: 'lijnen', year: years.max },
    ];
    let compared = 0;
    for (const m of METRICS) {
      const file: StaticMetric = served(await staticMetric(m.id));
      if (!file.rows.length) continue;
      for (const s of states) {
        const state = { ...s, metric: m.id };
        const want = toWbRows(await query(workbenchSql(state)));
        expect(staticRows(file, groups, state), `${m.id} ${JSON.stringify(s)}`).toEqual(want);
        compared += want.length;
      }
    }
    expect(compared).toBeGreaterThan(0);
  }, 600_000);

  it('name the metric they hold', async () => {
    const file = served(await staticMetric(METRICS[0].id));
    const groups = served(await staticGroups());
    expect(() => staticRows(file, groups, { metric: METRICS[1].id, places: ['NL01'], from: 2020, to: 2021, view: 'lijnen', year: 2021 })).toThrow(/holds/);
  });
});
