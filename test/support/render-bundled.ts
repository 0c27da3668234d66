/** Renders a snapshot through the real pipeline (one browser) into a fresh temporary folder. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../kernel/config.js';
import type { Format, Lang } from '../../pipeline/cli/options.js';
import { renderBriefs, type RenderResult } from '../../pipeline/render/render-briefs.js';
import { lazyPrinter } from '../../renderers/pdf/lazy-printer.js';
import { REPO } from './run-cli.js';

export const BUNDLED_SNAPSHOT = join(REPO, 'snapshots', '2024-01-04.json');
export const TEMPLATES = join(REPO, 'templates');

export async function renderToTemp(
  snapshotFile = BUNDLED_SNAPSHOT,
  options: { langs?: Lang[]; formats?: Format[]; outDir?: string; notesFile?: string } = {},
): Promise<RenderResult & { outDir: string }> {
  const outDir = options.outDir ?? mkdtempSync(join(tmpdir(), 'brief-render-'));
  const printer = lazyPrinter();
  try {
    const result = await renderBriefs(
      {
        snapshotFile,
        langs: options.langs ?? ['zh', 'en'],
        formats: options.formats ?? ['md', 'html', 'pdf'],
        outDir,
        templatesDir: TEMPLATES,
        config: DEFAULT_CONFIG,
        notesFile: options.notesFile,
      },
      printer.get,
    );
    return { ...result, outDir };
  } finally {
    await printer.close();
  }
}
