/**
 * `npm run bench`: the three performance measures of issue 9 in one run, each against its
 * baseline, printed as ratios with their targets. A benchmark, not a test: it never fails on a
 * missed target (exit 0), only on an error (exit 1).
 *
 *   1. batch   re-render of 365 generated days (zh, en; md, html, pdf) per PDF, against
 *              `chromium --headless --print-to-pdf` once per file (sampled); memory first vs
 *              last 100 days                                           target ≤ 0.1 ×
 *   2. single  one brief end to end against launching the browser and printing its two
 *              PDFs                                                    target ≤ 1.3 ×
 *   3. fetch   the whole fetch with 250 ms added to every response against its longest chain
 *              of dependent requests × 250 ms                          target ≤ 1.25 ×
 *   4. help    `brief --help` from the build (dist/, built first if missing) in a new
 *              process, beside a bare `node -e ''`                     target ≤ 0.3 s
 *   5. preview a template edit in `brief preview` (bundled snapshot) until the edited
 *              language's page is served with it (median)               target ≤ 300 ms
 *
 * Options: --days N (365), --sample N (days of the per-file baseline, 8 → 16 files),
 * --only help,preview,batch,single,fetch, --json FILE (the figures as JSON), --keep (keep the temp dir),
 * --workers N (compose workers of the batch's rerender; default one per core, 0 for none).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CONFIG } from '../../kernel/config.js';
import { findBrowser } from '../../renderers/pdf/find-browser.js';
import { benchBatch, benchPerFileChromium, benchPrinterAlone } from './batch.js';
import { benchCliStart } from './cli-start.js';
import { benchPreviewEdit } from './preview-edit.js';
import { writeGeneratedDays } from './days.js';
import { benchFetch } from './fetch.js';
import { mib } from './memory.js';
import { benchSingle } from './single.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TEMPLATES = join(ROOT, 'templates');
const FIRST_DAY = '2024-01-01';

const { values: args } = parseArgs({
  options: {
    days: { type: 'string', default: '365' },
    sample: { type: 'string', default: '8' },
    only: { type: 'string', default: 'help,preview,fetch,single,batch' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
    workers: { type: 'string' },
  },
});
const days = Number(args.days);
const sampleDays = Number(args.sample);
const only = new Set(args.only.split(','));
const log = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const verdict = (ratio: number, target: number) => `${ratio.toFixed(3)} × (target ≤ ${target} ×: ${ratio <= target ? 'met' : 'NOT met'})`;

async function machine() {
  const browser = await findBrowser();
  return {
    cores: availableParallelism(),
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    chromium: execFileSync(browser, ['--version'], { encoding: 'utf8' }).trim(),
    loadAverage: (await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'brief-bench-'));
  const results: Record<string, unknown> = { machine: await machine() };
  log(`machine: ${JSON.stringify(results.machine)}`);
  try {
    if (only.has('help')) {
      log('\n4. brief --help start (new process each run; medians) …');
      if (!existsSync(join(ROOT, 'dist', '.built'))) execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
      const help = benchCliStart(ROOT);
      results.help = help;
      log(
        `   from dist/ ${seconds(help.distMs)} (target ≤ 0.3 s: ${help.distMs <= 300 ? 'met' : 'NOT met'}); from the sources through tsx ${seconds(help.sourcesMs)}; bare node -e '' ${seconds(help.bareNodeMs)} (medians of ${help.runs})`,
      );
      log(
        `   CPU time: dist/ ${help.distCpuMs.toFixed(0)} ms, sources ${help.sourcesCpuMs.toFixed(0)} ms, bare node ${help.bareNodeCpuMs.toFixed(0)} ms`,
      );
    }
    if (only.has('preview')) {
      log('\n5. preview: template edit → page served with it (bundled snapshot; medians) …');
      const preview = await benchPreviewEdit(ROOT);
      results.preview = preview;
      log(
        `   ${preview.medianMs.toFixed(0)} ms (target ≤ 300 ms: ${preview.medianMs <= 300 ? 'met' : 'NOT met'}); reload event ${preview.eventMedianMs.toFixed(0)} ms; edits in ${preview.langs.join(' and ')}; runs ${preview.samplesMs.map((ms) => ms.toFixed(0)).join(', ')}`,
      );
    }
    if (only.has('fetch')) {
      log('\n3. fetch (replay server, +250 ms per response) …');
      const fetch = await benchFetch({ delayMs: 250, runs: 3 });
      results.fetch = fetch;
      log(`   ${fetch.requests} requests; longest dependent chain ${fetch.chain} → floor ${seconds(fetch.floorMs)}`);
      log(
        `   fetch ${seconds(fetch.ms)} (runs ${fetch.runsMs.map((ms) => seconds(ms)).join(', ')}; limits lifted ${seconds(fetch.unlimitedMs)})`,
      );
      log(`   ratio ${verdict(fetch.ratio, 1.25)}`);
    }
    if (only.has('single')) {
      log('\n2. one brief end to end (bundled snapshot, zh+en, md+html+pdf) …');
      const single = await benchSingle({
        snapshotFile: join(ROOT, 'snapshots', '2024-01-04.json'),
        templatesDir: TEMPLATES,
        config: DEFAULT_CONFIG,
      });
      results.single = single;
      log(
        `   end to end ${seconds(single.endToEndMs)}; floor (launch + two PDFs + close) ${seconds(single.floorMs)} (medians of ${single.runs})`,
      );
      log(`   ratio ${verdict(single.ratio, 1.3)}`);
    }
    if (only.has('batch')) {
      log(`\n1. batch re-render of ${days} generated days …`);
      const snapshotsDir = join(work, 'snapshots');
      const dates = await writeGeneratedDays(snapshotsDir, FIRST_DAY, days);
      log(`   generated ${dates.length} snapshots (${dates[0]} … ${dates.at(-1)})`);
      const batch = await benchBatch({
        snapshotsDir,
        outDir: join(work, 'out'),
        templatesDir: TEMPLATES,
        config: DEFAULT_CONFIG,
        days,
        ...(args.workers === undefined ? {} : { workers: Number(args.workers) }),
        log,
      });
      const step = Math.max(1, Math.floor(dates.length / sampleDays));
      const sample = dates.filter((_d, i) => i % step === 0).slice(0, sampleDays);
      const perFile = await benchPerFileChromium({
        snapshotsDir,
        workDir: join(work, 'per-file'),
        templatesDir: TEMPLATES,
        config: DEFAULT_CONFIG,
        dates: sample,
      });
      const printerAlone = await benchPrinterAlone(perFile.pages);
      const ratio = batch.msPerPdf / perFile.msPerFile;
      const { pages: _pages, ...perFileFigures } = perFile;
      results.batch = { ...batch, perFile: perFileFigures, printerAlone, ratio };
      const { first, last, all, windowDays } = batch.memory;
      log(
        `   ${batch.days} days, ${batch.pdfs} PDFs in ${seconds(batch.totalMs)}: ${batch.msPerPdf.toFixed(0)} ms per PDF (${batch.msPerDay.toFixed(0)} ms per day)`,
      );
      const cpu = batch.cpuPerPdf;
      log(
        `   CPU per PDF: Node ${cpu.nodeMs.toFixed(0)} ms (all threads), Chromium ${cpu.chromiumMs.toFixed(0)} ms; on ${availableParallelism()} cores at least ${((cpu.nodeMs + cpu.chromiumMs) / availableParallelism()).toFixed(0)} ms of wall time per PDF`,
      );
      log(`   per-file chromium: ${perFile.msPerFile.toFixed(0)} ms per PDF (mean of ${perFile.files} files)`);
      log(`   ratio ${verdict(ratio, 0.1)}`);
      log(
        `   printing alone (the same pages through the printer's pool, ${printerAlone.pdfs} PDFs): ${printerAlone.msPerPdf.toFixed(0)} ms per PDF = ${(printerAlone.msPerPdf / perFile.msPerFile).toFixed(3)} × the per-file command`,
      );
      log(`   peak RSS: node ${mib(all.peakNodeRss)}, chromium ${mib(all.peakChromiumRss)}, together ${mib(all.peakTotalRss)}`);
      log(
        `   first ${windowDays} days: peak ${mib(first.peakTotalRss)} (node ${mib(first.peakNodeRss)}, chromium ${mib(first.peakChromiumRss)}), mean ${mib(first.meanTotalRss)}`,
      );
      log(
        `   last ${windowDays} days:  peak ${mib(last.peakTotalRss)} (node ${mib(last.peakNodeRss)}, chromium ${mib(last.peakChromiumRss)}), mean ${mib(last.meanTotalRss)}`,
      );
      log(
        `   growth last/first (peak) ${(last.peakTotalRss / first.peakTotalRss).toFixed(3)} ×, (mean) ${(last.meanTotalRss / first.meanTotalRss).toFixed(3)} ×`,
      );
      log(`   node heap after a full GC: ${batch.heapAfterGc.map((h) => `day ${h.days} ${mib(h.bytes)}`).join(', ')}`);
    }
    if (args.json) await writeFile(args.json, `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    if (args.keep) log(`kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
