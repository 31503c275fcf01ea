import { InputError } from '../errors.ts';
import { readCsv } from './csv.ts';
import type { SourceFile } from './types.ts';

/** A CBS figure typed from a publication (news item, longread, StatLine preview page), with its source. */
export interface PublishedFigure {
  file: string;
  line: number;
  /** 'Nederland' for figures.csv; a gemeente name as CBS prints it in gemeente_figures.csv. */
  geography: string;
  metric: string;
  /** CBS period label: 2019, 2019*, 2022H1**, 2023-12-31*, optionally with a note "(as first published)". */
  year: string;
  value: number;
  unit: string;
  source_url: string;
  source_title: string;
}

const COLUMNS = ['metric', 'year', 'value', 'unit', 'source_url', 'source_title'];

export function readPublishedFigures(f: SourceFile): PublishedFigure[] {
  const csv = readCsv(f.bytes, f.rel, { delimiter: ',', required: COLUMNS });
  const hasGeo = csv.header.includes('geography');
  return csv.rows.map(({ line, values }) => {
    const v = values.value.trim();
    if (!/^-?\d+(\.\d+)?$/.test(v)) throw new InputError({ file: f.rel, line, column: 'value' }, `"${values.value}" is not a number`, 'a number with a decimal point');
    if (!/^\d{4}/.test(values.year.trim())) throw new InputError({ file: f.rel, line, column: 'year' }, `"${values.year}" is not a CBS period label`, 'a label such as 2019, 2019*, 2022H1** or 2023-12-31*');
    if (!/^https?:\/\//.test(values.source_url.trim())) throw new InputError({ file: f.rel, line, column: 'source_url' }, 'no source URL', 'the URL of the publication');
    return {
      file: f.rel,
      line,
      geography: hasGeo ? values.geography.trim() : 'Nederland',
      metric: values.metric.trim(),
      year: values.year.trim(),
      value: Number(v),
      unit: values.unit.trim(),
      source_url: values.source_url.trim(),
      source_title: values.source_title.trim(),
    };
  });
}
