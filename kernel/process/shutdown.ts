/**
 * Stopping on a signal. A terminated run (SIGTERM from a scheduler's cancel, SIGINT from a
 * terminal, SIGHUP) must stop at once, release its lock, close its browser and exit 128 + n —
 * not go on to publish, and not report a render failure (exit 4) for what was a stop.
 *
 * Resources register their cleanup here (`onShutdown`); a signal runs every cleanup (bounded by
 * CLEANUP_BUDGET_MS) and exits. Work in flight is simply abandoned: every file the pipeline
 * writes is written atomically (temp file + rename), so nothing half-written is left behind.
 *
 * A parent that dies without passing the signal on (a launcher killed with SIGKILL, or one that
 * does not forward signals) leaves us re-parented: that is treated as SIGHUP.
 */
import { constants } from 'node:os';

type Cleanup = () => Promise<void> | void;

const cleanups = new Set<Cleanup>();
/** Upper bound on cleanup before the process exits anyway (ms). */
export const CLEANUP_BUDGET_MS = 5_000;
/** How often the parent is checked (ms). */
const ORPHAN_POLL_MS = 1_000;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type StopSignal = (typeof SIGNALS)[number];

/** Registers a cleanup to run on a stop signal; returns its unregistration. */
export function onShutdown(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

export interface ShutdownEffects {
  log: (line: string) => void;
  exit: (code: number) => void;
}

let installed = false;
let stopping = false;

/** Installs the signal handlers once per process (the `brief` executable does this; tests in-process do not). */
export function installShutdownHandlers(effects: ShutdownEffects): void {
  if (installed) return;
  installed = true;
  for (const signal of SIGNALS) process.on(signal, () => void stop(signal, effects));
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid !== parent) void stop('SIGHUP', effects, 'its parent process ended');
  }, ORPHAN_POLL_MS);
  watch.unref();
}

export async function stop(signal: StopSignal, effects: ShutdownEffects, why?: string): Promise<void> {
  const code = 128 + constants.signals[signal];
  if (stopping) return;
  stopping = true;
  effects.log(`brief: stopped by ${signal}${why ? ` (${why})` : ''}; cleaning up and exiting ${code}`);
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, CLEANUP_BUDGET_MS).unref());
  // Last registered first, like unwinding: a resource taken under a lock is let go before the lock.
  const unwind = (async () => {
    for (const cleanup of [...cleanups].reverse()) {
      try {
        await cleanup();
      } catch {
        // a failed cleanup must not keep the others from running
      }
    }
  })();
  await Promise.race([unwind, timeout]);
  effects.exit(code);
}
