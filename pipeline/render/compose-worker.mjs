// Entry of a compose worker thread when the pool runs from the sources (compose-pool.ts; from
// the build it starts dist's compose-worker.js itself). A worker does not inherit the main
// thread's TypeScript loader: it runs the build when bin/build-choice.js says it is fresh
// (starting in ≈ 0.3 s instead of ≈ 3 s of tsx loading the whole pipeline), else registers tsx.
import { fileURLToPath } from 'node:url';
import { runsBuild } from '../../bin/build-choice.js';

if (runsBuild(fileURLToPath(new URL('../..', import.meta.url)))) {
  await import('../../dist/pipeline/render/compose-worker.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./compose-worker.ts');
}
