/** The public surface of kernel/locale/: other layers import it through this file only (README, "Layers"). */
export * from './format.js';
export { enArticle } from './en-article.js';
export { formatList, type ListStyle } from './list.js';
export { dateLabel, pageLabel } from './labels.js';
export { LOCALES, type LocaleRules } from './locales.js';
