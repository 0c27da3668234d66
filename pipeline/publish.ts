/**
 * Publishing: rendered briefs (DIR/<date>/<lang>.*) → a static site, swapped in atomically under
 * a lock. A failure leaves the previous site whole and maps to exit 5 (75 when the lock is held,
 * 2 when the rendered briefs themselves are invalid).
 */
import type { Config } from './config.js';
import { BriefError, PublishError } from './errors.js';
import { withLock } from './fs/lock.js';
import { buildSite } from '../renderers/site/build-site.js';
import { collectBriefs } from '../renderers/site/collect-briefs.js';
import { publishRelease } from '../renderers/site/release.js';

export interface PublishRequest {
  fromDir: string;
  siteDir: string;
  templatesDir: string;
  config: Config;
}

export async function publishSite(request: PublishRequest): Promise<{ release: string; files: string[] }> {
  const briefs = await collectBriefs(request.fromDir);
  try {
    return await withLock(`${request.siteDir}.lock`, async () => {
      let files: string[] = [];
      const release = await publishRelease(request.siteDir, async (staging) => {
        files = await buildSite(briefs, staging, {
          templatesDir: request.templatesDir,
          publicationName: request.config.publication.name,
          siteUrl: request.config.publication.siteUrl,
        });
      });
      return { release, files };
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
