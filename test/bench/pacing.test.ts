/**
 * Request windows in the limiter (sources/limiter.ts) and the documented pacing `brief fetch`
 * builds its limiters from (pipeline/fetch/pacing.ts).
 */
import { describe, expect, it } from 'vitest';
import { PROVIDER_PACING } from '../../pipeline/fetch/pacing.js';
import { createLimiter } from '../../sources/limiter.js';
import { PROVIDER_IDS } from '../../sources/types.js';

/** A clock that moves only when someone sleeps (or, frozen, never). */
function fakeClock(frozen = false) {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      if (!frozen) now += ms;
    },
    sleeps,
  };
}

async function startTimes(windows: { requests: number; ms: number }[], count: number, clock = fakeClock()): Promise<number[]> {
  const limiter = createLimiter({ concurrency: count, minIntervalMs: 0, windows, maxQueue: 100 }, clock);
  const starts: number[] = [];
  await Promise.all(Array.from({ length: count }, () => limiter.schedule(async () => void starts.push(clock.now()))));
  return starts;
}

describe('limiter request windows', () => {
  it('lets a window’s worth start together, then holds every stretch of the window to its count', async () => {
    // 2 per 1000 ms: two at 0, the third when the first leaves the window (1000), the fourth
    // with it (the second also started at 0), the fifth when the third leaves (2000).
    expect(await startTimes([{ requests: 2, ms: 1000 }], 5)).toEqual([0, 0, 1000, 1000, 2000]);
  });

  it('honours every window at once', async () => {
    // 3 per 1000 ms and 4 per 10 000 ms: 0, 0, 0 (3 in the first second); the fourth at 1000
    // (the 1 s window has room again, the 10 s window holds 4); the fifth waits for the first
    // start to leave the 10 s window: 10 000.
    expect(
      await startTimes(
        [
          { requests: 3, ms: 1000 },
          { requests: 4, ms: 10_000 },
        ],
        5,
      ),
    ).toEqual([0, 0, 0, 1000, 10_000]);
  });

  it('moves on with a clock that stands still while sleeping (no endless waits)', async () => {
    const clock = fakeClock(true);
    await startTimes([{ requests: 2, ms: 1000 }], 5, clock);
    // Third and fourth wait for the window (counted as starting at 1000); the fifth for the
    // third to leave it: 1000 + 1000 − 0 = 2000.
    expect(clock.sleeps).toEqual([1000, 1000, 2000]);
  });

  it('changes nothing without windows (spacing alone)', async () => {
    const clock = fakeClock();
    const limiter = createLimiter({ concurrency: 3, minIntervalMs: 200, maxQueue: 10 }, clock);
    const starts: number[] = [];
    await Promise.all([1, 2, 3].map(() => limiter.schedule(async () => void starts.push(clock.now()))));
    expect(starts).toEqual([0, 200, 400]);
  });
});

describe('documented pacing', () => {
  it('covers known providers only, with positive windows and concurrency', () => {
    for (const [id, pacing] of Object.entries(PROVIDER_PACING)) {
      expect(PROVIDER_IDS).toContain(id);
      expect(pacing.concurrency).toBeGreaterThanOrEqual(1);
      for (const w of pacing.windows) expect(w.requests > 0 && w.ms > 0).toBe(true);
    }
  });

  it('keeps each provider within its documented request count', () => {
    // Requests per minute the windows allow at most (a window of N per W ms allows
    // N × ceil(60 000 / W) in a minute): Blockchair 30/min hard, Coinglass 30/min, Whale Alert
    // 10/min, OKX's strictest endpoint 10 per 2 s = 300/min.
    const perMinute = (id: string) => Math.min(...PROVIDER_PACING[id]!.windows.map((w) => w.requests * Math.ceil(60_000 / w.ms)));
    expect(perMinute('blockchair')).toBe(30);
    expect(perMinute('coinglass')).toBe(30);
    expect(perMinute('whale-alert')).toBe(10);
    expect(perMinute('okx')).toBe(300);
  });
});
