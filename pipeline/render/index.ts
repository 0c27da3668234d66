/** The public surface of pipeline/render/: other layers import it through this file only (README, "Layers"). */
export * from './render-briefs.js';
export { overlayTemplates, type TemplateOverlay, listTree } from './templates-overlay.js';
export * from './rerender.js';
export * from './progress.js';
