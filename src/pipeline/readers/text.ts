import { InputError } from '../errors.ts';

/**
 * Decode a raw text file the way CBS files come: UTF-8 (with or without BOM) or, for older exports
 * such as the herindelingen list, Latin-1. Anything else (UTF-16, binary) is refused, because guessing
 * would silently turn names like "Súdwest-Fryslân" into garbage.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new InputError({ file }, 'the file is empty', 'a text file with a header line');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError({ file, line: 1 }, 'the file is UTF-16 encoded', 'UTF-8 or Latin-1 text');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const line = countLines(bytes, nul);
    throw new InputError({ file, line }, `binary data (a NUL byte at byte ${nul})`, 'UTF-8 or Latin-1 text');
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const text = new TextDecoder('latin1').decode(body);
    // Latin-1 decodes anything; C1 control characters mean it was neither UTF-8 nor Latin-1 text.
    const bad = text.search(/[\u0080-\u009f]/);
    if (bad !== -1) {
      throw new InputError({ file, line: text.slice(0, bad).split('\n').length }, 'bytes that are neither UTF-8 nor Latin-1 text', 'UTF-8 or Latin-1 text');
    }
    return text;
  }
}

function countLines(bytes: Uint8Array, end: number): number {
  let n = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++;
  return n;
}
