import { describe, expect, it } from 'vitest';
import { observationsFromCbs } from '../../src/pipeline/cbs-map.ts';
import type { CbsRecord } from '../../src/pipeline/readers/types.ts';
import type { NameIndex } from '../../src/pipeline/geo.ts';

const rec = (tableId: string, value: number, line: number): CbsRecord => ({
  tableId, file: `${tableId}/TypedDataSet.json`, line, region: 'NL01',
  period: { key: '2019JJ00', title: '2019' }, status: 'definitief',
  measure: { key: 'JongerenMetJeugdzorg_1', title: 'Jongeren met jeugdzorg', unit: 'aantal' },
  dims: { VormenVanJeugdzorg: { key: 'T001', title: 'Totaal jeugdzorg' } }, value, column: 'JongerenMetJeugdzorg_1', text: null,
});
const names = { lookup: () => undefined } as unknown as NameIndex;

describe('one figure published in several CBS tables', () => {
  it('keeps the figure of the preferred table, whatever the order of the files', () => {
    for (const order of [[rec('84134NED', 1, 2), rec('85099NED', 2, 5)], [rec('85099NED', 2, 5), rec('84134NED', 1, 2)]]) {
      const out = observationsFromCbs(order, names, (y) => y);
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({ indicator: 'jongeren_jeugdzorg', value: 2, source: '85099NED' });
    }
  });

  it('still refuses two values for one key within one table', () => {
    expect(() => observationsFromCbs([rec('85099NED', 1, 2), rec('85099NED', 2, 3)], names, (y) => y)).toThrow(/line 3.*a second value.*first at line 2/);
  });
});
