/**
 * Benchmark 1, batch re-render: `rerender` (the project's renderer: one browser, a page pool,
 * templates compiled once) over the generated days, zh and en, Markdown, HTML and PDF, timed
 * as a whole and divided by the PDFs printed; memory sampled throughout and compared between
 * the first and the last 100 days.
 *
 * Baseline: the same print HTML (page, @page rules and font faces) written to a file and
 * printed by `chromium --headless --print-to-pdf`, one process per file, for a sample of the
 * days (the per-file command does not depend on which day it prints). The font faces point at
 * the same font files as file:// URLs (the printer serves them from its own origin through
 * request interception, which the command line cannot do), so both print the same PDF; left
 * at the printer's origin, the command would spend time failing to resolve it.
 */
import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyze } from '../../pipeline/analysis/index.js';
import type { Config } from '../../kernel/config.js';
import { loadRenderAssets, renderBrief } from '../../pipeline/render/render-briefs.js';
import { rerender } from '../../pipeline/render/rerender.js';
import { loadSnapshot } from '../../kernel/snapshot/index.js';
import { findBrowser } from '../../renderers/pdf/find-browser.js';
import { FONT_ORIGIN } from '../../renderers/pdf/fonts.js';
import { CHROMIUM_FLAGS, PdfPrinter } from '../../renderers/pdf/printer.js';
import { startCpuSampler, type CpuUse } from './cpu.js';
import { startMemorySampler, summarise, type MemoryWindow } from './memory.js';

export interface BatchBench {
  days: number;
  pdfs: number;
  totalMs: number;
  msPerPdf: number;
  msPerDay: number;
  memory: { all: MemoryWindow; first: MemoryWindow; last: MemoryWindow; windowDays: number };
  /** CPU per PDF, ms: Node (all its threads) and Chromium (its process tree). */
  cpuPerPdf: CpuUse;
  /** Node's live heap after a full garbage collection, every 50 days: flat when nothing leaks. */
  heapAfterGc: { days: number; bytes: number }[];
}

/** Node's heap in use after a full collection (gc exposed at run time; bytes). */
function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

export interface PerFileBaseline {
  files: number;
  msPerFile: number;
  runsMs: number[];
  /** The print pages of the sample (as the printer gets them), for benchPrinterAlone. */
  pages: string[];
}

export async function benchBatch(options: {
  snapshotsDir: string;
  outDir: string;
  templatesDir: string;
  config: Config;
  days: number;
  /** Compose workers of rerender (its default when absent). */
  workers?: number;
  windowDays?: number;
  log?: (line: string) => void;
}): Promise<BatchBench> {
  let printer: PdfPrinter | undefined;
  let launching: Promise<PdfPrinter> | undefined;
  const sampler = startMemorySampler(() => printer?.pid);
  const cpu = startCpuSampler(() => printer?.pid);
  let done = 0;
  const heaps: { days: number; bytes: number }[] = [];
  const t0 = performance.now();
  let cpuUse: CpuUse = { nodeMs: 0, chromiumMs: 0 };
  try {
    await rerender(
      {
        snapshotsDir: options.snapshotsDir,
        langs: ['zh', 'en'],
        formats: ['md', 'html', 'pdf'],
        outDir: options.outDir,
        templatesDir: options.templatesDir,
        config: options.config,
        ...(options.workers === undefined ? {} : { workers: options.workers }),
      },
      () =>
        (launching ??= PdfPrinter.launch().then((p) => {
          printer = p;
          return p;
        })),
      () => ({
        tick: (date) => {
          done += 1;
          sampler.sample();
          sampler.setPhase(done);
          if (done % 50 === 0 || done === options.days) {
            heaps.push({ days: done, bytes: heapAfterGc() });
            options.log?.(`  batch: ${done} days (${date}), ${((performance.now() - t0) / 1000).toFixed(0)} s`);
          }
        },
        done: () => undefined,
      }),
    );
  } finally {
    cpuUse = cpu.stop();
    await printer?.close();
  }
  const totalMs = performance.now() - t0;
  const samples = sampler.stop();
  const windowDays = options.windowDays ?? 100;
  // Phase k = k days finished: samples of phase < windowDays were taken while the first
  // windowDays days rendered; phase ≥ days − windowDays during the last ones.
  const first = summarise(samples.filter((s) => s.phase < windowDays));
  const last = summarise(samples.filter((s) => s.phase >= options.days - windowDays && s.phase < options.days));
  const pdfs = (printer?.stats.pdfs ?? 0) as number;
  return {
    days: done,
    pdfs,
    totalMs,
    msPerPdf: totalMs / Math.max(1, pdfs),
    msPerDay: totalMs / Math.max(1, done),
    cpuPerPdf: { nodeMs: cpuUse.nodeMs / Math.max(1, pdfs), chromiumMs: cpuUse.chromiumMs / Math.max(1, pdfs) },
    memory: { all: summarise(samples), first, last, windowDays },
    heapAfterGc: heaps,
  };
}

/** Runs a command to its end; resolves with its wall time, ms (rejects on a non-zero exit). */
function timeCommand(command: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(performance.now() - t0);
      else reject(new Error(`${command} exited with ${code}: ${stderr.slice(-500)}`));
    });
  });
}

/**
 * `chromium --headless --print-to-pdf` once per file over the print HTML of `dates` (both
 * languages), with the printer's own flags, no header or footer (the page has its own).
 */
export async function benchPerFileChromium(options: {
  snapshotsDir: string;
  workDir: string;
  templatesDir: string;
  config: Config;
  dates: readonly string[];
}): Promise<PerFileBaseline> {
  const browser = await findBrowser();
  const fontFiles = pathToFileURL(
    join(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/package.json')), 'files'),
  ).href;
  const assets = await loadRenderAssets(options.templatesDir);
  await mkdir(options.workDir, { recursive: true });
  const runsMs: number[] = [];
  const pages: string[] = [];
  for (const date of options.dates) {
    const snapshot = await loadSnapshot(join(options.snapshotsDir, `${date}.json`));
    const findings = analyze(snapshot, options.config.thresholds);
    for (const lang of ['zh', 'en'] as const) {
      const brief = await renderBrief(snapshot, findings, undefined, lang, options.config, assets);
      const html = join(options.workDir, `${date}.${lang}.html`);
      const pdf = join(options.workDir, `${date}.${lang}.pdf`);
      pages.push(brief.printHtml);
      await writeFile(html, brief.printHtml.replaceAll(FONT_ORIGIN, fontFiles));
      runsMs.push(
        await timeCommand(browser, [...CHROMIUM_FLAGS, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(html).href]),
      );
      await rm(pdf, { force: true });
    }
  }
  return { files: runsMs.length, msPerFile: runsMs.reduce((a, b) => a + b, 0) / runsMs.length, runsMs, pages };
}

/**
 * For comparison, printing alone: the sample's print pages through one PdfPrinter (its page
 * pool), `rounds` times after a warm-up round; ms per PDF. The batch's time per PDF also
 * carries the charts, Markdown, HTML and files of its day; this is the printer's share.
 */
export async function benchPrinterAlone(pages: readonly string[], rounds = 3): Promise<{ pdfs: number; msPerPdf: number }> {
  const printer = await PdfPrinter.launch();
  try {
    await Promise.all(pages.map((html) => printer.print(html)));
    const t0 = performance.now();
    const all = Array.from({ length: rounds }, () => pages).flat();
    await Promise.all(all.map((html) => printer.print(html)));
    return { pdfs: all.length, msPerPdf: (performance.now() - t0) / all.length };
  } finally {
    await printer.close();
  }
}
