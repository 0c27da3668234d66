/**
 * The OKX outage scenario (14 May 2024, UTC+8): every OKX endpoint answered 503. Its series are
 * absent, the cross-venue figures add up Binance and Bybit and say so, and the data note names
 * what the reader misses.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import { windowStats } from '../fixtures/scenarios/checks.js';
import { CASES, loadCase, render, type LoadedCase } from '../narrative/brief-cases.js';
import { series, spot, sumBetween } from './helpers.js';

let loaded: LoadedCase;
let templates: TemplateSet;
beforeAll(async () => {
  loaded = loadCase(CASES.find((c) => c.name === 'outage-2024-05-14')!);
  templates = await loadTemplates();
});
const plain = (md: string) => md.replace(/\[\^\d+\]/g, '');

describe('outage-2024-05-14', () => {
  it('BTC ranges 61,152.4–63,184.7 and closes −2.3 %', () => {
    const w = windowStats(spot(loaded.snapshot, 'BTC', '1h'), loaded.snapshot.window);
    expect([w.low, w.high, w.close]).toEqual([61_152.4, 63_184.7, 61_486.4]);
    // 61,486.4 / 62,910.2 − 1 = −0.022632
    expect(w.close / w.prevClose - 1).toBeCloseTo(-0.022632, 5);
  });

  it('holds no OKX series and one 503 gap per OKX task', () => {
    const s = loaded.snapshot;
    for (const list of [s.perpetuals, s.funding, s.openInterest]) expect(list.some((x) => x.venue === 'okx')).toBe(false);
    expect(s.gaps.map((g) => `${g.source}/${g.family}/${g.status}`)).toEqual([
      'okx/perpetuals/503',
      'okx/perpetuals/503',
      'okx/funding/503',
      'okx/openInterest/503',
      'okx/liquidations/503',
    ]);
  });

  it('sums open interest and volume over Binance and Bybit only, and says so', () => {
    const s = loaded.snapshot;
    const at = (venue: string, when: (t: number) => boolean) =>
      s.openInterest
        .find((o) => o.venue === venue)!
        .history.filter((p) => when(p.time))
        .at(-1)!;
    // The start of the day is the point at 00:00 (UTC+8); the end the last point before the window ends.
    const start = (venue: string) => at(venue, (t) => t <= s.window.start);
    const end = (venue: string) => at(venue, (t) => t < s.window.end);
    // Dollars: (4,780.8 + 3,070.1) / (4,868.5 + 3,139.2) − 1 = 7,850.9 / 8,007.6 − 1 = −1.96 %.
    const prior = start('binance').oiUsd + start('bybit').oiUsd;
    const now = end('binance').oiUsd + end('bybit').oiUsd;
    expect(prior / 1e9).toBeCloseTo(8.0076, 4);
    expect(now / 1e9).toBeCloseTo(7.8509, 4);
    // Coins held: (77,464.6 + 49,745.7) / (77,387.5 + 49,899.4) − 1 = 127,210.2 / 127,286.9 − 1 = −0.06 %:
    // the dollars fell with the price, the positions did not.
    const coins = (p: { oiBase?: number }) => p.oiBase!;
    const coinChange = (coins(end('binance')) + coins(end('bybit'))) / (coins(start('binance')) + coins(start('bybit'))) - 1;
    expect(coinChange).toBeCloseTo(-0.0006, 4);
    const qv = (venue: string) => sumBetween(series(s.perpetuals, venue, 'BTCUSDT', '1h').candles, s.window.start, s.window.end, 'qv');
    // 6.3608 + 2.4112 = 8.772 billion
    expect((qv('binance') + qv('bybit')) / 1e9).toBeCloseTo(8.772, 3);

    const en = plain(render(loaded, 'en', templates).markdown);
    const zh = plain(render(loaded, 'zh', templates).markdown);
    const oi = en.split('\n').find((l) => l.startsWith('● **Open interest:**'))!;
    expect(oi).toContain(
      'on Binance and Bybit fell to $7.85 billion from $8.01 billion at the start of the day, summed across venues; in coins it was little changed (−0.1%; Binance \\+0.1%, Bybit −0.3%). Positions barely moved.',
    );
    expect(oi).not.toContain('OKX');
    expect(en).toContain('$8.77 billion across Binance and Bybit');
    expect(en).toContain(
      '**Data note:** OKX BTC funding rates, OKX BTC open interest and OKX BTC perpetual-swap prices could not be obtained by publication time',
    );
    expect(zh).toContain('**数据说明**：截至发稿，OKX BTC 资金费率、OKX BTC 未平仓合约和 OKX BTC 永续合约行情未能获取');
    // No endpoint, status or internal message reaches the reader.
    expect(en).not.toMatch(/503|\/api\/v5|ExchangeNotAvailable/);
  });
});
