/**
 * The pieces every finding schema shares: scalar kinds (named for their unit), the threshold a
 * finding names, and the fields every finding carries (see ../findings.ts for the naming rules).
 */
import { z } from 'zod';

export const finite = z.number();
export const fraction = z.number();
export const usd = z.number();
export const epochMs = z.number().int();

export const ThresholdSchema = z.strictObject({
  /** The configuration key, e.g. `deleveraging.longShareMin`. */
  name: z.string(),
  value: finite,
  unit: z.enum(['fraction', 'usd', 'multiple', 'coins', 'per8h', 'vol-points', 'count', 'price']),
});

export const base = {
  importance: z.number().min(0).max(100),
  sources: z.array(z.string()),
  paths: z.array(z.string()),
  threshold: ThresholdSchema.optional(),
};

export const Range = z.strictObject({ low: finite, high: finite });
