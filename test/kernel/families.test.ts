/**
 * The family descriptor (kernel/snapshot/families.ts): every family of DataFamilySchema has one,
 * at its own snapshot key, and `hasData` says "absent" for an empty snapshot and "present" once
 * the family holds one item; analysis' table (pipeline/analysis/families.ts) covers the same
 * families. What a new family must supply is checked at compile time in new-family.types.ts.
 */
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../kernel/snapshot/families.js';
import { DataFamilySchema, type SnapshotInput } from '../../kernel/snapshot/schema.js';
import { FAMILY_FINDINGS } from '../../pipeline/analysis/families.js';
import { dataGapsSignal } from '../../pipeline/analysis/signals/data-gaps.js';
import { ThresholdsSchema } from '../../kernel/thresholds.js';
import { END, START, makeSnapshot, prov } from '../analysis/helpers/make-snapshot.js';

/** One item of each family, the smallest the schema accepts. */
const ONE: { [F in keyof typeof FAMILIES]: Partial<SnapshotInput> } = {
  prices: {
    prices: [{ asset: 'BTC', market: 'spot', venue: 'binance', symbol: 'BTCUSDT', interval: '1h', candles: [], provenance: prov() }],
  },
  perpetuals: {
    perpetuals: [{ asset: 'BTC', market: 'perp', venue: 'binance', symbol: 'BTCUSDT', interval: '1h', candles: [], provenance: prov() }],
  },
  liquidations: {
    liquidations: {
      totals: [
        { source: 'coinglass', start: START, end: END, totalUsd: 1, longUsd: 1, shortUsd: 0, coverage: 'complete', provenance: prov() },
      ],
      orders: [],
      history: [],
    },
  },
  funding: { funding: [{ venue: 'okx', symbol: 'BTC-USDT-SWAP', asset: 'BTC', intervalHours: 8, history: [], provenance: prov() }] },
  basis: {
    basis: [
      {
        venue: 'binance',
        asset: 'BTC',
        contract: 'BTCUSD_240329',
        tenor: 'CURRENT_QUARTER',
        expiry: END + 80 * 86_400_000,
        history: [],
        provenance: prov(),
      },
    ],
  },
  openInterest: { openInterest: [{ venue: 'binance', asset: 'BTC', symbol: 'BTCUSDT', history: [], provenance: prov() }] },
  etfs: { etfs: [{ ticker: 'IBIT', asset: 'BTC', daily: [], provenance: prov() }] },
  etfFlows: { etfFlows: [{ source: 'coinglass', asset: 'BTC', daily: [], provenance: prov() }] },
  whaleTransfers: {
    whaleTransfers: [
      { source: 'blockchair', chain: 'bitcoin', asset: 'BTC', thresholdCoins: 1000, transfers: [], dailyCounts: [], provenance: prov() },
    ],
  },
  exchangeFlows: { exchangeFlows: [{ source: 'test', asset: 'BTC', hourly: [], provenance: prov() }] },
  volatility: {
    volatility: [{ source: 'deribit', index: 'DVOL', asset: 'BTC', unit: 'vol-points', daily: [], hourly: [], provenance: prov() }],
  },
  macro: { macro: [{ symbol: '^TNX', name: 'US 10-year yield', daily: [], provenance: prov() }] },
};

describe('family descriptors', () => {
  it('cover exactly the families of the snapshot schema, each at its own key', () => {
    expect(Object.keys(FAMILIES).sort()).toEqual([...DataFamilySchema.options].sort());
    expect(Object.keys(FAMILY_FINDINGS).sort()).toEqual([...DataFamilySchema.options].sort());
    for (const [family, d] of Object.entries(FAMILIES)) expect(d.key).toBe(family);
  });

  it('hasData: false for an empty snapshot, true once the family holds one item, and for that family only', () => {
    const empty = makeSnapshot();
    for (const family of DataFamilySchema.options) {
      expect(FAMILIES[family].hasData(empty)).toBe(false);
      const one = makeSnapshot(ONE[family]);
      const present = DataFamilySchema.options.filter((f) => FAMILIES[f].hasData(one));
      expect(present).toEqual([family]);
    }
  });

  it('a liquidation batch without orders is not data', () => {
    const batch = { source: 'collector', coverage: 'lower-bound' as const, orders: [], provenance: prov('collector') };
    expect(FAMILIES.liquidations.hasData(makeSnapshot({ liquidations: { totals: [], orders: [batch], history: [] } }))).toBe(false);
  });

  it('every expected family without data and without a gap becomes a data_gap naming what it affects', () => {
    const thresholds = ThresholdsSchema.parse({ gaps: { expectedFamilies: DataFamilySchema.options } });
    const gaps = dataGapsSignal(makeSnapshot(), thresholds, { window: { start: START, end: END }, earlier: [] });
    expect(gaps.map((g) => (g.kind === 'data_gap' ? g.family : ''))).toEqual([...DataFamilySchema.options]);
    const funding = gaps.find((g) => g.kind === 'data_gap' && g.family === 'funding');
    expect(funding?.kind === 'data_gap' && funding.affects).toEqual(['funding_flip']);
  });
});
