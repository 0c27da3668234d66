/**
 * Basis compression: each futures tenor's annualized basis, prior level to now, and any tenor in
 * backwardation during the window. Annualized basis = (future / index − 1) × 365 / days to expiry,
 * as a fraction (the snapshot carries it per point).
 *
 * - "Prior" = mean of the tenor's points in the `basis.priorDays` days before the window (the
 *   level a desk calls "前期"); with `basis.priorDays` = 0, the last point before the window.
 * - "Current" = the tenor's last point in the window; days to expiry are counted from it.
 * - Backwardation: any point in the window with annualized basis below zero.
 * - Tenors within `basis.rangeMinDaysToExpiry` of expiry stay in the list but out of the ranges
 *   and the compression test, because a few days' premium annualizes into large swings (used
 *   only when no longer tenor exists).
 * - Compressed: the mean fall (prior − current) of the ranged tenors is at least
 *   `basis.compressionMinFraction`.
 */
import type { Signal } from '../context.js';
import type { Finding } from '../findings.js';
import { importanceOf, thresholdRatio } from '../importance.js';
import { mean, range, roundSignificant } from '../util/stats.js';
import { DAY_MS, lastBefore, pointsIn } from '../util/time.js';

type Tenor = Extract<Finding, { kind: 'basis_compression' }>['tenors'][number];

export const basisCompressionSignal: Signal = (snapshot, thresholds) => {
  const t = thresholds.basis;
  const { start, end } = snapshot.window;
  const out: Finding[] = [];

  for (const asset of snapshot.assets) {
    const tenors: Tenor[] = [];
    const paths: string[] = [];
    const providers = new Set<string>();
    snapshot.basis.forEach((series, index) => {
      if (series.asset !== asset) return;
      const inWindow = pointsIn(series.history, start, end);
      const current = inWindow[inWindow.length - 1];
      if (!current) return;
      const prior =
        t.priorDays === 0
          ? lastBefore(series.history, start)?.annualizedBasis
          : mean(pointsIn(series.history, start - t.priorDays * DAY_MS, start).map((p) => p.annualizedBasis));
      const daysToExpiry = (series.expiry - current.time) / DAY_MS;
      if (prior === undefined || !(daysToExpiry > 0)) return;
      tenors.push({
        venue: series.venue,
        contract: series.contract,
        tenor: series.tenor,
        expiry: series.expiry,
        daysToExpiry: roundSignificant(daysToExpiry, 6),
        priorAnnualized: roundSignificant(prior),
        currentAnnualized: current.annualizedBasis,
        minAnnualized: Math.min(...inWindow.map((p) => p.annualizedBasis)),
        backwardation: inWindow.some((p) => p.annualizedBasis < 0),
      });
      paths.push(`basis[${index}].history`);
      providers.add(series.provenance.provider);
    });
    if (tenors.length === 0) continue;

    const order = tenors
      .map((tenor, i) => ({ tenor, path: paths[i]! }))
      .sort((a, b) => a.tenor.expiry - b.tenor.expiry || (a.tenor.venue < b.tenor.venue ? -1 : a.tenor.venue > b.tenor.venue ? 1 : 0));
    const sorted = order.map((o) => o.tenor);
    // Ranges only across venues of one expiry: the nearest with enough days left (a quarterly
    // and a weekly, or September and December, are different contracts, not sources that differ).
    const longer = sorted.filter((x) => x.daysToExpiry >= t.rangeMinDaysToExpiry);
    const headlineExpiry = (longer[0] ?? sorted[0]!).expiry;
    const ranged = sorted.filter((x) => x.expiry === headlineExpiry);
    const priorRange = range(ranged.map((x) => x.priorAnnualized))!;
    const currentRange = range(ranged.map((x) => x.currentAnnualized))!;
    const meanFall = mean(ranged.map((x) => x.priorAnnualized - x.currentAnnualized))!;
    const compressed = meanFall >= t.compressionMinFraction;
    const anyBackwardation = sorted.some((x) => x.backwardation);

    let ratio = meanFall > 0 ? thresholdRatio(meanFall, t.compressionMinFraction) : 0;
    if (anyBackwardation) ratio = Math.max(ratio, 1);

    out.push({
      kind: 'basis_compression',
      importance: importanceOf('basis_compression', ratio),
      sources: [...providers].sort(),
      paths: order.map((o) => o.path),
      ...(compressed
        ? { threshold: { name: 'basis.compressionMinFraction', value: t.compressionMinFraction, unit: 'fraction' as const } }
        : {}),
      asset,
      tenors: sorted,
      headlineExpiry,
      priorRange,
      currentRange,
      compressed,
      anyBackwardation,
    });
  }
  return out;
};
