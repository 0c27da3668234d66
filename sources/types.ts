/**
 * What a source is and what it returns. A source is a factory's product `{ id, fetch, parse… }`:
 * `fetch` does the network work through its ProviderHttp and returns snapshot parts plus gaps;
 * the parse functions beside it are pure (raw response → validated parts).
 */
import type { BriefWindow } from '../kernel/time.js';
import type { Config } from '../kernel/config.js';
import type {
  BasisTenor,
  DataFamily,
  EtfFlows,
  EtfSeries,
  FundingSeries,
  Gap,
  LiquidationHistory,
  LiquidationOrder,
  LiquidationTotals,
  MacroSeries,
  OpenInterestSeries,
  PriceSeries,
  Provenance,
  VolatilityIndex,
  WhaleTransfers,
} from '../kernel/snapshot/index.js';
import type { ProviderHttp, ProviderHttpSpec } from './http.js';

// The provider ids and their facts (base URL, key, pacing, names) live in the kernel's descriptor.
import type { ProviderId } from '../kernel/providers.js';
export { PROVIDER_IDS, type ProviderId } from '../kernel/providers.js';

export interface SourceRequest {
  window: BriefWindow;
  assets: readonly string[];
  config: Config;
  /** Clock reading when the run started, ms UTC. */
  startedAt: number;
  /**
   * True when the run happens during the brief's day or within a day after it: only then do
   * "current value" endpoints (premiumIndex, tickers, book summaries) describe that day.
   */
  live: boolean;
}

export interface SourceContext {
  http: ProviderHttp;
  request: SourceRequest;
  log(line: string): void;
  /** API key from the environment, for keyed sources. */
  apiKey?: string;
}

export interface OrderBatch {
  source: string;
  coverage: 'complete' | 'lower-bound';
  orders: LiquidationOrder[];
  provenance: Provenance;
}

/** Everything a source can contribute; the orchestration concatenates the parts of all sources. */
export interface SnapshotParts {
  prices: PriceSeries[];
  perpetuals: PriceSeries[];
  funding: FundingSeries[];
  basis: BasisTenor[];
  openInterest: OpenInterestSeries[];
  etfs: EtfSeries[];
  etfFlows: EtfFlows[];
  whaleTransfers: WhaleTransfers[];
  volatility: VolatilityIndex[];
  macro: MacroSeries[];
  liquidationTotals: LiquidationTotals[];
  liquidationHistory: LiquidationHistory[];
  liquidationOrders: OrderBatch[];
}

export interface SourceResult {
  parts: Partial<SnapshotParts>;
  gaps: Gap[];
}

export interface Source {
  /** Its descriptor (kernel/providers.ts) gives the base URL, the key and the pacing. */
  id: ProviderId;
  /** The families this source feeds (for 'not-configured' gaps). */
  families: readonly DataFamily[];
  /** HTTP settings of the provider's protocol (envelope, ban statuses, weight budget; CONTRACTS.md). */
  http: Partial<Omit<ProviderHttpSpec, 'id' | 'baseUrl' | 'limiter'>> & {
    weightBudget?: { perWindow: number; windowMs: number; useFraction: number };
  };
  fetch(context: SourceContext): Promise<SourceResult>;
  /** The source's pure parse functions (raw response → validated parts), exposed for tests and reuse. */
  parse?: Record<string, (...args: never[]) => unknown>;
}

export type { BriefWindow };
