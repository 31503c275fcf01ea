import { InputError } from './errors.ts';
import { normTitle } from '../catalog/indicators.ts';
import type { CbsRecord } from './readers/types.ts';

/**
 * Age groups of the youth-care figures, summed from single years of age. CBS's population table (03759ned)
 * has no 0–17 or 0–22 group: its Leeftijd codes are "Totaal" and single years ("0 jaar" … "105 jaar of ouder").
 * The groups are written as records with the titles cbs-map.ts maps ("0 tot 18 jaar", "0 tot 23 jaar").
 */
const GROUPS = [
  { title: '0 tot 18 jaar', upTo: 17 },
  { title: '0 tot 23 jaar', upTo: 22 },
];

export interface PopulationResult {
  /** Summed group records, to be mapped like any other CBS record. */
  records: CbsRecord[];
  /** Region × year combinations where a group could not be summed, and why (shown in the build log). */
  gaps: string[];
}

const isPopulation = (r: CbsRecord) => /^bevolking op 1 januari/.test(normTitle(r.measure.title));
const ageDim = (r: CbsRecord) => Object.keys(r.dims).find((k) => normTitle(k) === 'leeftijd');
const SINGLE = /^(\d{1,3}) jaar( of ouder)?$/;

/**
 * Sum single years into groups per table, region and period. A group is written only when every year of age
 * in it is present with a value (a missing or suppressed age leaves the group out and is reported, never
 * guessed). Where a table gives "Totaal" and every single year, their sum must equal it.
 */
export function populationGroups(records: CbsRecord[]): PopulationResult {
  interface Cell {
    first: CbsRecord;
    ages: Map<number, CbsRecord>;
    total?: CbsRecord;
    /** "105 jaar of ouder" */
    open?: CbsRecord;
    /** Group titles the table has itself. */
    groups: Set<string>;
  }
  const cells = new Map<string, Cell>();
  for (const r of records) {
    if (!isPopulation(r)) continue;
    const dim = ageDim(r);
    if (!dim) continue;
    const others = Object.entries(r.dims).filter(([k]) => k !== dim);
    if (!others.every(([, c]) => /totaal|^t001/.test(normTitle(c.title)))) continue;
    const key = `${r.tableId}|${r.measure.key}|${r.region}|${r.period.key}`;
    const cell: Cell = cells.get(key) ?? { first: r, ages: new Map(), groups: new Set() };
    cells.set(key, cell);
    const title = normTitle(r.dims[dim].title);
    const m = SINGLE.exec(title);
    if (title === 'totaal') cell.total = r;
    else if (m && m[2]) cell.open = r;
    else if (m) {
      const age = Number(m[1]);
      const prev = cell.ages.get(age);
      if (prev) throw new InputError({ file: r.file, line: r.line, column: dim }, `a second value for age ${age}, ${r.region}, ${r.period.key} (first at line ${prev.line})`, 'one value per age, region and period');
      cell.ages.set(age, r);
    } else cell.groups.add(title);
  }

  const out: PopulationResult = { records: [], gaps: [] };
  for (const { first, ages, total, open, groups } of cells.values()) {
    if (!ages.size) continue;
    const dim = ageDim(first)!;
    for (const g of GROUPS) {
      // The table's own group, where it has one, is the figure; a sum beside it would be a second value.
      if (groups.has(g.title)) continue;
      const missing: number[] = [];
      let sum = 0;
      for (let a = 0; a <= g.upTo; a++) {
        const v = ages.get(a)?.value;
        if (v === null || v === undefined) missing.push(a);
        else sum += v;
      }
      if (missing.length) {
        // A region that did not exist that year has no ages at all: nothing to say about it.
        if (missing.length <= g.upTo) out.gaps.push(`${first.tableId} ${first.region} ${first.period.key}: ${g.title} not summed, no value for age ${missing.join(', ')}`);
        continue;
      }
      out.records.push({ ...first, line: ages.get(0)!.line, dims: { ...first.dims, [dim]: { key: `som-0-${g.upTo}`, title: g.title } }, value: sum, column: 'Value' });
    }
    // Every single year present: their sum is the total, or the file contradicts itself.
    const oldest = Math.max(...ages.keys());
    if (total?.value != null && open?.value != null && ages.size === oldest + 1 && [...ages.values()].every((r) => r.value !== null)) {
      const sum = [...ages.values()].reduce((s, r) => s + r.value!, open.value);
      if (sum !== total.value) {
        throw new InputError({ file: total.file, line: total.line, column: 'Value' }, `Totaal is ${total.value} for ${total.region}, ${total.period.key}, but the single years of age add up to ${sum}`, 'a total equal to the sum of the ages');
      }
    }
  }
  return out;
}
