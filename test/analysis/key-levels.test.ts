import { describe, expect, it } from 'vitest';
import { findSwings, keyLevelsSignal } from '../../pipeline/analysis/signals/key-levels.js';
import { DEFAULT_THRESHOLDS } from '../../kernel/thresholds.js';
import type { Finding } from '../../pipeline/analysis/findings.js';
import { DAY, END, START, bar, btcDropWindow, contextWith, makeSnapshot, spot } from './helpers/make-snapshot.js';

const cluster: Finding = {
  kind: 'liquidation_cluster',
  importance: 40,
  sources: ['collector'],
  paths: ['liquidations.orders[0].orders'],
  asset: 'BTC',
  side: 'short',
  band: { low: 43200, high: 43600 },
  notionalUsd: 1e8,
  orderCount: 50,
  shareFraction: 0.6,
  priceKind: 'fill',
  venues: ['binance'],
  reachedByPrice: true,
  start: START,
  end: END,
};

/** Ten daily candles 2023-12-24 … 2024-01-02, low 43,500 / high 44,000, except 2023-12-29 with low 40,500. */
function daily() {
  return Array.from({ length: 10 }, (_, i) => {
    const t = Date.UTC(2023, 11, 24) + i * DAY;
    return bar(t, 43800, 44000, i === 5 ? 40500 : 43500, 43800);
  });
}

describe('key_levels', () => {
  it('round levels and the window range around the 42,900 close, merged within 0.5 %', () => {
    const [f] = keyLevelsSignal(makeSnapshot({ prices: [spot('BTC', '1h', btcDropWindow())] }), DEFAULT_THRESHOLDS, contextWith());
    // Candidates within ±10 % (38,610–47,190): rounds 40,000 and 45,000 (five-step), 42,000 and 43,000 (nearest);
    // range 41,700 and 44,800. 44,800 is within 214.5 (0.5 % of 42,900) of 45,000 and yields to the round level.
    // 43,000 is 100 above the close, 0.23 % (under keyLevels.minDistanceFraction, 0.25 %): where price
    // is, not a resistance.
    expect(f).toMatchObject({
      kind: 'key_levels',
      asset: 'BTC',
      reference: 42900,
      supports: [
        { price: 42000, basis: 'round' },
        { price: 41700, basis: 'range' },
        { price: 40000, basis: 'round' },
      ],
      resistances: [{ price: 45000, basis: 'round' }],
      importance: 38,
    });
    const closer = { ...DEFAULT_THRESHOLDS, keyLevels: { ...DEFAULT_THRESHOLDS.keyLevels, minDistanceFraction: 0.002 } };
    const [g] = keyLevelsSignal(makeSnapshot({ prices: [spot('BTC', '1h', btcDropWindow())] }), closer, contextWith());
    expect(g).toMatchObject({
      resistances: [
        { price: 43000, basis: 'round' },
        { price: 45000, basis: 'round' },
      ],
    });
  });

  it('a cluster edge and a swing low join; the cluster absorbs the round level beside it', () => {
    const snapshot = makeSnapshot({ prices: [spot('BTC', '1h', btcDropWindow()), spot('BTC', '1d', daily())] });
    const [f] = keyLevelsSignal(snapshot, DEFAULT_THRESHOLDS, contextWith([cluster]));
    if (f?.kind !== 'key_levels') throw new Error('expected key_levels');
    expect(f.supports).toEqual([
      { price: 42000, basis: 'round' },
      { price: 41700, basis: 'range' },
      { price: 40500, basis: 'swing_low', note: '2023-12-29' },
      { price: 40000, basis: 'round' },
    ]);
    // 43,200 (cluster's lower edge) is 200 from 43,000: the cluster is kept.
    expect(f.resistances).toEqual([
      { price: 43200, basis: 'cluster', note: '43200-43600' },
      { price: 45000, basis: 'round' },
    ]);
    expect(f.paths).toEqual(['prices[0].candles', 'prices[1].candles', 'liquidations.orders[0].orders']);
    expect(f.sources).toEqual(['binance', 'collector']);
  });

  it('findSwings needs a strict extreme with full neighbours; no prices, no levels', () => {
    expect(findSwings([5, 4, 3, 4, 5, 6, 2, 6], [6, 7, 8, 7, 6, 7, 5, 7], 1)).toEqual({ lows: [2, 6], highs: [2, 5] });
    expect(findSwings([1, 1, 1], [1, 1, 1], 1)).toEqual({ lows: [], highs: [] });
    expect(keyLevelsSignal(makeSnapshot(), DEFAULT_THRESHOLDS, contextWith())).toEqual([]);
  });
});
