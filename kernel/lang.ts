/**
 * The languages a brief is written in and the formats it is rendered to: the one definition
 * every stage uses. A third language is added here, then its template tree, its locale table
 * (kernel/locale/format.ts) and its font.
 */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const FORMATS = ['md', 'html', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];
