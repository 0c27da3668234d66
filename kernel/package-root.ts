/**
 * The package's own folder (where package.json, templates/ and snapshots/ are), found from this
 * module's location. The code runs from the sources (kernel/ → ..) in a checkout and from the
 * build (dist/kernel/ → ../..) in the checkout and the installed package, so a fixed `../..`
 * from a module would point into dist/ for the build: the first folder upwards holding a
 * package.json is the root, whichever way the code runs.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  root = dir;
  return dir;
}

/** A path inside the package: packagePath('templates') is the built-in template tree. */
export function packagePath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
