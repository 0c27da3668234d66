/**
 * The plausibility layer (reliability F15): values that parse but cannot be right are
 * quarantined — left out of the snapshot, so no finding can use them — and disclosed as
 * 'Implausible' gaps. A cross-venue check flags a Binance/OKX perpetual price divergence.
 * Pure: parts in, cleaned parts and gaps out.
 */
import type { Candle, Gap, PriceSeries } from '../kernel/snapshot/index.js';
import type { Thresholds } from '../kernel/thresholds.js';
import type { SnapshotParts } from './types.js';

/**
 * Bounds only this layer applies. The price ceiling and the funding bound are analysts' settings
 * read from the configured thresholds (`price.plausibleMaxUsd`, `funding.plausibleMaxAbsPerInterval`),
 * because analysis and the funding chart apply the same ones to a stored snapshot.
 */
export const PLAUSIBILITY = {
  /** DVOL in vol points: 0 < value ≤ 400. */
  maxVolPoints: 400,
  /** Binance and OKX perpetual closes for the same hour further apart than this fraction. */
  maxCrossVenueGapFraction: 0.02,
} as const;

function candleProblem(candle: Candle, maxPriceUsd: number): string | undefined {
  if (candle.h < candle.l) return 'high below low';
  if (candle.o > candle.h * 1.000001 || candle.o < candle.l * 0.999999 || candle.c > candle.h * 1.000001 || candle.c < candle.l * 0.999999)
    return 'open/close outside high–low';
  if (candle.h > maxPriceUsd) return `price above ${maxPriceUsd} USD`;
  return undefined;
}

function cleanSeries(series: PriceSeries[], family: 'prices' | 'perpetuals', maxPriceUsd: number, gaps: Gap[]): PriceSeries[] {
  return series.map((s) => {
    const problems: string[] = [];
    const candles = s.candles.filter((candle) => {
      const problem = candleProblem(candle, maxPriceUsd);
      if (problem) problems.push(`${new Date(candle.t).toISOString()} ${problem}`);
      return !problem;
    });
    if (problems.length) {
      gaps.push({
        family,
        source: s.provenance.provider,
        asset: s.asset,
        kind: 'Implausible',
        reason: `${s.venue} ${s.symbol} ${s.interval}: ${problems.length} candle(s) left out (${problems.slice(0, 2).join('; ')})`.slice(
          0,
          300,
        ),
        endpoint: `GET ${s.provenance.endpoint.split('?')[0]}`,
      });
    }
    return problems.length ? { ...s, candles } : s;
  });
}

/** Quarantines implausible values (bounds from the configured thresholds) and returns the disclosures. */
export function checkPlausibility(
  parts: Partial<SnapshotParts>,
  thresholds: Pick<Thresholds, 'price' | 'funding'>,
): { parts: Partial<SnapshotParts>; gaps: Gap[] } {
  const gaps: Gap[] = [];
  const out: Partial<SnapshotParts> = { ...parts };
  const maxPriceUsd = thresholds.price.plausibleMaxUsd;
  const maxAbsFundingRate = thresholds.funding.plausibleMaxAbsPerInterval;
  if (parts.prices) out.prices = cleanSeries(parts.prices, 'prices', maxPriceUsd, gaps);
  if (parts.perpetuals) out.perpetuals = cleanSeries(parts.perpetuals, 'perpetuals', maxPriceUsd, gaps);

  if (parts.funding) {
    out.funding = parts.funding.map((series) => {
      const ok = (rate: number) => Math.abs(rate) <= maxAbsFundingRate;
      const dropped = series.history.filter((point) => !ok(point.rate)).length + (series.current && !ok(series.current.rate) ? 1 : 0);
      if (!dropped) return series;
      gaps.push({
        family: 'funding',
        source: series.provenance.provider,
        asset: series.asset,
        kind: 'Implausible',
        reason: `${series.venue} ${series.symbol}: ${dropped} funding rate(s) beyond ±${maxAbsFundingRate * 100} % per interval left out`,
      });
      const { current, ...rest } = series;
      return { ...rest, ...(current && ok(current.rate) ? { current } : {}), history: series.history.filter((point) => ok(point.rate)) };
    });
  }

  if (parts.volatility) {
    out.volatility = parts.volatility.map((index) => {
      const ok = (bar: { h: number; l: number }) => bar.l > 0 && bar.h <= PLAUSIBILITY.maxVolPoints;
      const dropped = index.daily.filter((bar) => !ok(bar)).length + index.hourly.filter((bar) => !ok(bar)).length;
      if (!dropped) return index;
      gaps.push({
        family: 'volatility',
        source: index.source,
        asset: index.asset,
        kind: 'Implausible',
        reason: `${index.index} ${index.asset}: ${dropped} bar(s) outside 0–${PLAUSIBILITY.maxVolPoints} vol points left out`,
      });
      return { ...index, daily: index.daily.filter(ok), hourly: index.hourly.filter(ok) };
    });
  }

  gaps.push(...crossVenueDivergence(out.perpetuals ?? []));
  return { parts: out, gaps };
}

/** Binance vs OKX hourly perpetual closes for the same asset and hour: a warning when they diverge. */
function crossVenueDivergence(perpetuals: PriceSeries[]): Gap[] {
  const gaps: Gap[] = [];
  const hourly = perpetuals.filter((s) => s.interval === '1h');
  for (const binance of hourly.filter((s) => s.venue === 'binance')) {
    const okx = hourly.find((s) => s.venue === 'okx' && s.asset === binance.asset);
    if (!okx) continue;
    const okxClose = new Map(okx.candles.map((c) => [c.t, c.c]));
    let worst: { t: number; fraction: number } | undefined;
    for (const candle of binance.candles) {
      const other = okxClose.get(candle.t);
      if (other === undefined) continue;
      const fraction = Math.abs(candle.c / other - 1);
      if (fraction > PLAUSIBILITY.maxCrossVenueGapFraction && (!worst || fraction > worst.fraction)) worst = { t: candle.t, fraction };
    }
    if (worst) {
      gaps.push({
        family: 'perpetuals',
        source: 'binance-futures',
        asset: binance.asset,
        kind: 'Implausible',
        reason: `Binance and OKX ${binance.asset} perpetual closes differ by ${(worst.fraction * 100).toFixed(1)} % at ${new Date(worst.t).toISOString()} (more than ${PLAUSIBILITY.maxCrossVenueGapFraction * 100} %); both kept, check before quoting`,
      });
    }
  }
  return gaps;
}
