/**
 * What could not be measured, as a finding (signals/data-gaps.ts).
 */
import { z } from 'zod';
import { GapCheckSchema } from '../../../kernel/snapshot/index.js';
import { base } from './common.js';

export const DataGapFindingSchema = z.strictObject({
  kind: z.literal('data_gap'),
  ...base,
  family: z.string(),
  /** The asset the gap concerns; absent = the whole family. */
  asset: z.string().optional(),
  source: z.string(),
  gapKind: z.string(),
  reason: z.string(),
  /** The HTTP status of the failed response (from the snapshot gap, never parsed from text). */
  status: z.number().int().optional(),
  /** A cross-check's, coverage check's or fallback's structured finding (snapshot GapCheckSchema). */
  check: GapCheckSchema.optional(),
  /** Which findings could not be computed because of this gap. */
  affects: z.array(z.string()),
});
