/**
 * Atomic publishing. The site directory the user names (`site/`) is a symbolic link to a
 * release folder, `.site-releases/<content hash>/`, built completely before the link moves.
 * Moving it is one rename of a new link over the old one, so a reader (or a crash) sees the
 * whole old site or the whole new one. The previous release is kept for rollback.
 *
 * Publishing only ever moves or deletes what it created: `--site` must be new or a link into
 * its own releases folder (a real folder there — a team's files, the rendered briefs — is
 * refused, never moved aside), and the releases folder carries a marker file; pruning removes
 * only release folders named by their content hash and its own staging leftovers.
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { isProcessAlive } from '../../kernel/fs/index.js';
import { pausePoint } from '../../kernel/fs/index.js';

export function releasesDirFor(siteDir: string): string {
  return join(dirname(siteDir), `.${basename(siteDir)}-releases`);
}

/** Written into a releases folder when publishing creates it: proof that its contents are ours to prune. */
export const RELEASES_MARKER = '.brief-releases';
const RELEASE_NAME = /^[0-9a-f]{16}$/;

/**
 * Why `siteDir` cannot be published to, or undefined when it can: it must not exist, or be a
 * link into its releases folder; that folder must not exist, or carry our marker.
 */
export async function siteTargetProblem(siteDir: string): Promise<string | undefined> {
  const releases = releasesDirFor(siteDir);
  const current = await lstat(siteDir).catch(() => undefined);
  if (current && !current.isSymbolicLink()) {
    return `${siteDir} already exists and was not created by \`brief publish\` (a site is a link to its releases); it is never moved or deleted: name a new --site path, or move it away yourself`;
  }
  if (current) {
    const target = resolve(dirname(siteDir), await readlink(siteDir));
    if (dirname(target) !== releases) return `${siteDir} is a link to ${target}, not to a release in ${releases}; it is left as it is: name a new --site path`;
  }
  const folder = await lstat(releases).catch(() => undefined);
  if (folder && (!folder.isDirectory() || !(await looksOurs(releases)))) {
    return `${releases} exists but was not created by \`brief publish\` (no ${RELEASES_MARKER} marker); it is never pruned: move it away or name another --site`;
  }
  return undefined;
}

/** Builds into a fresh staging folder with `build`, then swaps it in. Returns the release folder. */
export async function publishRelease(siteDir: string, build: (stagingDir: string) => Promise<void>): Promise<string> {
  const releases = releasesDirFor(siteDir);
  await mkdir(releases, { recursive: true });
  await writeFile(join(releases, RELEASES_MARKER), 'Release folders of `brief publish`: the site link points at one of them.\n');
  const staging = join(releases, `.staging.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(staging);
  try {
    await build(staging);
    await pausePoint('publish:staged');
    const id = await hashTree(staging);
    const release = join(releases, id);
    if (await exists(release)) await rm(staging, { recursive: true, force: true });
    else await rename(staging, release);
    await pointAt(siteDir, release);
    await prune(releases, release, await previousTarget(siteDir));
    return release;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function pointAt(siteDir: string, release: string): Promise<void> {
  const link = `${siteDir}.tmp-link-${process.pid}-${randomBytes(4).toString('hex')}`;
  await symlink(relative(dirname(siteDir), release), link, 'dir');
  await pausePoint('publish:before-swap');
  await rename(link, siteDir);
}

async function previousTarget(siteDir: string): Promise<string | undefined> {
  return readlink(siteDir).catch(() => undefined);
}

/** Keeps the current release and the most recent other one; removes staging leftovers. */
async function prune(releases: string, current: string, _pointer: string | undefined): Promise<void> {
  const entries = await readdir(releases, { withFileTypes: true });
  const others: { path: string; mtime: number }[] = [];
  for (const entry of entries) {
    const path = join(releases, entry.name);
    if (path === current || entry.name === RELEASES_MARKER) continue;
    if (entry.name.startsWith('.staging.tmp-')) {
      const pid = Number(entry.name.split('-')[1]);
      if (pid !== process.pid && !isProcessAlive(pid)) await rm(path, { recursive: true, force: true });
      continue;
    }
    if (!entry.isDirectory() || !RELEASE_NAME.test(entry.name)) continue; // not ours: left alone
    others.push({ path, mtime: (await lstat(path)).mtimeMs });
  }
  others.sort((a, b) => b.mtime - a.mtime);
  for (const stale of others.slice(1)) await rm(stale.path, { recursive: true, force: true });
}


/** Carries the marker, or (made before the marker existed) holds nothing but releases and staging leftovers. */
async function looksOurs(releases: string): Promise<boolean> {
  if (await exists(join(releases, RELEASES_MARKER))) return true;
  const entries = await readdir(releases);
  return entries.every((name) => RELEASE_NAME.test(name) || name.startsWith('.staging.tmp-') || name.startsWith('legacy-'));
}

async function exists(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined)) !== undefined;
}

/** A short hash of every file's relative path and bytes, in sorted order. */
async function hashTree(root: string): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else {
        hash.update(relative(root, path)).update('\0').update(await readFile(path)).update('\0');
      }
    }
  };
  await walk(root);
  return hash.digest('hex').slice(0, 16);
}
