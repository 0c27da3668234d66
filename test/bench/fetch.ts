/**
 * Benchmark 3, fetch: the whole `fetchSnapshot` for 2024-01-04 against the loopback replay
 * server serving the recorded fixtures, with `delayMs` (250 ms) added before every response's
 * headers, real sleeps and the providers' real limits. Its floor is the longest chain of
 * dependent requests × delayMs: no schedule can beat it, however parallel.
 *
 * The chain is measured, not assumed: the same fetch is run once more with every provider's
 * limits lifted (concurrency 64, no spacing, via `providers.<id>` in the configuration), so the
 * only thing between a request and the next is the code waiting for an answer it needs (a
 * page cursor, an instrument, a delivery date): see longestChain.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG, type Config } from '../../kernel/config.js';
import { fetchSnapshot } from '../../pipeline/fetch/index.js';
import { PROVIDER_IDS } from '../../sources/types.js';
import { recordingsFallback } from '../replay/fallbacks.js';
import { FAKE_KEYS, FIXED_NOW, GOLDEN_DATE, serverEnv } from '../replay/harness.js';
import { FIXTURE_DIR, GOLDEN_ASSETS } from '../replay/record-fixtures.js';
import { startReplayServer, type Fallback } from '../replay/server.js';

export interface FetchRun {
  ms: number;
  requests: number;
  /** Request start offsets from the run's start, ms, in order. */
  startsMs: number[];
  gaps: number;
}

export interface FetchBench {
  delayMs: number;
  /** Median of the runs with the providers' limits. */
  ms: number;
  runsMs: number[];
  requests: number;
  gaps: number;
  /** Dependent requests in the longest chain (rounds of the unlimited run). */
  chain: number;
  unlimitedMs: number;
  floorMs: number;
  ratio: number;
}

/** Every answer `delayMs` late. */
function delayed(fallback: Fallback, delayMs: number): Fallback {
  return (provider, path, query) => {
    const step = fallback(provider, path, query);
    return step ? { ...step, delayHeadersMs: delayMs } : undefined;
  };
}

/** The configuration with every provider's limits lifted (for measuring the dependency chain). */
function unlimited(config: Config): Config {
  const providers = { ...config.providers };
  for (const id of PROVIDER_IDS) providers[id] = { enabled: true, ...providers[id], concurrency: 64, minIntervalMs: 0 };
  return { ...config, providers };
}

/**
 * The longest chain of dependent requests in an unlimited run: a request's depth is one more
 * than the deepest request whose answer (sent `delayMs` after it arrived) was complete before
 * it started; requests that started together, before any answer, have depth 1.
 */
export function longestChain(startsMs: readonly number[], delayMs: number): number {
  const sorted = [...startsMs].sort((a, b) => a - b);
  const depths: number[] = [];
  sorted.forEach((start, i) => {
    let deepest = 0;
    for (let j = 0; j < i; j += 1) if (sorted[j]! + delayMs <= start) deepest = Math.max(deepest, depths[j]!);
    depths.push(deepest + 1);
  });
  return Math.max(0, ...depths);
}

async function fetchOnce(config: Config, delayMs: number): Promise<FetchRun> {
  const server = await startReplayServer(delayed(recordingsFallback(FIXTURE_DIR), delayMs));
  const out = await mkdtemp(join(tmpdir(), 'bench-fetch-'));
  try {
    const t0 = Date.now();
    const result = await fetchSnapshot({
      date: GOLDEN_DATE,
      assets: GOLDEN_ASSETS,
      config,
      outDir: out,
      collectorDir: join(out, 'no-collector'),
      effects: {
        // The recorded day's clock, ticking in real time (the limiter spaces by it).
        now: () => FIXED_NOW + (Date.now() - t0),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        random: () => 0.5,
        log: () => undefined,
        env: serverEnv(server, FAKE_KEYS),
      },
    });
    const ms = Date.now() - t0;
    return { ms, requests: server.requests.length, startsMs: server.requests.map((r) => r.at - t0), gaps: result.gaps.length };
  } finally {
    await server.close();
    await rm(out, { recursive: true, force: true });
  }
}

export async function benchFetch(options: { delayMs?: number; runs?: number } = {}): Promise<FetchBench> {
  const delayMs = options.delayMs ?? 250;
  const free = await fetchOnce(unlimited(DEFAULT_CONFIG), delayMs);
  const chain = longestChain(free.startsMs, delayMs);
  const runs: FetchRun[] = [];
  for (let i = 0; i < (options.runs ?? 3); i += 1) runs.push(await fetchOnce(DEFAULT_CONFIG, delayMs));
  const runsMs = runs.map((r) => r.ms);
  const ms = median(runsMs);
  const floorMs = chain * delayMs;
  return {
    delayMs,
    ms,
    runsMs,
    requests: runs[0]!.requests,
    gaps: runs[0]!.gaps,
    chain,
    unlimitedMs: free.ms,
    floorMs,
    ratio: ms / floorMs,
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
