/**
 * The data-gap list says exactly what is missing and why: the tickers that had no data (not the
 * whole ETF family), a stream collector that was not running (not a missing key), a family no
 * source supplies (not "not available" twice), and a missing API key as such.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../pipeline/analysis/index.js';
import { composeBrief, loadTemplates, renderBriefMarkdown, type BriefModel } from '../../pipeline/narrative/index.js';
import { gapReason } from '../../pipeline/narrative/names.js';
import type { Gap, Snapshot } from '../../pipeline/snapshot/index.js';
import { CASES, CHARTS, loadCase, TEST_CONFIG } from './brief-cases.js';

const yahooEmpty = (ticker: string): Gap => ({
  family: 'etfs',
  source: 'yahoo',
  asset: 'BTC',
  kind: 'empty',
  reason: `yahoo GET /v8/finance/chart/${ticker}: no data for ${ticker} (no trading days in range)`,
  endpoint: `GET /v8/finance/chart/${ticker}`,
});

/** The bundled day as a fetch with gaps would leave it (the replayed fixture's gaps). */
function gappySnapshot(): Snapshot {
  const snapshot = structuredClone(loadCase(CASES[0]!).snapshot);
  snapshot.exchangeFlows = [];
  snapshot.gaps = [
    yahooEmpty('IBIT'),
    yahooEmpty('BITB'),
    {
      family: 'whaleTransfers',
      source: 'whale-alert',
      kind: 'not-configured',
      reason: 'whale-alert: no API key (set WHALE_ALERT_API_KEY to use it)',
    },
    {
      family: 'liquidations',
      source: 'collector',
      kind: 'not-configured',
      reason: 'no liquidation events collected for 2024-01-04 (run `brief collect` during the day)',
    },
  ];
  return snapshot;
}

function compose(lang: 'zh' | 'en'): BriefModel {
  const snapshot = gappySnapshot();
  return composeBrief({ snapshot, findings: analyze(snapshot, TEST_CONFIG.thresholds), lang, config: TEST_CONFIG, charts: CHARTS });
}

describe('data gaps', () => {
  it('names the tickers that had no data, once, with the reason', () => {
    const etf = compose('zh').gaps.find((g) => g.what.includes('IBIT'));
    expect(etf).toEqual({
      // The model joins with 和; the zh renderer spaces Han and Latin ("IBIT 和 BITB").
      what: 'ETF IBIT和BITB 的成交数据',
      source: 'Yahoo Finance',
      why: '区间内无交易记录',
      notApplicable: false,
      absent: false,
    });
    expect(compose('en').gaps.find((g) => g.what.includes('IBIT'))?.what).toBe('ETF trading data for IBIT and BITB');
  });

  it('says the collector was not running, and that no source supplies exchange flows', () => {
    const zh = compose('zh').gaps;
    expect(zh.find((g) => g.source === '交易所强平推送')?.why).toBe('采集程序当日未运行');
    expect(zh.find((g) => g.what === '交易所链上流入流出')).toEqual({
      what: '交易所链上流入流出',
      why: '尚未接入免费公开的数据源',
      notApplicable: false,
      absent: true,
    });
    expect(zh.find((g) => g.source === 'Whale Alert')?.why).toBe('未配置 API 密钥');
  });

  it('reads naturally in both languages, without a doubled phrase', async () => {
    const templates = await loadTemplates();
    const zh = renderBriefMarkdown(compose('zh'), templates);
    const en = renderBriefMarkdown(compose('en'), templates);
    const zhNote = zh.split('\n').find((l) => l.startsWith('**数据说明**'))!;
    expect(zhNote).toContain('ETF IBIT 和 BITB 的成交数据截至发稿未能获取（Yahoo Finance，区间内无交易记录）');
    expect(zhNote).toContain('交易所链上流入流出未纳入本期数据（尚未接入免费公开的数据源）');
    expect(zhNote).toContain('清算数据截至发稿未能获取（交易所强平推送，采集程序当日未运行）');
    expect(zhNote).not.toMatch(/截至发稿.*（截至发稿/);
    expect(zhNote).not.toContain('现货 ETF 成交数据');
    const enNote = en.split('\n').find((l) => l.startsWith('**Data note:**'))!;
    expect(enNote).toContain('exchange on-chain flows: not covered (no free public source is connected)');
    expect(enNote).toContain(
      'liquidation data: not available at the time of writing (exchange liquidation feeds, the stream collector was not running)',
    );
  });
});

describe('gapReason', () => {
  const cause = (gapKind: string, reason: string, source = 'binance', family = 'prices') => ({ gapKind, reason, source, family });
  it('keeps an HTTP status and never prints raw error text in zh', () => {
    expect(gapReason(cause('RateLimitExceeded', 'binance GET /api/v3/klines: 429 Too Many Requests'), 'zh')).toBe('429 接口限流');
    expect(gapReason(cause('SomethingNew', 'socket hang up'), 'zh')).toBe('未能获取');
  });
  it('tells a missing key from a collector that did not run', () => {
    expect(gapReason(cause('not-configured', 'coinglass: no API key (set COINGLASS_API_KEY)', 'coinglass'), 'en')).toBe(
      'no API key configured',
    );
    expect(gapReason(cause('not-configured', 'no liquidation events collected', 'collector'), 'en')).toBe(
      'the stream collector was not running',
    );
    expect(gapReason(cause('not-configured', 'disabled in the configuration', 'okx'), 'en')).toBe('no source or key configured');
  });
  it('explains an absent family without repeating "not available"', () => {
    expect(gapReason(cause('absent', 'no data in the snapshot and no recorded gap', 'snapshot', 'volatility'), 'zh')).toBe(
      '快照中无此数据',
    );
  });
});
