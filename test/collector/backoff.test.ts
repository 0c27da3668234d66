import { describe, expect, it } from 'vitest';
import { backoffDelay, sleep } from '../../sources/collector/backoff.js';

describe('backoffDelay', () => {
  const options = { baseMs: 500, capMs: 60_000 };
  it('doubles per attempt, half fixed and half jittered, and stops at the cap', () => {
    // attempt 0: 500 → 250 + 250 × r; attempt 3: 500 × 8 = 4000 → 2000 + 2000 × r
    expect(backoffDelay(0, options, () => 0)).toBe(250);
    expect(backoffDelay(0, options, () => 0.999)).toBe(500); // 250 + 249.75 = 499.75 → 500
    expect(backoffDelay(3, options, () => 0.5)).toBe(3000); // 2000 + 1000
    // attempt 7: 500 × 128 = 64000 > cap 60000 → 30000 + 30000 × r
    expect(backoffDelay(7, options, () => 0)).toBe(30_000);
    expect(backoffDelay(1000, options, () => 0.5)).toBe(45_000);
  });
});

describe('sleep', () => {
  it('returns early when the signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 20);
    await sleep(10_000, controller.signal);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
