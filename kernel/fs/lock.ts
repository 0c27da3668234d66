/**
 * A run lock as a lease. The lock file holds its owner: host, pid, the process's start time and
 * a random token, written whole before the file appears (created by `link`, which fails when the
 * name exists), so a reader never sees a half-written lock.
 *
 * Who may take over a lock:
 *   - same host: the pid is gone, or it is alive but started at another time than the owner
 *     recorded (the pid was reused: a container restart, a reboot); an owner from before
 *     start times were recorded (a bare pid) also needs a live lease;
 *   - any host: the lease ran out — the owner touches the file every LEASE_REFRESH_MS, and a
 *     lock untouched for LEASE_MS is stale (a frozen or vanished machine on a shared folder).
 *
 * Takeover is atomic: only the holder of a takeover mutex may remove a stale lock (see
 * `takeOver`), and the new lock is linked in, which fails if another contender got there first.
 * Two runs finding one stale lock: exactly one proceeds, the other exits 75.
 */
import { randomBytes } from 'node:crypto';
import { link, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { LockBusyError } from '../errors.js';
import { onShutdown } from '../process/shutdown.js';
import { isProcessAlive, processStartTime } from './process-alive.js';

/** The owner refreshes its lease this often (ms). */
export const LEASE_REFRESH_MS = 30_000;
/** A lease not refreshed for this long is stale whatever it names (ms): ten missed refreshes. */
export const LEASE_MS = 10 * LEASE_REFRESH_MS;
/** A takeover takes milliseconds; its mutex left older than this is from a crash (ms). */
const TAKEOVER_STALE_MS = 60_000;

interface LockOwner {
  host: string;
  pid: number;
  /** Process start time as the kernel counts it (Linux: clock ticks since boot); null where unknown. */
  start: string | null;
  token: string;
  since: string;
}

export interface LockOptions {
  /** The clock, ms (tests move it to expire leases). */
  now?: () => number;
}

export async function withLock<T>(lockFile: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const release = await acquireLock(lockFile, options);
  try {
    return await work();
  } finally {
    await release();
  }
}

/** Takes the lock or throws LockBusyError (exit 75). Returns the release function. */
export async function acquireLock(lockFile: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const now = options.now ?? Date.now;
  const me: LockOwner = {
    host: hostname(),
    pid: process.pid,
    start: processStartTime(process.pid),
    token: randomBytes(8).toString('hex'),
    since: new Date(now()).toISOString(),
  };
  const draft = `${lockFile}.draft-${me.token}`;
  await writeFile(draft, `${JSON.stringify(me)}\n`, { flag: 'wx' });
  try {
    await takeOrThrow(lockFile, draft, me, now);
  } finally {
    await rm(draft, { force: true });
  }
  const refresh = setInterval(() => {
    const t = new Date(now());
    utimes(lockFile, t, t).catch(() => undefined);
  }, LEASE_REFRESH_MS);
  refresh.unref();
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    clearInterval(refresh);
    unregister();
    // Only our own lock is removed: after a takeover by another run (our lease ran out) it is theirs.
    const current = await readOwner(lockFile);
    if (current?.token === me.token) await rm(lockFile, { force: true });
  };
  // A signal ends the process without unwinding `finally` blocks: release the lock then too.
  const unregister = onShutdown(release);
  return release;
}

async function takeOrThrow(lockFile: string, draft: string, me: LockOwner, now: () => number): Promise<void> {
  // Two rounds: a free lock, or one stale lock taken over; anything else is busy.
  for (let round = 0; round < 2; round++) {
    if (await linkIn(draft, lockFile)) return;
    const seen = await inspect(lockFile);
    if (!seen) continue; // released meanwhile: try again
    if (staleness(seen.owner, seen.mtimeMs, me, now()) === 'live') throw busy(lockFile, seen.owner);
    await takeOver(lockFile, draft, me, now);
    return;
  }
  throw busy(lockFile, (await inspect(lockFile))?.owner);
}

/**
 * Replaces a stale lock, under a takeover mutex (`<lock>.takeover`, created exclusively). Only
 * the mutex holder may move a lock it did not create, and a lock is otherwise created only where
 * none exists, so under the mutex the file judged stale cannot be swapped for a live one before
 * it is moved. A contender that finds the mutex taken loses (exit 75): the holder proceeds.
 */
async function takeOver(lockFile: string, draft: string, me: LockOwner, now: () => number): Promise<void> {
  const mutex = `${lockFile}.takeover`;
  if (!(await linkIn(draft, mutex))) {
    // A takeover that crashed midway leaves its mutex: after TAKEOVER_STALE_MS it is cleared for the next run.
    const info = await stat(mutex).catch(() => undefined);
    if (info && now() - info.mtimeMs > TAKEOVER_STALE_MS) await rm(mutex, { force: true });
    throw busy(lockFile, (await inspect(lockFile))?.owner);
  }
  try {
    const seen = await inspect(lockFile);
    if (seen && staleness(seen.owner, seen.mtimeMs, me, now()) === 'live') throw busy(lockFile, seen.owner);
    if (seen) await rm(lockFile, { force: true });
    if (!(await linkIn(draft, lockFile))) throw busy(lockFile, (await inspect(lockFile))?.owner);
  } finally {
    await rm(mutex, { force: true });
  }
}

type Verdict = 'live' | 'stale';

/** Whether the owner recorded in a lock can still be running it. */
export function staleness(owner: LockOwner | undefined, mtimeMs: number, me: Pick<LockOwner, 'host'>, nowMs: number): Verdict {
  if (nowMs - mtimeMs > LEASE_MS) return 'stale';
  if (!owner) return 'live'; // unreadable but fresh: a writer of another version; its lease decides
  if (owner.host !== me.host) return 'live';
  if (!isProcessAlive(owner.pid)) return 'stale';
  if (owner.start !== null) {
    const start = processStartTime(owner.pid);
    if (start !== null && start !== owner.start) return 'stale'; // the pid now names another process
  }
  return 'live';
}

async function inspect(lockFile: string): Promise<{ text: string; owner: LockOwner | undefined; mtimeMs: number } | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(lockFile, 'utf8'), stat(lockFile)]);
    return { text, owner: parseOwner(text), mtimeMs: info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function readOwner(lockFile: string): Promise<LockOwner | undefined> {
  return (await inspect(lockFile))?.owner;
}

/** The owner of a lock file; a bare pid (the format before leases) counts as this host's, start unknown. */
export function parseOwner(text: string): LockOwner | undefined {
  const bare = /^\s*(\d+)\s*$/.exec(text);
  if (bare) return { host: hostname(), pid: Number(bare[1]), start: null, token: '', since: '' };
  try {
    const raw = JSON.parse(text) as Partial<LockOwner>;
    if (typeof raw.host === 'string' && Number.isInteger(raw.pid) && typeof raw.token === 'string') {
      return {
        host: raw.host,
        pid: raw.pid!,
        start: typeof raw.start === 'string' ? raw.start : null,
        token: raw.token,
        since: raw.since ?? '',
      };
    }
  } catch {
    // not JSON: unreadable owner
  }
  return undefined;
}

async function linkIn(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function busy(lockFile: string, owner: LockOwner | undefined): LockBusyError {
  const who = owner ? `pid ${owner.pid} on ${owner.host}${owner.since ? ` since ${owner.since}` : ''}` : 'an unreadable owner';
  return new LockBusyError(
    `another run holds the lock ${lockFile} (${who}); it is released when that run ends, or taken over once its lease (${LEASE_MS / 60_000} min) runs out`,
  );
}
