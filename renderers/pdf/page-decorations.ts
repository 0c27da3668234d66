/**
 * The PDF's running header and footer, as CSS @page margin boxes (Chromium ≥ 131). Unlike
 * puppeteer's headerTemplate, margin boxes are laid out with the document's own fonts, so the
 * CJK web font is used there too instead of a system fallback embedded as Type 3 glyphs.
 * Margin-box text does not trigger web-font loading by itself, so the same strings are also put
 * in a hidden block of the page: that loads the font subsets they need before printing.
 */
import { fontFaceCss } from './fonts.js';

export interface PageDecorations {
  /** Plain text, e.g. the brief's headline. */
  headerTitle: string;
  /** Plain text, e.g. "Crypto Market Brief · 4 January 2024 (UTC+8)". */
  footerLabel: string;
  /** "Page x of y" as three strings around the two numbers. */
  pageLabel: { before: string; middle: string; after: string };
}

/** A CSS string literal: quotes, backslashes, newlines and `<` escaped. */
export function cssString(text: string): string {
  const escaped = text
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/</g, '\\3C ');
  return `"${escaped}"`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const BOX = "font-family: 'Noto Sans SC', 'Noto Sans CJK SC', sans-serif; font-size: 8pt; color: #5f6368;";

export function printCss(d: PageDecorations): string {
  const page = `${cssString(d.pageLabel.before)} counter(page) ${cssString(d.pageLabel.middle)} counter(pages) ${cssString(d.pageLabel.after)}`;
  return `${fontFaceCss()}
@page {
  size: A4;
  margin: 18mm 16mm 18mm 16mm;
  @top-left { content: ${cssString(d.headerTitle)}; ${BOX} }
  @bottom-left { content: ${cssString(d.footerLabel)}; ${BOX} }
  @bottom-right { content: ${page}; ${BOX} }
}
.font-preload { position: absolute; visibility: hidden; height: 0; overflow: hidden; font-weight: 400; }`;
}

export function fontPreloadHtml(d: PageDecorations): string {
  const text = [d.headerTitle, d.footerLabel, d.pageLabel.before, d.pageLabel.middle, d.pageLabel.after, '0123456789'].join(' ');
  return `<div class="font-preload" aria-hidden="true">${escapeHtml(text)}</div>`;
}
