/**
 * Funding flip: perpetual funding going from elevated positive to about zero or negative.
 *
 * - Every venue's rate is normalised to 8 hours: rate × 8 / intervalHours (a 4-hour venue's
 *   0.01 % is 0.02 % per 8 h), so venues with different intervals compare and average.
 * - "Prior" = mean of the settled rates in the `funding.priorDays` days before the window.
 * - "Current" = the venue's current-period rate when given, else its last settled rate before
 *   the window ends.
 * - Weights: each venue's latest open interest (USD, same venue and asset, before the window
 *   ends). When any venue lacks it, all venues weigh equally (weights are never mixed).
 * - State of the weighted rates: prior ≥ `funding.elevatedPriorMinPer8h` and current within
 *   ±`funding.neutralMaxAbsPer8h` → flip_to_neutral; prior elevated and current below −that →
 *   flip_to_negative; otherwise current ≥ elevated → 'elevated' (or 'rising' when the prior was
 *   not), current below −neutral → 'negative', anything else → 'neutral'.
 * - Level of the weighted current rate (sign and size, what the brief may say): ≥ elevated →
 *   'elevated', > neutral → 'positive', within ±neutral → 'about_zero', ≤ −`funding.shortPressureMinPer8h`
 *   → 'deeply_negative', else 'slightly_negative'. A slightly negative rate is not short dominance.
 * - Current kind: 'current-period' or 'settled' when every venue's current rate is of that kind,
 *   else 'mixed', so the brief labels the weighted figure truthfully.
 * - Negative settlements: the window's settlements at which every venue settled below zero, after
 *   a quiet spell without any (funding-settlements.ts).
 */
import type { FundingSeries } from '../../../kernel/snapshot/index.js';
import type { Signal } from '../context.js';
import type { Finding } from '../findings.js';
import { importanceOf, thresholdRatio } from '../importance.js';
import { lastBefore, DAY_MS, pointsIn } from '../util/time.js';
import { mean, roundSignificant, sum } from '../util/stats.js';
import { negativeSettlements, toPer8h } from './funding-settlements.js';

type VenueFunding = Extract<Finding, { kind: 'funding_flip' }>['perVenue'][number];
type FundingState = Extract<Finding, { kind: 'funding_flip' }>['state'];
type FundingLevel = Extract<Finding, { kind: 'funding_flip' }>['level'];

/** The sign and size of a per-8h rate against the funding thresholds. */
export function fundingLevel(
  per8h: number,
  t: { elevatedPriorMinPer8h: number; neutralMaxAbsPer8h: number; shortPressureMinPer8h: number },
): FundingLevel {
  if (per8h >= t.elevatedPriorMinPer8h) return 'elevated';
  if (per8h > t.neutralMaxAbsPer8h) return 'positive';
  if (per8h >= -t.neutralMaxAbsPer8h) return 'about_zero';
  return per8h <= -t.shortPressureMinPer8h ? 'deeply_negative' : 'slightly_negative';
}

export { toPer8h };

export const fundingFlipSignal: Signal = (snapshot, thresholds) => {
  const t = thresholds.funding;
  const { start, end } = snapshot.window;
  const out: Finding[] = [];

  for (const asset of snapshot.assets) {
    const perVenue: VenueFunding[] = [];
    const weights: (number | undefined)[] = [];
    const paths: string[] = [];
    const providers = new Set<string>();
    const seen = new Set<string>();
    const used: FundingSeries[] = [];

    snapshot.funding.forEach((series, index) => {
      if (series.asset !== asset || seen.has(series.venue)) return;
      const plausible = (rate: number) => Math.abs(rate) <= t.plausibleMaxAbsPerInterval;
      const history = series.history.filter((p) => plausible(p.rate));
      const prior = pointsIn(history, start - t.priorDays * DAY_MS, start);
      const priorAvg = mean(prior.map((p) => toPer8h(p.rate, series.intervalHours)));
      const current = series.current && plausible(series.current.rate) ? series.current.rate : undefined;
      const currentRate = current ?? lastBefore(history, end)?.rate;
      if (priorAvg === undefined || currentRate === undefined) return;
      seen.add(series.venue);
      used.push(series);

      const currentPer8h = toPer8h(currentRate, series.intervalHours);
      perVenue.push({
        venue: series.venue,
        intervalHours: series.intervalHours,
        priorAvgPer8h: roundSignificant(priorAvg),
        currentPer8h: roundSignificant(currentPer8h),
        currentRate,
        currentKind: current !== undefined ? 'current-period' : 'settled',
        currentAnnualizedFraction: roundSignificant(currentPer8h * 3 * 365),
      });
      paths.push(`funding[${index}].history`);
      if (series.current) paths.push(`funding[${index}].current`);
      providers.add(series.provenance.provider);

      const oiIndex = snapshot.openInterest.findIndex((o) => o.venue === series.venue && o.asset === asset);
      const oi = oiIndex >= 0 ? lastBefore(snapshot.openInterest[oiIndex]!.history, end) : undefined;
      weights.push(oi && oi.oiUsd > 0 ? oi.oiUsd : undefined);
      if (oi && oi.oiUsd > 0) paths.push(`openInterest[${oiIndex}].history`);
    });
    if (perVenue.length === 0) continue;

    const byOi = weights.every((w) => w !== undefined);
    const w = byOi ? (weights as number[]) : perVenue.map(() => 1);
    const totalWeight = sum(w);
    const weightedPrior = sum(perVenue.map((v, i) => v.priorAvgPer8h * w[i]!)) / totalWeight;
    const weightedCurrent = sum(perVenue.map((v, i) => v.currentPer8h * w[i]!)) / totalWeight;

    const elevatedPrior = weightedPrior >= t.elevatedPriorMinPer8h;
    const neutralNow = Math.abs(weightedCurrent) <= t.neutralMaxAbsPer8h;
    const negativeNow = weightedCurrent < -t.neutralMaxAbsPer8h;
    let state: FundingState;
    if (elevatedPrior && neutralNow) state = 'flip_to_neutral';
    else if (elevatedPrior && negativeNow) state = 'flip_to_negative';
    else if (weightedCurrent >= t.elevatedPriorMinPer8h) state = elevatedPrior ? 'elevated' : 'rising';
    else if (negativeNow) state = 'negative';
    else state = 'neutral';
    const flipped = state === 'flip_to_neutral' || state === 'flip_to_negative';

    let ratio: number;
    let threshold: { name: string; value: number; unit: 'per8h' } | undefined;
    if (flipped) {
      ratio = thresholdRatio(weightedPrior, t.elevatedPriorMinPer8h);
      threshold = { name: 'funding.elevatedPriorMinPer8h', value: t.elevatedPriorMinPer8h, unit: 'per8h' };
    } else if (state === 'elevated' || state === 'rising') {
      ratio = thresholdRatio(weightedCurrent, t.elevatedPriorMinPer8h);
      threshold = { name: 'funding.elevatedPriorMinPer8h', value: t.elevatedPriorMinPer8h, unit: 'per8h' };
    } else if (state === 'negative') {
      ratio = thresholdRatio(weightedCurrent, t.elevatedPriorMinPer8h);
      ratio = Math.max(1, ratio);
      threshold = { name: 'funding.neutralMaxAbsPer8h', value: t.neutralMaxAbsPer8h, unit: 'per8h' };
    } else {
      ratio = Math.min(0.99, thresholdRatio(weightedPrior, t.elevatedPriorMinPer8h));
    }

    const kinds = [...new Set(perVenue.map((v) => v.currentKind))];
    const negative = negativeSettlements(used, snapshot.window, t);
    const weightedCurrentRounded = roundSignificant(weightedCurrent);
    out.push({
      kind: 'funding_flip',
      importance: importanceOf('funding_flip', ratio),
      sources: [...providers].sort(),
      paths,
      ...(threshold ? { threshold } : {}),
      asset,
      perVenue,
      weightedPriorPer8h: roundSignificant(weightedPrior),
      weightedCurrentPer8h: weightedCurrentRounded,
      weighting: byOi ? 'open-interest' : 'equal',
      priorDays: t.priorDays,
      state,
      flipped,
      // On the printed (rounded) rate, as the plan's short_pressure claim is.
      level: fundingLevel(weightedCurrentRounded, t),
      currentKind: kinds.length === 1 ? kinds[0]! : 'mixed',
      ...(negative ? { negativeSettlements: negative } : {}),
    });
  }
  return out;
};
