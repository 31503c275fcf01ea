/**
 * One error type for every problem in the input. Readers never throw plain Errors for bad data:
 * a journalist re-running the build must see which file, which line, which column, and what the
 * pipeline expected there.
 */
export interface InputLocation {
  file: string;
  /** 1-based line (text formats) or row number (Parquet, JSON arrays); absent for whole-file problems. */
  line?: number;
  column?: string;
}

export class InputError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: string | undefined;
  readonly expected: string;

  constructor(where: InputLocation, problem: string, expected: string) {
    const at = [where.file, where.line !== undefined ? `line ${where.line}` : '', where.column ? `column "${where.column}"` : '']
      .filter(Boolean)
      .join(', ');
    super(`${at}: ${problem}; expected ${expected}`);
    this.name = 'InputError';
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
    this.expected = expected;
  }
}
