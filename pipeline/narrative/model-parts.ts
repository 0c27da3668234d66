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
