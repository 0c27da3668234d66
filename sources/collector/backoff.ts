/**
 * Reconnection delays: exponential in the attempt number, capped, with "equal jitter" (half
 * fixed, half random) so that many collectors dropped at once do not reconnect in lockstep,
 * while a delay never collapses to zero.
 */
export interface BackoffOptions {
  /** Delay before the first reconnection, ms (before jitter). */
  baseMs: number;
  /** Largest delay, ms (before jitter). */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 60_000 };

/** Delay in ms before reconnection number `attempt` (0-based); `random` returns [0, 1). */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const exponential = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}

/** Waits `ms`, or less if the signal aborts first; never rejects. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
