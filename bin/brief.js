#!/usr/bin/env node
// The `brief` executable. The project is TypeScript run through tsx, so there is no build step:
// `npm ci` is enough for `npx brief` to work.
import { register } from 'tsx/esm/api';

register();
const { runExecutable } = await import('../pipeline/cli/main.ts');
process.exitCode = await runExecutable(process.argv.slice(2));
