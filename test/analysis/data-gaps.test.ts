import { describe, expect, it } from 'vitest';
import { dataGapsSignal } from '../../pipeline/analysis/signals/data-gaps.js';
import { DEFAULT_THRESHOLDS, ThresholdsSchema } from '../../kernel/thresholds.js';
import { START, contextWith, flatHours, makeSnapshot, prov, spot } from './helpers/make-snapshot.js';

const gbtc = { ticker: 'GBTC', asset: 'BTC', daily: [{ date: '2024-01-03', close: 36.4, volume: 1e7 }], provenance: prov('yahoo') };

describe('data_gap', () => {
  it('every recorded gap, with what it affects, and every expected family that is silently absent', () => {
    const snapshot = makeSnapshot({
      prices: [spot('BTC', '1h', flatHours(START, 24, 100))],
      gaps: [{ family: 'etfFlows', source: 'coinglass', asset: 'BTC', kind: 'not-configured', reason: 'no API key configured' }],
    });
    const out = dataGapsSignal(snapshot, DEFAULT_THRESHOLDS, contextWith());
    expect(out[0]).toEqual({
      kind: 'data_gap',
      importance: 30,
      sources: ['coinglass'],
      paths: ['gaps[0]'],
      family: 'etfFlows',
      asset: 'BTC',
      source: 'coinglass',
      gapKind: 'not-configured',
      reason: 'no API key configured',
      affects: ['etf_flows'],
    });
    // prices present, etfFlows recorded: the other nine expected families are absent.
    expect(out.slice(1).map((f) => (f.kind === 'data_gap' ? [f.family, f.gapKind] : []))).toEqual(
      ['perpetuals', 'liquidations', 'funding', 'basis', 'openInterest', 'etfs', 'whaleTransfers', 'exchangeFlows', 'volatility'].map(
        (x) => [x, 'absent'],
      ),
    );
    expect(out[2]).toMatchObject({
      family: 'liquidations',
      source: 'snapshot',
      affects: ['liquidations', 'liquidation_cluster', 'liquidation_timing'],
    });
  });

  it('ETF volume without flows and without a recorded gap: a gap for the asset', () => {
    const t = ThresholdsSchema.parse({ gaps: { expectedFamilies: ['etfs'] } });
    const ethFlows = {
      source: 'farside',
      asset: 'ETH',
      daily: [{ date: '2024-01-03', netFlowUsd: 1e6, perTicker: [] }],
      provenance: prov('farside'),
    };
    const out = dataGapsSignal(makeSnapshot({ assets: ['BTC', 'ETH'], etfs: [gbtc], etfFlows: [ethFlows] }), t, contextWith());
    expect(out).toMatchObject([{ kind: 'data_gap', family: 'etfFlows', asset: 'BTC', gapKind: 'absent', affects: ['etf_flows'] }]);
  });

  it('a family absent everywhere is reported once, not again per asset', () => {
    const t = ThresholdsSchema.parse({ gaps: { expectedFamilies: ['etfs', 'etfFlows'] } });
    const out = dataGapsSignal(makeSnapshot({ etfs: [gbtc] }), t, contextWith());
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ family: 'etfFlows', paths: ['etfFlows'] });
    expect(out[0] && 'asset' in out[0]).toBe(false);
  });
});
