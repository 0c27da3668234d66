/**
 * Binance spot (`/api/v3/klines`, no key): daily candles four years back and hourly candles for
 * the window and the 30 days before, per asset (BTCUSDT, ETHUSDT, BNBUSDT).
 * Limits (CONTRACTS.md §1a): klines weight 2, ≤1000 rows per call; the IP budget is 6000
 * weight/min, of which we use at most 80 %.
 */
import { binanceEnvelope, fetchKlinePages, usdtSymbol } from './binance-common.js';
import { LOOKBACK, dailyStart, hourlyStart } from './ranges.js';
import { EmptyResultError, provenance, runTasks, type Task } from './tasks.js';
import { HOUR_MS } from '../kernel/time.js';
import type { Source, SourceContext } from './types.js';

export { parseKlines } from './binance-common.js';

const KLINES = '/api/v3/klines';
/** Hourly candles missing for more than this many hours before the expected last one are stale. */
const STALE_AFTER_HOURS = 2;

export function createBinanceSource(): Source {
  return {
    id: 'binance',
    families: ['prices'],
    http: {
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
  // The newest closed hour we should have: the hour before the window's end, or before now if
  // the day is still running. Hourly data ending well before it is stale (F16): kept, disclosed.
  const gaps = [];
  const expectedLast = Math.floor(Math.min(window.end, startedAt) / HOUR_MS) * HOUR_MS - HOUR_MS;
  if (interval === '1h' && last.t < expectedLast - STALE_AFTER_HOURS * HOUR_MS) {
    const reason = `binance GET ${KLINES} ${symbol} 1h candles end at ${new Date(last.t + step).toISOString()}, ${Math.round((expectedLast - last.t) / HOUR_MS)} h before the expected ${new Date(expectedLast + step).toISOString()}`;
    gaps.push({ family: 'prices' as const, source: 'binance', asset, kind: 'Stale', reason, endpoint: `GET ${KLINES}` });
  }
  return {
    gaps,
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
