import { describe, expect, it } from 'vitest';
import { exchangeFlowsSignal, minTransferUsdOf } from '../../pipeline/analysis/signals/exchange-flows.js';
import { DEFAULT_THRESHOLDS } from '../../kernel/thresholds.js';
import { DAY, HOUR, START, contextWith, flatHours, makeSnapshot, prov, spot } from './helpers/make-snapshot.js';

/** Window: inflow 10/h except 100 at hour 5; outflow 10/h, then 20/h from hour 6. Optionally 7 prior days at 10/h in and out. */
function flows(withHistory: boolean) {
  const hourly = [];
  if (withHistory) for (let t = START - 7 * DAY; t < START; t += HOUR) hourly.push({ t, inflow: 10, outflow: 10 });
  for (let h = 0; h < 24; h++) hourly.push({ t: START + h * HOUR, inflow: h === 5 ? 100 : 10, outflow: h >= 6 ? 20 : 10 });
  return { source: 'test-flows', asset: 'BTC', hourly, provenance: prov('test-flows') };
}

describe('exchange_flows', () => {
  it('inflow spike then net outflow: reversal', () => {
    const [f] = exchangeFlowsSignal(makeSnapshot({ exchangeFlows: [flows(true)] }), DEFAULT_THRESHOLDS, contextWith());
    // net: hours 0–4 zero, hour 5 +90, hours 6–23 18 × −10 = −180 → −90; after the peak −180.
    expect(f).toMatchObject({
      netCoins: -90,
      peakInflow: { time: START + 5 * HOUR, coins: 100 },
      netAfterPeakCoins: -180,
      baselineHourlyInflowCoins: 10,
      baselineFrom: 'prior-days',
      peakMultipleOfBaseline: 10,
      reversal: true,
      // 10 / 3 = 3.33 × 1.2 = 4 → capped 36 × 1.5 = 54
      importance: 54,
      threshold: { name: 'exchangeFlows.spikeMultipleMin', value: 3, unit: 'multiple' },
    });
  });

  it('without prior days the window median hour is the baseline', () => {
    const [f] = exchangeFlowsSignal(makeSnapshot({ exchangeFlows: [flows(false)] }), DEFAULT_THRESHOLDS, contextWith());
    expect(f).toMatchObject({ baselineHourlyInflowCoins: 10, baselineFrom: 'window-median', peakMultipleOfBaseline: 10, reversal: true });
  });

  it('no spike, a partial window, no data', () => {
    const calm = flows(true);
    calm.hourly = calm.hourly.map((h) => ({ ...h, inflow: 10 }));
    const [f] = exchangeFlowsSignal(makeSnapshot({ exchangeFlows: [calm] }), DEFAULT_THRESHOLDS, contextWith());
    expect(f).toMatchObject({ reversal: false, peakMultipleOfBaseline: 1 });
    expect(f && 'threshold' in f).toBe(false);
    const partial = { ...flows(false), hourly: flows(false).hourly.slice(0, 12) };
    expect(exchangeFlowsSignal(makeSnapshot({ exchangeFlows: [partial] }), DEFAULT_THRESHOLDS, contextWith())).toEqual([]);
    expect(exchangeFlowsSignal(makeSnapshot(), DEFAULT_THRESHOLDS, contextWith())).toEqual([]);
  });
});

describe('exchange_flows: the net in dollars', () => {
  it('values each hour at its spot close: hour 5 +90 BTC at 40,000, hours 6–23 −10 BTC at 50,000 → −5.4 million', () => {
    // Closes: 40,000 for hours 0–5, 50,000 from hour 6. 90 × 40,000 − 18 × 10 × 50,000 = 3.6 M − 9 M = −5.4 M.
    const candles = [...flatHours(START, 6, 40_000), ...flatHours(START + 6 * HOUR, 18, 50_000)];
    const snapshot = makeSnapshot({ exchangeFlows: [flows(false)], prices: [spot('BTC', '1h', candles)] });
    const [f] = exchangeFlowsSignal(snapshot, DEFAULT_THRESHOLDS, contextWith());
    expect(f).toMatchObject({ netCoins: -90, netUsd: -5_400_000, paths: ['exchangeFlows[0].hourly', 'prices[0].candles'] });
  });

  it('no dollar figure when an hour with a net flow has no price candle', () => {
    // Hour 7 (−10 BTC) missing from the prices: the net is not valued, rather than valued without it.
    const candles = flatHours(START, 24, 50_000).filter((c) => c.t !== START + 7 * HOUR);
    const [f] = exchangeFlowsSignal(
      makeSnapshot({ exchangeFlows: [flows(false)], prices: [spot('BTC', '1h', candles)] }),
      DEFAULT_THRESHOLDS,
      contextWith(),
    );
    expect(f).not.toHaveProperty('netUsd');
    expect(f?.paths).toEqual(['exchangeFlows[0].hourly']);
  });
});

describe('exchange_flows: what the series counts', () => {
  it('minTransferUsd is the min_value its request asked for (Whale Alert), absent when the request names none', () => {
    const whale = { ...flows(false), provenance: { ...prov('whale-alert'), endpoint: '/v1/transactions?currency=btc&min_value=500000' } };
    const [f] = exchangeFlowsSignal(makeSnapshot({ exchangeFlows: [whale] }), DEFAULT_THRESHOLDS, contextWith());
    expect(f).toMatchObject({ minTransferUsd: 500000 });
    const [g] = exchangeFlowsSignal(makeSnapshot({ exchangeFlows: [flows(false)] }), DEFAULT_THRESHOLDS, contextWith());
    expect(g && 'minTransferUsd' in g).toBe(false);
    expect(minTransferUsdOf('/v1/transactions?min_value=&currency=btc')).toBeUndefined();
    expect(minTransferUsdOf('/v1/transactions?min_value=abc')).toBeUndefined();
    expect(minTransferUsdOf('/v1/transactions?currency=btc&min_value=1000000')).toBe(1_000_000);
  });
});
