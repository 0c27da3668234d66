/**
 * Per-provider request limiter: at most `concurrency` requests in flight, at least
 * `minIntervalMs` between request starts, optional request windows (at most N starts in any
 * W ms, the way providers document their limits: "20 requests per 2 s"), an optional
 * request-weight budget per window (Binance counts weight per minute and reports it in
 * `X-MBX-USED-WEIGHT-1M`), and a bounded queue: a request beyond `maxQueue` waiting callers is
 * refused at once instead of piling up.
 *
 * A window lets a run's few requests start together, where an equivalent spacing (one per
 * W / N ms) would queue them for no reason; a long run is still held to N per W.
 *
 * Time comes from the injected clock and sleep, so tests can run the spacing without waiting.
 */

export interface LimiterOptions {
  concurrency: number;
  /** Minimum spacing between request starts, ms. */
  minIntervalMs: number;
  /** Sliding windows: at most `requests` starts in any `ms` milliseconds (each window holds). */
  windows?: readonly RequestWindow[];
  /** Weight budget per window (e.g. Binance spot 6000 per 60 000 ms); requests default to weight 1. */
  weightBudget?: { perWindow: number; windowMs: number; /** Use at most this fraction of the budget. */ useFraction: number };
  /** Waiting callers allowed; more is an error. */
  maxQueue: number;
}

export interface RequestWindow {
  requests: number;
  ms: number;
}

export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export class LimiterOverflowError extends Error {
  constructor(readonly limit: number) {
    super(`request queue full (${limit} waiting)`);
    this.name = 'LimiterOverflowError';
  }
}

export interface Limiter {
  /** Runs `task` when a slot, the spacing and the weight budget allow. */
  schedule<T>(task: () => Promise<T>, weight?: number): Promise<T>;
  /** The provider told us its used weight in the current window (a response header). */
  reportUsedWeight(used: number): void;
  readonly stats: { started: number; maxInFlight: number; maxQueued: number; waitedMs: number };
}

export function createLimiter(options: LimiterOptions, clock: LimiterClock): Limiter {
  let inFlight = 0;
  let lastStart = Number.NEGATIVE_INFINITY;
  let windowStart = Number.NEGATIVE_INFINITY;
  let windowUsed = 0;
  const waiting: Array<() => void> = [];
  // Start times of the most recent requests, oldest first: as many as the largest window counts.
  const windows = (options.windows ?? []).filter((w) => w.requests > 0);
  const keep = Math.max(0, ...windows.map((w) => w.requests));
  const starts: number[] = [];
  const stats = { started: 0, maxInFlight: 0, maxQueued: 0, waitedMs: 0 };
  // Admission is serialised so spacing and weight are computed one request at a time.
  let admission: Promise<void> = Promise.resolve();

  function releaseSlot(): void {
    inFlight -= 1;
    const next = waiting.shift();
    if (next) next();
  }

  async function acquireSlot(): Promise<void> {
    if (inFlight < options.concurrency) {
      inFlight += 1;
      return;
    }
    if (waiting.length >= options.maxQueue) throw new LimiterOverflowError(options.maxQueue);
    await new Promise<void>((resolve) => {
      waiting.push(() => {
        inFlight += 1;
        resolve();
      });
      stats.maxQueued = Math.max(stats.maxQueued, waiting.length);
    });
  }

  async function admit(weight: number): Promise<void> {
    const now = clock.now();
    let wait = Math.max(0, lastStart + options.minIntervalMs - now);
    for (const window of windows) {
      // Full when the last `requests` starts all fall inside the window: wait until the
      // oldest of them leaves it.
      const oldest = starts.length >= window.requests ? starts[starts.length - window.requests] : undefined;
      if (oldest !== undefined) wait = Math.max(wait, oldest + window.ms - now);
    }
    const budget = options.weightBudget;
    if (budget) {
      if (now - windowStart >= budget.windowMs) {
        windowStart = now;
        windowUsed = 0;
      }
      const allowed = Math.floor(budget.perWindow * budget.useFraction);
      if (windowUsed + weight > allowed) {
        // Wait for the window to roll over; a fresh window starts when we resume.
        wait = Math.max(wait, windowStart + budget.windowMs - now);
        windowStart = now + wait;
        windowUsed = 0;
      }
      windowUsed += weight;
    }
    if (wait > 0) {
      stats.waitedMs += wait;
      await clock.sleep(wait);
    }
    lastStart = clock.now();
    if (keep > 0) {
      // The start counts from when it was allowed, so a clock that stands still while sleeping
      // (tests) still sees the windows move on.
      starts.push(Math.max(lastStart, now + wait));
      if (starts.length > keep) starts.shift();
    }
  }

  return {
    stats,
    reportUsedWeight(used: number) {
      // The server's count is the truth when it is higher than ours (other clients on this IP).
      if (Number.isFinite(used) && used > windowUsed) windowUsed = used;
    },
    async schedule<T>(task: () => Promise<T>, weight = 1): Promise<T> {
      await acquireSlot();
      try {
        const turn = admission.then(() => admit(weight));
        admission = turn.catch(() => undefined);
        await turn;
        stats.started += 1;
        stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
        return await task();
      } finally {
        releaseSlot();
      }
    },
  };
}
