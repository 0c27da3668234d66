/**
 * A stored snapshot is replaced only by a fetch at least as complete: fetching a past day again
 * keeps the richer snapshot (and says so); an equal or richer fetch replaces it; a misnamed
 * snapshot is refused.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../kernel/config.js';
import { InputError } from '../../kernel/errors.js';
import { compareCompleteness, completeness } from '../../pipeline/fetch/keep-richer.js';
import { fetchSnapshot } from '../../pipeline/fetch/index.js';
import { loadSnapshot, serializeSnapshot } from '../../kernel/snapshot/io.js';
import { marketFallback } from '../replay/fallbacks.js';
import { FIXED_NOW, fakeEffects, serverEnv } from '../replay/harness.js';
import { startReplayServer, type ReplayServer } from '../replay/server.js';
import { runCli } from '../support/run-cli.js';

const BUNDLED = new URL('../../snapshots/2024-01-04.json', import.meta.url).pathname;
const config = ConfigSchema.parse({ etfs: { BTC: ['GBTC'] }, macro: [] });
let server: ReplayServer;

beforeAll(async () => {
  server = await startReplayServer(marketFallback(FIXED_NOW));
});
afterAll(() => server.close());

describe('completeness', () => {
  it('counts series and points per family and names what a poorer fetch loses', async () => {
    const stored = await loadSnapshot(BUNDLED);
    const funding = completeness(stored).find((c) => c.family === 'funding')!;
    expect(funding.series).toBe(stored.funding.length);
    const poorer = { ...stored, funding: stored.funding.slice(1) };
    expect(compareCompleteness(stored, poorer)).toEqual({
      richer: false,
      losses: [`funding ${stored.funding.length} → ${stored.funding.length - 1} series`],
    });
    expect(compareCompleteness(poorer, stored)).toEqual({ richer: true, losses: [] });
    expect(compareCompleteness(stored, stored)).toEqual({ richer: true, losses: [] });
  });
});

describe('fetching a day that is already stored', () => {
  const fetchInto = (outDir: string, now = FIXED_NOW) =>
    fetchSnapshot({ date: '2024-01-04', assets: ['BTC'], config, outDir, effects: { ...fakeEffects(serverEnv(server), now) } });

  it('keeps the stored snapshot when the new fetch has less (a past day fetched again), and says why', async () => {
    const out = mkdtempSync(join(tmpdir(), 'keep-richer-'));
    server.reset();
    const first = await fetchInto(out); // just after the day: current-only endpoints answer for it
    const before = readFileSync(first.file, 'utf8');
    server.reset();
    const logs: string[] = [];
    const later = await fetchSnapshot({
      date: '2024-01-04',
      assets: ['BTC'],
      config,
      outDir: out,
      effects: { ...fakeEffects(serverEnv(server), FIXED_NOW + 3 * 86_400_000), log: (l: string) => logs.push(l) },
    });
    expect(later.kept).toBeDefined();
    expect(later.kept!.join('; ')).toMatch(/series/);
    expect(later.snapshot.generatedAt).toBe(first.snapshot.generatedAt);
    expect(readFileSync(first.file, 'utf8')).toBe(before);
    expect(logs.some((l) => l.startsWith(`kept ${first.file}: the new fetch is less complete (`))).toBe(true);
  });

  it('replaces it with a fetch at least as complete, and replaces an unreadable one', async () => {
    const out = mkdtempSync(join(tmpdir(), 'keep-richer-'));
    server.reset();
    const first = await fetchInto(out);
    const poorer = { ...first.snapshot, funding: [], generatedAt: '2024-01-04T16:01:00.000Z' };
    writeFileSync(first.file, serializeSnapshot(poorer));
    server.reset();
    const again = await fetchInto(out);
    expect(again.kept).toBeUndefined();
    expect(readFileSync(first.file, 'utf8')).toBe(serializeSnapshot(first.snapshot));
    writeFileSync(first.file, '{"truncated": ');
    server.reset();
    expect((await fetchInto(out)).kept).toBeUndefined();
    expect(readFileSync(first.file, 'utf8')).toBe(serializeSnapshot(first.snapshot));
  });
});

describe('a snapshot named for another day', () => {
  it('is refused with its file named (exit 2), so it cannot overwrite that day', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'misnamed-'));
    const misnamed = join(dir, '2024-01-05.json');
    copyFileSync(BUNDLED, misnamed);
    const error = await loadSnapshot(misnamed).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(2);
    expect((error as Error).message).toBe(
      `${misnamed}: is named for 2024-01-05 but holds the snapshot of 2024-01-04; rename it to 2024-01-04.json or fetch 2024-01-05 again`,
    );
    // rerender refuses it and writes nothing: the 2024-01-04 briefs are not overwritten.
    const out = join(dir, 'out');
    const rerender = await runCli(['rerender', '--snapshots', dir, '--out', out, '--format', 'md']);
    expect(rerender.code).toBe(2);
    expect(rerender.stderr).toContain('2024-01-05.json: is named for 2024-01-05 but holds the snapshot of 2024-01-04');
    expect(existsSync(out)).toBe(false);
    // Any other name is a user's own copy: loaded as it is.
    copyFileSync(BUNDLED, join(dir, 'copy.json'));
    expect((await loadSnapshot(join(dir, 'copy.json'))).date).toBe('2024-01-04');
  });
});
