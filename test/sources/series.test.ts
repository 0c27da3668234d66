/** Series hygiene (reliability F17): duplicates, order, conflicts. */
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../sources/errors.js';
import { inRange, normalizeSeries } from '../../sources/series.js';

const context = { source: 'binance', endpoint: '/api/v3/klines', label: 'binance.klines[BTCUSDT 1h]' };
const H = 3_600_000;
const row = (t: number, c: number) => ({ t, c });

describe('normalizeSeries', () => {
  it('sorts descending input ascending and drops exact duplicates (pagination overlap)', () => {
    const rows = [row(3 * H, 42_100), row(2 * H, 42_500), row(2 * H, 42_500), row(H, 43_000)];
    expect(normalizeSeries(rows, (r) => r.t, context)).toEqual([row(H, 43_000), row(2 * H, 42_500), row(3 * H, 42_100)]);
  });

  it('rejects two different rows for one time as a schema violation naming the provider and time', () => {
    const error = (() => {
      try {
        normalizeSeries([row(H, 43_000), row(H, 43_001)], (r) => r.t, context);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).kind).toBe('SchemaViolation');
    expect((error as Error).message).toContain('binance.klines[BTCUSDT 1h][t=3600000]');
    expect((error as Error).message).toContain('two different rows for the same time 1970-01-01T01:00:00.000Z');
  });

  it('keeps rows with start ≤ t < end', () => {
    expect(inRange([row(0, 1), row(H, 2), row(2 * H, 3)], (r) => r.t, H, 2 * H)).toEqual([row(H, 2)]);
  });
});
