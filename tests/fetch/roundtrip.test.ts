import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeCbs, type FakeCbs } from './helpers/fake-cbs.ts';
import { cli, json, snapshot, type CliResult } from './helpers/run.ts';
import { world } from './helpers/world.ts';

/**
 * The real CLIs, chained: `scripts/fetch.ts` against the replay server (real source config, a few ids and
 * years whose tables the replay serves), then `scripts/build-data.ts` on what it wrote, and the figures
 * checked in the warehouse CSV.
 */
const ONLY = ['--only', '85099NED,03759ned/2022,gebieden/2022,iv3/2023,boundaries/2022,kwb/2021'];
const FAST = ['--attempts', '3', '--backoff', '1', '--timeout', '5'];

describe('fetch → build-data round trip', () => {
  let fake: FakeCbs;
  let tmp: string;
  let fetched: CliResult;
  let built: CliResult;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'jib-roundtrip-'));
    fake = await startFakeCbs({ ...world(), pageSize: 20 });
    fetched = await cli('scripts/fetch.ts', [...ONLY, ...FAST, '--base', fake.base, '--out', join(tmp, 'raw')]);
    built = await cli('scripts/build-data.ts', ['--data', join(tmp, 'raw'), '--out', join(tmp, 'out')]);
  });
  afterAll(async () => {
    await fake.close();
    rmSync(tmp, { recursive: true, force: true });
  });
  beforeEach(() => {
    fake.faults.length = 0;
    fake.log.length = 0;
  });

  it('fetch exits 0 with a summary; build-data reads every file it wrote', () => {
    expect(fetched.code, fetched.stderr).toBe(0);
    expect(fetched.stderr).toMatch(/fetch: 6 written, 0 unchanged, 0 skipped, 0 done earlier, 0 failed; \d+ requests in [\d.]+ s/);
    expect(built.code, built.stderr).toBe(0);
    const dp = json(join(tmp, 'out', 'datapackage.json'));
    const read = JSON.stringify(dp);
    for (const f of ['85099NED/TypedDataSet.json', '03759ned/2022/cbs_03759ned_2022.json', 'gebieden/2022/cbs_gebieden_2022.json', 'iv3/45063NED/TypedDataSet.json']) expect(read).toContain(f);
    // The manifests carry into provenance: which request gave the file, and when.
    const tds = dp.sources.find((s: { path: string }) => s.path === '85099NED/TypedDataSet.json');
    expect(tds.fetched_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.*85099NED/);
    expect(tds.retrieved).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('the figures arrive in the warehouse: counts, provisional status, suppressed cells, population, Iv3 costs', () => {
    const obs = readFileSync(join(tmp, 'out', 'observations.csv'), 'utf8');
    expect(obs).toContain('jongeren_jeugdzorg,GM0361,2021,2790,definitief,85099NED,85099NED/TypedDataSet.json,2022,');
    expect(obs).toContain('jongeren_jeugdzorg,GM0361,2022,2845,voorlopig,85099NED,85099NED/TypedDataSet.json,2022,');
    expect(obs).toContain('jongeren_jeugdzorg,GM0362,2022,,voorlopig,85099NED,');
    expect(obs).toContain('jongeren_jeugdzorg,JZ06,2022,4355,voorlopig,85099NED,');
    // Population: 03759ned has no age groups; the single years 0–17 (1 011 each in this world) are summed.
    expect(obs).toContain('bevolking_0_17,GM0441,2022,18198,definitief,03759ned,03759ned/2022/cbs_03759ned_2022.json,2022,');
    expect(obs).toContain('bevolking_0_22,GM0441,2022,23253,definitief,03759ned,');
    expect(obs).toContain('bevolking_totaal,NL01,2022,100010,definitief,03759ned,');
    // KWB 2021 (GeoDetail, TopicGroups, titles with a trailing space): the share per gemeente, null where CBS has none.
    expect(obs).toMatch(/kwb_aandeel_jongeren_jeugdzorg,GM0361,2021,10\.8,/);
    expect(obs).toMatch(/kwb_jongeren_jeugdzorg,GM0361,2021,300,/);
    expect(obs).not.toMatch(/kwb_aandeel_jongeren_jeugdzorg,GM0362,2021,\d/);
    // Iv3 2023 jaarrekening, GM0361: 2e plaatsing 412 on L1.1 and L7.1 of 6.72a, × € 1 000.
    expect(obs).toMatch(/kosten_jeugdhulp_zonder_verblijf_jaarrekening,GM0361,2023,824000,definitief,45063NED,iv3\/45063NED\/TypedDataSet\.json,/);
    // Filtered out server-side, so absent: the province, the half-year.
    expect(obs).not.toContain('PV27');
    expect(obs).not.toContain('99999');
  });

  it('a second fetch against unchanged tables rewrites nothing', async () => {
    const before = snapshot(join(tmp, 'raw'), true);
    const r = await cli('scripts/fetch.ts', [...ONLY, ...FAST, '--base', fake.base, '--out', join(tmp, 'raw')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/fetch: 0 written, 6 unchanged/);
    expect(snapshot(join(tmp, 'raw'), true)).toEqual(before);
  });

  it('exit 1 names the failed target and keeps its previous files', async () => {
    const before = snapshot(join(tmp, 'raw'), true);
    fake.faults.push({ match: /85099NED\/TypedDataSet/, kind: '500', times: Infinity });
    const r = await cli('scripts/fetch.ts', ['--only', '85099NED', ...FAST, '--base', fake.base, '--out', join(tmp, 'raw')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/fetch: 85099NED: GET http:\/\/127\.0\.0\.1:\d+\/opendata\/ODataFeed\/odata\/85099NED\/TypedDataSet\?.* failed after 3 attempts: HTTP 500/);
    expect(r.stderr).toContain('run the same command again to resume');
    const after = snapshot(join(tmp, 'raw'), true);
    for (const [f, s] of Object.entries(before)) expect(after[f], f).toBe(s);
  });

  it('--dry-run prints targets, folders and URLs and contacts no host', async () => {
    const r = await cli('scripts/fetch.ts', ['--dry-run', '--only', 'iv3,85100NED', '--years', '2024', '--base', fake.base]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('85100NED  →  data/raw/85100NED/');
    expect(r.stdout).toContain(`GET ${fake.base}/opendata/ODataFeed/odata/85100NED/TypedDataSet  (paged; regions NL/JZ/GM, years and half-years, Persoonskenmerken/VormenVanJeugdzorg: some categories by Title)`);
    expect(r.stdout).toContain('iv3/2024  →  data/raw/iv3/45067NED/');
    // 6.1 samenkracht and 6.2 toegang are cost indicators of their own (Q11), so they are in the plan.
    expect(r.stdout).toMatch(/taakvelden 6\.1 6\.2 6\.22 6\.72 6\.72a .*6\.74c 6\.82 6\.82a 6\.82b 6\.92/);
    expect(fake.log).toEqual([]);
  });

  it('bad arguments exit 2 with a message', async () => {
    const r = await cli('scripts/fetch.ts', ['--only', 'nope', '--dry-run']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--only nope: no such source/);
    const y = await cli('scripts/fetch.ts', ['--years', '2023-2019', '--dry-run']);
    expect(y.code).toBe(2);
    expect(y.stderr).toMatch(/runs backwards/);
  });
});
