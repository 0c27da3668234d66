/**
 * The model of the long-form brief's reading of the leverage gauges taken together (reading.ts
 * builds it): which of funding, basis and open interest moved past their thresholds, and which
 * way. It carries no figure — the bullets print them — so the wire wrap, which leaves the reading
 * to the bullets, prints nothing of it.
 */
import { z } from 'zod';
import { flag, md } from './model-parts.js';

const GaugesSchema = z.strictObject({ funding: flag, basis: flag, openInterest: flag });

export const ReadingSchema = z.strictObject({
  /** The day fell (a crash), else it rose (a rally). */
  down: flag,
  /** Each gauge that fell past its threshold: funding flipped from elevated, basis compressed, open interest dropped. */
  fell: GaugesSchema,
  /** Each gauge that rose past its threshold: funding rising, basis widened, open interest up. */
  rose: GaugesSchema,
  /** All three moved the same way as the day's leverage story (fell on a crash, rose on a rally); else two did, and `fell`/`rose` say which. */
  all: flag,
  /** Open interest fell on a rally: shorts covering, not longs adding. */
  shortCovering: flag,
  /**
   * On a crash, the basis compressed while the coins held grew (past openInterest.flatFractionMax):
   * appetite cooled but no position was closed on net — the fall was not a deleveraging.
   */
  positionsGrew: flag,
  /** Coins held fell by more than openInterest.flatFractionMax but less than dropFractionMin. */
  positionsEased: flag,
  /** Funding did not fall to about zero but ended below its prior average, still positive: "虽有回落但仍为正值". */
  fundingEased: flag,
  /** Every venue settled below zero during the window, the running rate back at or above zero (funding_flip.negativeSettlements). */
  settledNegative: flag,
  /** The futures curve (reading.ts curveOf), when the basis bullet is printed and two or more expiries are read. */
  curve: z
    .strictObject({
      /** At the close, on every venue, later expiries carry at least the annualized basis of nearer ones. */
      upward: flag,
      /** The nearest expiry ended the day below spot (annualized basis below zero). */
      frontBelowSpot: flag,
      /** The nearest expiry traded below spot during the day but ended above it. */
      frontDipped: flag,
      /** The nearest expiry's basis moved more than the farthest's by basis.compressionMinFraction or more: the move sat in the front. */
      frontLed: flag,
    })
    .optional(),
});

export type Reading = z.infer<typeof ReadingSchema>;

/**
 * The spot ETFs' net flow (their last US session) and the exchanges' net flow (the brief's day)
 * read together (flows-reading.ts). No figure: the bullets print them.
 */
export const FlowsReadingSchema = z.strictObject({
  /** The ETF session, as the bullets name it ("1 月 11 日"). */
  date: md,
  /** The brief's own day ("1 月 12 日"), named so the exchanges' window is not read as the session's. */
  day: md,
  asset: md,
  /** The funds took in money on net (else they paid out). */
  etfIn: flag,
  /** Coins left exchanges on net over the day (else they arrived). */
  exchangeOut: flag,
  /** Both point the same way: money in with coins leaving, or money out with coins arriving. */
  agree: flag,
});

export type FlowsReading = z.infer<typeof FlowsReadingSchema>;

/**
 * The other assets set against the lead asset as a group (long-form brief): every one of them
 * fared worse (the plan's 'underperformed' claims) or every one better ('outperformed'), with
 * the gap past systemic.moveFractionMin each. Names only; the bullets and the lead print the moves.
 */
export const BreadthSchema = z.strictObject({
  lead: md,
  /** The other assets' names, listed ("以太坊和 BNB"); `several` when more than one ("均"). */
  others: md,
  several: flag,
  down: flag,
  worse: flag,
  better: flag,
});

export type Breadth = z.infer<typeof BreadthSchema>;
