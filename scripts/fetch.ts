/**
 * npm run fetch -- [--only <ids>] [--years <list>] [--dry-run] [--out <dir>] [--base <url>] …
 * CBS StatLine / dataderden Iv3 / cartomap boundaries → data/raw/<source>/ (layout: data/README.md).
 * Exit 0: every target written or unchanged; 1: some target failed (the others are written, the failed ones
 * keep their previous files); 2: bad arguments.
 */
import { parseArgs } from 'node:util';
import { describeRun, runFetch, selectTargets, UsageError, type RunEvent } from '../src/fetch/run.ts';
import { hostsFor, SOURCES } from '../src/fetch/sources.ts';

const HELP = `usage: npm run fetch -- [options]

  --only <ids>        comma-separated sources (${SOURCES.map((s) => s.id).join(', ')}),
                      source/year (gebieden/2024, iv3/2023) or table ids (45063NED); default: all
  --years <list>      years for the per-year sources (03759ned, gebieden, iv3, boundaries): 2019-2023 or 2019,2021
                      (the youth-care tables are always fetched whole: CBS revises them in place)
  --dry-run           print what would be fetched, and where it would go; contacts no host
  --out <dir>         raw data folder (default data/raw)
  --base <url>        serve every host from <url>/{opendata,dataderden,datasets,cartomap} (tests, mirrors);
                      default $JEUGDHULP_CBS_BASE, else the real CBS and cartomap hosts
  --attempts <n>      tries per request (default 5)         --backoff <ms>   first backoff (default 1000)
  --timeout <s>       per attempt (default 120)             --concurrency <n> requests in flight (default 4)
  --max-response-mb <n>     largest response accepted, counted while it streams (default 256)
  --max-retry-after <s>     longest Retry-After (429/503) waited for; longer fails the request (default 600)
  --table-time-limit <min>  no further page of a table after this long (default 60)
  --fresh             ignore an interrupted run's state and fetch every selected target again
  --quiet             no progress, only errors and the summary`;

function parseYears(s: string): number[] {
  const out = new Set<number>();
  for (const part of s.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\d{4})(?:-(\d{4}))?$/.exec(part);
    if (!m) throw new UsageError(`--years ${s}: expected years like 2019-2023 or 2019,2021`);
    const [a, b] = [Number(m[1]), Number(m[2] ?? m[1])];
    if (b < a) throw new UsageError(`--years ${s}: ${a}-${b} runs backwards`);
    for (let y = a; y <= b; y++) out.add(y);
  }
  if (!out.size) throw new UsageError(`--years ${s}: no years`);
  return [...out].sort();
}

function positive(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || (name !== 'backoff' && n === 0)) throw new UsageError(`--${name} ${v}: expected a positive number`);
  return n;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        only: { type: 'string', multiple: true },
        years: { type: 'string' },
        'dry-run': { type: 'boolean' },
        out: { type: 'string' },
        base: { type: 'string' },
        attempts: { type: 'string' },
        backoff: { type: 'string' },
        timeout: { type: 'string' },
        concurrency: { type: 'string' },
        'max-response-mb': { type: 'string' },
        'max-retry-after': { type: 'string' },
        'table-time-limit': { type: 'string' },
        fresh: { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (e) {
    console.error(`fetch: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  const raw = args.out ?? 'data/raw';
  const hosts = hostsFor(args.base ?? process.env.JEUGDHULP_CBS_BASE);
  const tty = Boolean(process.stderr.isTTY) && !args.quiet;
  try {
    const only = args.only?.flatMap((o) => o.split(','));
    const years = args.years ? parseYears(args.years) : undefined;
    const http = {
      attempts: positive('attempts', args.attempts, 5),
      backoffMs: positive('backoff', args.backoff, 1000),
      timeoutMs: positive('timeout', args.timeout, 120) * 1000,
      concurrency: positive('concurrency', args.concurrency, 4),
      maxResponseBytes: positive('max-response-mb', args['max-response-mb'], 256) * 1024 * 1024,
      maxRetryAfterMs: positive('max-retry-after', args['max-retry-after'], 600) * 1000,
    };
    const tableTimeLimitMs = positive('table-time-limit', args['table-time-limit'], 60) * 60_000;
    if (args['dry-run']) {
      const targets = selectTargets(only, years);
      console.log(`fetch --dry-run: ${targets.length} targets (nothing is downloaded)`);
      for (const l of describeRun(targets, hosts, raw)) console.log(l);
      return 0;
    }
    const t0 = performance.now();
    let total = 0;
    let finished = 0;
    const status = new Map<string, string>();
    const line = (s: string) => {
      if (tty) process.stderr.write(`\r\x1b[2K${s}\n`);
      else if (!args.quiet) process.stderr.write(`${s}\n`);
    };
    const redraw = () => {
      if (!tty) return;
      const active = [...status.entries()].map(([t, s]) => `${t} ${s}`).join(' | ');
      process.stderr.write(`\r\x1b[2K[${finished}/${total}] ${active}`.slice(0, (process.stderr.columns ?? 120) - 1));
    };
    const onEvent = (e: RunEvent) => {
      switch (e.type) {
        case 'recovered':
          line(`  put back ${e.dir}: a run was stopped while replacing it`);
          break;
        case 'plan':
          total = e.targets.length;
          finished = e.resumed.length;
          if (e.resumed.length) line(`resuming the run of ${e.since}: ${e.resumed.length} of ${total} targets were done then (--fresh to start over)`);
          break;
        case 'start':
          status.set(e.target, 'metadata');
          break;
        case 'progress':
          status.set(e.target, e.pages ? `${e.what} ${e.rows.toLocaleString('en')} rows, ${e.pages} p.` : e.what);
          break;
        case 'retry':
          if (!args.quiet) line(`  retry ${e.attempt} in ${(e.waitMs / 1000).toFixed(1)} s: ${e.reason} (${e.url})`);
          break;
        case 'warn':
          line(`  warning ${e.target}: ${e.message}`);
          break;
        case 'skip':
          finished++;
          status.delete(e.target);
          line(`  skip   ${e.target}: ${e.reason}`);
          break;
        case 'done': {
          finished++;
          status.delete(e.target);
          const o = e.outcome;
          const what = o.status === 'created' ? `${o.changes.length} files` : o.changes
            .map((c) => `${c.file} ${c.kind}${c.kind === 'changed' ? ` (${c.rowsBefore ?? '?'} → ${c.rowsAfter ?? '?'} rows, ${c.linesAdded} new/changed, ${c.linesRemoved} gone)` : ''}`)
            .join('; ');
          line(`  ${o.status.padEnd(9)} ${e.target} in ${e.seconds.toFixed(1)} s${what ? `: ${what}` : ''}`);
          break;
        }
        case 'fail':
          finished++;
          status.delete(e.target);
          line(`  FAILED ${e.target}: ${e.error}`);
          break;
      }
      redraw();
    };
    // Writes are synchronous, so Ctrl-C lands between them: finished folders are complete, pages kept.
    process.once('SIGINT', () => {
      if (tty) process.stderr.write('\r\x1b[2K');
      console.error('fetch: interrupted; finished targets are written. Run the same command again to resume.');
      process.exit(130);
    });
    const r = await runFetch({ raw, hosts, only, years, http, tableTimeLimitMs, fresh: args.fresh, onEvent });
    if (tty) process.stderr.write('\r\x1b[2K');
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    const summary = `fetch: ${r.written.length} written, ${r.unchanged.length} unchanged, ${r.skipped.length} skipped, ${r.resumed.length} done earlier, ${r.failed.length} failed; ${r.requests} requests in ${secs} s → ${raw}`;
    if (r.failed.length) {
      console.error(summary);
      for (const f of r.failed) console.error(`fetch: ${f.target}: ${f.error}`);
      console.error('fetch: the failed targets keep their previous files; run the same command again to resume.');
      return 1;
    }
    console.error(summary);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`fetch: ${e.message}`);
      return 2;
    }
    console.error(`fetch: failed: ${(e as Error).stack ?? e}`);
    return 1;
  }
}

process.exitCode = await main();
