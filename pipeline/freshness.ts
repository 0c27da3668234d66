/**
 * The published site's freshness: how old its newest brief's data is. The daily workflow fails
 * loudly when the newest brief is older than the limit (a missed schedule, a silent failure).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { InputError, PublishError, formatZodIssues } from '../kernel/errors.js';
import { parseStrictJson } from '../kernel/json.js';

const LatestSchema = z.object({
  latest: z.record(z.string(), z.object({ date: z.string(), updated: z.iso.datetime({ offset: true }) })),
});

export async function checkFreshness(siteDir: string, maxAgeHours: number, now: number): Promise<{ newest: string; ageHours: number }> {
  const file = join(siteDir, 'latest.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new PublishError(`${file} is missing: nothing has been published`);
  }
  const parsed = LatestSchema.safeParse(parseStrictJson(text, file));
  if (!parsed.success) throw new InputError(file, 'is not a site manifest', formatZodIssues(parsed.error.issues));
  const updated = Object.values(parsed.data.latest)
    .map((b) => b.updated)
    .sort()
    .at(-1);
  if (!updated) throw new PublishError(`${file} lists no brief: nothing has been published`);
  const ageHours = (now - Date.parse(updated)) / 3_600_000;
  if (ageHours > maxAgeHours) {
    throw new PublishError(
      `the newest published brief is ${ageHours.toFixed(1)} hours old (data as of ${updated}), over the ${maxAgeHours}-hour limit`,
    );
  }
  return { newest: updated, ageHours };
}
