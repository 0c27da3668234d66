/**
 * When Binance refuses the region (451) and OKX spot candles stand in, the brief names the
 * substitute ("BTC 现货价格取自 OKX（Binance 不可用）") instead of calling the prices missing,
 * and the gap keeps the response's status (451) for stderr.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { main } from '../../pipeline/cli/main.js';
import { DEFAULT_CONFIG } from '../../kernel/config.js';
import { fetchSnapshot } from '../../pipeline/fetch/index.js';
import { marketFallback } from '../replay/fallbacks.js';
import { FIXED_NOW, fakeEffects, serverEnv } from '../replay/harness.js';
import { startReplayServer } from '../replay/server.js';

it('the OKX spot fallback is named in the data note, in zh and en', async () => {
  const market = await startReplayServer(marketFallback(FIXED_NOW));
  const out = await mkdtemp(join(tmpdir(), 'spot-fallback-'));
  const restricted = { status: 451, json: { code: 0, msg: 'Service unavailable from a restricted location' } };
  market.addScenario({ provider: 'binance', steps: Array.from({ length: 4 }, () => restricted) });
  let file: string;
  try {
    const result = await fetchSnapshot({
      date: '2024-01-04',
      assets: ['BTC'],
      config: DEFAULT_CONFIG,
      outDir: out,
      effects: fakeEffects(serverEnv(market)),
    });
    file = result.file;
    expect(result.gaps.filter((g) => g.source === 'binance').map((g) => [g.kind, g.status, g.check])).toEqual([
      ['fallback', 451, { name: 'spot-fallback', substitute: 'okx' }],
    ]);
  } finally {
    await market.close();
  }
  const code = await main(['render', file, '--format', 'md', '--out', join(out, 'briefs')], {
    env: { PATH: process.env.PATH ?? '' },
    cwd: out,
    stdout: () => {},
    stderr: () => {},
  });
  expect(code).toBe(0);
  const zh = await readFile(join(out, 'briefs', '2024-01-04', 'zh.md'), 'utf8');
  const en = await readFile(join(out, 'briefs', '2024-01-04', 'en.md'), 'utf8');
  expect(zh).toContain('BTC 现货价格取自 OKX（Binance 不可用）');
  expect(en).toContain('BTC spot prices: taken from OKX (Binance unavailable)');
  expect(en).not.toMatch(/BTC spot prices[^;.]*could not be obtained/);
}, 120_000);
