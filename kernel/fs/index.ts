/** The public surface of kernel/fs/: other layers import it through this file only (README, "Layers"). */
export * from './lock.js';
export { writeFileAtomic } from './atomic-write.js';
export { pausePoint } from './pause-point.js';
export { isProcessAlive } from './process-alive.js';
