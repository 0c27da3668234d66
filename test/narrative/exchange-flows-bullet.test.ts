/**
 * The editor's findings on the exchange-flow bullet (Whale Alert transfers to and from exchanges)
 * and its readings, asserted on the rendered sentences of the corpus days and, where no corpus day
 * has the other case, on a day adjusted in the test:
 * - the peak's multiple names the baseline the finding used: the day's median hour
 *   (`baselineFrom: "window-median"`, every corpus day) or the mean of the days before;
 * - the bullet says once what Whale Alert counts, from the series' own request (`min_value`);
 * - no exchange reserves (存量) and no "继续" from a day's net outflow in large transfers;
 * - after a reversal (an inflow spike, then net outflows) the reading gives both halves and no
 *   reading says sellers are not done.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FindingOf } from '../../pipeline/analysis/index.js';
import { countEnWords } from '../../pipeline/check/length.js';
import { loadTemplates, type TemplateSet } from '../../pipeline/narrative/index.js';
import { CASES, loadCase, render, type LoadedCase, markdownOf } from './brief-cases.js';

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

const md = (name: string, lang: 'zh' | 'en', edit?: (l: LoadedCase) => void): string => markdownOf(name, lang, templates, edit);
const flowsOf = (l: LoadedCase): FindingOf<'exchange_flows'> | undefined =>
  l.findings.findings.find((f): f is FindingOf<'exchange_flows'> => f.kind === 'exchange_flows');
const flows = (l: LoadedCase): FindingOf<'exchange_flows'> => flowsOf(l)!;
const zhBullet = (text: string): string => text.split('\n').find((l) => l.startsWith('● **交易所流入流出**')) ?? '';
const enBullet = (text: string): string => text.split('\n').find((l) => l.startsWith('● **Exchange flows:**')) ?? '';

describe('exchange flows: the multiple says which baseline it is a multiple of', () => {
  it('weekend (baselineFrom "window-median"): the day’s median hourly inflow, not a 7-day average', () => {
    const zh = zhBullet(md('weekend-2024-03-17', 'zh'));
    expect(zh).toContain('09:00 单小时流入 1,340 枚 BTC（约为当日小时流入中位数的 1.6 倍）');
    expect(zh).not.toContain('日小时均值');
    const en = enBullet(md('weekend-2024-03-17', 'en'));
    expect(en).toContain("1,340 BTC arrived in the 09:00 hour, 1.6x the day's hourly median,");
    expect(en).not.toContain('7-day');
  });

  it('every corpus day with exchange flows: the wording follows the finding’s baselineFrom', () => {
    let seen = 0;
    for (const c of CASES) {
      const loaded = loadCase(c);
      const f = flowsOf(loaded);
      if (!f) continue;
      seen += 1;
      const zh = zhBullet(render(loaded, 'zh', templates).markdown);
      const en = enBullet(render(loaded, 'en', templates).markdown);
      if (f.baselineFrom === 'window-median') {
        expect(zh, c.name).toContain('约为当日小时流入中位数的');
        expect(zh, c.name).not.toContain('日小时均值');
        expect(en, c.name).toContain("the day's hourly median");
        expect(en, c.name).not.toContain('-day hourly average');
      } else {
        expect(zh, c.name).toContain('约为此前 7 日小时均值的');
        expect(en, c.name).toContain('the 7-day hourly average');
      }
    }
    expect(seen).toBeGreaterThanOrEqual(9);
  });

  it('the same day with a baseline from the 7 days before: the 7-day average', () => {
    const prior = (l: LoadedCase): void => {
      flows(l).baselineFrom = 'prior-days';
    };
    expect(zhBullet(md('weekend-2024-03-17', 'zh', prior))).toContain('（约为此前 7 日小时均值的 1.6 倍）');
    expect(enBullet(md('weekend-2024-03-17', 'en', prior))).toContain('1.6x the 7-day hourly average,');
  });

  it('a multiple without a stated baseline is not printed', () => {
    const unknown = (l: LoadedCase): void => {
      delete flows(l).baselineFrom;
    };
    expect(zhBullet(md('weekend-2024-03-17', 'zh', unknown))).toContain('09:00 单小时流入 1,340 枚 BTC，此后净流出');
    expect(enBullet(md('weekend-2024-03-17', 'en', unknown))).toContain('1,340 BTC arrived in the 09:00 hour, followed by');
  });
});

describe('exchange flows: what Whale Alert counts, said once, from the series’ request', () => {
  it('weekend: transfers of $500,000 or more (min_value=500000 in the provenance endpoint)', () => {
    const zh = zhBullet(md('weekend-2024-03-17', 'zh'));
    expect(zh).toContain(
      '● **交易所流入流出**：据 Whale Alert 追踪的单笔 50 万美元以上转账，交易所 BTC 当日净流出 981 枚 BTC（按各小时收盘价折算约 6,720 万美元）；',
    );
    expect(zh.match(/50 万美元/g)).toHaveLength(1);
    const en = enBullet(md('weekend-2024-03-17', 'en'));
    expect(en).toContain(
      '● **Exchange flows:** in $500,000-plus transfers tracked by Whale Alert, a net 981 BTC (about $67.2 million) left exchanges;',
    );
    expect(en.match(/\$500,000/g)).toHaveLength(1);
  });

  it('the figure is the finding’s (another min_value prints another amount), and without one the bullet says only the source', () => {
    const million = (l: LoadedCase): void => {
      flows(l).minTransferUsd = 1_000_000;
    };
    expect(zhBullet(md('weekend-2024-03-17', 'zh', million))).toContain('据 Whale Alert 追踪的单笔 100 万美元以上转账，');
    expect(enBullet(md('weekend-2024-03-17', 'en', million))).toContain('in $1,000,000-plus transfers tracked by Whale Alert,');
    const none = (l: LoadedCase): void => {
      delete flows(l).minTransferUsd;
    };
    expect(zhBullet(md('weekend-2024-03-17', 'zh', none))).toContain(
      '● **交易所流入流出**：据 Whale Alert 数据，交易所 BTC 当日净流出 981 枚 BTC（按各小时收盘价折算约 6,720 万美元）；',
    );
    expect(enBullet(md('weekend-2024-03-17', 'en', none))).toContain(
      '● **Exchange flows:** a net 981 BTC (about $67.2 million) left exchanges on the day (Whale Alert); 1,340 BTC arrived',
    );
  });
});

describe('exchange flows: a day of net outflows in large transfers is no fall in exchange reserves', () => {
  it('weekend: the net outflow and the flows around the peak, no 存量, no 继续, no "less supply on exchanges"', () => {
    const zh = zhBullet(md('weekend-2024-03-17', 'zh'));
    // 981 out on the day, 2,898 out after the peak: up to the peak, 1,917 BTC had come in on net.
    expect(zh).toContain('此后净流出 2,898 枚 BTC，高峰及此前的净流入已被抵消。');
    expect(zh).not.toMatch(/存量|库存|继续|可供抛售/);
    const en = enBullet(md('weekend-2024-03-17', 'en'));
    expect(en).toContain('followed by net outflows of 2,898 BTC.');
    expect(en).not.toMatch(/less supply|supply on exchanges/);
  });
});

describe('exchange flows: a reversal is read with both halves', () => {
  it('5 August (36,870 BTC in on net, 3,382 BTC out after the 13:00 spike): the bullet gives both, the synthesis does not call sellers not done', () => {
    const zh = md('crash-scope-2024-08-05', 'zh');
    expect(zhBullet(zh)).toContain(
      '交易所 BTC 当日净流入 36,870 枚 BTC（按各小时收盘价折算约 19.1 亿美元）；13:00 单小时流入 9,912 枚 BTC（约为当日小时流入中位数的 4.1 倍），此后转为净流出 3,382 枚 BTC，当日净流入集中在高峰及此前时段。',
    );
    expect(zh).not.toMatch(/抛售未必告一段落|抛压未必结束|潜在卖压仍在/);
    const en = md('crash-scope-2024-08-05', 'en');
    expect(enBullet(en)).toContain(
      "a net 36,870 BTC (about $1.91 billion) went onto exchanges; 9,912 BTC arrived in the 13:00 hour, 4.1x the day's hourly median, then 3,382 BTC left on net.",
    );
    expect(en).not.toMatch(/sellers are not done|selling may not be over|supply that may (still|yet) be sold/);
    // The threshold and the baseline fit in the words the bullet had: the 5 August wrap stays within 900.
    expect(countEnWords(en)).toBeLessThanOrEqual(900);
  });

  it('the same day without the reversal: the net inflow is read as supply that may yet be sold (the flag decides)', () => {
    const noReversal = (l: LoadedCase): void => {
      flows(l).reversal = false;
    };
    expect(md('crash-scope-2024-08-05', 'zh', noReversal)).toContain('交易所净流入意味着抛售未必告一段落');
    expect(zhBullet(md('crash-scope-2024-08-05', 'zh', noReversal))).toContain('此后净流出 3,382 枚 BTC。');
  });

  it('holiday with a reversal planted: no bear point or synthesis reading of supply that may still be sold', () => {
    expect(md('holiday-2024-07-05', 'zh')).toContain('交易所当日净流入 7,122 枚 BTC，潜在卖压仍在');
    const reversed = (l: LoadedCase): void => {
      const f = flows(l);
      f.reversal = true;
      f.netAfterPeakCoins = -1000;
    };
    const zh = md('holiday-2024-07-05', 'zh', reversed);
    expect(zh).not.toMatch(/潜在卖压仍在|潜在卖压尚未消化/);
    expect(zhBullet(zh)).toContain('此后转为净流出 1,000 枚 BTC，当日净流入集中在高峰及此前时段。');
    expect(md('holiday-2024-07-05', 'en', reversed)).not.toMatch(/supply that may (still|yet) be sold/);
  });

  it('bundled day (a net 4,567 BTC left exchanges, 16,135 BTC out after the 05:00 spike): the reversal reading of a day of net outflows', () => {
    expect(zhBullet(md('bundled-2024-01-04', 'zh'))).toContain(
      '05:00 单小时流入 8,153 枚 BTC（约为当日小时流入中位数的 6.4 倍），此后转为净流出 16,135 枚 BTC，高峰时段的流入并未延续。',
    );
    expect(enBullet(md('bundled-2024-01-04', 'en'))).toContain(
      "8,153 BTC arrived in the 05:00 hour, 6.4x the day's hourly median, then 16,135 BTC left on net — the spike's inflow did not persist.",
    );
  });
});
