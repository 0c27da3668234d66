/**
 * `brief fetch`: the providers' public APIs → one validated snapshot for a day.
 *
 *   1. window      the brief's day in the configured zone → [start, end) ms UTC
 *   2. sources     every registered source in parallel, each through its own limiter and the
 *                  shared HTTP client (or the recordings, with --replay); keyed sources without
 *                  a key become 'not-configured' gaps
 *   3. collector   liquidation events collected by `brief collect`, aggregated for the window
 *   4. assemble    implausible values quarantined (disclosed); parts + gaps → Snapshot; the core
 *                  price must be there (else exit 3, no write)
 *   5. save        atomically (temp file, fsync, rename), replacing an earlier fetch of the day
 *                  only when the new one is at least as complete (keep-richer.ts)
 */
import type { AxiosInstance } from 'axios';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Config } from '../../kernel/config.js';
import { UsageError } from '../../kernel/errors.js';
import { loadSnapshot, saveSnapshot } from '../../kernel/snapshot/index.js';
import { compareCompleteness } from './keep-richer.js';
import type { Gap, Snapshot } from '../../kernel/snapshot/index.js';
import { aggregateCollected } from '../../sources/collector/index.js';
import { BanRegistry } from '../../sources/index.js';
import type { HttpEffects } from '../../sources/index.js';
import { checkLiquidations } from '../../sources/index.js';
import { coverageGaps } from '../../sources/index.js';
import { crossCheckPrices } from '../../sources/index.js';
import { etfCompletenessGaps } from '../../sources/index.js';
import { nameSpotFallback } from './spot-fallback.js';
import { checkPlausibility } from '../../sources/index.js';
import { loadManifest, saveManifest } from '../../sources/index.js';
import { mergeParts } from '../../sources/index.js';
import { DAY_MS, briefWindow, todayIn } from '../../kernel/time.js';
import type { SnapshotParts } from '../../sources/index.js';
import { assembleSnapshot, assertCoreData } from './assemble.js';
import { fetchSources, fetchSpotFallback } from './sources.js';

export { todayIn, briefWindow };
export { fetchSources, fetchSpotFallback } from './sources.js';

export interface FetchEffects extends HttpEffects {
  /** The axios instance requests go through (tests may aim one at a loopback server). */
  axios?: AxiosInstance;
  env: Record<string, string | undefined>;
  /** Persist provider bans (418/430) here so the next run honours them; none by default. */
  banFile?: string;
  /** The collector's aggregation (injectable for tests). */
  aggregateCollected: typeof aggregateCollected;
  /** Wall-clock budget of the whole fetch phase, ms (default 180 s): requests stop when it runs out. */
  fetchBudgetMs: number;
}

export interface FetchOptions {
  date: string;
  assets: string[];
  config: Config;
  outDir: string;
  record?: string;
  replay?: string;
  collectorDir?: string;
  effects?: Partial<FetchEffects>;
}

export interface FetchResult {
  file: string;
  snapshot: Snapshot;
  gaps: Gap[];
  /** Set when the day's stored snapshot was kept instead: why the new fetch was poorer. */
  kept?: string[];
}

export function defaultFetchEffects(): FetchEffects {
  return {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
    log: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    aggregateCollected,
    fetchBudgetMs: 180_000,
  };
}

export async function fetchSnapshot(options: FetchOptions): Promise<FetchResult> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date) || Number.isNaN(Date.parse(options.date))) {
    throw new UsageError(`--date must be YYYY-MM-DD, got ${JSON.stringify(options.date)}`);
  }
  if (options.assets.length === 0) throw new UsageError('--assets: at least one asset is needed');
  const effects: FetchEffects = { ...defaultFetchEffects(), ...options.effects };
  const { config } = options;

  // 1. The window. A replay runs at the recorded instant, so the same responses give the same snapshot.
  const window = briefWindow(options.date, config.timezone);
  const manifest = options.replay ? await loadManifest(options.replay) : undefined;
  if (options.replay && !manifest) throw new UsageError(`--replay ${options.replay}: no manifest.json (was it made with --record?)`);
  if (manifest && !options.effects?.now) {
    const recordedAt = Date.parse(manifest.recordedAt);
    effects.now = () => recordedAt;
  }
  const startedAt = effects.now();
  const request = {
    window,
    assets: options.assets,
    config,
    startedAt,
    live: startedAt >= window.start && startedAt < window.end + DAY_MS,
  };

  // 2. Sources, in parallel.
  const bans = await BanRegistry.open(effects.banFile, startedAt);
  const budgetEnd = Date.now() + effects.fetchBudgetMs;
  const runOptions = {
    request,
    effects,
    bans,
    budgetEnd,
    ...(options.record ? { record: options.record } : {}),
    ...(options.replay ? { replay: options.replay } : {}),
  };
  const results = await fetchSources(runOptions);
  const parts: Partial<SnapshotParts> = {};
  const gaps: Gap[] = [];
  for (const result of results) {
    mergeParts(parts, result.parts);
    gaps.push(...result.gaps);
  }
  // Binance spot missing for an asset (e.g. 451 in a restricted region): OKX spot instead.
  const spot = (asset: string, interval: string) =>
    parts.prices?.some((p) => p.asset === asset && p.interval === interval && p.venue === 'binance');
  const missingSpot = options.assets.filter((asset) => !spot(asset, '1d') || !spot(asset, '1h'));
  if (missingSpot.length > 0) {
    effects.log(`binance spot prices missing for ${missingSpot.join(', ')}: fetching OKX spot candles instead`);
    const fallback = await fetchSpotFallback(runOptions, missingSpot);
    const wanted = (p: { asset: string; interval: string }) => !spot(p.asset, p.interval);
    mergeParts(parts, { prices: (fallback.parts.prices ?? []).filter(wanted) });
    gaps.push(...fallback.gaps);
    gaps.splice(0, gaps.length, ...nameSpotFallback(gaps, parts, missingSpot));
  }

  // 3. Collected liquidations (lower bounds: the streams sample).
  let collectorMissing = false;
  if (options.collectorDir) {
    const collected = await effects.aggregateCollected(options.collectorDir, window, options.assets);
    if (collected) mergeParts(parts, { liquidationTotals: collected.totals, liquidationOrders: collected.orders });
    else collectorMissing = true;
  }

  // 4. Quarantine implausible values (disclosed), assemble, and check the core data.
  const plausible = checkPlausibility(parts, config.thresholds);
  // Cross-checks (issue 16): missing hours named first (as received), then candles that disagree
  // with the daily candle or the other venues, then liquidation figures that cannot be real.
  const tolerances = config.thresholds.crossCheck;
  gaps.push(...coverageGaps(plausible.parts, window, startedAt), ...etfCompletenessGaps(plausible.parts));
  const crossed = crossCheckPrices(plausible.parts, window, tolerances);
  const liquidations = checkLiquidations(crossed.parts, window, tolerances);
  const checked = { parts: liquidations.parts, gaps: [...plausible.gaps, ...crossed.gaps, ...liquidations.gaps] };
  if (collectorMissing) gaps.push(...collectorGaps(window.date, options.assets, checked.parts, effects.log));
  gaps.push(...checked.gaps);
  const origin: Snapshot['origin'] = options.replay
    ? { kind: 'replayed', description: `Replayed from responses recorded at ${manifest!.recordedAt}`, reference: basename(options.replay) }
    : { kind: 'fetched', description: `Fetched from the providers' public APIs at ${new Date(startedAt).toISOString()}` };
  const snapshot = assembleSnapshot({ window, assets: options.assets, parts: checked.parts, gaps, generatedAt: startedAt, origin });
  assertCoreData(snapshot, config);

  // 5. Save.
  if (options.record)
    await saveManifest(options.record, { recordedAt: new Date(startedAt).toISOString(), date: window.date, assets: options.assets });
  const stored = await keepStoredIfRicher(options.outDir, snapshot, effects.log);
  if (stored) return stored;
  const file = await saveSnapshot(options.outDir, snapshot);
  return { file, snapshot, gaps: snapshot.gaps };
}

/**
 * The day's stored snapshot, when the new fetch is less complete (a past day fetched again loses
 * what only a live fetch has; a part-day fetch is poorer than the whole day): it is kept, and said.
 * An unreadable stored file is replaced.
 */
async function keepStoredIfRicher(outDir: string, fetched: Snapshot, log: (line: string) => void): Promise<FetchResult | undefined> {
  const file = join(outDir, `${fetched.date}.json`);
  if (!existsSync(file)) return undefined;
  const stored = await loadSnapshot(file).catch((error: unknown) => {
    log(`replacing ${file}: it could not be read (${(error as Error).message.split('\n')[0]})`);
    return undefined;
  });
  if (!stored) return undefined;
  const wholeDay = (s: Snapshot) => Date.parse(s.generatedAt) >= s.window.end;
  const { richer, losses } = compareCompleteness(stored, fetched);
  if (wholeDay(fetched) && !wholeDay(stored)) return undefined;
  if (richer && wholeDay(fetched) === wholeDay(stored)) return undefined;
  const why = !wholeDay(fetched) && wholeDay(stored) ? ['the new fetch covers part of the day only'] : losses;
  log(`kept ${file}: the new fetch is less complete (${why.join('; ')}); the stored snapshot stays`);
  return { file, snapshot: stored, gaps: stored.gaps, kept: why };
}

/**
 * No collector files for the day: a gap only for the assets whose liquidations no other source
 * in the snapshot covers (after quarantine), so a brief with OKX or CoinGlass totals does not
 * tell readers the collector was missed. One gap without an asset when none is covered.
 */
function collectorGaps(date: string, assets: string[], parts: Partial<SnapshotParts>, log: (line: string) => void): Gap[] {
  const covered = new Set((parts.liquidationTotals ?? []).map((totals) => totals.asset));
  const uncovered = assets.filter((asset) => !covered.has(asset));
  const reason = `no liquidation events collected for ${date} (run \`brief collect\` during the day)`;
  if (uncovered.length < assets.length)
    log(`collector: ${reason}; liquidations of ${assets.filter((asset) => covered.has(asset)).join(', ')} come from other sources`);
  if (uncovered.length === assets.length) return [{ family: 'liquidations', source: 'collector', kind: 'not-configured', reason }];
  return uncovered.map((asset) => ({ family: 'liquidations', source: 'collector', asset, kind: 'not-configured', reason }));
}
export * from './brief-day.js';
