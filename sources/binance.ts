/**
 * Binance spot (`/api/v3/klines`, no key): daily candles four years back and hourly candles for
 * the window and the 30 days before, per asset (BTCUSDT, ETHUSDT, BNBUSDT).
 * Limits (CONTRACTS.md §1a): klines weight 2, ≤1000 rows per call; the IP budget is 6000
 * weight/min, of which we use at most 80 %.
 */
import { binanceEnvelope, fetchKlinePages, usdtSymbol } from './binance-common.js';
import { LOOKBACK, dailyStart, hourlyStart } from './ranges.js';
import { EmptyResultError, provenance, runTasks, type Task } from './tasks.js';
import type { Source, SourceContext } from './types.js';

export { parseKlines } from './binance-common.js';

const KLINES = '/api/v3/klines';

export function createBinanceSource(): Source {
  return {
    id: 'binance',
    defaultBaseUrl: 'https://api.binance.com',
    families: ['prices'],
    http: {
      concurrency: 4,
      minIntervalMs: 50,
      banStatuses: [418],
      weightBudget: { perWindow: 6000, windowMs: 60_000, useFraction: 0.8 },
      envelope: binanceEnvelope,
    },
    fetch(context) {
      const tasks: Task[] = [];
      for (const asset of context.request.assets) {
        for (const interval of ['1d', '1h'] as const) {
          tasks.push({ family: 'prices', asset, run: () => fetchSpotSeries(context, asset, interval) });
        }
      }
      return runTasks('binance', tasks);
    },
  };
}

async function fetchSpotSeries(context: SourceContext, asset: string, interval: '1d' | '1h') {
  const { window, startedAt } = context.request;
  const symbol = usdtSymbol(asset);
  const start = interval === '1d' ? dailyStart(window, LOOKBACK.spotDailyDays) : hourlyStart(window, LOOKBACK.hourlyDays);
  const { candles, fetchedAt } = await fetchKlinePages(context.http, {
    path: KLINES,
    symbol,
    interval,
    start,
    end: window.end,
    limit: 1000,
    weight: 2,
    now: startedAt,
    label: `binance.klines[${symbol} ${interval}]`,
  });
  const endpoint = `${KLINES}?symbol=${symbol}&interval=${interval}`;
  const last = candles.at(-1);
  if (!last) throw new EmptyResultError('binance', `GET ${KLINES}`, `for ${symbol} ${interval}`);
  const step = interval === '1d' ? 86_400_000 : 3_600_000;
  return {
    prices: [
      {
        asset,
        market: 'spot' as const,
        venue: 'binance',
        symbol,
        interval,
        candles,
        provenance: provenance(context.http, endpoint, fetchedAt, last.t + step),
      },
    ],
  };
}
