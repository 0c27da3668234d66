/**
 * Exchange flows: coins moving into and out of labelled exchange wallets in the window, the
 * peak inflow hour, and the reversal pattern "inflow spike, then net outflow".
 *
 * - Net = inflow − outflow (coins; positive = onto exchanges). `netAfterPeakCoins` sums the
 *   hours after the peak hour.
 * - Baseline: mean hourly inflow over the `exchangeFlows.baselineDays` days before the window;
 *   without that history (sources often give only the day), the median hour of the window
 *   (the median, so the spike itself barely moves it). The peak is a spike at
 *   `exchangeFlows.spikeMultipleMin` times the baseline; a zero baseline gives no spike test.
 * - The window must be covered (`window.minCoverageFraction` of its hours).
 * - `netUsd`: each hour's net valued at that hour's spot close (the price move's series), summed;
 *   absent when an hour with a net flow has no price candle (no value is guessed for it).
 * - `minTransferUsd`: the smallest transfer the series counts, as its request asked for it
 *   (Whale Alert's `min_value` query parameter in the provenance endpoint). No config or source
 *   module holds it for this family: the snapshot's provenance is where the series says it.
 */
import type { Signal } from '../context.js';
import type { Finding } from '../findings.js';
import { importanceOf, thresholdRatio } from '../importance.js';
import { mean, median, roundSignificant, safeRatio, sum } from '../util/stats.js';
import { DAY_MS, candlesIn, hoursIn } from '../util/time.js';
import { windowPrices } from './window-prices.js';

/** The `min_value` (USD) a provenance endpoint's query asked for, if it names a positive one. */
export function minTransferUsdOf(endpoint: string): number | undefined {
  const query = endpoint.split('?')[1];
  if (!query) return undefined;
  const raw = new URLSearchParams(query).get('min_value');
  const value = raw === null || raw.trim() === '' ? Number.NaN : Number(raw);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

export const exchangeFlowsSignal: Signal = (snapshot, thresholds) => {
  const t = thresholds.exchangeFlows;
  const { start, end } = snapshot.window;
  const out: Finding[] = [];
  for (const asset of snapshot.assets) {
    const index = snapshot.exchangeFlows.findIndex((s) => s.asset === asset && s.hourly.length > 0);
    const series = snapshot.exchangeFlows[index];
    if (!series) continue;
    const hours = candlesIn(series.hourly, start, end);
    if (hours.length === 0 || hours.length < hoursIn(start, end) * thresholds.window.minCoverageFraction) continue;

    let peak = hours[0]!;
    for (const h of hours) if (h.inflow > peak.inflow) peak = h;
    const netCoins = sum(hours.map((h) => h.inflow - h.outflow));
    const netAfterPeakCoins = sum(hours.filter((h) => h.t > peak.t).map((h) => h.inflow - h.outflow));
    const prior = mean(candlesIn(series.hourly, start - t.baselineDays * DAY_MS, start).map((h) => h.inflow));
    const baselineFrom = prior !== undefined ? ('prior-days' as const) : ('window-median' as const);
    const baseline = prior ?? median(hours.map((h) => h.inflow));
    const peakMultiple = baseline === undefined ? undefined : safeRatio(peak.inflow, baseline);
    const spike = peakMultiple !== undefined && peakMultiple >= t.spikeMultipleMin;
    const reversal = spike && netAfterPeakCoins < 0;

    const minTransferUsd = minTransferUsdOf(series.provenance.endpoint);
    const prices = windowPrices(snapshot, asset, thresholds);
    const closeAt = new Map((prices?.candles ?? []).map((c) => [c.t, c.c]));
    const valued = hours.map((h) => (h.inflow === h.outflow ? 0 : (h.inflow - h.outflow) * (closeAt.get(h.t) ?? Number.NaN)));
    const netUsd = prices && valued.every(Number.isFinite) ? roundSignificant(sum(valued), 12) : undefined;

    const ratio = peakMultiple === undefined ? 0 : thresholdRatio(peakMultiple, t.spikeMultipleMin) * (reversal ? 1.2 : 1);
    out.push({
      kind: 'exchange_flows',
      importance: importanceOf('exchange_flows', spike ? ratio : Math.min(0.99, ratio)),
      sources: [series.provenance.provider],
      paths: [`exchangeFlows[${index}].hourly`, ...(netUsd !== undefined && prices ? [`prices[${prices.index}].candles`] : [])],
      ...(spike ? { threshold: { name: 'exchangeFlows.spikeMultipleMin', value: t.spikeMultipleMin, unit: 'multiple' as const } } : {}),
      asset,
      ...(minTransferUsd !== undefined ? { minTransferUsd } : {}),
      netCoins: roundSignificant(netCoins, 12),
      ...(netUsd !== undefined ? { netUsd } : {}),
      peakInflow: { time: peak.t, coins: peak.inflow },
      netAfterPeakCoins: roundSignificant(netAfterPeakCoins, 12),
      ...(baseline !== undefined ? { baselineHourlyInflowCoins: roundSignificant(baseline), baselineFrom } : {}),
      ...(peakMultiple !== undefined ? { peakMultipleOfBaseline: roundSignificant(peakMultiple) } : {}),
      reversal,
    });
  }
  return out;
};
