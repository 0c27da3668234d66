/**
 * The per-language word tables (issue 18 item 3): the chart words (renderers/charts/labels.ts)
 * and the data note's words (pipeline/narrative/gap-words.ts) have a row for every language of
 * kernel/lang.ts, each with the same fields (the `satisfies Record<Lang, …>` is the compile-time
 * half; this is the runtime half, nested tables included), and a chart caption and a gap sentence
 * read as written in each language.
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../kernel/lang.js';
import { formatList } from '../../kernel/locale/index.js';
import { buildWhaleTransfersData } from '../../renderers/charts/index.js';
import { LABELS } from '../../renderers/charts/labels.js';
import { zoneLabel } from '../../renderers/charts/time.js';
import { checkReason } from '../../pipeline/narrative/gap-checks.js';
import { GAP_WORDS } from '../../pipeline/narrative/gap-words.js';
import { fixtureFindings, fixtureSnapshot, HOUR, WINDOW_START } from '../charts/fixture.js';

/** Field paths of a row, nested objects walked, functions and arrays as leaves. */
function fields(row: object, prefix = ''): string[] {
  return Object.entries(row).flatMap(([key, value]) =>
    value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0 && key !== 'zoneNames'
      ? // zoneNames is a lookup (a language may name no zone), not a row of fields.
        fields(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe('every language has a row with every field', () => {
  it.each([
    ['chart words', LABELS],
    ['gap words', GAP_WORDS],
  ] as const)('%s', (_name, table) => {
    const reference = fields(table.zh).sort();
    expect(reference.length).toBeGreaterThan(8);
    for (const lang of LANGS) expect(fields(table[lang]).sort(), lang).toEqual(reference);
  });
});

describe('a chart caption in each language', () => {
  // The chart fixture: four transfers of ≥ 1,000 BTC in the day (1,500 + 2,000 + 1,000 + 1,200 = 5,700 BTC), UTC+8.
  const snapshot = fixtureSnapshot();
  const findings = fixtureFindings();

  it('zh', () => {
    const data = buildWhaleTransfersData(snapshot, findings, 'zh')!;
    expect(data.alt).toBe('2024-01-04（东八区）≥1,000 BTC 的链上转账每小时笔数：4 笔，合计 5,700 枚 BTC。');
    expect(data.source).toBe('数据：Blockchair，4 笔，合计 5,700 枚 BTC');
  });

  it('en', () => {
    const data = buildWhaleTransfersData(snapshot, findings, 'en')!;
    expect(data.alt).toBe('On-chain transfers of at least 1,000 BTC per hour on 2024-01-04 (UTC+8): 4 transfers, 5,700 BTC in total.');
    expect(data.source).toBe('Source: Blockchair, 4 transfers, 5,700 BTC in total');
  });

  it('names UTC+8 东八区 in zh only, and prints other zones as offsets', () => {
    expect(zoneLabel('Asia/Shanghai', WINDOW_START, 'zh')).toBe('东八区');
    expect(zoneLabel('Asia/Shanghai', WINDOW_START, 'en')).toBe('UTC+8');
    expect(zoneLabel('UTC', WINDOW_START, 'zh')).toBe('UTC');
  });
});

describe('a gap sentence in each language', () => {
  // 03:00 and 04:00 in UTC+8 on 2024-01-04 (the window starts at 00:00 UTC+8): 24 − 2 = 22 hours left.
  const check = { name: 'missing-hours', times: [WINDOW_START + 3 * HOUR, WINDOW_START + 4 * HOUR], figures: ['low', 'close'] } as const;

  it('missing hours', () => {
    const reason = (lang: 'zh' | 'en') =>
      checkReason({ ...check, times: [...check.times], figures: [...check.figures] }, 'okx', lang, 'Asia/Shanghai', 24);
    expect(reason('zh')).toBe('缺少 03:00、04:00（UTC+8） 的小时数据，当日低点、收盘价仅基于其余 22/24 小时，可能不完整');
    expect(reason('en')).toBe(
      "no hourly data for 03:00 and 04:00 (UTC+8); the day's low and close cover only the other 22 of 24 hours and may be incomplete",
    );
  });

  it('a substitute provider', () => {
    const fallback = { name: 'spot-fallback', substitute: 'okx' } as const;
    expect(checkReason({ ...fallback }, 'binance', 'zh', 'Asia/Shanghai', 24)).toBe('取自 OKX（Binance 不可用）');
    expect(checkReason({ ...fallback }, 'binance', 'en', 'Asia/Shanghai', 24)).toBe('taken from OKX (Binance unavailable)');
  });
});

describe('lists in titles and in running text', () => {
  it('zh titles use 、 throughout, zh text ends with 和; en is the same in both', () => {
    const names = ['Binance', 'OKX', 'Bybit'];
    expect(formatList(names, 'zh')).toBe('Binance、OKX、Bybit');
    expect(formatList(names, 'zh', 'text')).toBe('Binance、OKX和Bybit');
    expect(formatList(names, 'en')).toBe('Binance, OKX and Bybit');
    expect(formatList(names, 'en', 'text')).toBe('Binance, OKX and Bybit');
    expect(formatList(['OKX'], 'zh', 'text')).toBe('OKX');
    expect(formatList([], 'en', 'text')).toBe('');
  });
});
