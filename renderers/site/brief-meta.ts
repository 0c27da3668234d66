/**
 * The small manifest `render` writes beside each brief (`<date>/<lang>.json`), so the site can be
 * built from rendered briefs alone: title, description, and which formats exist.
 */
import { z } from 'zod';

export const BriefMetaSchema = z.strictObject({
  date: z.iso.date(),
  lang: z.enum(['zh', 'en']),
  title: z.string().min(1),
  description: z.string(),
  timezone: z.string(),
  /** The snapshot's generatedAt: when its data was fetched (ISO, UTC). Used as the feed's updated time. */
  updated: z.iso.datetime({ offset: true }),
  origin: z.enum(['fetched', 'replayed', 'reconstructed', 'synthetic']),
  gaps: z.number().int().nonnegative(),
  formats: z.array(z.enum(['md', 'html', 'pdf'])),
  charts: z.array(z.string().regex(/^[a-z0-9-]+$/)),
});

export type BriefMeta = z.infer<typeof BriefMetaSchema>;
