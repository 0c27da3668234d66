/**
 * How fast `brief fetch` may call each provider: its documented limits as request windows
 * (CONTRACTS.md; the sources' own headers quote the same figures), in place of the even
 * spacing the source modules declare. A spacing of W / N ms is the window's long-run rate,
 * but it queues a run's handful of requests one after another (Blockchair's two calls 2 s
 * apart, Yahoo's eight over 2 s) where the provider allows them together; a window allows
 * the burst and still holds any stretch of W ms to N requests.
 *
 * Concurrency is ours to choose (no provider here documents a limit on parallel connections):
 * enough for a source's independent requests of one run to be in flight together.
 *
 * `providers.<id>.minIntervalMs` in the configuration still wins: it replaces this pacing
 * (windows included) with the given spacing, and `providers.<id>.concurrency` the concurrency.
 */
import type { RequestWindow } from '../../sources/limiter.js';

export interface ProviderPacing {
  concurrency: number;
  /** Spacing between request starts, ms (0: the windows alone pace). */
  minIntervalMs: number;
  windows: readonly RequestWindow[];
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Providers absent here keep the spacing and concurrency their source module declares. */
export const PROVIDER_PACING: Readonly<Record<string, ProviderPacing>> = {
  // Weight budgets (80 % of 6000/min spot, 2400/min futures) stay in the source modules; no
  // request-count limit beyond them for these endpoints, except futures fundingRate (with
  // fundingInfo): 500 requests / 5 min.
  binance: { concurrency: 4, minIntervalMs: 0, windows: [] },
  'binance-futures': { concurrency: 8, minIntervalMs: 0, windows: [{ requests: 500, ms: 5 * MINUTE }] },
  // Per endpoint: history-candles 20 / 2 s, funding-rate 20 / 2 s, funding-rate-history
  // 10 / 2 s: the strictest, applied to the whole provider.
  okx: { concurrency: 8, minIntervalMs: 0, windows: [{ requests: 10, ms: 2 * SECOND }] },
  // 600 requests / 5 s per IP.
  bybit: { concurrency: 4, minIntervalMs: 0, windows: [{ requests: 600, ms: 5 * SECOND }] },
  // Credit based: about 20 requests/s sustained.
  deribit: { concurrency: 4, minIntervalMs: 0, windows: [{ requests: 20, ms: SECOND }] },
  // Undocumented: go gently, but a run's eight chart requests need not take two seconds.
  // Eight per two seconds, four at a time, is the pace of one person opening a few charts.
  yahoo: { concurrency: 4, minIntervalMs: 0, windows: [{ requests: 8, ms: 2 * SECOND }] },
  // No key: 30 requests/min hard, 5/s soft (and 1440/day: a run makes two).
  blockchair: {
    concurrency: 2,
    minIntervalMs: 0,
    windows: [
      { requests: 5, ms: SECOND },
      { requests: 30, ms: MINUTE },
    ],
  },
  // Hobbyist plan: 30 requests/min.
  coinglass: { concurrency: 2, minIntervalMs: 0, windows: [{ requests: 30, ms: MINUTE }] },
  // Free plans: 10 requests/min.
  'whale-alert': { concurrency: 1, minIntervalMs: 0, windows: [{ requests: 10, ms: MINUTE }] },
};
