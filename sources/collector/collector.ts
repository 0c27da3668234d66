/**
 * `brief collect`: a long-running process that records liquidations from the exchanges' public
 * streams (Binance `!forceOrder@arr`, OKX `liquidation-orders`, Bybit `allLiquidation.<symbol>`)
 * into `<outDir>/<YYYY-MM-DD>.jsonl`, one file per UTC day of the event time.
 *
 *   1. check the assets, resolve the endpoints (option → BRIEF_<X>_WS_URL → the exchange's URL)
 *   2. open the store and load today's ids (dedupe across restarts)
 *   3. load OKX contract sizes (live table, documented fallback)
 *   4. run one self-reconnecting stream per exchange; each frame → zod → normalised events → store
 *   5. on abort: close the sockets, drain pending writes, fsync, close the files, resolve
 *
 * Throughout, a heartbeat (status.ts) records which streams are connected, for health checks.
 *
 * The streams sample (Binance and OKX push at most one liquidation per symbol per second), so
 * whatever is aggregated from these files is a lower bound.
 */
import { UsageError } from '../../kernel/errors.js';
import { AssetSchema } from '../../kernel/snapshot/index.js';
import { DEFAULT_BACKOFF } from './backoff.js';
import { BINANCE_WS_URL, binanceStream } from './binance.js';
import { BYBIT_WS_URL, bybitStream } from './bybit.js';
import { EXCHANGES, utcDay, type CollectedEvent, type Exchange } from './event.js';
import type { FrameResult } from './frame.js';
import { OKX_WS_URL, okxStream } from './okx.js';
import { OKX_REST_URL, loadContractSizes, type ContractSizes } from './okx-instruments.js';
import { StatusWriter } from './status.js';
import { EventStore } from './store.js';
import { runStream, type StreamSpec, type StreamTiming } from './stream.js';

export const DEFAULT_WS_URLS: Record<Exchange, string> = {
  binance: BINANCE_WS_URL,
  okx: OKX_WS_URL,
  bybit: BYBIT_WS_URL,
};

export interface CollectorOptions {
  /** Upper-case tickers (BTC, ETH, …); only their USDT/USDC-margined perpetuals are recorded. */
  assets: string[];
  outDir: string;
  /** WebSocket URLs; each defaults to BRIEF_<EXCHANGE>_WS_URL, then the exchange's public URL. */
  endpoints?: Partial<Record<Exchange, string>>;
  signal: AbortSignal;
  log?: (line: string) => void;
  /** Clock for `receivedAt` and the plausibility check, ms since the epoch. */
  now?: () => number;
  /** Which exchanges to collect from (default all three). */
  exchanges?: Exchange[];
  /** OKX REST base URL for contract sizes (default BRIEF_OKX_URL, then https://www.okx.com). */
  okxRestUrl?: string;
  /** Known OKX contract sizes: skips the REST call. */
  contractSizes?: ContractSizes;
  /** Reconnection and keep-alive timing (tests shorten it). */
  timing?: Partial<StreamTiming>;
  /** How often the heartbeat `<outDir>/.collect-status.json` is rewritten, ms (default 30 000). */
  statusIntervalMs?: number;
  /** fsync interval for the day files, ms (default 1000). */
  fsyncIntervalMs?: number;
  /** Events whose exchange time is older than this (relative to `now`) are rejected, ms (default 24 h). */
  maxEventAgeMs?: number;
  /** Jitter source for the backoff, [0, 1). */
  random?: () => number;
  env?: NodeJS.ProcessEnv;
  /** Observes every event that passed validation: `stored` false for a duplicate. */
  onEvent?: (event: CollectedEvent, stored: boolean) => void;
}

const DEFAULT_TIMING: StreamTiming = { backoff: DEFAULT_BACKOFF, stableAfterMs: 30_000, handshakeTimeoutMs: 10_000 };
/** An event stamped this far in the future (clock skew tolerance) is rejected, ms. */
const MAX_FUTURE_SKEW_MS = 10 * 60_000;
/** Malformed-frame lines logged per exchange before only every 100th is. */
const PROBLEM_LOG_BURST = 20;

/** The environment variable that overrides an exchange's WebSocket URL: okx → BRIEF_OKX_WS_URL. */
export function wsUrlEnvName(exchange: Exchange): string {
  return `BRIEF_${exchange.toUpperCase()}_WS_URL`;
}

export function resolveWsUrl(exchange: Exchange, endpoints: Partial<Record<Exchange, string>> | undefined, env: NodeJS.ProcessEnv): string {
  return endpoints?.[exchange] ?? env[wsUrlEnvName(exchange)] ?? DEFAULT_WS_URLS[exchange];
}

function checkAssets(assets: string[]): Set<string> {
  const checked = new Set<string>();
  for (const raw of assets) {
    const asset = raw.trim().toUpperCase();
    if (!AssetSchema.safeParse(asset).success) throw new UsageError(`collect: ${JSON.stringify(raw)} is not an asset ticker such as BTC`);
    checked.add(asset);
  }
  if (checked.size === 0) throw new UsageError('collect: no assets given');
  return checked;
}

export async function runCollector(options: CollectorOptions): Promise<void> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? Date.now;
  const env = options.env ?? process.env;
  const { signal } = options;
  // 1. inputs
  const assets = checkAssets(options.assets);
  const exchanges = options.exchanges ?? [...EXCHANGES];
  const timing: StreamTiming = { ...DEFAULT_TIMING, ...options.timing };
  const maxAgeMs = options.maxEventAgeMs ?? 24 * 3_600_000;

  // 2. store, with today's ids loaded
  const store = await EventStore.open({ dir: options.outDir, fsyncIntervalMs: options.fsyncIntervalMs ?? 1000, log });
  const counts = { stored: 0, duplicates: 0, problems: new Map<Exchange, number>(), writeErrors: 0 };
  const status = new StatusWriter({ dir: options.outDir, exchanges, now, intervalMs: options.statusIntervalMs ?? 30_000, log });
  try {
    await status.write();
    await store.preload(utcDay(now()));

    // 3. OKX contract sizes
    let contracts: ContractSizes | undefined;
    if (exchanges.includes('okx')) {
      contracts =
        options.contractSizes ??
        (await loadContractSizes({ baseUrl: options.okxRestUrl ?? env.BRIEF_OKX_URL ?? OKX_REST_URL, signal, log }));
    }

    // 4. streams
    const specs: StreamSpec[] = exchanges.map((exchange) => {
      const url = resolveWsUrl(exchange, options.endpoints, env);
      if (exchange === 'binance') return binanceStream(url, assets);
      if (exchange === 'bybit') return bybitStream(url, assets);
      return okxStream(url, assets, contracts ?? new Map());
    });

    const reportProblem = (exchange: Exchange, problem: string): void => {
      const count = (counts.problems.get(exchange) ?? 0) + 1;
      counts.problems.set(exchange, count);
      if (count <= PROBLEM_LOG_BURST || count % 100 === 0) log(`${exchange}: skipped malformed frame (#${count}): ${problem}`);
    };

    const onFrame = (result: FrameResult, exchange: Exchange): void => {
      status.frame(exchange);
      for (const problem of result.problems) reportProblem(exchange, problem);
      const receivedAt = now();
      for (const parsed of result.events) {
        if (parsed.time > receivedAt + MAX_FUTURE_SKEW_MS || parsed.time < receivedAt - maxAgeMs) {
          reportProblem(
            exchange,
            `${parsed.symbol}: event time ${new Date(parsed.time).toISOString()} is implausible at ${new Date(receivedAt).toISOString()}`,
          );
          continue;
        }
        const event: CollectedEvent = { ...parsed, receivedAt };
        store.append(event).then(
          (stored) => {
            if (stored) counts.stored += 1;
            else counts.duplicates += 1;
            status.counts(counts.stored, counts.duplicates);
            options.onEvent?.(event, stored);
          },
          (error: unknown) => {
            counts.writeErrors += 1;
            log(`collector: could not write a ${exchange} event: ${error instanceof Error ? error.message : String(error)}`);
          },
        );
      }
    };

    const onConnection = (exchange: Exchange, connected: boolean): void => status.connection(exchange, connected);
    await Promise.all(specs.map((spec) => runStream(spec, { signal, log, onFrame, onConnection, timing, random: options.random })));
  } finally {
    // 5. drain, fsync, close
    await store.close();
    await status.stop();
  }
  const problems = [...counts.problems].map(([exchange, n]) => `${exchange} ${n}`).join(', ') || 'none';
  log(
    `collector: stopped; ${counts.stored} events stored, ${counts.duplicates} duplicates skipped, malformed: ${problems}, write errors: ${counts.writeErrors}`,
  );
}
