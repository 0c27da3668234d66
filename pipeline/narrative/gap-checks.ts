/**
 * Reader words for a structured gap check (a quarantine, missing hours, a missing ETF session, a
 * fallback): what was left out or substituted, and which figures that touches, in the brief's
 * language and timezone. The snapshot's English `reason` never reaches a reader through here.
 */
import { formatDate, formatTime, formatUtcOffset, type Lang } from '../../kernel/locale/index.js';
import type { GapCheck, GapFigure } from '../../kernel/snapshot/index.js';
import { providerName } from './names.js';
import { HOUR_MS } from '../../kernel/time.js';

/** Hours named in full; more are summarised ("…, and 9 more"). */
const MAX_NAMED_HOURS = 6;

const FIGURES: Record<GapFigure, { zh: string; en: string }> = {
  low: { zh: '低点', en: 'low' },
  high: { zh: '高点', en: 'high' },
  close: { zh: '收盘价', en: 'close' },
  change: { zh: '涨跌幅', en: 'change' },
  drawdown: { zh: '回撤', en: 'drawdown' },
  volume: { zh: '成交量', en: 'volume' },
  total: { zh: '合计', en: 'total' },
};

function list(items: readonly string[], lang: Lang): string {
  if (lang === 'zh') return items.join('、');
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "03:00、04:00（UTC+8）" / "03:00 and 04:00 (UTC+8)", at most MAX_NAMED_HOURS named. */
export function hoursLabel(times: readonly number[], lang: Lang, tz: string): string {
  const named = times.slice(0, MAX_NAMED_HOURS).map((t) => formatTime(t, tz));
  const rest = times.length - named.length;
  if (rest > 0) named.push(lang === 'zh' ? `等另外 ${rest} 个小时` : `${rest} more`);
  const offset = times.length ? formatUtcOffset(times[0]!, tz) : 'UTC';
  return lang === 'zh' ? `${list(named, lang)}（${offset}）` : `${list(named, lang)} (${offset})`;
}

function figuresLabel(figures: readonly GapFigure[] | undefined, lang: Lang): string {
  const words = (figures ?? []).map((f) => FIGURES[f][lang]);
  return list(words, lang);
}

/**
 * Why (and with what effect) for a gap carrying a check. `windowHours` is the brief window's length
 * in hours (for "22 of 24 hours"); `source` the provider the gap names.
 */
export function checkReason(check: GapCheck, source: string, lang: Lang, tz: string, windowHours: number): string {
  const times = check.times ?? [];
  const hours = hoursLabel(times, lang, tz);
  // zh inside parentheses: "（03:00、04:00，UTC+8）" rather than nested parentheses.
  const inner = hours.replace('（', '，').replace(/）$/, '');
  const figures = figuresLabel(check.figures, lang);
  const n = times.length;
  const zh = lang === 'zh';
  switch (check.name) {
    case 'hourly-vs-daily':
      return zh
        ? `${n} 根小时 K 线（${inner}）超出同一交易所当日日线的高低范围，已剔除${figures ? `，当日${figures}按其余数据计算` : ''}`
        : `${n} hourly candle${n === 1 ? '' : 's'} at ${hours} outside the same venue's daily candle ${n === 1 ? 'was' : 'were'} left out${figures ? `; the day's ${figures} are computed without ${n === 1 ? 'it' : 'them'}` : ''}`;
    case 'vs-index':
      return zh
        ? `${n} 根小时 K 线（${inner}）的高低范围与同一小时的指数价格不符，已剔除${figures ? `，当日${figures}按其余数据计算` : ''}`
        : `${n} hourly candle${n === 1 ? '' : 's'} at ${hours} whose range misses the index price of that hour ${n === 1 ? 'was' : 'were'} left out${figures ? `; the day's ${figures} are computed without ${n === 1 ? 'it' : 'them'}` : ''}`;
    case 'vs-reference':
      return zh
        ? `${n} 根小时 K 线（${inner}）与同时段永续合约或其他交易所价格偏离过大，已剔除${figures ? `，当日${figures}按其余数据计算` : ''}`
        : `${n} hourly candle${n === 1 ? '' : 's'} at ${hours} far from the perpetual and other venues at the same hour ${n === 1 ? 'was' : 'were'} left out${figures ? `; the day's ${figures} are computed without ${n === 1 ? 'it' : 'them'}` : ''}`;
    case 'missing-hours': {
      const covered = Math.max(0, windowHours - n);
      return zh
        ? `缺少 ${hours} 的小时数据，当日${figures || '高低点'}仅基于其余 ${covered}/${windowHours} 小时，可能不完整`
        : `no hourly data for ${hours}; the day's ${figures || 'high and low'} cover only the other ${covered} of ${windowHours} hours and may be incomplete`;
    }
    case 'missing-session': {
      // Worded without the ticker: the data note groups the funds of one session and names them.
      const day = check.date ? formatDate(check.date, lang) : '';
      return zh
        ? `缺少${day ? ` ${day} ` : '最近一个'}交易日的数据，ETF 合计未计入`
        : `no bar for the ${day ? `${day} ` : 'latest '}session; ETF totals leave it out`;
    }
    case 'event-size':
      return zh
        ? `${n || '部分'}笔采集到的强平事件规模超出当日价格与未平仓量所允许的范围，已剔除`
        : `${n || 'some'} collected liquidation event${n === 1 ? '' : 's'} larger than the day's prices and open interest allow ${n === 1 ? 'was' : 'were'} left out`;
    case 'lower-bound-above-total':
      return zh
        ? `抽样统计（下限）高于完整统计总额，与之矛盾，已剔除`
        : `a sampled (lower-bound) total above the complete total contradicts it and was left out`;
    case 'spot-fallback': {
      const by = providerName(check.substitute ?? '', lang);
      const down = providerName(source, lang);
      return zh ? `取自 ${by}（${down} 不可用）` : `taken from ${by} (${down} unavailable)`;
    }
  }
}

/** Hours in a window [start, end). */
export function windowHoursOf(window: { start: number; end: number }): number {
  return Math.round((window.end - window.start) / HOUR_MS);
}
