import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData, ROOT, type CliResult } from './helpers/cli.ts';

/**
 * Inputs the pipeline cannot hold or cannot walk get one line naming the file and the limit, exit 1, and
 * nothing written: a 1 GB file is refused by its size before a byte is read (the file here is sparse, so
 * the test costs no disk; `npm run bench:limits` does the same with 1 GB of real UTF-8 and reports the
 * peak memory), and symbolic link loops are named instead of crashing with ELOOP.
 */
const MINI = join(ROOT, 'tests/fixtures/mini');
const IV3 = 'iv3/iv3_2023_jaarrekening.csv';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'jib-limits-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the mini folder changed by `edit`, built into a fresh output folder. */
async function build(name: string, edit: (dir: string) => void, env: Record<string, string> = {}): Promise<CliResult & { out: string }> {
  const dir = join(tmp, name);
  cpSync(MINI, dir, { recursive: true });
  edit(dir);
  const out = join(tmp, `${name}-out`);
  return { ...(await buildData(dir, out, env)), out };
}

function expectOneLine(r: CliResult, start: string, ...parts: string[]) {
  const msg = r.stderr.trim();
  expect(r.code, msg).toBe(1);
  expect(msg.split('\n'), msg).toHaveLength(1);
  expect(msg).not.toMatch(/failed:|\n\s+at |Error:/);
  expect(msg.startsWith(`build-data: ${start}: `), msg).toBe(true);
  for (const p of parts) expect(msg).toContain(p);
}

/** truncate() extends without writing: 1 GB on paper, nothing on disk. */
const sparse = (path: string, bytes: number) => {
  writeFileSync(path, '');
  truncateSync(path, bytes);
};

describe('input size limits', () => {
  it('refuses a 1 GB input by its size, naming the file and the limit, and writes nothing', async () => {
    const dir = join(tmp, 'big');
    cpSync(MINI, dir, { recursive: true });
    sparse(join(dir, IV3), 1024 ** 3);
    const out = join(tmp, 'big-out');
    const r = await buildData(dir, out);
    expectOneLine(r, IV3, 'the file is 1024 MB, over the limit of 256 MB per input file', 'JEUGDHULP_MAX_FILE_MB');
    expect(existsSync(out)).toBe(false);
  });

  it('the limit can be set; files a reader never opens are not limited', async () => {
    const two = 'x'.repeat(2 * 1024 * 1024);
    const refused = await build('limit-1', (d) => writeFileSync(join(d, 'cbs-published/figures.csv'), `metric,year,value,unit,source_url,source_title,quote\n${two}\n`), { JEUGDHULP_MAX_FILE_MB: '1' });
    expectOneLine(refused, 'cbs-published/figures.csv', 'the file is 2 MB, over the limit of 1 MB');
    const ok = await build('limit-1-skipped', (d) => writeFileSync(join(d, 'README.md'), two), { JEUGDHULP_MAX_FILE_MB: '1' });
    expect(ok.code, ok.stderr).toBe(0);
  });
});

describe('folders that cannot be walked', () => {
  it('a loop of symbolic links (a → b → a) is named, not an ELOOP stack', async () => {
    const r = await build('eloop', (d) => {
      symlinkSync('loop-b', join(d, 'loop-a'));
      symlinkSync('loop-a', join(d, 'loop-b'));
    });
    expectOneLine(r, 'loop-a', 'a loop of symbolic links (ELOOP)');
  });

  it('a link back to a folder above (sub/up → ..) is named instead of walked forever', async () => {
    const r = await build('up', (d) => {
      mkdirSync(join(d, 'sub'));
      symlinkSync('..', join(d, 'sub', 'up'));
    });
    expectOneLine(r, 'sub/up', 'a symbolic link to a folder that is already read');
  });

  it('a symbolic link to nothing is named', async () => {
    const r = await build('dangling', (d) => symlinkSync('nowhere.csv', join(d, 'iv3', 'iv3_2024_begroting.csv')));
    expectOneLine(r, 'iv3/iv3_2024_begroting.csv', 'a symbolic link to nothing (ENOENT)');
  });

  it('a control character in a folder name is refused (it would reach source_file)', async () => {
    const r = await build('ctl-name', (d) => {
      mkdirSync(join(d, 'extra\u0007'));
      writeFileSync(join(d, 'extra\u0007', 'figures.csv'), 'x');
    });
    expectOneLine(r, '.', 'a file name with a control character: "extra\\u0007"');
  });
});
