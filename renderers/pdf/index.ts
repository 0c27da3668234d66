/** The public surface of renderers/pdf/: other layers import it through this file only (README, "Layers"). */
export * from './lazy-printer.js';
export { finishPrintPage } from './fonts.js';
export { printCss } from './page-decorations.js';
export type { PdfPrinter } from './printer.js';
