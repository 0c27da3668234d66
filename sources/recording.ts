/**
 * `--record DIR` and `--replay DIR`: raw responses saved per request, then served back through
 * the same HTTP client code (strict JSON, envelope checks, parsing), so a real day can be
 * reproduced offline. A request's key is its provider, path and sorted query without secret
 * parameters; keys and secrets never reach the files (they are scrubbed from the body too).
 *
 * Layout: DIR/manifest.json ({recordedAt, date, assets}) and DIR/<provider>/<slug>.json.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../kernel/fs/index.js';

export const RecordedResponseSchema = z.strictObject({
  provider: z.string(),
  request: z.string(),
  status: z.number().int(),
  contentType: z.string(),
  body: z.string(),
});
export type RecordedResponse = z.infer<typeof RecordedResponseSchema>;

export const RecordingManifestSchema = z.strictObject({
  recordedAt: z.iso.datetime(),
  date: z.iso.date(),
  assets: z.array(z.string()),
});
export type RecordingManifest = z.infer<typeof RecordingManifestSchema>;

/** `GET /api/v3/klines?interval=1d&symbol=BTCUSDT` with query keys sorted and secret keys dropped. */
export function requestKey(path: string, query: Record<string, string>, secretParams: readonly string[] = []): string {
  const entries = Object.entries(query)
    .filter(([name]) => !secretParams.includes(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const search = new URLSearchParams(entries).toString();
  return `GET ${path}${search ? `?${search}` : ''}`;
}

/** File name for a request: readable path part plus a hash of the whole key. */
export function recordingFile(dir: string, provider: string, key: string): string {
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 16);
  const path = key.replace(/^GET /, '').split('?')[0] ?? '';
  const slug =
    path
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'root';
  return join(dir, provider, `${slug}-${hash}.json`);
}

export async function saveRecording(dir: string, response: RecordedResponse, secrets: readonly string[]): Promise<void> {
  let body = response.body;
  for (const secret of secrets) if (secret.length >= 4) body = body.split(secret).join('***');
  const file = recordingFile(dir, response.provider, response.request);
  await writeFileAtomic(file, `${JSON.stringify({ ...response, body }, null, 2)}\n`);
}

/** The recorded response for a request, or undefined when none was recorded. */
export async function loadRecording(dir: string, provider: string, key: string): Promise<RecordedResponse | undefined> {
  let text: string;
  try {
    text = await readFile(recordingFile(dir, provider, key), 'utf8');
  } catch {
    return undefined;
  }
  return RecordedResponseSchema.parse(JSON.parse(text));
}

export async function saveManifest(dir: string, manifest: RecordingManifest): Promise<void> {
  await writeFileAtomic(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

export async function loadManifest(dir: string): Promise<RecordingManifest | undefined> {
  try {
    return RecordingManifestSchema.parse(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
  } catch {
    return undefined;
  }
}
