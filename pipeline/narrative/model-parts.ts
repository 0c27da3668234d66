/** Building blocks of the brief model's schema (model.ts): Markdown-safe text, flags, citations. */
import { z } from 'zod';
import type { Md } from './markdown-escape.js';

/** A Markdown-safe string (see markdown-escape.ts). */
export const md = z.custom<Md>((v) => typeof v === 'string' && v.length > 0, { message: 'expected non-empty Markdown-safe text' });
export const flag = z.boolean();

/** A link to a note's or a figure's source: `[name](url)`. */
export const SourceLinkSchema = z.strictObject({ name: md, url: md });

export const ChartSchema = z.strictObject({ alt: md, src: md });

/**
 * Footnote references to the snapshot series a sentence's figures came from (`[^1][^2]`, written
 * by citations.ts, never data); absent when nothing in the snapshot backs it (notes have links).
 */
export const cite = { cite: md.optional() };

/**
 * A liquidation figure with its scope: market-wide (全网), the named assets added up (合计), or a
 * floor from sampled streams (至少). `parts` are per-asset figures of the same scope, each no
 * larger than the total; `floors` are sampled-stream figures of another scope, never a range
 * with the total.
 */
export const LiquidationFiguresSchema = z.strictObject({
  total: md,
  /** Complete sources of this one scope disagree: the total is a range. */
  range: flag,
  window: md,
  longShare: md,
  shortShare: md,
  longDominant: flag,
  /** The `leverage_flush` claim fired (a large multiple of the median, longs dominant, OI fell): "Long squeeze" / "杠杆挤兑". */
  flush: flag,
  shortDominant: flag,
  sources: md,
  /** The assets added up, when the scope is not market-wide (BTC、ETH 和 BNB). */
  scopeAssets: md.optional(),
  /** Only sampled streams answered: the total is a floor. */
  floor: flag,
  lowerBound: flag,
  parts: z.array(z.strictObject({ asset: md, total: md })),
  /** The venues the parts (or the assets' sum) cover when the source names them: their true scope (Binance、OKX 和 Bybit). */
  venues: md.optional(),
  floors: z.strictObject({ sources: md, items: z.array(z.strictObject({ asset: md, total: md })) }).optional(),
});

export type LiquidationFigures = z.infer<typeof LiquidationFiguresSchema>;
