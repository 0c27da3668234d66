/** The public surface of kernel/text/: other layers import it through this file only (README, "Layers"). */
export { stripInvisible, stripInvisibleDeep } from './invisible.js';
