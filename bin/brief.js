#!/usr/bin/env node
// The `brief` executable: the build or the sources, as bin/build-choice.js decides.
import { join } from 'node:path';
import { runsBuild } from './build-choice.js';

let main;
if (runsBuild(join(import.meta.dirname, '..'))) {
  main = await import('../dist/pipeline/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  main = await import('../pipeline/cli/main.ts');
}
process.exitCode = await main.runExecutable(process.argv.slice(2));
