/**
 * A warehouse built by the real pipeline from a data folder into a temp folder, and pointed to by
 * JEUGDHULP_WAREHOUSE so src/lib/warehouse.ts reads it. Returns a function that removes it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWarehouse } from '../../src/pipeline/build.ts';
import { writeWarehouse } from '../../src/pipeline/write.ts';

export async function useWarehouse(dataDir = 'data/sample'): Promise<() => void> {
  const tmp = mkdtempSync(join(tmpdir(), 'jib-warehouse-'));
  const out = join(tmp, 'data');
  await writeWarehouse(await buildWarehouse(dataDir), out);
  process.env.JEUGDHULP_WAREHOUSE = out;
  return () => rmSync(tmp, { recursive: true, force: true });
}
