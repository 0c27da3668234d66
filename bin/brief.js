#!/usr/bin/env node
// The `brief` executable. It runs the compiled build (dist/, `npm run build`) when there is one
// at least as new as every TypeScript source beside it; otherwise the sources themselves through
// tsx, so in a checkout `npm ci && npx brief` works with no build step and an edit needs no
// rebuild. The installed package ships only the build (no sources to be newer than it).
// BRIEF_RUN=dist or BRIEF_RUN=sources skips the comparison.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const STAMP = 'dist/.built'; // written by `npm run build` after tsc succeeded

function builtAt() {
  try {
    return statSync(join(root, STAMP)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Whether any .ts source is newer than the build (a few hundred stats: a few milliseconds). */
function sourcesNewerThan(time) {
  for (const dir of ['kernel', 'pipeline', 'renderers', 'sources']) {
    let names;
    try {
      names = readdirSync(join(root, dir), { recursive: true });
    } catch {
      continue;
    }
    for (const name of names) {
      if (name.endsWith('.ts') && statSync(join(root, dir, name)).mtimeMs > time) return true;
    }
  }
  return false;
}

// BRIEF_RUN=dist or =sources chooses without looking (the bench, the package test).
const choice = process.env.BRIEF_RUN;
const built = choice === 'sources' ? undefined : builtAt();
let main;
if (choice === 'dist' || (built !== undefined && !sourcesNewerThan(built))) {
  main = await import('../dist/pipeline/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  main = await import('../pipeline/cli/main.ts');
}
process.exitCode = await main.runExecutable(process.argv.slice(2));
