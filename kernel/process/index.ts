/** The public surface of kernel/process/: other layers import it through this file only (README, "Layers"). */
export { onShutdown, installShutdownHandlers } from './shutdown.js';
