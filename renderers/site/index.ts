/** The public surface of renderers/site/: other layers import it through this file only (README, "Layers"). */
export { buildSite } from './build-site.js';
export { collectBriefs, type RenderedBriefFiles } from './collect-briefs.js';
export { publishRelease, siteTargetProblem } from './release.js';
export type { BriefMeta } from './brief-meta.js';
