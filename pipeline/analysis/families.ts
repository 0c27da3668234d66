/**
 * What each data family means to analysis: the finding kinds that need it (a gap in the family
 * names them in `affects`) and the finding that prints it in the brief, if one does (the data note
 * leaves out a gap when the body prints the family from another source). The rest of a family's
 * facts are its kernel descriptor (kernel/snapshot/families.ts).
 *
 * Typed `satisfies Record<DataFamily, …>`: a new family does not compile until it is listed here.
 */
import type { DataFamily } from '../../kernel/snapshot/index.js';
import type { FindingKind } from './findings.js';

export interface FamilyFindings {
  /** Finding kinds that cannot be computed without the family. */
  readonly affects: readonly FindingKind[];
  /** The finding whose presence means the brief prints the family's figures; undefined = none stands for it. */
  readonly printedAs: FindingKind | undefined;
}

export const FAMILY_FINDINGS = {
  prices: { affects: ['price_move', 'level_break', 'systemic_move', 'historical_rank', 'key_levels'], printedAs: undefined },
  perpetuals: { affects: ['volume_spike'], printedAs: 'volume_spike' },
  liquidations: { affects: ['liquidations', 'liquidation_cluster', 'liquidation_timing'], printedAs: 'liquidations' },
  funding: { affects: ['funding_flip'], printedAs: 'funding_flip' },
  basis: { affects: ['basis_compression'], printedAs: 'basis_compression' },
  openInterest: { affects: ['open_interest_change'], printedAs: 'open_interest_change' },
  etfs: { affects: ['etf_volume'], printedAs: 'etf_volume' },
  etfFlows: { affects: ['etf_flows'], printedAs: 'etf_flows' },
  whaleTransfers: { affects: ['whale_activity'], printedAs: 'whale_activity' },
  exchangeFlows: { affects: ['exchange_flows'], printedAs: 'exchange_flows' },
  volatility: { affects: ['implied_vol'], printedAs: 'implied_vol' },
  macro: { affects: [], printedAs: undefined },
} as const satisfies Record<DataFamily, FamilyFindings>;

/** The entry of a family named in data (a gap's `family` string), if it is one. */
export function familyFindingsOf(name: string): FamilyFindings | undefined {
  return Object.hasOwn(FAMILY_FINDINGS, name) ? (FAMILY_FINDINGS as Record<string, FamilyFindings>)[name] : undefined;
}
