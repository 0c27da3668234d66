/**
 * The data-gap list says exactly what is missing and why: the tickers that had no data (not the
 * whole ETF family), a stream collector that was not running (not a missing key), a family no
 * source supplies (not "not available" twice), and a missing API key as such.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../pipeline/analysis/index.js';
import { composeBrief, loadTemplates, renderBriefMarkdown, type BriefModel } from '../../pipeline/narrative/index.js';
import { gapReason } from '../../pipeline/narrative/names.js';
import type { Gap, Snapshot } from '../../kernel/snapshot/index.js';
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

describe('data note for readers', () => {
  it('keeps the technical list in the model input, one entry per cause, for stderr and the JSON', () => {
    // The snapshot's gaps are untouched: `brief render` prints them on stderr (report-gaps.ts).
    expect(gappySnapshot().gaps.map((g) => g.family)).toEqual(['etfs', 'etfs', 'whaleTransfers', 'liquidations']);
  });

  it('names only what the reader misses: never a family the body prints from another source', async () => {
    const templates = await loadTemplates();
    const zh = compose('zh');
    // ETF volume (GBTC), whale transfers (Blockchair) and liquidations (Coinglass) are printed
    // from other sources; only exchange flows, which nothing supplied, are missing. Spot-ETF flows
    // on 4 January 2024, a week before the first spot-ETF session, did not exist: not a gap, even
    // though this cut-down snapshot fetched none (spot-etfs.ts).
    expect(zh.gaps).toEqual([{ what: '交易所链上流入流出', why: '截至发稿未能获取', notApplicable: false, absent: true }]);
    const zhNote = renderBriefMarkdown(zh, templates)
      .split('\n')
      .find((l) => l.startsWith('**数据说明**'))!;
    expect(zhNote).toBe('**数据说明**：截至发稿，交易所链上流入流出未能获取，未纳入本文分析，不代表其数值为零。');
    const enNote = renderBriefMarkdown(compose('en'), templates)
      .split('\n')
      .find((l) => l.startsWith('**Data note:**'))!;
    expect(enNote).toBe(
      '**Data note:** exchange on-chain flows could not be obtained by publication time and are left out of this brief (a missing figure is not a zero).',
    );
  });

  it('groups what is missing into one sentence, with the venue, and no endpoint, code or internal message', async () => {
    const snapshot = gappySnapshot();
    snapshot.volatility = [];
    snapshot.gaps.push(
      {
        family: 'volatility',
        source: 'deribit',
        asset: 'BTC',
        kind: 'BadResponse',
        reason:
          'deribit GET /api/v2/public/get_volatility_index_data?currency=BTC: 404 Not Found — upstream said "resolution must be one of 1, 60, 3600, 43200, 1D" at 2024-01-0',
        endpoint: 'GET /api/v2/public/get_volatility_index_data',
      },
      // The same cause again (a retry): said once.
      {
        family: 'volatility',
        source: 'deribit',
        asset: 'BTC',
        kind: 'BadResponse',
        reason: 'deribit GET /api/v2/public/get_volatility_index_data?currency=BTC: 404 Not Found',
        endpoint: 'GET /api/v2/public/get_volatility_index_data',
      },
      // An asset the brief does not cover: not named.
      { family: 'etfFlows', source: 'coinglass', asset: 'SOL', kind: 'empty', reason: 'coinglass: empty' },
    );
    const templates = await loadTemplates();
    const model = composeBrief({
      snapshot,
      findings: analyze(snapshot, TEST_CONFIG.thresholds),
      lang: 'zh',
      config: TEST_CONFIG,
      charts: CHARTS,
    });
    const note = renderBriefMarkdown(model, templates)
      .split('\n')
      .find((l) => l.startsWith('**数据说明**'))!;
    expect(note).toBe(
      '**数据说明**：截至发稿，交易所链上流入流出和 Deribit BTC 隐含波动率指数未能获取，未纳入本文分析，不代表其数值为零。',
    );
    expect(note).not.toMatch(/\/api|404|resolution|SOL|…/);
  });
});

describe('a day whose liquidation figures are all sampled floors (no keys, 24 April 2024: Coinglass not configured)', () => {
  it('names the market-wide total as missing, and says every liquidation figure is a floor ("only", not "part of")', async () => {
    const templates = await loadTemplates();
    const loaded = loadCase(CASES.find((c) => c.name === 'nokeys-2024-04-24')!);
    const note = (lang: 'zh' | 'en'): string =>
      renderBriefMarkdown(composeBrief({ ...loaded, lang, config: TEST_CONFIG, charts: CHARTS }), templates)
        .split('\n')
        .find((l) => /^\*\*(数据说明|Data note)/.test(l))!;
    expect(note('zh')).toBe(
      '**数据说明**：截至发稿，ETF 资金流向、交易所链上流入流出和全网清算总额未能获取，未纳入本文分析，不代表其数值为零。本文清算数据均来自交易所强平推送（每个交易对每秒至多推送一笔），为抽样下限，实际清算总额可能更高。',
    );
    expect(note('en')).toBe(
      '**Data note:** ETF flows, exchange on-chain flows and the market-wide liquidation total could not be obtained by publication time and are left out of this brief (a missing figure is not a zero). The liquidation figures here come only from exchange feeds that push at most one order per symbol per second, so they are a floor and the real total may be higher.',
    );
  });
});

describe('gapReason', () => {
  const cause = (gapKind: string, reason: string, source = 'binance', family = 'prices') => ({ gapKind, reason, source, family });
  it('keeps the HTTP status of the response, never a number in the text, and never prints raw error text in zh', () => {
    const limited = cause('RateLimitExceeded', 'binance GET /api/v3/klines: 429 Too Many Requests');
    expect(gapReason({ ...limited, status: 429 }, 'zh')).toBe('429 接口限流');
    // A status in the message text alone (a price in an HTML page, say) is not taken for one.
    expect(gapReason(limited, 'zh')).toBe('接口限流');
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
