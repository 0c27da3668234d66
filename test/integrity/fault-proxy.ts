/**
 * A fault-injecting loopback server in front of the recorded 2024-01-04 responses: every request
 * is answered with the recorded bytes, except where a fault rewrites one response (one value, one
 * candle, one status) — the data problems a transport-fault battery never produces. Then the real
 * fetch (over sockets) and the real `brief render` (in-process main) run on it.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Snapshot } from '../../kernel/snapshot/schema.js';
import { recordingsFallback } from '../replay/fallbacks.js';
import { FAKE_KEYS, FIXED_NOW, GOLDEN_DATE, serverEnv } from '../replay/harness.js';
import { FIXTURE_DIR, GOLDEN_ASSETS } from '../replay/record-fixtures.js';
import { startReplayServer, type Step } from '../replay/server.js';

/** Rewrites one recorded response: return a new step, or undefined to leave it. */
export type Fault = (provider: string, path: string, query: URLSearchParams, recorded: Step) => Step | undefined;

export interface FaultRun {
  fetchCode: number;
  fetchStderr: string;
  snapshot?: Snapshot;
  renderCode?: number;
  stderr: string;
  zh: string;
  en: string;
}

/** Binance spot klines (as recorded) → rows, and back. */
export type KlineRow = [number, string, string, string, string, ...unknown[]];
export function mapKlines(step: Step, map: (rows: KlineRow[]) => KlineRow[]): Step {
  return { ...step, body: JSON.stringify(map(JSON.parse(step.body!) as KlineRow[])) };
}

export function scale(value: string, factor: number): string {
  return String(Number(value) * factor);
}

/**
 * `brief fetch` for 2024-01-04 through the faulty server (clock fixed just after the day, the
 * collector's folder `collected`), then `brief render` to Markdown in zh and en: the real command
 * line, in-process.
 */
export async function runWithFault(fault: Fault, options: { collected?: string; strict?: boolean } = {}): Promise<FaultRun> {
  const recorded = recordingsFallback(FIXTURE_DIR);
  const server = await startReplayServer((provider, path, query) => {
    const step = recorded(provider, path, query)!;
    return fault(provider, path, query, step) ?? step;
  });
  const out = await mkdtemp(join(tmpdir(), 'fault-'));
  const { main } = await import('../../pipeline/cli/main.js');
  const run: FaultRun = { fetchCode: 0, fetchStderr: '', stderr: '', zh: '', en: '' };
  const cli = (err: string[]) => ({
    env: { PATH: process.env.PATH ?? '', ...serverEnv(server, FAKE_KEYS) },
    cwd: out,
    now: () => FIXED_NOW,
    stdout: () => {},
    stderr: (t: string) => err.push(t),
  });
  const strict = options.strict ? ['--strict'] : [];
  try {
    const fetchErr: string[] = [];
    run.fetchCode = await main(
      [
        'fetch',
        '--date',
        GOLDEN_DATE,
        '--assets',
        GOLDEN_ASSETS.join(','),
        '--snapshots',
        'snapshots',
        '--collected',
        options.collected ?? 'none',
        ...strict,
      ],
      cli(fetchErr),
    );
    run.fetchStderr = fetchErr.join('');
  } finally {
    await server.close();
  }
  const file = join(out, 'snapshots', `${GOLDEN_DATE}.json`);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return run;
  run.snapshot = JSON.parse(text) as Snapshot;
  const err: string[] = [];
  run.renderCode = await main(['render', file, '--lang', 'zh,en', '--format', 'md', '--out', 'rendered', ...strict], cli(err));
  run.stderr = err.join('');
  const read = (lang: string) => readFile(join(out, 'rendered', GOLDEN_DATE, `${lang}.md`), 'utf8').catch(() => '');
  run.zh = await read('zh');
  run.en = await read('en');
  return run;
}

/** The headline and the lead: the Markdown before the first chart or section. */
export function headAndLead(markdown: string): string {
  return markdown.split(/\n!\[|\n## /)[0]!;
}

/** The data note paragraph. */
export function dataNote(markdown: string): string {
  return /^\*\*(?:Data note|数据说明)[:：]?\*\*.*$/m.exec(markdown)?.[0] ?? '';
}
