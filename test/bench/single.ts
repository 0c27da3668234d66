/**
 * Benchmark 2, one brief end to end: `renderBriefs` for the bundled snapshot (its notes, zh
 * and en, Markdown, HTML and PDF, every chart) with a browser launched for the run and closed
 * after it, against its floor measured alone: launching the browser, printing the same two
 * print pages and closing it. Both run in this process with modules already loaded (process
 * start-up and imports are outside both), alternately, `runs` times; medians compared.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../pipeline/analysis/index.js';
import type { Config } from '../../kernel/config.js';
import { findNotesFor, loadNotes } from '../../pipeline/narrative/index.js';
import { loadRenderAssets, renderBrief, renderBriefs } from '../../pipeline/render/render-briefs.js';
import { parseSnapshot } from '../../kernel/snapshot/index.js';
import { PdfPrinter } from '../../renderers/pdf/printer.js';
import { median } from './fetch.js';

export interface SingleBench {
  runs: number;
  endToEndMs: number;
  floorMs: number;
  ratio: number;
  endToEndRunsMs: number[];
  floorRunsMs: number[];
}

export async function benchSingle(options: {
  snapshotFile: string;
  templatesDir: string;
  config: Config;
  runs?: number;
}): Promise<SingleBench> {
  const runs = options.runs ?? 5;
  const out = await mkdtemp(join(tmpdir(), 'bench-single-'));
  // The floor prints exactly what the end-to-end run prints.
  const snapshot = parseSnapshot(await readFile(options.snapshotFile, 'utf8'), options.snapshotFile);
  const notesFile = findNotesFor(options.snapshotFile);
  const notes = notesFile ? await loadNotes(notesFile) : undefined;
  const findings = analyze(snapshot, options.config.thresholds);
  const assets = await loadRenderAssets(options.templatesDir);
  const pages = await Promise.all(
    (['zh', 'en'] as const).map(async (lang) => (await renderBrief(snapshot, findings, notes, lang, options.config, assets)).printHtml),
  );

  const endToEnd = async (): Promise<number> => {
    const t0 = performance.now();
    let launching: Promise<PdfPrinter> | undefined;
    try {
      // Templates loaded and compiled inside the run, as `brief render` does.
      await renderBriefs(
        {
          snapshotFile: options.snapshotFile,
          langs: ['zh', 'en'],
          formats: ['md', 'html', 'pdf'],
          outDir: out,
          templatesDir: options.templatesDir,
          config: options.config,
        },
        () => (launching ??= PdfPrinter.launch()),
      );
    } finally {
      await (await launching)?.close();
    }
    return performance.now() - t0;
  };
  const floor = async (): Promise<number> => {
    const t0 = performance.now();
    const printer = await PdfPrinter.launch();
    try {
      await Promise.all(pages.map((html) => printer.print(html)));
    } finally {
      await printer.close();
    }
    return performance.now() - t0;
  };

  try {
    // One unmeasured round of each warms the JIT and the disk cache.
    await endToEnd();
    await floor();
    const endToEndRunsMs: number[] = [];
    const floorRunsMs: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      endToEndRunsMs.push(await endToEnd());
      floorRunsMs.push(await floor());
    }
    const endToEndMs = median(endToEndRunsMs);
    const floorMs = median(floorRunsMs);
    return { runs, endToEndMs, floorMs, ratio: endToEndMs / floorMs, endToEndRunsMs, floorRunsMs };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
