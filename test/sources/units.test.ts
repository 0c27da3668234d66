/**
 * Unit tests of the pure pieces: error messages, response classification, Retry-After, the
 * limiter (spacing, concurrency, weight budget, bounded queue), bans across runs, the brief's
 * window, quarterly expiries, funding intervals, Deribit annualization, Coinglass day grouping.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BanRegistry } from '../../sources/bans.js';
import { quarterlyExpiry } from '../../sources/binance-futures-parse.js';
import { SourceError, sanitizeDetail } from '../../sources/errors.js';
import { parseBookSummary } from '../../sources/deribit.js';
import { classifyResponse, parseRetryAfter } from '../../sources/http-classify.js';
import { createLimiter } from '../../sources/limiter.js';
import { inferIntervalHours } from '../../sources/okx-parse.js';
import { briefWindow, dateIn, todayIn } from '../../kernel/time.js';
import { decimal, decimalOrEmpty, epochMillis } from '../../sources/validate.js';

describe('SourceError', () => {
  it('formats like reliability.md §2.1', () => {
    const error = new SourceError({
      source: 'binance',
      endpoint: 'GET /api/v3/ticker/24hr',
      kind: 'RateLimitExceeded',
      status: 429,
      attempt: 2,
      maxAttempts: 3,
      retryAfterMs: 2000,
    });
    expect(error.message).toBe('binance GET /api/v3/ticker/24hr RateLimitExceeded 429 attempt 2/3 (Retry-After 2s)');
    const schema = new SourceError({
      source: 'okx',
      endpoint: 'GET /api/v5/public/funding-rate',
      kind: 'SchemaViolation',
      fieldPath: 'okx.fundingRate[0].fundingRate',
      detail: 'expected decimal string, got ""',
    });
    expect(schema.message).toBe(
      'okx.fundingRate[0].fundingRate: expected decimal string, got "" (okx GET /api/v5/public/funding-rate SchemaViolation)',
    );
    expect(schema.sanitized).toBe(true);
  });

  it('sanitises details: secrets, markup, bidi controls, 200 characters', () => {
    expect(sanitizeDetail('<h1>Blocked</h1> key=abcd1234\u202e!', ['abcd1234'])).toBe('Blocked key=*** !');
    expect(sanitizeDetail('x'.repeat(500))).toHaveLength(200);
  });
});

describe('decimals', () => {
  it('accepts strings and numbers, rejects "", null, NaN, Infinity, booleans', () => {
    expect(decimal.parse('0.00010000')).toBe(0.0001);
    expect(decimal.parse(-0)).toBe(0);
    expect(Object.is(decimal.parse('-0'), 0)).toBe(true);
    for (const bad of ['', null, 'NaN', 'Infinity', Number.POSITIVE_INFINITY, true, '1,5', ' 1'])
      expect(decimal.safeParse(bad).success).toBe(false);
    expect(decimalOrEmpty.parse('')).toBeNull();
    expect(epochMillis.parse('1703059200000')).toBe(1703059200000);
    expect(epochMillis.safeParse('1.5').success).toBe(false);
  });
});

describe('classifying responses', () => {
  const rules = { banStatuses: [418] };
  const raw = (status: number, text: string, headers: Record<string, string> = {}) => ({ status, text, headers });

  it('parses strict JSON and refuses text that is not JSON', () => {
    expect(classifyResponse(raw(200, '{"a":1}'), rules)).toEqual({ ok: true, body: { a: 1 } });
    const truncated = classifyResponse(raw(200, '{"a":[1,2'), rules);
    expect(truncated.ok).toBe(false);
    if (!truncated.ok) expect(truncated.problem).toMatchObject({ kind: 'BadResponse', retryable: false });
  });

  it('maps statuses to kinds and retryability', () => {
    const kind = (status: number, text = '{}') => {
      const outcome = classifyResponse(raw(status, text), rules);
      return outcome.ok ? 'ok' : `${outcome.problem.kind}:${outcome.problem.retryable}`;
    };
    expect(kind(418, '{"code":-1003,"msg":"banned"}')).toBe('IpBanned:false');
    expect(kind(429)).toBe('RateLimitExceeded:true');
    expect(kind(503)).toBe('ExchangeNotAvailable:true');
    expect(kind(451)).toBe('ExchangeNotAvailable:false');
    expect(kind(400, '{"code":-1121,"msg":"Invalid symbol."}')).toBe('BadResponse:false');
    expect(kind(200, '<html>oops</html>')).toBe('ExchangeNotAvailable:false');
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2024-01-04T16:05:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Thu, 04 Jan 2024 16:05:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

/** A clock that only moves when someone sleeps. */
function fakeClock() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

describe('limiter', () => {
  it('spaces request starts by minIntervalMs', async () => {
    const clock = fakeClock();
    const limiter = createLimiter({ concurrency: 1, minIntervalMs: 200, maxQueue: 10 }, clock);
    const starts: number[] = [];
    await Promise.all([1, 2, 3].map(() => limiter.schedule(async () => void starts.push(clock.now()))));
    // First immediately, then one every 200 ms.
    expect(starts).toEqual([0, 200, 400]);
  });

  it('keeps at most `concurrency` tasks in flight', async () => {
    const limiter = createLimiter({ concurrency: 2, minIntervalMs: 0, maxQueue: 10 }, fakeClock());
    let inFlight = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        limiter.schedule(async () => {
          inFlight += 1;
          peak = Math.max(peak, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inFlight -= 1;
        }),
      ),
    );
    expect(peak).toBe(2);
  });

  it('holds used weight under 80 % of the budget per window (F05 plan of 40 calls)', async () => {
    const clock = fakeClock();
    // Budget 100 weight per 60 s, 80 % usable = 80 per window; 40 calls of weight 5 = 200 weight.
    const limiter = createLimiter(
      { concurrency: 4, minIntervalMs: 0, weightBudget: { perWindow: 100, windowMs: 60_000, useFraction: 0.8 }, maxQueue: 100 },
      clock,
    );
    const perWindow = new Map<number, number>();
    await Promise.all(
      Array.from({ length: 40 }, () =>
        limiter.schedule(async () => {
          const window = Math.floor(clock.now() / 60_000);
          perWindow.set(window, (perWindow.get(window) ?? 0) + 5);
        }, 5),
      ),
    );
    // 200 weight at ≤ 80 per window: 80 + 80 + 40 over three windows.
    expect([...perWindow.values()]).toEqual([80, 80, 40]);
    expect(Math.max(...perWindow.values())).toBeLessThanOrEqual(80);
  });

  it('trusts a higher used weight reported by the server', async () => {
    const clock = fakeClock();
    const limiter = createLimiter(
      { concurrency: 1, minIntervalMs: 0, weightBudget: { perWindow: 100, windowMs: 60_000, useFraction: 0.8 }, maxQueue: 10 },
      clock,
    );
    await limiter.schedule(async () => undefined, 1);
    limiter.reportUsedWeight(79);
    await limiter.schedule(async () => undefined, 2);
    // 79 + 2 > 80: waited for the window to roll over.
    expect(clock.sleeps).toEqual([60_000]);
  });

  it('refuses work beyond the queue bound instead of piling up', async () => {
    const limiter = createLimiter({ concurrency: 1, minIntervalMs: 0, maxQueue: 1 }, fakeClock());
    let release!: () => void;
    const first = limiter.schedule(() => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const second = limiter.schedule(async () => 'second');
    await expect(limiter.schedule(async () => 'third')).rejects.toThrow('request queue full (1 waiting)');
    release();
    await first;
    await expect(second).resolves.toBe('second');
  });
});

describe('bans', () => {
  it('persist across runs until they expire', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bans-'));
    try {
      const file = join(dir, 'bans.json');
      const t0 = Date.parse('2024-01-04T16:05:00Z');
      const run1 = await BanRegistry.open(file, t0);
      await run1.ban('binance', t0 + 300_000, t0);
      const run2 = await BanRegistry.open(file, t0 + 60_000);
      expect(run2.bannedUntil('binance', t0 + 60_000)).toBe(t0 + 300_000);
      expect(run2.bannedUntil('okx', t0 + 60_000)).toBeUndefined();
      const run3 = await BanRegistry.open(file, t0 + 300_001);
      expect(run3.bannedUntil('binance', t0 + 300_001)).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('calendar', () => {
  it('the brief day 2024-01-04 in UTC+8 is [2024-01-03T16:00Z, 2024-01-04T16:00Z)', () => {
    expect(briefWindow('2024-01-04', 'Asia/Shanghai')).toEqual({
      date: '2024-01-04',
      timezone: 'Asia/Shanghai',
      start: Date.parse('2024-01-03T16:00:00Z'),
      end: Date.parse('2024-01-04T16:00:00Z'),
    });
    // A 23-hour day: New York springs forward on 2024-03-10.
    const w = briefWindow('2024-03-10', 'America/New_York');
    expect((w.end - w.start) / 3_600_000).toBe(23);
  });

  it('today in UTC+8 is already tomorrow at 16:30 UTC', () => {
    expect(todayIn('Asia/Shanghai', Date.parse('2024-01-04T16:30:00Z'))).toBe('2024-01-05');
    expect(dateIn('UTC', Date.parse('2024-01-04T16:30:00Z'))).toBe('2024-01-04');
  });
});

describe('expiries and intervals', () => {
  it('Binance quarterlies: last Friday of Mar/Jun/Sep/Dec at 08:00 UTC', () => {
    const at = Date.parse('2024-01-04T12:00:00Z');
    expect(new Date(quarterlyExpiry(at, 0)).toISOString()).toBe('2024-03-29T08:00:00.000Z');
    expect(new Date(quarterlyExpiry(at, 1)).toISOString()).toBe('2024-06-28T08:00:00.000Z');
    // An hour before the December 2023 delivery it is still the current quarter; an hour after, March is.
    expect(new Date(quarterlyExpiry(Date.parse('2023-12-29T07:00:00Z'), 0)).toISOString()).toBe('2023-12-29T08:00:00.000Z');
    expect(new Date(quarterlyExpiry(Date.parse('2023-12-29T09:00:00Z'), 0)).toISOString()).toBe('2024-03-29T08:00:00.000Z');
    // A recorded delivery in the month wins over the rule.
    expect(quarterlyExpiry(at, 0, [Date.UTC(2024, 2, 28, 8)])).toBe(Date.UTC(2024, 2, 28, 8));
  });

  it('funding interval from settlement spacing', () => {
    const h = 3_600_000;
    expect(inferIntervalHours([0, 8 * h, 16 * h, 20 * h])).toBe(8);
    expect(inferIntervalHours([0, 4 * h, 8 * h])).toBe(4);
    expect(inferIntervalHours([])).toBe(8);
  });

  it('Deribit: annualized basis from mark vs estimated delivery price; < 1 day to expiry left out', () => {
    const created = Date.parse('2024-01-04T08:00:00Z');
    const prov = {
      provider: 'deribit',
      endpoint: '/x',
      fetchedAt: '2024-01-04T08:00:00.000Z',
      asOf: '2024-01-04T08:00:00.000Z',
      method: 'fetched' as const,
    };
    const raw = {
      jsonrpc: '2.0',
      result: [
        { instrument_name: 'BTC-29MAR24', mark_price: 43000, estimated_delivery_price: 42500, creation_timestamp: created },
        // 23 hours before its expiry (5 Jan 08:00): left out.
        { instrument_name: 'BTC-5JAN24', mark_price: 42510, estimated_delivery_price: 42500, creation_timestamp: created + 3_600_000 },
        { instrument_name: 'BTC-PERPETUAL', mark_price: 42505, estimated_delivery_price: 42500, creation_timestamp: created },
      ],
    };
    const tenors = parseBookSummary(raw, 'BTC', { source: 'deribit', endpoint: 'GET /x', label: 'deribit' }, prov);
    expect(tenors.map((t) => t.tenor)).toEqual(['29MAR24']);
    // 85 days from 4 Jan 08:00 to 29 Mar 08:00: (43000 / 42500 − 1) × 365 / 85 = 0.0117647 × 4.2941 = 0.0505190.
    expect(tenors[0]!.history[0]!.annualizedBasis).toBeCloseTo(0.050519031, 8);
  });
});
