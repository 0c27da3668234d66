// Entry of a compose worker thread (compose-pool.ts). A worker does not inherit the main
// thread's TypeScript loader, so it registers tsx itself, like bin/brief.js does.
import { register } from 'tsx/esm/api';

register();
await import('./compose-worker.ts');
