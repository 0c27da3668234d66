/**
 * Open interest change: each venue's open interest at the window's end against its start, and
 * the total. Positions are measured in coins held (`oiBase`): dollar open interest falls with the
 * price alone (the ETF launch: −6.9 % in dollars while the coins held rose 3.7 %), so every change
 * a reading rests on is the coins'. The dollar levels are kept for the amounts a bullet prints.
 *
 * - Prior = the venue's last point at or before the window's start; current = its last point
 *   before the window ends. Venues lacking either, or with zero prior open interest, are left out.
 * - `changeFraction` is the coins' change when every venue gives coins at both points, else the
 *   dollars' (`measure` says which). Deleveraging = coins held falling by at least
 *   `openInterest.dropFractionMin` while the asset's price fell: positions were closed, not added.
 *   Without coins there is no deleveraging reading (dollars cannot tell closing from repricing).
 * - `closedUsd`: the coins the venues lost, each valued at its own dollar-per-coin at the end.
 * - The peak is the largest point in the venue's whole history (dollars), the reference a desk
 *   quotes ("down from the October peak").
 * - The burst: coins held over the price path's burst hours, and their share of the day's change
 *   (burstCoins); a deleveraging day that lost `openInterest.burstShareMin` of its coins there
 *   lost them in the slide itself.
 */
import { earlierOf, type Signal } from '../context.js';
import type { Finding } from '../findings.js';
import { importanceOf, thresholdRatio } from '../importance.js';
import { changeFraction, roundSignificant, sum } from '../util/stats.js';
import { HOUR_MS, lastBefore } from '../util/time.js';

type VenueOi = Extract<Finding, { kind: 'open_interest_change' }>['perVenue'][number];

export const openInterestSignal: Signal = (snapshot, thresholds, context) => {
  const t = thresholds.openInterest;
  const { start, end } = snapshot.window;
  const out: Finding[] = [];
  const moves = earlierOf(context, 'price_move');

  for (const asset of snapshot.assets) {
    const perVenue: VenueOi[] = [];
    const paths: string[] = [];
    const providers = new Set<string>();
    const seen = new Set<string>();
    snapshot.openInterest.forEach((series, index) => {
      if (series.asset !== asset || seen.has(series.venue)) return;
      const prior = lastBefore(series.history, start + 1);
      const current = lastBefore(series.history, end);
      if (!prior || !current || current.time <= prior.time) return;
      const usdChange = changeFraction(current.oiUsd, prior.oiUsd);
      if (usdChange === undefined) return;
      const coins =
        prior.oiBase !== undefined && current.oiBase !== undefined && prior.oiBase > 0 && current.oiBase > 0
          ? { prior: prior.oiBase, current: current.oiBase }
          : undefined;
      seen.add(series.venue);
      let peak = series.history[0]!;
      for (const p of series.history) if (p.oiUsd > peak.oiUsd || (p.oiUsd === peak.oiUsd && p.time < peak.time)) peak = p;
      perVenue.push({
        venue: series.venue,
        priorUsd: prior.oiUsd,
        currentUsd: current.oiUsd,
        ...(coins ? { priorBase: coins.prior, currentBase: coins.current } : {}),
        changeFraction: roundSignificant(coins ? coins.current / coins.prior - 1 : usdChange),
        usdChangeFraction: roundSignificant(usdChange),
        peakUsd: peak.oiUsd,
        peakTime: peak.time,
      });
      paths.push(`openInterest[${index}].history`);
      providers.add(series.provenance.provider);
    });
    if (perVenue.length === 0) continue;

    const totalPriorUsd = sum(perVenue.map((v) => v.priorUsd));
    const totalCurrentUsd = sum(perVenue.map((v) => v.currentUsd));
    const usdChange = changeFraction(totalCurrentUsd, totalPriorUsd);
    if (usdChange === undefined) continue;
    const inCoins = perVenue.every((v) => v.priorBase !== undefined && v.currentBase !== undefined);
    const priorBase = inCoins ? sum(perVenue.map((v) => v.priorBase!)) : undefined;
    const currentBase = inCoins ? sum(perVenue.map((v) => v.currentBase!)) : undefined;
    const change = priorBase !== undefined && currentBase !== undefined ? currentBase / priorBase - 1 : usdChange;
    const closedUsd = inCoins ? sum(perVenue.map((v) => (v.priorBase! - v.currentBase!) * (v.currentUsd / v.currentBase!))) : undefined;
    const move = moves.find((m) => m.asset === asset);
    const dropFired = change <= -t.dropFractionMin;
    const deleveraging = inCoins && dropFired && move !== undefined && move.changeFraction < 0;
    const path = earlierOf(context, 'price_path').find((p) => p.asset === asset);
    const venues = new Set(perVenue.map((v) => v.venue));
    const burst =
      inCoins && path && priorBase !== undefined && currentBase !== undefined
        ? burstCoins(snapshot, asset, venues, path.shape.burst, priorBase, currentBase)
        : undefined;

    out.push({
      kind: 'open_interest_change',
      // A rise scores below base: only a drop has a threshold to fire.
      importance: importanceOf(
        'open_interest_change',
        dropFired
          ? thresholdRatio(change, t.dropFractionMin) * (deleveraging ? 1.2 : 1)
          : Math.min(0.99, thresholdRatio(change, t.dropFractionMin)),
      ),
      sources: [...providers].sort(),
      paths: [...paths, ...(move ? move.paths : [])],
      ...(dropFired ? { threshold: { name: 'openInterest.dropFractionMin', value: t.dropFractionMin, unit: 'fraction' as const } } : {}),
      asset,
      perVenue,
      totalPriorUsd: roundSignificant(totalPriorUsd, 12),
      totalCurrentUsd: roundSignificant(totalCurrentUsd, 12),
      ...(priorBase !== undefined && currentBase !== undefined
        ? { totalPriorBase: roundSignificant(priorBase, 12), totalCurrentBase: roundSignificant(currentBase, 12) }
        : {}),
      measure: inCoins ? ('coins' as const) : ('usd' as const),
      changeFraction: roundSignificant(change),
      usdChangeFraction: roundSignificant(usdChange),
      flat: Math.abs(change) < t.flatFractionMax,
      ...(closedUsd !== undefined ? { closedUsd: roundSignificant(closedUsd, 12) } : {}),
      deleveraging,
      ...(burst ? { burst: { ...burst, inBurst: deleveraging && burst.shareOfChange >= t.burstShareMin } } : {}),
    });
  }
  return out;
};

/**
 * Coins held at the burst's start and end, summed over the day's venues (each venue's last point
 * at or before each instant), against the day's change; undefined when a venue lacks coins at either.
 */
function burstCoins(
  snapshot: Parameters<Signal>[0],
  asset: string,
  venues: ReadonlySet<string>,
  burst: { start: number; hours: number },
  dayPrior: number,
  dayCurrent: number,
): { start: number; hours: number; changeFraction: number; shareOfChange: number } | undefined {
  const end = burst.start + burst.hours * HOUR_MS;
  let from = 0;
  let to = 0;
  const seen = new Set<string>();
  for (const series of snapshot.openInterest) {
    if (series.asset !== asset || !venues.has(series.venue) || seen.has(series.venue)) continue;
    seen.add(series.venue);
    const a = lastBefore(series.history, burst.start + 1)?.oiBase;
    const b = lastBefore(series.history, end + 1)?.oiBase;
    if (a === undefined || b === undefined) return undefined;
    from += a;
    to += b;
  }
  const dayChange = dayCurrent - dayPrior;
  if (!(from > 0) || dayChange === 0) return undefined;
  return {
    start: burst.start,
    hours: burst.hours,
    changeFraction: roundSignificant(to / from - 1),
    shareOfChange: roundSignificant((to - from) / dayChange),
  };
}
