/**
 * Flow findings: spot-ETF volume and net flows, whale transfers, exchange on-chain flows.
 */
import { z } from 'zod';
import { base, epochMs, finite, fraction, usd } from './common.js';

export const EtfVolumeSchema = z.strictObject({
  kind: z.literal('etf_volume'),
  ...base,
  asset: z.string(),
  /** US trading day the figures are for. */
  date: z.string(),
  /** Per fund: dollar volume, its own average and multiple, and its close against its previous session's (`closeChangeFraction`). */
  tickers: z.array(
    z.strictObject({
      ticker: z.string(),
      dollarVolumeUsd: usd,
      avg30dUsd: usd.optional(),
      multiple: finite.optional(),
      close: finite,
      closeChangeFraction: fraction.optional(),
    }),
  ),
  totalDollarVolumeUsd: usd,
  avg30dUsd: usd.optional(),
  multipleOf30dAvg: finite.optional(),
  /** Largest total in the available history (never when a fund is excluded). */
  isRecord: z.boolean(),
  /** Funds without a bar for `date` (or whose fetch failed): the totals exclude them, and the brief says so. */
  excluded: z.array(z.string()).optional(),
  /** The asset's close-to-close change on the ETF day. */
  priceChangeFraction: fraction.optional(),
  /**
   * The asset over the same span as a fund's own change: from the previous session's 16:00 New
   * York close to this one's (the hourly spot closes at those instants); absent without both, or
   * when the funds' previous sessions differ.
   */
  sessionChangeFraction: fraction.optional(),
  /** Heavy volume while price fell (sessionChangeFraction, else priceChangeFraction): volume is not direction. */
  divergence: z.boolean(),
  /** The session precedes the asset's first spot-ETF session (spot-etfs.ts): the funds were not spot ETFs. */
  beforeSpotEtfs: z.boolean(),
  /** The session is the asset's first spot-ETF session: no average can exist, and the launch is the day's context. */
  firstSpotSession: z.boolean(),
  /** The session closed early (util/us-market.ts): a half day's turnover, set against full days. */
  earlyClose: z.boolean(),
});

export const EtfFlowsFindingSchema = z.strictObject({
  kind: z.literal('etf_flows'),
  ...base,
  asset: z.string(),
  date: z.string(),
  netFlowUsd: usd,
  perTicker: z.array(z.strictObject({ ticker: z.string(), netFlowUsd: usd })),
  /** Consecutive days of flows with the same sign, including this one. */
  streakDays: z.number().int().nonnegative(),
  /** The net flow summed over those `streakDays` sessions (USD). */
  streakNetUsd: usd,
  /**
   * The funds split: those that moved against the net (`against`, tickers) and the other funds
   * (`restCount`, at least two) added up (`restNetUsd`, same sign as the net). Only when the
   * per-fund flows add up to the net (within 1 %; else the provider's total covers funds the list
   * does not) and the funds against it reach `etf.againstShareMin` of |net|.
   */
  split: z.strictObject({ against: z.array(z.string()), restCount: z.number().int().positive(), restNetUsd: usd }).optional(),
});

export const WhaleActivitySchema = z.strictObject({
  kind: z.literal('whale_activity'),
  ...base,
  asset: z.string(),
  thresholdCoins: finite,
  /** Transfers ≥ threshold in the window. */
  count: z.number().int().nonnegative(),
  totalCoins: finite,
  totalUsd: usd.optional(),
  baseline30dAvgCount: finite.optional(),
  multipleOfBaseline: finite.optional(),
  /**
   * Transfers in the `windowHours` before and after the chosen level break (equal spans inside
   * the window), and the shift between them (`whale.multipleMin`, `aroundLevelMinCount`).
   */
  aroundLevel: z
    .strictObject({
      level: finite,
      direction: z.enum(['below', 'above']),
      breakTime: epochMs,
      before: z.number().int(),
      after: z.number().int(),
      windowHours: finite,
      shift: z.enum(['more', 'fewer', 'none']),
    })
    .optional(),
  /** Labelled entities (owner names), when the source labels wallets. */
  largest: z
    .array(z.strictObject({ hash: z.string(), time: epochMs, amountCoins: finite, from: z.string().optional(), to: z.string().optional() }))
    .default([]),
});

export const ExchangeFlowsFindingSchema = z.strictObject({
  kind: z.literal('exchange_flows'),
  ...base,
  asset: z.string(),
  /** The smallest transfer the series counts, USD (Whale Alert's `min_value` in its request), when the provenance says. */
  minTransferUsd: finite.optional(),
  /** Net inflow (inflow − outflow) in the window, coins. */
  netCoins: finite,
  /** The net valued hour by hour at the spot close (USD); absent when an hour had no price. */
  netUsd: finite.optional(),
  peakInflow: z.strictObject({ time: epochMs, coins: finite }),
  /** Net flow after the peak (negative = coins leaving exchanges). */
  netAfterPeakCoins: finite,
  /** Typical hourly inflow, coins: mean over the baseline days before the window, else the window's median hour. */
  baselineHourlyInflowCoins: finite.optional(),
  /** Where the baseline came from: the days before the window, or the window's median hour. */
  baselineFrom: z.enum(['prior-days', 'window-median']).optional(),
  /** Peak inflow / baseline hourly inflow. */
  peakMultipleOfBaseline: finite.optional(),
  /** Inflow spiked, then reversed into net outflow. */
  reversal: z.boolean(),
});
