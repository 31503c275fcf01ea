import { InputError } from '../errors.ts';
import { parseCbsNumber, readCsv } from './csv.ts';
import { statusFrom, type CbsRecord, type Coded, type SourceFile } from './types.ts';

/**
 * StatLine CSV export (the "download" button): `;`-separated, quoted, labelled headers instead of keys,
 * labels instead of codes, decimal comma, '.' for missing. A column whose header ends in a unit in
 * parentheses — "Jongeren met jeugdzorg (aantal)", "Gerealiseerde kosten (x 1 000 euro)" — is a topic;
 * the other columns are dimensions. Region labels are resolved to codes later, against the Gebieden table.
 */
export function readStatlineCsv(tableId: string, f: SourceFile): CbsRecord[] {
  const csv = readCsv(f.bytes, f.rel, { delimiter: ';', required: ['Perioden'] });
  const regionCol = csv.header.find((h) => /^regio/i.test(h));
  if (!regionCol) throw new InputError({ file: f.rel, line: 1, column: "Regio's" }, 'no region column', `a column "Regio's" (header: ${csv.header.join(';')})`);
  const topics = csv.header.filter((h) => /\(([^)]*)\)\s*$/.test(h));
  if (!topics.length) throw new InputError({ file: f.rel, line: 1 }, 'no topic column', 'at least one column whose header ends in its unit, e.g. "Jongeren met jeugdzorg (aantal)"');
  const dims = csv.header.filter((h) => !topics.includes(h) && h !== regionCol && h !== 'Perioden');
  const out: CbsRecord[] = [];
  for (const { line, values } of csv.rows) {
    const period = values.Perioden.trim();
    if (!period) throw new InputError({ file: f.rel, line, column: 'Perioden' }, 'empty period', 'a period label such as 2021 or 2021*');
    const region = values[regionCol].trim();
    if (!region) throw new InputError({ file: f.rel, line, column: regionCol }, 'empty region', 'a region name');
    const coded: Record<string, Coded> = {};
    for (const d of dims) coded[d] = { key: values[d].trim(), title: values[d].trim() };
    for (const t of topics) {
      const [, title, unit] = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(t)!;
      out.push({
        tableId,
        file: f.rel,
        line,
        region,
        period: { key: period, title: period },
        status: statusFrom(null, period),
        measure: { key: t, title, unit },
        dims: coded,
        value: parseCbsNumber(values[t], ',', { file: f.rel, line, column: t }),
        column: t,
        text: null,
      });
    }
  }
  return out;
}
