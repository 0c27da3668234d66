/**
 * Coinglass' market-wide liquidation total (`/api/futures/liquidation/exchange-list?range=24h`,
 * no symbol: the "All" row, all coins on all exchanges) on the documented response shape
 * (docs-samples, copied from the v4 docs), and the rule that it is fetched only when the rolling
 * 24 hours it gives can stand for the brief's window.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKET_WIDE_MAX_LAG_MS, createCoinglassSource, parseMarketWide } from '../../sources/coinglass.js';
import type { SourceContext } from '../../sources/types.js';

const sample = (): unknown =>
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, '..', 'fixtures', 'replay', 'docs-samples', 'coinglass-futures-liquidation-exchange-list.json'),
      'utf8',
    ),
  ) as unknown;
const ctx = { source: 'coinglass', endpoint: 'GET /api/futures/liquidation/exchange-list', label: 'cg' };

describe('parseMarketWide', () => {
  it('reads the "All" row: 451,394.17404598 long + 14,222,125.64334477 short = 14,673,519.81739075', () => {
    const total = parseMarketWide(sample(), ctx);
    expect(total.longUsd).toBe(451394.17404598);
    expect(total.shortUsd).toBe(14222125.64334477);
    expect(total.totalUsd).toBeCloseTo(14673519.81739075, 6);
  });

  it('without an "All" row (one exchange only) it is refused, never read as the market', () => {
    const raw = sample() as { data: unknown[] };
    raw.data.shift();
    expect(() => parseMarketWide(raw, ctx)).toThrow(/cg\.data: expected an "All" row/);
  });

  it('an "All" total that is not long + short is refused', () => {
    const raw = sample() as { data: Array<Record<string, unknown>> };
    raw.data[0]!.liquidation_usd = 146735198.1739075; // ×10
    expect(() => parseMarketWide(raw, ctx)).toThrow(/cg\.data\[0\]\.liquidation_usd: expected long \+ short/);
  });
});

describe('when the market-wide total is fetched', () => {
  const window = {
    date: '2024-01-04',
    timezone: 'Asia/Shanghai',
    start: Date.parse('2024-01-03T16:00:00Z'),
    end: Date.parse('2024-01-04T16:00:00Z'),
  };
  const run = async (startedAt: number) => {
    const asked: string[] = [];
    const context = {
      http: {
        id: 'coinglass',
        method: 'fetched',
        getJson: async (path: string) => {
          asked.push(path);
          return { body: sample(), fetchedAt: startedAt, status: 200 };
        },
      },
      request: { window, assets: [], startedAt, live: true },
      log: () => {},
      apiKey: 'k',
    } as unknown as SourceContext;
    const out = await createCoinglassSource().fetch(context);
    return { out, asked };
  };

  it('a run 5 minutes after the window ends stores it over the rolling 24 h it covers, scope market-wide, no asset', async () => {
    const at = window.end + 5 * 60_000;
    const { out } = await run(at);
    const total = out.parts.liquidationTotals?.[0];
    expect(total).toMatchObject({ source: 'coinglass', scope: 'market-wide', coverage: 'complete', start: at - 86_400_000, end: at });
    expect(total?.asset).toBeUndefined();
  });

  it(`a run more than ${MARKET_WIDE_MAX_LAG_MS / 3_600_000} h after the window (a back-fill) asks nothing and says why`, async () => {
    const { out, asked } = await run(window.end + MARKET_WIDE_MAX_LAG_MS + 60_000);
    expect(asked).toEqual([]);
    expect(out.gaps).toEqual([
      expect.objectContaining({
        family: 'liquidations',
        source: 'coinglass',
        kind: 'not-historical',
        reason: expect.stringContaining('only the last 24 hours'),
      }),
    ]);
  });
});
