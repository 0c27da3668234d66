/**
 * What every signal receives besides the snapshot and thresholds, and the signal type itself.
 */
import type { Snapshot } from '../../kernel/snapshot/index.js';
import type { Finding } from './findings.js';
import type { Thresholds } from '../../kernel/thresholds.js';

export interface AnalysisContext {
  /** The brief's window, ms UTC, [start, end) of the brief's day in the snapshot's timezone. */
  readonly window: { readonly start: number; readonly end: number };
  /**
   * Findings of earlier stages, for signals that build on them: systemic moves and historical
   * rank read price moves, whale activity reads level breaks, key levels read clusters.
   */
  readonly earlier: readonly Finding[];
}

/** A signal: pure, deterministic, never throws on missing data (it returns no finding instead). */
export type Signal = (snapshot: Snapshot, thresholds: Thresholds, context: AnalysisContext) => Finding[];

/** Earlier findings of one kind. */
export function earlierOf<K extends Finding['kind']>(context: AnalysisContext, kind: K): Extract<Finding, { kind: K }>[] {
  return context.earlier.filter((f): f is Extract<Finding, { kind: K }> => f.kind === kind);
}
