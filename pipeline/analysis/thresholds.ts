/**
 * Analysis thresholds: one documented, tunable configuration. (Filled in by the analysis work;
 * every signal reads its thresholds from here, never from literals in its own module.)
 */
import { z } from 'zod';

export const ThresholdsSchema = z.strictObject({});
export type Thresholds = z.infer<typeof ThresholdsSchema>;
export const DEFAULT_THRESHOLDS: Thresholds = ThresholdsSchema.parse({});
