/**
 * The data families of a snapshot, one descriptor each: where the family lives in the snapshot,
 * what a reader calls it, and whether a snapshot holds any of it. Every stage that needs a
 * family fact reads it here (analysis' missing-family check, the narrative's data note).
 *
 * The table is typed `satisfies Record<DataFamily, FamilyDescriptor>`: a family added to
 * DataFamilySchema does not compile until it has a descriptor, `hasData` included — no family
 * is "present" by default, so a forgotten one is still reported missing. What a family affects
 * (finding kinds) is analysis' table beside it: pipeline/analysis/families.ts.
 */
import type { Lang } from '../lang.js';
import type { DataFamily, Snapshot } from './schema.js';

/** `S` is the snapshot type; a test fixture passes a snapshot extended by a new family. */
export interface FamilyDescriptor<S = Snapshot> {
  /** The snapshot field holding the family. */
  readonly key: keyof S;
  /** What a reader calls the family, per language ("资金费率" / "funding rates"). */
  readonly name: Readonly<Record<Lang, string>>;
  /**
   * Series are one per symbol (ETF tickers, macro series), the symbol being the endpoint's last
   * path segment: a gap names the missing symbols rather than the whole family.
   */
  readonly perSymbol: boolean;
  /**
   * The body prints the family per venue and sums it across venues (perp volume, funding, open
   * interest, basis tenors): one venue missing leaves a smaller figure, not a complete one from
   * another source, so the data note names that venue's gap.
   */
  readonly perVenue: boolean;
  /** Why the family is absent when it is absent with no failure recorded; undefined = "not in the snapshot". */
  readonly absentReason?: Readonly<Record<Lang, string>>;
  /** Whether the snapshot holds any data of the family (required: a new family states it). */
  readonly hasData: (snapshot: S) => boolean;
}

/** A family held in one list of series: present when the list is not empty. */
function listed(key: Exclude<DataFamily, 'liquidations'>): (snapshot: Snapshot) => boolean {
  return (snapshot) => snapshot[key].length > 0;
}

export const FAMILIES = {
  prices: { key: 'prices', name: { zh: '现货价格', en: 'spot prices' }, perSymbol: false, perVenue: false, hasData: listed('prices') },
  perpetuals: {
    key: 'perpetuals',
    name: { zh: '永续合约行情', en: 'perpetual-swap prices' },
    perSymbol: false,
    perVenue: true,
    hasData: listed('perpetuals'),
  },
  liquidations: {
    key: 'liquidations',
    name: { zh: '清算数据', en: 'liquidation data' },
    perSymbol: false,
    perVenue: false,
    // Totals, or at least one collected order: a batch with no orders is not data.
    hasData: (s) => s.liquidations.totals.length > 0 || s.liquidations.orders.some((o) => o.orders.length > 0),
  },
  funding: { key: 'funding', name: { zh: '资金费率', en: 'funding rates' }, perSymbol: false, perVenue: true, hasData: listed('funding') },
  basis: { key: 'basis', name: { zh: '期货基差', en: 'futures basis' }, perSymbol: false, perVenue: true, hasData: listed('basis') },
  openInterest: {
    key: 'openInterest',
    name: { zh: '未平仓合约', en: 'open interest' },
    perSymbol: false,
    perVenue: true,
    hasData: listed('openInterest'),
  },
  etfs: {
    key: 'etfs',
    name: { zh: '现货 ETF 成交数据', en: 'spot-ETF trading data' },
    perSymbol: true,
    perVenue: false,
    hasData: listed('etfs'),
  },
  etfFlows: {
    key: 'etfFlows',
    name: { zh: 'ETF 资金流向', en: 'ETF flows' },
    perSymbol: false,
    perVenue: false,
    hasData: listed('etfFlows'),
  },
  whaleTransfers: {
    key: 'whaleTransfers',
    name: { zh: '链上大额转账', en: 'large on-chain transfers' },
    perSymbol: false,
    perVenue: false,
    hasData: listed('whaleTransfers'),
  },
  exchangeFlows: {
    key: 'exchangeFlows',
    name: { zh: '交易所链上流入流出', en: 'exchange on-chain flows' },
    perSymbol: false,
    perVenue: false,
    // No free, documented source of exchange flows exists (sources/README, CONTRACTS.md §6d).
    absentReason: { zh: '尚未接入免费公开的数据源', en: 'no free public source is connected' },
    hasData: listed('exchangeFlows'),
  },
  volatility: {
    key: 'volatility',
    name: { zh: '隐含波动率指数', en: 'implied-volatility index' },
    perSymbol: false,
    perVenue: false,
    hasData: listed('volatility'),
  },
  macro: { key: 'macro', name: { zh: '宏观行情', en: 'macro series' }, perSymbol: true, perVenue: false, hasData: listed('macro') },
} as const satisfies Record<DataFamily, FamilyDescriptor>;

/** The descriptor of a family named in data (a finding's or gap's `family` string), if it is one. */
export function familyOf(name: string): FamilyDescriptor | undefined {
  return Object.hasOwn(FAMILIES, name) ? (FAMILIES as Record<string, FamilyDescriptor>)[name] : undefined;
}
