/**
 * Process liveness and lock files that name their owner's pid: one definition for build-data's temp folders,
 * fetch's per-folder lock and the synthetic world's build lock. A lock left by a killed process is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/** Whether a process with this pid exists (EPERM: it exists but belongs to someone else). */
export function isAlive(pid: number): boolean {
  if (!(pid > 0)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Create `path` holding this process's pid. Returns the release function, or the pid of the live process that
 * holds the lock; a lock whose process is gone is removed and taken.
 */
export function tryLock(path: string): (() => void) | number {
  for (;;) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(path, 'utf8'));
      if (isAlive(pid)) return pid;
      rmSync(path, { force: true });
    }
  }
}
