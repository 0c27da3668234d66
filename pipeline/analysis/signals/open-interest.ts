/**
 * Open interest change: each venue's open interest (USD) at the window's end against just before
 * it opened, and the total. Deleveraging = total open interest falling by at least
 * `openInterest.dropFractionMin` while the asset's price fell: positions were closed, not added.
 *
 * - Prior = the venue's last point before the window; current = its last point before the
 *   window ends. Venues lacking either, or with zero prior open interest, are left out.
 * - The peak is the largest point in the venue's whole history, the reference a desk quotes
 *   ("down from the October peak").
 * - USD open interest also falls with price alone; the price move is reported beside it.
 */
import { earlierOf, type Signal } from '../context.js';
import type { Finding } from '../findings.js';
import { importanceOf, thresholdRatio } from '../importance.js';
import { changeFraction, roundSignificant, sum } from '../util/stats.js';
import { lastBefore } from '../util/time.js';

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
      const prior = lastBefore(series.history, start);
      const current = lastBefore(series.history, end);
      if (!prior || !current || current.time < start) return;
      const change = changeFraction(current.oiUsd, prior.oiUsd);
      if (change === undefined) return;
      seen.add(series.venue);
      let peak = series.history[0]!;
      for (const p of series.history) if (p.oiUsd > peak.oiUsd || (p.oiUsd === peak.oiUsd && p.time < peak.time)) peak = p;
      perVenue.push({
        venue: series.venue,
        priorUsd: prior.oiUsd,
        currentUsd: current.oiUsd,
        changeFraction: roundSignificant(change),
        peakUsd: peak.oiUsd,
        peakTime: peak.time,
      });
      paths.push(`openInterest[${index}].history`);
      providers.add(series.provenance.provider);
    });
    if (perVenue.length === 0) continue;

    const totalPriorUsd = sum(perVenue.map((v) => v.priorUsd));
    const totalCurrentUsd = sum(perVenue.map((v) => v.currentUsd));
    const change = changeFraction(totalCurrentUsd, totalPriorUsd);
    if (change === undefined) continue;
    const move = moves.find((m) => m.asset === asset);
    const dropFired = change <= -t.dropFractionMin;
    const deleveraging = dropFired && move !== undefined && move.changeFraction < 0;

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
      changeFraction: roundSignificant(change),
      deleveraging,
    });
  }
  return out;
};
