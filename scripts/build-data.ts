/**
 * npm run build:data -- --data <dir> --out <dir>
 * Raw CBS/Iv3 files → Parquet + CSV warehouse with datapackage.json. Exit 0 on success; on bad input a
 * message naming file, line, column and what was expected, exit 1, and the previous output untouched.
 */
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildWarehouse } from '../src/pipeline/build.ts';
import { InputError } from '../src/pipeline/errors.ts';
import { recoverOutput, writeWarehouse } from '../src/pipeline/write.ts';

const DEFAULT_DATA = 'data/sample';
const DEFAULT_OUT = 'public/data';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string' }, quiet: { type: 'boolean' }, help: { type: 'boolean' } } }).values;
  } catch (e) {
    console.error(`build-data: ${(e as Error).message}`);
    return 2;
  }
  if (args.help) {
    console.log('usage: npm run build:data -- [--data <dir>] [--out <dir>]\n  --data  raw data folder (default $JEUGDHULP_DATA_DIR, else data/sample)\n  --out   output folder (default public/data)');
    return 0;
  }
  const data = args.data ?? process.env.JEUGDHULP_DATA_DIR ?? DEFAULT_DATA;
  const out = args.out ?? DEFAULT_OUT;
  if (!existsSync(data) || !statSync(data).isDirectory()) {
    console.error(`build-data: data folder "${data}" does not exist; expected a folder laid out as in data/README.md`);
    return 1;
  }
  const tty = Boolean(process.stderr.isTTY) && !args.quiet;
  const t0 = performance.now();
  const progress = (step: string, rows: number, seconds: number) => {
    if (tty) process.stderr.write(`  ${step.padEnd(38)} ${String(rows).padStart(9)} rows  ${seconds.toFixed(2)} s\n`);
  };
  try {
    // First undo what a killed run left: so that even a run that fails on bad input leaves an output.
    const { removed, restored } = recoverOutput(out);
    if (restored) console.error(`build-data: restored the previous output ${out} from ${restored} (a run was killed while replacing it)`);
    if (removed.length) console.error(`build-data: removed ${removed.length} temp folder(s) of killed runs: ${removed.join(', ')}`);
    const w = await buildWarehouse(data, progress);
    if (w.notes.length) {
      const shown = w.notes.slice(0, 5).map((n) => `  - ${n}`).join('\n');
      process.stderr.write(`build-data: ${w.notes.length} note(s), nothing guessed:\n${shown}${w.notes.length > 5 ? `\n  … and ${w.notes.length - 5} more` : ''}\n`);
    }
    const t1 = performance.now();
    const files = await writeWarehouse(w, out);
    progress('write Parquet, CSV, datapackage', files.length, (performance.now() - t1) / 1000);
    if (tty) {
      process.stderr.write(`build-data: ${w.observations.length} observations from ${w.sources.length} files → ${out} in ${((performance.now() - t0) / 1000).toFixed(2)} s${w.sample ? ' (sample)' : ''}\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      console.error(`build-data: ${e.message}`);
      return 1;
    }
    console.error(`build-data: failed: ${(e as Error).stack ?? e}`);
    return 1;
  }
}

process.exitCode = await main();
