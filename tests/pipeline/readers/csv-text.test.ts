import { describe, expect, it } from 'vitest';
import { parseCbsNumber, readCsv } from '../../../src/pipeline/readers/csv.ts';
import { decodeText } from '../../../src/pipeline/readers/text.ts';
import { fixture, inputError } from './source.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));
const latin1 = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));

describe('decodeText: UTF-8 (with or without BOM) and Latin-1 are read; everything else is refused', () => {
  it('reads UTF-8, drops a BOM, and reads Latin-1 to the same text', () => {
    expect(decodeText(utf8('Súdwest-Fryslân\n'), 'a.csv')).toBe('Súdwest-Fryslân\n');
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'Súdwest-Fryslân\n'), 'a.csv')).toBe('Súdwest-Fryslân\n');
    expect(decodeText(latin1('Súdwest-Fryslân\n'), 'a.csv')).toBe('Súdwest-Fryslân\n');
    expect(decodeText(utf8('plain ASCII'), 'a.csv')).toBe('plain ASCII');
  });

  it('the two encoding fixtures decode to the same text', () => {
    const a = decodeText(fixture('encodings/85099NED_latin1.csv').bytes, 'latin1.csv');
    const b = decodeText(fixture('encodings/85099NED_utf8bom.csv').bytes, 'bom.csv');
    expect(a).toContain('"Súdwest-Fryslân"');
    expect(a.replace(/\r\n/g, '\n')).toBe(b.replace(/\r\n/g, '\n'));
  });

  it('refuses an empty file, UTF-16 with or without BOM, and binary data, naming the line', async () => {
    expect(await inputError(() => decodeText(new Uint8Array(), 'e.csv'))).toMatchObject({ file: 'e.csv', line: undefined, expected: 'a text file with a header line' });
    const le = new Uint8Array([0xff, 0xfe, ...[...'a;b\n'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect((await inputError(() => decodeText(le, 'u.csv'))).message).toBe('u.csv, line 1: the file is UTF-16 encoded; expected UTF-8 or Latin-1 text');
    const be = new Uint8Array([0xfe, 0xff, ...[...'a;b\n'].flatMap((c) => [0, c.charCodeAt(0)])]);
    expect(await inputError(() => decodeText(be, 'u.csv'))).toMatchObject({ line: 1 });
    const noBom = new Uint8Array([...'Gemeenten;Taakveld\nAlkmaar;6.72a\n'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect((await inputError(() => decodeText(noBom, 'u.csv'))).message).toContain('UTF-16 encoded (without a byte order mark)');
    const bin = bytes('a;b\n1;2\n', [0x00, 0x13, 0x88]);
    expect(await inputError(() => decodeText(bin, 'b.csv'))).toMatchObject({ line: 3, expected: 'UTF-8 or Latin-1 text' });
  });

  it('refuses Windows-1252 text (C1 bytes such as curly quotes) at the line where they are', async () => {
    const cp1252 = latin1('a;b\n1;2\n3;\x93quoted\x94\n');
    const e = await inputError(() => decodeText(cp1252, 'w.csv'));
    expect(e.message).toBe('w.csv, line 3: bytes that are neither UTF-8 nor Latin-1 text (byte 0x93); expected UTF-8 or Latin-1 text');
  });

  it('refuses a file that is partly UTF-8 and partly Latin-1 (garbled names), at the first bad byte', async () => {
    const mixed = bytes('naam\nSúdwest-Fryslân\n', [...latin1('Súdwest-Fryslân\n')]);
    const e = await inputError(() => decodeText(mixed, 'm.csv'));
    expect(e).toMatchObject({ line: 3, expected: 'the whole file in one encoding, UTF-8 or Latin-1' });
    // A BOM says UTF-8: a Latin-1 byte after it is the same mistake.
    const bomLatin = bytes([0xef, 0xbb, 0xbf], [...latin1('naam\nSúdwest\n')]);
    expect((await inputError(() => decodeText(bomLatin, 'm.csv'))).message).toContain('line 2: byte 0xFA is not valid UTF-8');
    // A UTF-8 sequence cut off at the end of the file.
    expect(await inputError(() => decodeText(bytes('Súdwest\nFrysl', [0xc3]), 'm.csv'))).toMatchObject({ line: 2 });
  });
});

describe('readCsv: strict delimited text', () => {
  const opts = { delimiter: ';' as const, required: ['a', 'b'] };
  const read = (text: string, o: Partial<typeof opts & { allowEmpty: boolean }> = {}) => readCsv(utf8(text), 't.csv', { ...opts, ...o });

  it('gives each row the line it starts on, across quoted newlines and CRLF, and trims header names', () => {
    const t = read(' a ;b;c\r\n1;"two\r\nlines";3\r\n4;5;6\r\n\r\n');
    expect(t.header).toEqual(['a', 'b', 'c']);
    expect(t.rows).toEqual([
      { line: 2, values: { a: '1', b: 'two\r\nlines', c: '3' } },
      { line: 4, values: { a: '4', b: '5', c: '6' } },
    ]);
    const mc = readCsv(fixture('cbs-v4/cbs_70072ned_measurecodes.csv').bytes, 'mc.csv', { delimiter: ',', required: ['Identifier', 'Title'] });
    expect(mc.rows.map((r) => [r.line, r.values.Identifier])).toEqual([[2, 'M000352_3'], [6, '40000_1']]);
  });

  it('names the separator it found instead of the expected one', async () => {
    const e = await inputError(() => read('a,b,c\n1,2,3\n'));
    expect(e.message).toBe('t.csv, line 1: the header is separated by commas; expected semicolon-separated columns "a", "b"');
    expect((await inputError(() => read('abc\n1\n'))).message).toContain('the header has a single column');
  });

  it('missing and duplicated columns are errors at line 1 naming the column', async () => {
    expect(await inputError(() => read('a;c\n1;2\n'))).toMatchObject({ line: 1, column: 'b', expected: 'a column named "b"' });
    expect(await inputError(() => read('a;b;a\n1;2;3\n'))).toMatchObject({ line: 1, column: 'a', expected: 'unique column names' });
  });

  it('a short row names the first column it lacks; a long row names its line', async () => {
    const short = await inputError(() => read('a;b;c\n1;2;3\n4;5\n'));
    expect(short.message).toBe('t.csv, line 3, column "c": the row has 2 fields; expected 3 semicolon-separated fields like the header');
    expect(await inputError(() => read('a;b;c\n1;2;3;4\n'))).toMatchObject({ line: 2, column: undefined });
  });

  it('an unterminated quote and a stray quote are errors at the line and column where they start', async () => {
    const open = await inputError(() => read('a;b;c\n1;2;3\n4;"5;6\n7;8;9\n'));
    expect(open).toMatchObject({ line: 3, column: 'b', expected: 'a closing double quote' });
    const stray = await inputError(() => read('a;b;c\n1;2;3\n4;"5"x;6\n'));
    expect(stray).toMatchObject({ line: 3, column: 'b', expected: 'quotes only around whole fields' });
  });

  it('an empty file, blank lines only, or a header without rows are errors (unless rows may be absent)', async () => {
    expect((await inputError(() => read(''))).message).toContain('the file is empty');
    expect((await inputError(() => read('\n\n  \n'))).message).toContain('the file has no content');
    expect(await inputError(() => read('a;b\n'))).toMatchObject({ line: 2, expected: 'at least one data row' });
    expect(read('a;b\n', { allowEmpty: true }).rows).toEqual([]);
  });
});

describe('parseCbsNumber', () => {
  const at = { file: 'x.csv', line: 7, column: 'Waarde' };
  it('reads the decimal comma with thousands dots of StatLine exports', () => {
    expect(parseCbsNumber('1.234,5', ',', at)).toBe(1234.5);
    expect(parseCbsNumber('5.612.345,6', ',', at)).toBe(5612345.6);
    expect(parseCbsNumber('5.801.210', ',', at)).toBe(5801210);
    expect(parseCbsNumber('2.290', ',', at)).toBe(2290);
    expect(parseCbsNumber('9,8', ',', at)).toBe(9.8);
    expect(parseCbsNumber('-45,0', ',', at)).toBe(-45);
  });
  it('reads the decimal point of the APIs', () => {
    expect(parseCbsNumber('110800.0', '.', at)).toBe(110800);
    expect(parseCbsNumber(' 10.1 ', '.', at)).toBe(10.1);
    expect(parseCbsNumber('0', '.', at)).toBe(0);
  });
  it("'.', right-aligned '.', '', 'x', '-' and '?' are missing: null, not 0", () => {
    for (const m of ['.', '         .', '', 'x', '-', '?']) expect(parseCbsNumber(m, ',', at), JSON.stringify(m)).toBeNull();
  });
  it('anything else is an error at the given location', async () => {
    const e = await inputError(() => parseCbsNumber('1,5', '.', at));
    expect(e.message).toBe(`x.csv, line 7, column "Waarde": "1,5" is not a number; expected a number with decimal point, or '.' for missing`);
    expect(await inputError(() => parseCbsNumber('12a', ',', at))).toMatchObject({ line: 7, column: 'Waarde' });
  });
});
