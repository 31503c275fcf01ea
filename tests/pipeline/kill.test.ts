import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempPlace } from '../../src/pipeline/write.ts';
import { buildData, ROOT, runScript, snapshot } from './helpers/cli.ts';

/**
 * build-data killed with SIGKILL at the worst moments. The output is always the previous one or the
 * complete new one; what a killed run leaves (its temp folder, or the old output set aside between the two
 * final renames) is cleared up or restored by the next run, and a temp folder never sits inside public/,
 * which Astro copies into dist/ as it is.
 */
const SAMPLE = 'data/sample';
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'jib-kill-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const withoutMarker = (s: Record<string, string>) => Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'MARKER.txt'));

describe('kill -9 during the write', () => {
  it('never leaves a temp folder in public/, keeps the output whole, and the next run removes what the killed one left', async () => {
    const site = join(tmp, 'site');
    const pub = join(site, 'public');
    const out = join(pub, 'data');
    const first = await buildData(SAMPLE, out);
    expect(first.code, first.stderr).toBe(0);
    const fresh = snapshot(out);
    writeFileSync(join(out, 'MARKER.txt'), 'previous run\n');
    const previous = snapshot(out);
    const { dir } = tempPlace(out);
    expect(dir).toBe(site);

    const KILLS = 4;
    let leftovers = 0;
    for (let k = 0; k < KILLS; k++) {
      const child = spawn(process.execPath, ['scripts/build-data.ts', '--data', SAMPLE, '--out', out], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, JEUGDHULP_DATA_DIR: '' } });
      const inPublic = new Set<string>();
      // Poll both folders; kill the moment a temp folder appears (or give up when the run ends by itself).
      const killedWithTemp = await new Promise<boolean>((resolve) => {
        const timer = setInterval(() => {
          for (const n of readdirSync(pub)) if (n !== 'data') inPublic.add(n);
          if (readdirSync(site).some((n) => n.includes('.tmp-'))) {
            clearInterval(timer);
            child.kill('SIGKILL');
            resolve(true);
          }
        }, 2);
        child.on('exit', () => {
          clearInterval(timer);
          resolve(false);
        });
      });
      await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.on('exit', r)));
      expect([...inPublic], 'entries that appeared in public/ beside data').toEqual([]);
      const now = snapshot(out);
      // Either untouched or the complete new output (a kill after the swap); never half of each.
      expect([JSON.stringify(previous), JSON.stringify(fresh)]).toContain(JSON.stringify(now));
      if (killedWithTemp) leftovers += readdirSync(site).filter((n) => n.includes('.tmp-')).length;
      if (!existsSync(join(out, 'MARKER.txt'))) writeFileSync(join(out, 'MARKER.txt'), 'previous run\n');
    }
    // The kills hit the write (else this test proved nothing), and the killed runs did leave folders behind …
    expect(leftovers).toBeGreaterThan(0);
    // … which the next run removes, saying so.
    const next = await buildData(SAMPLE, out);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/removed \d+ temp folder\(s\) of killed runs/);
    expect(readdirSync(site).sort()).toEqual(['public']);
    expect(readdirSync(pub)).toEqual(['data']);
    expect(withoutMarker(snapshot(out))).toEqual(fresh);
  });
});

describe('kill -9 between the two final renames', () => {
  /** A real process that sets the old output aside with the real swapIn and is killed before the new one moves in. */
  async function killBetweenRenames(out: string, newOutput: string) {
    const child = join(tmp, 'swap-and-die.ts');
    writeFileSync(
      child,
      `import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { swapIn, tempPlace } from ${JSON.stringify(pathToFileURL(join(ROOT, 'src/pipeline/write.ts')).href)};
const [out, from] = process.argv.slice(2);
const { dir, prefix } = tempPlace(out);
const tmp = join(dir, prefix + process.pid);
cpSync(from, tmp, { recursive: true });
swapIn(tmp, out, () => process.kill(process.pid, 'SIGKILL'));
`,
    );
    const r = await runScript(child, [out, newOutput]);
    expect(r.code).toBe(null);
  }

  let good: string;
  beforeAll(async () => {
    good = join(tmp, 'good');
    const r = await buildData('tests/fixtures/mini', good);
    expect(r.code, r.stderr).toBe(0);
  });

  it('the next run restores the set-aside output, even when that run fails on bad input', async () => {
    const parent = join(tmp, 'between');
    const out = join(parent, 'out');
    mkdirSync(parent);
    cpSync(good, out, { recursive: true });
    writeFileSync(join(out, 'MARKER.txt'), 'previous run\n');
    const before = snapshot(out);
    await killBetweenRenames(out, good);
    // The state the crash leaves: no output folder, the old one aside, the new one complete in its temp folder.
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(parent).filter((n) => n.endsWith('.old'))).toHaveLength(1);

    const r = await buildData('tests/fixtures/bad/empty-file', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('restored the previous output');
    expect(r.stderr).toContain('the file is empty');
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('and a good next run replaces it as usual', async () => {
    const parent = join(tmp, 'between-2');
    const out = join(parent, 'out');
    mkdirSync(parent);
    cpSync(good, out, { recursive: true });
    writeFileSync(join(out, 'MARKER.txt'), 'previous run\n');
    await killBetweenRenames(out, good);
    const r = await buildData('tests/fixtures/mini', out);
    expect(r.code, r.stderr).toBe(0);
    expect(snapshot(out)).toEqual(snapshot(good));
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('a temp folder of a live process is left alone', async () => {
    const parent = join(tmp, 'live');
    const out = join(parent, 'out');
    mkdirSync(parent);
    const { dir, prefix } = tempPlace(out);
    // This test process is alive: its pid stands for another build that is still writing.
    const other = join(dir, `${prefix}${process.ppid}`);
    mkdirSync(other);
    const r = await buildData('tests/fixtures/mini', out);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(other)).toBe(true);
  });
});
