/** The public surface of pipeline/preview/: other layers import it through this file only (README, "Layers"). */
export * from './server.js';
