import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData, pool, snapshot, type CliResult } from './helpers/cli.ts';

/**
 * The warehouse must not depend on the machine it is built on. Node's ICU takes its default locale from
 * LC_ALL/LANG (no system locale needs to be installed), and under Danish collation "aa" sorts after "z":
 * a plain localeCompare put the indicator aandeel_… last and changed every checksum. The sample holds
 * that indicator, so a reordering shows.
 */
describe('locale- and timezone-proof builds', () => {
  let tmp: string;
  let runs: CliResult[];
  const envs = [
    { LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', TZ: 'UTC' },
    { LC_ALL: 'da_DK.UTF-8', LANG: 'da_DK.UTF-8', TZ: 'Pacific/Kiritimati' },
    { LC_ALL: 'tr_TR.UTF-8', LANG: 'tr_TR.UTF-8', TZ: 'America/St_Johns' },
  ];

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'jib-locale-'));
    runs = await pool(envs.map((env, i) => () => buildData('data/sample', join(tmp, `out-${i}`), env)), 2);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('the Danish locale really changes Node’s default collation (else this test proves nothing)', async () => {
    const { runScript } = await import('./helpers/cli.ts');
    const probe = join(tmp, 'probe.mjs');
    (await import('node:fs')).writeFileSync(probe, "console.log(['z', 'aa'].sort((a, b) => a.localeCompare(b)).join(','))\n");
    const da = await runScript(probe, [], [], envs[1]);
    const c = await runScript(probe, [], [], envs[0]);
    expect(da.stdout.trim()).toBe('z,aa');
    expect(c.stdout.trim()).toBe('aa,z');
  });

  it('gives byte-identical files under C/UTC, da_DK/UTC+14 and tr_TR/UTC−3:30', () => {
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const [a, ...others] = envs.map((_, i) => snapshot(join(tmp, `out-${i}`)));
    expect(Object.keys(a).length).toBeGreaterThan(10);
    for (const o of others) expect(o).toEqual(a);
  });

  it('sorts observations by code point (indicator, then geo_code)', () => {
    const lines = readFileSync(join(tmp, 'out-1', 'observations.csv'), 'utf8').trim().split('\n').slice(1);
    const keys = lines.map((l) => l.split(',').slice(0, 2) as [string, string]);
    expect(keys.some(([ind]) => ind.startsWith('aandeel_'))).toBe(true);
    const outOfOrder = keys.findIndex(([ind, geo], i) => i > 0 && (ind < keys[i - 1][0] || (ind === keys[i - 1][0] && geo < keys[i - 1][1])));
    expect(outOfOrder, lines[outOfOrder]).toBe(-1);
  });
});
