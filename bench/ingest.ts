/**
 * npm run bench:ingest — wall time, rows/s and peak RSS of build-data on
 *   (a) the embedded sample, (b) the real files in $JEUGDHULP_DATA_DIR, (c) a generated ×50 scale-up of
 *   the real Iv3 volume (the real Iv3 files copied 50 times under later years, beside the real Gebieden
 *   and population files). Aims: (b) < 5 s, (c) < 60 s and < 1 GB peak on the 2-core machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SCALE = Number(process.env.BENCH_SCALE ?? 50);
const real = process.env.JEUGDHULP_DATA_DIR ? resolve(process.env.JEUGDHULP_DATA_DIR) : undefined;
const work = mkdtempSync(join(tmpdir(), 'bench-ingest-'));

function run(label: string, data: string) {
  const r = spawnSync(process.execPath, ['bench/ingest-run.ts', data, join(work, 'out')], { encoding: 'utf8' });
  if (r.status !== 0) {
    console.log(`${label.padEnd(34)} FAILED: ${r.stderr.trim().split('\n')[0]}`);
    return;
  }
  const m = JSON.parse(r.stdout.trim().split('\n').pop()!);
  console.log(
    `${label.padEnd(34)} ${m.seconds.toFixed(2).padStart(7)} s  ${String(m.rawRows).padStart(9)} raw rows  ` +
      `${Math.round(m.rawRows / m.seconds).toLocaleString('en').padStart(10)} rows/s  ${m.maxRssMb.toFixed(0).padStart(5)} MB peak RSS  ${m.observations} observations`,
  );
}

function files(dir: string, re: RegExp): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p, re) : re.test(n) ? [p] : [];
  });
}

/** Real Gebieden + population linked in; every real Iv3 file copied SCALE times under later years. */
function scaleUp(src: string): string {
  const dir = join(work, `x${SCALE}`);
  mkdirSync(join(dir, 'iv3'), { recursive: true });
  for (const p of files(src, /^cbs_(gebieden|70072ned)_.*\.parquet$/)) symlinkSync(p, join(dir, p.split('/').pop()!));
  for (const p of files(src, /^gemeentenamen\.csv$/)) symlinkSync(p, join(dir, 'iv3', 'gemeentenamen.csv'));
  const iv3 = files(src, /^iv3_\d{4}_(begroting|jaarrekening)\.csv$/);
  let year = 2030;
  for (let i = 0; i < SCALE; i++) {
    for (const p of iv3) {
      const soort = /_(begroting|jaarrekening)\.csv$/.exec(p)![1];
      writeFileSync(join(dir, 'iv3', `iv3_${year}_${soort}.csv`), readFileSync(p));
      if (soort === 'jaarrekening') year++;
    }
    year++;
  }
  return dir;
}

console.log(`bench:ingest on ${process.version}, ${(await import('node:os')).cpus().length} cores`);
run('(a) embedded sample', 'data/sample');
if (real) {
  run(`(b) real files`, real);
  run(`(c) real Iv3 ×${SCALE}`, scaleUp(real));
} else console.log('(b), (c): set JEUGDHULP_DATA_DIR to a raw data folder (e.g. ../shared/data/raw)');
rmSync(work, { recursive: true, force: true });
