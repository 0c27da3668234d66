/**
 * A compose worker thread: renders days (snapshot → findings → charts, Markdown, HTML and
 * print HTML in every language) for the pool in compose-pool.ts, one message per day. Templates
 * are compiled once per templates folder and kept. Errors go back as plain data (name, message,
 * exit code) so the main thread can exit as it would have without workers.
 */
import { parentPort } from 'node:worker_threads';
import { BriefError } from '../../kernel/errors.js';
import { composeDay, loadRenderAssets, type RenderAssets } from './render-briefs.js';
import type { ComposeReply, ComposeTask } from './compose-pool.js';

const port = parentPort;
if (!port) throw new Error('compose-worker.ts runs only as a worker thread (see compose-pool.ts)');

const assetsByDir = new Map<string, Promise<RenderAssets>>();

port.on('message', (task: ComposeTask) => {
  void handle(task).then((reply) => port.postMessage(reply));
});

async function handle(task: ComposeTask): Promise<ComposeReply> {
  try {
    const dir = task.request.templatesDir;
    let assets = assetsByDir.get(dir);
    if (!assets) {
      assets = loadRenderAssets(dir);
      assetsByDir.set(dir, assets);
      // A failed load is not kept: the next day tries again (and reports the same error).
      assets.catch(() => assetsByDir.delete(dir));
    }
    return { id: task.id, day: await composeDay(task.request, await assets) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return {
      id: task.id,
      error: { name: e.name, message: e.message, stack: e.stack, exitCode: error instanceof BriefError ? error.exitCode : undefined },
    };
  }
}
