/**
 * What the synthetic world reads from ../shared/data beside the repository (never copied into it): the real
 * Gebieden tables (the world's geography) and the real code lists of 03759ned and 70072ned. No other imports,
 * so that vitest.config.ts can use it.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED = resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared/data');
export const GEBIEDEN_DIR = join(SHARED, 'raw/datavakwerk-cbs-gebieden');
export const CAPTURE_03759 = join(SHARED, 'cbs-captures/v4-checkdecijfers-03759ned');
export const REAL_70072 = join(SHARED, 'raw/datavakwerk-cbs-70072ned');

/** Why the world cannot be generated here, or undefined. */
export function worldAvailable(): string | undefined {
  for (const p of [GEBIEDEN_DIR, CAPTURE_03759, REAL_70072]) {
    if (!existsSync(p)) return `the synthetic world reads real code lists and Gebieden from ../shared/data beside the repository; ${p} is missing`;
  }
  return undefined;
}
