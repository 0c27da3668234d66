/**
 * The PDF's running header and footer, as CSS @page margin boxes (Chromium ≥ 131). Unlike
 * puppeteer's headerTemplate, margin boxes are laid out with the document's own fonts, so the
 * CJK web font is used there too instead of a system fallback embedded as Type 3 glyphs.
 *
 * A print page is laid out twice by Chromium: once for the screen when it loads, once (in fact
 * twice) for print media when it prints. Only the print layout is ever seen, so on screen every
 * element of the body is `display: none` except a small font warm-up block: it holds each
 * distinct character of the page once per weight (added by fonts.ts `finishPrintPage`),
 * which makes Chromium load exactly the web-font subsets the print layout will use (margin-box
 * text does not trigger font loading by itself), while the screen layout costs almost nothing.
 * Measured on the bundled Chinese brief: 153 → 116 ms of Chromium time per PDF, the same PDF.
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

const BOX = "font-family: 'Noto Sans SC', 'Noto Sans CJK SC', sans-serif; font-size: 8pt; color: #5f6368;";

/**
 * Charts on paper. A chart cannot split across pages, so one that does not fit the rest of a
 * page moves to the next and leaves the rest blank: the page is at most one chart block short.
 * The block is kept low: the chart at 70 % of the text width with its caption beside it
 * (together, never apart) instead of under it, about 58 mm of the 261 mm between the margins,
 * so no page but the last is more than about a fifth blank (measured by test/render/pdf-blank.ts).
 * More specific than the layout's own print rules (style.css), which this CSS precedes.
 */
const FIGURES_ON_PAPER = `.brief figure.chart {
    display: flex;
    align-items: flex-end;
    gap: 4mm;
    margin: 3mm 0 4mm;
    break-inside: avoid;
  }
  .brief figure.chart > svg {
    flex: 0 0 70%;
    width: 70%;
    height: auto;
    margin: 0;
  }
  .brief figure.chart > figcaption {
    flex: 1 1 0;
    margin: 0;
    font-size: 7.5pt;
    line-height: 1.45;
  }`;

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
.font-warmup { font-family: 'Noto Sans SC', 'Noto Sans CJK SC', sans-serif; }
.font-warmup b { font-weight: 700; }
@media screen {
  body > * { display: none !important; }
  body > .font-warmup { display: block !important; }
}
@media print {
  .font-warmup { display: none !important; }
  ${FIGURES_ON_PAPER}
}`;
}
