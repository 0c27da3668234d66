import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../kernel/config.js';
import { providerSummary, startLine, withRequestTimeout } from '../../pipeline/cli/fetch-report.js';
import type { Gap } from '../../kernel/snapshot/schema.js';
import { runCli } from '../support/run-cli.js';

describe('fetch report lines', () => {
  it('a start line, then one line per provider with its gaps counted', () => {
    expect(startLine('2024-01-04', ['BTC', 'ETH'], 'Asia/Shanghai', ['binance', 'okx'], 15_000)).toBe(
      'fetch: 2024-01-04 (Asia/Shanghai) for BTC, ETH from 2 providers; each request waits at most 15 s',
    );
    const gap = (source: string, family: string, kind: string, asset?: string) =>
      ({ source, family, kind, reason: 'r', ...(asset ? { asset } : {}) }) as Gap;
    expect(
      providerSummary(
        ['binance', 'yahoo', 'coinglass'],
        [gap('yahoo', 'etfs', 'empty', 'BTC'), gap('yahoo', 'etfs', 'empty', 'BTC'), gap('coinglass', 'etfFlows', 'not-configured')],
      ),
    ).toEqual(['fetch: binance ok', 'fetch: yahoo 2 gaps: etfs (BTC) empty ×2', 'fetch: coinglass 1 gap: etfFlows not-configured']);
  });

  it('--timeout sets every provider’s per-request deadline and keeps their other settings', () => {
    const config = { ...DEFAULT_CONFIG, providers: { okx: { enabled: false, concurrency: 2 } } };
    const out = withRequestTimeout(config, ['binance', 'okx'], 5000);
    expect(out.providers).toEqual({
      binance: { enabled: true, timeoutMs: 5000 },
      okx: { enabled: false, concurrency: 2, timeoutMs: 5000 },
    });
  });

  it('brief fetch prints its start line first and a per-provider summary (replayed day)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brief-fetch-ux-'));
    const run = await runCli(
      ['fetch', '--date', '2024-01-04', '--replay', 'test/fixtures/replay/2024-01-04', '--snapshots', dir, '--collected', join(dir, 'c')],
      {
        env: { WHALE_ALERT_API_KEY: '', COINGLASS_API_KEY: '' },
      },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${join(dir, '2024-01-04.json')}\n`);
    const lines = run.stderr.split('\n');
    expect(lines[0]).toBe('fetch: 2024-01-04 (Asia/Shanghai) for BTC from 9 providers; each request waits at most 15 s');
    expect(lines).toContain('fetch: binance ok');
    expect(lines).toContain('fetch: coinglass 2 gaps: liquidations not-configured; etfFlows not-configured');
    const bad = await runCli(['fetch', '--timeout', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('expected seconds, more than 0 and at most 600');
  }, 120_000);
});
