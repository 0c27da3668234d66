/**
 * Publishing: rendered briefs (DIR/<date>/<lang>.*) → a static site, swapped in atomically under
 * a lock. A failure leaves the previous site whole and maps to exit 5 (75 when the lock is held,
 * 2 when the rendered briefs or the site path are unusable).
 *
 *   1. guard    `--site` is new or our own link, and neither holds nor sits in `--from` (exit 2)
 *   2. collect  the rendered briefs (manifests validated)
 *   3. keep     every brief already published — in the current site, or listed by `published`
 *               (the live site's briefs.json) — must be in the new one, unless `prune` (exit 5)
 *   4. build    into a staging release, with briefs.json listing what it publishes; swap
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { z } from 'zod';
import type { Config } from '../kernel/config.js';
import { BriefError, InputError, PublishError, UsageError, formatZodIssues } from '../kernel/errors.js';
import { withLock } from '../kernel/fs/index.js';
import { parseStrictJson } from '../kernel/json.js';
import { buildSite } from '../renderers/site/index.js';
import { collectBriefs, type RenderedBriefFiles } from '../renderers/site/index.js';
import { publishRelease, siteTargetProblem } from '../renderers/site/index.js';

export interface PublishRequest {
  fromDir: string;
  siteDir: string;
  templatesDir: string;
  config: Config;
  /** Drop published briefs that the new site lacks (otherwise that is refused). */
  prune?: boolean;
  /** A `briefs.json` of the live site (e.g. downloaded from it): briefs that must stay published. */
  publishedFile?: string;
}

/** The site's own list of what it publishes, `briefs.json` at its root. */
export const PUBLISHED_LIST = 'briefs.json';
const PublishedListSchema = z.object({ briefs: z.array(z.object({ date: z.string(), lang: z.string() })) });
type BriefKey = `${string}/${string}`;

export async function publishSite(request: PublishRequest): Promise<{ release: string; files: string[]; dropped: string[] }> {
  await assertSitePath(request.siteDir, request.fromDir);
  const briefs = await collectBriefs(request.fromDir);
  const required = request.publishedFile ? await readPublishedList(request.publishedFile) : [];
  try {
    return await withLock(`${request.siteDir}.lock`, async () => {
      const dropped = missingFrom(briefs, [...(await publishedIn(request.siteDir)), ...required]);
      if (dropped.length > 0 && !request.prune) {
        const shown = dropped.slice(0, 10).join(', ') + (dropped.length > 10 ? ` and ${dropped.length - 10} more` : '');
        throw new PublishError(
          `the new site would drop ${dropped.length} published brief(s): ${shown}; they are not among the rendered briefs in ${request.fromDir} ` +
            `(render them again, e.g. \`brief rerender --missing\`), or pass --prune to remove them on purpose; the site is unchanged`,
        );
      }
      let files: string[] = [];
      const release = await publishRelease(request.siteDir, async (staging) => {
        files = await buildSite(briefs, staging, {
          templatesDir: request.templatesDir,
          publicationName: request.config.publication.name,
          siteUrl: request.config.publication.siteUrl,
        });
        await writePublishedList(staging, briefs);
        files = [...files, PUBLISHED_LIST].sort();
      });
      return { release, files, dropped };
    });
  } catch (error) {
    if (error instanceof BriefError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new PublishError(
      `publishing ${request.siteDir} failed${code ? ` (${code})` : ''}; the previous site is untouched: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

async function assertSitePath(siteDir: string, fromDir: string): Promise<void> {
  const [site, from] = [resolve(siteDir), resolve(fromDir)];
  const inside = (a: string, b: string) => a === b || a.startsWith(b + sep);
  if (inside(site, from) || inside(from, site)) {
    throw new UsageError(
      `--site ${siteDir} and --briefs ${fromDir} overlap: the site must be a path of its own, outside the rendered briefs`,
    );
  }
  const problem = await siteTargetProblem(site);
  if (problem) throw new UsageError(problem);
}

/** date/lang of every brief the current site publishes (its briefs.json, else its briefs/ folders). */
async function publishedIn(siteDir: string): Promise<BriefKey[]> {
  const listed = await readFile(join(siteDir, PUBLISHED_LIST), 'utf8').catch(() => undefined);
  if (listed !== undefined) return readPublishedText(listed, join(siteDir, PUBLISHED_LIST));
  const days = await readdir(join(siteDir, 'briefs')).catch(() => [] as string[]);
  const keys: BriefKey[] = [];
  for (const day of days.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))) {
    for (const name of await readdir(join(siteDir, 'briefs', day)).catch(() => [] as string[])) {
      const lang = /^([a-z]{2})\.html$/.exec(name)?.[1];
      if (lang) keys.push(`${day}/${lang}`);
    }
  }
  return keys;
}

async function readPublishedList(file: string): Promise<BriefKey[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InputError(file, `cannot read the list of published briefs (${error.code ?? String(error)})`);
  });
  return readPublishedText(text, file);
}

function readPublishedText(text: string, file: string): BriefKey[] {
  const parsed = PublishedListSchema.safeParse(parseStrictJson(text, file));
  if (!parsed.success) throw new InputError(file, 'is not a list of published briefs', formatZodIssues(parsed.error.issues));
  return parsed.data.briefs.map((b) => `${b.date}/${b.lang}` as const);
}

function missingFrom(briefs: readonly RenderedBriefFiles[], published: readonly BriefKey[]): string[] {
  const present = new Set(briefs.filter((b) => b.meta.formats.includes('html')).map((b) => `${b.meta.date}/${b.meta.lang}`));
  return [...new Set(published)].filter((key) => !present.has(key)).sort();
}

async function writePublishedList(staging: string, briefs: readonly RenderedBriefFiles[]): Promise<void> {
  const list = briefs
    .filter((b) => b.meta.formats.includes('html'))
    .map((b) => ({ date: b.meta.date, lang: b.meta.lang }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.lang.localeCompare(b.lang));
  await writeFile(join(staging, PUBLISHED_LIST), `${JSON.stringify({ briefs: list }, null, 2)}\n`);
}
