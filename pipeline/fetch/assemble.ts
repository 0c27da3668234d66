/**
 * Pure assembly: the parts every source returned, plus gaps, into one Snapshot; and the
 * core-data check (no BTC price, no brief: exit 3, nothing written).
 */
import type { Config } from '../../kernel/config.js';
import { InsufficientDataError } from '../../kernel/errors.js';
import { PROVIDERS } from '../../kernel/providers.js';
import { SCHEMA_VERSION, type Gap, type Snapshot } from '../../kernel/snapshot/index.js';
import type { BriefWindow, SnapshotParts } from '../../sources/index.js';

export function assembleSnapshot(input: {
  window: BriefWindow;
  assets: readonly string[];
  parts: Partial<SnapshotParts>;
  gaps: readonly Gap[];
  generatedAt: number;
  origin: Snapshot['origin'];
}): Snapshot {
  const { parts } = input;
  return {
    schemaVersion: SCHEMA_VERSION,
    date: input.window.date,
    timezone: input.window.timezone,
    window: { start: input.window.start, end: input.window.end },
    generatedAt: new Date(input.generatedAt).toISOString(),
    origin: input.origin,
    assets: [...input.assets],
    prices: parts.prices ?? [],
    perpetuals: parts.perpetuals ?? [],
    liquidations: {
      totals: parts.liquidationTotals ?? [],
      history: parts.liquidationHistory ?? [],
      orders: parts.liquidationOrders ?? [],
    },
    funding: parts.funding ?? [],
    basis: parts.basis ?? [],
    openInterest: parts.openInterest ?? [],
    etfs: parts.etfs ?? [],
    etfFlows: parts.etfFlows ?? [],
    whaleTransfers: parts.whaleTransfers ?? [],
    // No free, documented source of exchange flows exists (CONTRACTS.md §6d).
    exchangeFlows: [],
    volatility: parts.volatility ?? [],
    macro: parts.macro ?? [],
    gaps: [...input.gaps],
  };
}

/** The asset whose price is core: BTC when fetched, otherwise the first asset. */
export function coreAsset(assets: readonly string[]): string {
  return assets.includes('BTC') ? 'BTC' : assets[0]!;
}

/**
 * Throws InsufficientDataError unless a core source (config.coreSources, default the providers
 * marked core) — or its spot fallback (the provider descriptor's spotFallback) — gave the core asset's daily candles and hourly candles inside the window.
 */
export function assertCoreData(snapshot: Snapshot, config: Config): void {
  const asset = coreAsset(snapshot.assets);
  const providers = new Set<string>(
    config.coreSources.flatMap((id) => [id, ...(PROVIDERS[id].spotFallback ? [PROVIDERS[id].spotFallback] : [])]),
  );
  const core = snapshot.prices.filter(
    (series) => series.asset === asset && series.market === 'spot' && providers.has(series.provenance.provider),
  );
  const hourly =
    core.find((series) => series.interval === '1h')?.candles.filter((c) => c.t >= snapshot.window.start && c.t < snapshot.window.end) ?? [];
  const daily = core.find((series) => series.interval === '1d')?.candles ?? [];
  if (hourly.length > 0 && daily.length > 0) return;
  const related = snapshot.gaps.filter(
    (gap) => (config.coreSources as readonly string[]).includes(gap.source) && (gap.asset === undefined || gap.asset === asset),
  );
  const why = related.length
    ? related.map((gap) => `  - ${gap.reason}`).join('\n')
    : `  - no ${asset} candles in the window from ${config.coreSources.join(', ')}`;
  throw new InsufficientDataError(
    `not enough data for a brief on ${snapshot.date}: the core ${asset} price (${hourly.length === 0 ? 'hourly candles in the window' : 'daily history'}) is missing; nothing was written.\n${why}\nCheck the network or the providers' status and run \`brief fetch\` again.`,
  );
}
