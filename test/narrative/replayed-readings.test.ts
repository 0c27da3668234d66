/**
 * What the scheduled run's day (replayed, 4 January 2024: no desk notes) reads from its data, and
 * where the same readings stay silent:
 * - the funding bullet's negative settlements: told where the running rate is back above zero but
 *   both later settlements were negative on every venue; not where the bullet already says
 *   negative (5 August) or where one venue alone dipped (the bundled day);
 * - a single fund's own session (GBTC before the spot ETFs), beside the asset between the same two US closes;
 * - DVOL's spike that faded: 56.2 open, 65.4 at 01:00, 56.9 close (gave back 93 % of the rise),
 *   and the bulls' point it makes on a fall;
 * - the coins closed in the slide: 78,009 → 70,949 over the day, 77,855 → 73,231 over 01:00–04:00
 *   (4,624 of 7,060, 65 %); the bundled day's 81 %; 5 August's 17 % says nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import { REPLAYED_CASE } from '../golden/cases.js';
import { loadCase, markdownOf, render, ROOT } from './brief-cases.js';

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});
const line = (md: string, start: string) => md.split('\n').find((l) => l.startsWith(start)) ?? '';
const replayed = (lang: 'zh' | 'en') =>
  render(loadCase({ name: REPLAYED_CASE.name, snapshotFile: join(ROOT, REPLAYED_CASE.snapshot) }), lang, templates).markdown;

describe('negative settlements in the funding bullet', () => {
  it('replayed: 08:00 and 16:00 negative on all three venues, lowest Binance −0.0077 %, none since the history began (5 December)', () => {
    // The label is the bullet's news; the gauges paragraph reads it with the rest.
    expect(line(replayed('zh'), '● **资金费率短暂转负**')).not.toBe('');
    expect(line(replayed('en'), '● **Funding:** briefly negative —')).not.toBe('');
    expect(replayed('zh')).toContain('资金费率虽有回落、日内结算一度转负，但当期费率已重回正值');
    expect(line(replayed('zh'), '● **资金费率')).toContain(
      '不过，当日 08:00 和 16:00 的结算中，Binance、OKX 和 Bybit 的费率均为负值（最低为 Binance 08:00 的 −0.0077%），为 12 月 5 日（数据起点）以来首次出现负费率结算，空头一度向多头支付资金费；当期费率已重回正值。',
    );
    expect(line(replayed('en'), '● **Funding:**')).toContain(
      'At the 08:00 and 16:00 settlements, though, funding was negative on Binance, OKX and Bybit (as low as −0.0077% on Binance at 08:00), the first negative settlements in data going back to 5 December; the current period is back above zero.',
    );
  });

  it('5 August: every settlement negative, but the bullet already says funding is negative — no second sentence', () => {
    expect(line(markdownOf('crash-2024-08-05', 'zh', templates), '● **资金费率')).not.toContain('结算中');
    expect(line(markdownOf('crash-2024-08-05', 'en', templates), '● **Funding:**')).not.toContain('settlements, though');
  });

  it('bundled day: OKX alone settled negative at 16:00 — not every venue', () => {
    expect(line(markdownOf('bundled-2024-01-04', 'zh', templates), '● **')).not.toContain('结算中');
    expect(markdownOf('bundled-2024-01-04', 'zh', templates)).not.toContain('首次出现负费率结算');
  });

  it('GBTC, a single fund: 41.39 → 38.16 (−7.8 %) beside BTC between the same two US closes, 45,732.4 → 42,170.8 (−7.8 %)', () => {
    // BTC's hourly closes at 21:00 UTC (16:00 EST) on 2 and 3 January, not its UTC day (−6.1 %):
    // like for like, the trust tracked bitcoin.
    expect(line(replayed('zh'), '● **基金成交')).toContain('；GBTC 当日收于 38.16 美元，下跌 7.8%，BTC 同期（按美股收盘计）下跌 7.8%。');
    expect(line(replayed('en'), '● **Fund volume:**')).toContain(
      '; GBTC closed down 7.8% at $38.16, as BTC fell 7.8% from US close to US close.',
    );
    // Bundled: GBTC 39.57 → 36.40 (−8.0 %) while BTC went 44,925.75 → 42,794.87 (−4.7 %): the trust fell further.
    expect(line(markdownOf('bundled-2024-01-04', 'zh', templates), '● **基金成交')).toContain(
      'GBTC 当日收于 36.40 美元，下跌 8.0%；BTC 同期（按美股收盘计）下跌 4.7%，放量更可能来自调仓与对冲',
    );
    // Several funds: no one fund's move (they track the asset together).
    expect(line(markdownOf('crash-2024-08-05', 'en', templates), '● **ETF volume:**')).not.toContain('closed down');
  });

  it('DVOL: 56.2 → 65.4 at 01:00 (+16 %) → 56.9, the close 8.6 of 9.2 points back: a spike that faded', () => {
    expect(line(replayed('zh'), '● **波动率')).toContain('（日内区间 55.3—65.4，01:00 冲高后回落）');
    expect(line(replayed('en'), '● **Implied volatility:**')).toContain('(range 55.3–65.4, a spike at 01:00 that faded)');
    expect(replayed('zh')).toContain('；DVOL 隐含波动率盘中冲高至 65.4，至收盘回落至 56.9，期权市场的恐慌定价已大体消退');
    expect(replayed('en')).toContain('; DVOL spiked to 65.4 but closed at 56.9, most of the spike gone');
    // 5 August: 61.3 → 93.4 → 71.2 gave back 69 % of the rise, short of 75 %: the peak alone, no bull point.
    expect(line(markdownOf('crash-2024-08-05', 'en', templates), '● **Implied volatility:**')).toContain('(peak 93.4),');
    expect(markdownOf('crash-2024-08-05', 'en', templates)).not.toContain('most of the spike gone');
  });

  it('open interest: most of the coins closed went in the slide (replayed 65 %, bundled 81 %), not on 5 August (17 %)', () => {
    expect(line(replayed('zh'), '● **持仓')).toContain('按持仓币数计减少 9.1%，其中六成以上的减少发生在 01:00—04:00 的急跌时段，');
    expect(line(replayed('en'), '● **Open interest:**')).toContain(
      '; over three-fifths of the drop in coins came in the 01:00–04:00 slide.',
    );
    expect(line(markdownOf('bundled-2024-01-04', 'zh', templates), '● **持仓')).toContain(
      '其中八成以上的减少发生在 03:00—06:00 的急跌时段',
    );
    expect(line(markdownOf('crash-2024-08-05', 'zh', templates), '● **持仓')).not.toContain('急跌时段');
  });
});
