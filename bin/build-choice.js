// Which code runs: the compiled build (dist/, `npm run build`) when there is one at least as new
// as every TypeScript source beside it; otherwise the sources themselves through tsx, so in a
// checkout `npm ci && npx brief` works with no build step and an edit needs no rebuild. The
// installed package ships only the build (no sources to be newer than it). One rule for every
// entry point: bin/brief.js and the compose workers' entry (pipeline/render/compose-worker.mjs).
// BRIEF_RUN=dist or BRIEF_RUN=sources skips the comparison.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = 'dist/.built'; // written by `npm run build` after tsc succeeded

function builtAt(root) {
  try {
    return statSync(join(root, STAMP)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Whether any .ts source is newer than the build (a few hundred stats: a few milliseconds). */
function sourcesNewerThan(root, time) {
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

/** Whether the package at `root` should run dist/ rather than its sources. */
export function runsBuild(root, env = process.env) {
  const choice = env.BRIEF_RUN;
  if (choice === 'dist') return true;
  if (choice === 'sources') return false;
  const built = builtAt(root);
  return built !== undefined && !sourcesNewerThan(root, built);
}
