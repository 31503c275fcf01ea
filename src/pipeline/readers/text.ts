import { InputError, type InputLocation } from '../errors.ts';

/**
 * Decode a raw text file the way CBS files come: UTF-8 (with or without BOM) or, for older exports
 * such as the herindelingen list, Latin-1. Anything else (UTF-16, binary, a mix of UTF-8 and Latin-1)
 * is refused, because guessing would silently turn names like "Súdwest-Fryslân" into garbage.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new InputError({ file }, 'the file is empty', 'a text file with a header line');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError({ file, line: 1 }, 'the file is UTF-16 encoded', 'UTF-8 or Latin-1 text');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    if (looksUtf16(bytes)) throw new InputError({ file, line: 1 }, 'the file is UTF-16 encoded (without a byte order mark)', 'UTF-8 or Latin-1 text');
    throw new InputError({ file, line: countLines(bytes, nul) }, `binary data (a NUL byte at byte ${nul})`, 'UTF-8 or Latin-1 text');
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    // not UTF-8: find out where, and whether it is Latin-1
  }
  const bad = firstInvalidUtf8(body);
  // Valid UTF-8 that TextDecoder still refused: longer than the longest string V8 can hold (~512 MB).
  if (bad === -1) throw new InputError({ file }, `the text is too long to decode (${body.length} bytes)`, 'a text file of at most a few hundred MB');
  const hex = (i: number) => `0x${body[i].toString(16).toUpperCase()}`;
  // A BOM or well-formed multi-byte sequences elsewhere: the file is UTF-8 with some bytes in another encoding.
  if (start === 3 || hasUtf8Sequence(body)) {
    throw new InputError({ file, line: countLines(body, bad) }, `byte ${hex(bad)} is not valid UTF-8, while the rest of the file is UTF-8 (mixed encodings)`, 'the whole file in one encoding, UTF-8 or Latin-1');
  }
  // Latin-1 decodes anything; C1 control characters mean it was neither UTF-8 nor Latin-1 text
  // (Windows-1252 quotes or €, another code page, binary).
  const c1 = body.findIndex((b) => b >= 0x80 && b <= 0x9f);
  if (c1 !== -1) {
    throw new InputError({ file, line: countLines(body, c1) }, `bytes that are neither UTF-8 nor Latin-1 text (byte ${hex(c1)})`, 'UTF-8 or Latin-1 text');
  }
  // WHATWG's "latin1" is windows-1252; without bytes 0x80–0x9F the two are the same as ISO-8859-1.
  return new TextDecoder('latin1').decode(body);
}

/** Length of the well-formed UTF-8 sequence starting at i (2–4), or 0. */
function utf8SequenceAt(b: Uint8Array, i: number): number {
  const c = b[i];
  const n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (!n || i + n > b.length) return 0;
  for (let k = 1; k < n; k++) if ((b[i + k] & 0xc0) !== 0x80) return 0;
  // Overlong forms, UTF-16 surrogates and code points above U+10FFFF.
  const c2 = b[i + 1];
  if ((c === 0xe0 && c2 < 0xa0) || (c === 0xed && c2 > 0x9f) || (c === 0xf0 && c2 < 0x90) || (c === 0xf4 && c2 > 0x8f)) return 0;
  return n;
}

/** Index of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    if (b[i] < 0x80) i++;
    else {
      const n = utf8SequenceAt(b, i);
      if (!n) return i;
      i += n;
    }
  }
  return -1;
}

/** Any well-formed multi-byte sequence (Ã© in Latin-1 eyes): text that was written as UTF-8. */
function hasUtf8Sequence(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] >= 0xc2 && utf8SequenceAt(b, i)) return true;
  return false;
}

/** Text in UTF-16 without a BOM has a NUL in every other byte (ASCII characters). */
function looksUtf16(b: Uint8Array): boolean {
  const n = Math.min(b.length, 200) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  return Math.max(even, odd) >= 0.8 * (n / 2);
}

function countLines(bytes: Uint8Array, end: number): number {
  let n = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++;
  return n;
}

/**
 * Characters no CBS text holds and that break what is built from it: C0 and C1 control characters (a NUL
 * in a name made the Open Graph renderer crash the site build) and the Unicode direction controls that
 * make a name display as something else ("Trojan Source"). Tab, LF and CR are ordinary in descriptions.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const hexOf = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Every text cell of every reader passes here (readCsv, readApiTable, GeoJSON properties). */
export function checkCellText(s: string, where: InputLocation): void {
  const bad = CONTROL.exec(s) ?? BIDI.exec(s);
  if (bad) {
    const what = CONTROL.test(bad[0]) ? 'control character' : 'text direction control';
    throw new InputError(where, `a ${what} ${hexOf(bad[0])} at character ${bad.index + 1}`, 'printable text without control characters (U+0000–U+001F, U+007F–U+009F) or direction overrides (U+202A–U+202E, U+2066–U+2069)');
  }
}

export const MAX_NAME_LENGTH = 200;

/** A place name as the site shows it (headings, Open Graph images, CSVs): one printable line of sane length. */
export function checkName(name: string, where: InputLocation): void {
  checkCellText(name, where);
  if (/[\t\r\n]/.test(name)) throw new InputError(where, `a line break or tab in the name ${JSON.stringify(name.slice(0, 60))}`, 'a name on one line');
  if (name.length > MAX_NAME_LENGTH) throw new InputError(where, `a name of ${name.length} characters ("${name.slice(0, 40)}…")`, `a name of at most ${MAX_NAME_LENGTH} characters`);
}
