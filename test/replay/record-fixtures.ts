/**
 * Regenerates test/fixtures/replay/2024-01-04: runs the real `fetchSnapshot` with `--record`
 * against the fake market (test/replay/market.ts) at the fixed clock, so the fixtures are the
 * exact bytes such a run receives. Run: `npx tsx test/replay/record-fixtures.ts`.
 * (The golden snapshot, test/golden/cases/replayed-2024-01-04/snapshot.json, and the briefs
 * rendered from it are then refreshed with
 * `UPDATE_GOLDEN=1 npx vitest run test/sources/fetch-e2e.test.ts test/golden`.)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG } from '../../kernel/config.js';
import { fetchSnapshot } from '../../pipeline/fetch/index.js';
import { marketFallback } from './fallbacks.js';
import { FAKE_KEYS, FIXED_NOW, GOLDEN_DATE, fakeEffects, serverEnv } from './harness.js';
import { startReplayServer } from './server.js';

export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'replay', GOLDEN_DATE);
export const GOLDEN_ASSETS = ['BTC'];

async function main(): Promise<void> {
  const server = await startReplayServer(marketFallback(FIXED_NOW));
  const out = await mkdtemp(join(tmpdir(), 'record-'));
  try {
    await rm(FIXTURE_DIR, { recursive: true, force: true });
    const result = await fetchSnapshot({
      date: GOLDEN_DATE,
      assets: GOLDEN_ASSETS,
      config: DEFAULT_CONFIG,
      outDir: out,
      record: FIXTURE_DIR,
      effects: fakeEffects(serverEnv(server, FAKE_KEYS)),
    });
    process.stdout.write(`recorded ${server.requests.length} responses into ${FIXTURE_DIR} (${result.gaps.length} gaps)\n`);
  } finally {
    await server.close();
    await rm(out, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
