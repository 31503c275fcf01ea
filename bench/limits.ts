/**
 * npm run bench:limits — what a 1 GB input costs build-data: a copy of tests/fixtures/mini whose Iv3 file
 * is grown to 1 GiB of valid UTF-8 rows (in the system temp folder, removed afterwards). Prints the exit
 * code, the message, the wall time and the peak RSS of the build-data process. Before the size check the
 * decoder died with a stack trace after reading the whole file; now it is refused before a byte is read.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GIB = 1024 ** 3;
const work = mkdtempSync(join(tmpdir(), 'bench-limits-'));
try {
  const data = join(work, 'data');
  cpSync('tests/fixtures/mini', data, { recursive: true });
  const file = join(data, 'iv3', 'iv3_2023_jaarrekening.csv');
  const [header, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
  // Real rows with a multi-byte name, repeated: valid UTF-8 all the way, so only the size is wrong.
  const block = Buffer.from(`${rows.join('\n').replaceAll('Schagen', 'Súdwest-Fryslân')}\n`.repeat(2000));
  const fd = openSync(file, 'w');
  let size = writeSync(fd, `${header}\n`);
  while (size < GIB) size += writeSync(fd, block);
  closeSync(fd);
  // A preload that reports this process's peak RSS as it exits, whatever the exit path.
  const report = "process.on('exit', () => process.stderr.write('\\nRSS ' + process.resourceUsage().maxRSS / 1024 + '\\n'))";
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [`--import=data:text/javascript,${encodeURIComponent(report)}`, 'scripts/build-data.ts', '--data', data, '--out', join(work, 'out')], {
    encoding: 'utf8',
    env: { ...process.env, JEUGDHULP_DATA_DIR: '' },
  });
  const seconds = (performance.now() - t0) / 1000;
  const rss = Number(/RSS ([\d.]+)/.exec(r.stderr)?.[1] ?? NaN);
  const message = r.stderr.replace(/\nRSS [\d.]+\n?/, '').trim();
  console.log(`bench:limits on ${process.version}: input ${(size / GIB).toFixed(2)} GiB of UTF-8 (${file.slice(work.length + 1)})`);
  console.log(`  exit ${r.status ?? r.signal}, ${seconds.toFixed(2)} s, peak RSS ${rss.toFixed(0)} MB`);
  console.log(`  stderr: ${message.split('\n').slice(0, 3).join('\n          ')}${message.split('\n').length > 3 ? ` … (${message.split('\n').length} lines)` : ''}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
