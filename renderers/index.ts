/** The public surface of renderers/: other layers import it through this file only (README, "Layers"). */
export { loadPageLayout, type PageLayout } from './html-page.js';
export { markdownToHtml } from './markdown-to-html.js';
