import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../../src/pipeline/errors.ts';
import { geographyFromGebieden, NameIndex } from '../../../src/pipeline/geo.ts';
import { readCbsV4 } from '../../../src/pipeline/readers/cbs-v4.ts';
import type { SourceFile } from '../../../src/pipeline/readers/types.ts';

export const FORMATS = fileURLToPath(new URL('../../fixtures/formats/', import.meta.url));

/** A fixture file as the pipeline hands it to a reader; `rel` is what messages name. */
export function fixture(rel: string): SourceFile {
  const path = join(FORMATS, rel);
  return { path, rel, bytes: new Uint8Array(readFileSync(path)) };
}

/** The same file with other bytes (a variant made in the test), under the same name. */
export function variant(f: SourceFile, edit: (text: string) => string): SourceFile {
  return { ...f, bytes: new TextEncoder().encode(edit(new TextDecoder().decode(f.bytes))) };
}

export function textFile(rel: string, text: string | Uint8Array): SourceFile {
  return { path: join(FORMATS, rel), rel, bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text };
}

/** The InputError a call throws (sync or async), for assertions on file, line, column and expected. */
export async function inputError(fn: () => unknown): Promise<InputError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw new Error(`expected an InputError, got ${(e as Error).stack ?? e}`);
  }
  throw new Error('expected an InputError, but nothing was thrown');
}

/** Gemeente and jeugdregio names of the formats fixture (Gebieden in Nederland 2022), for name lookups. */
export async function names2022(): Promise<NameIndex> {
  const recs = await readCbsV4({
    tableId: '85067NED',
    observations: fixture('cbs-v4/cbs_gebieden_2022.csv'),
    measureCodes: fixture('cbs-v4/cbs_gebieden_measurecodes.json'),
    dimensionCodes: {},
    period: '2022JJ00',
    skipUnknownMeasures: true,
  });
  return new NameIndex(geographyFromGebieden(new Map([[2022, recs]])));
}
