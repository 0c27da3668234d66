/**
 * analyze(snapshot, thresholds) → Findings: pure and deterministic (no clock, no I/O, no
 * randomness). The phases, in order (later signals read earlier findings through the context):
 *
 *  1. price_move            — the day's OHLC per asset from hourly spot candles
 *     price_path            — the steepest hour, the retrace, the trend before  (reads 1)
 *  2. level_break           — round levels crossed                       (reads nothing earlier)
 *  3. systemic_move         — assets moving together                     (reads 1)
 *  4. historical_rank       — the move against daily history             (reads 1)
 *  5. liquidations          — totals, range, long share, multiple of median
 *  6. liquidation_cluster   — price bands of liquidation orders
 *     liquidation_timing    — the hours liquidation orders concentrated in
 *  7. volume_spike          — perpetual volume vs prior day and 30 days
 *  8. funding_flip          — funding, 8h-normalised, OI-weighted
 *  9. basis_compression     — annualized basis by tenor
 * 10. open_interest_change  — OI change, deleveraging                    (reads 1)
 * 11. etf_volume, 12. etf_flows
 * 13. whale_activity        — ≥ 1,000-coin transfers                     (reads 2)
 * 14. exchange_flows, 15. implied_vol
 * 16. key_levels            — supports and resistances                   (reads 6)
 * 17. data_gap              — what could not be measured
 * 18. day_plan              — the day's decisions: type, lead asset, headline figures, claims (reads all)
 *
 * The result is ordered by importance (ties: kind order, then asset) and validated against
 * FindingsSchema, which also guarantees no NaN or ±Infinity left the signals.
 */
import type { Snapshot } from '../../kernel/snapshot/index.js';
import type { AnalysisContext, Signal } from './context.js';
import { FindingsSchema, type Finding, type Findings } from './findings.js';
import { sortFindings } from './importance.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../kernel/thresholds.js';
import { basisCompressionSignal } from './signals/basis-compression.js';
import { dataGapsSignal } from './signals/data-gaps.js';
import { dayPlanSignal } from './signals/day-plan.js';
import { etfFlowsSignal } from './signals/etf-flows.js';
import { etfVolumeSignal } from './signals/etf-volume.js';
import { exchangeFlowsSignal } from './signals/exchange-flows.js';
import { fundingFlipSignal } from './signals/funding-flip.js';
import { historicalRankSignal } from './signals/historical-rank.js';
import { impliedVolSignal } from './signals/implied-vol.js';
import { keyLevelsSignal } from './signals/key-levels.js';
import { levelBreakSignal } from './signals/level-break.js';
import { liquidationClusterSignal } from './signals/liquidation-clusters.js';
import { liquidationTimingSignal } from './signals/liquidation-timing.js';
import { liquidationsSignal } from './signals/liquidations.js';
import { openInterestSignal } from './signals/open-interest.js';
import { priceMoveSignal } from './signals/price-move.js';
import { pricePathSignal } from './signals/price-path.js';
import { systemicMoveSignal } from './signals/systemic-move.js';
import { volumeSpikeSignal } from './signals/volume-spike.js';
import { whaleActivitySignal } from './signals/whale-activity.js';

/** The signals in phase order (see above). */
export const SIGNALS: readonly Signal[] = [
  priceMoveSignal,
  pricePathSignal,
  levelBreakSignal,
  systemicMoveSignal,
  historicalRankSignal,
  liquidationsSignal,
  liquidationClusterSignal,
  liquidationTimingSignal,
  volumeSpikeSignal,
  fundingFlipSignal,
  basisCompressionSignal,
  openInterestSignal,
  etfVolumeSignal,
  etfFlowsSignal,
  whaleActivitySignal,
  exchangeFlowsSignal,
  impliedVolSignal,
  keyLevelsSignal,
  dataGapsSignal,
  dayPlanSignal,
];

export function analyze(snapshot: Snapshot, thresholds: Thresholds = DEFAULT_THRESHOLDS): Findings {
  const findings: Finding[] = [];
  for (const signal of SIGNALS) {
    const context: AnalysisContext = { window: snapshot.window, earlier: findings.slice() };
    findings.push(...signal(snapshot, thresholds, context));
  }
  return FindingsSchema.parse({
    date: snapshot.date,
    timezone: snapshot.timezone,
    start: snapshot.window.start,
    end: snapshot.window.end,
    assets: [...snapshot.assets],
    bounds: {
      fundingMaxAbsPerInterval: thresholds.funding.plausibleMaxAbsPerInterval,
      priceMaxUsd: thresholds.price.plausibleMaxUsd,
    },
    findings: sortFindings(findings),
  });
}
