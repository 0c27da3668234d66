/**
 * Every word a chart draws, in Chinese and English. Numbers are formatted in format.ts; the
 * strings here only choose words. Chinese follows the brief's style: 万/亿 for amounts, 东八区.
 */
import type { Lang } from './types.js';
import { knownSourceName } from '../../kernel/providers.js';

export const LABELS = {
  zh: {
    priceTitle: (asset: string, zone: string) => `${asset} 价格走势（${zone}）`,
    liquidationsTitle: '每小时清算：多头 vs 空头',
    fundingTitle: '各交易所资金费率（每 8 小时）',
    basisTitle: '期货年化基差期限结构：前值与当前',
    etfTitle: 'ETF 成交额与 30 日均值',
    whaleTitle: (threshold: string, asset: string) => `≥${threshold} ${asset} 链上大额转账（每小时笔数）`,
    high: '高',
    low: '低',
    drop: '回撤',
    support: '支撑',
    resistance: '阻力',
    brokeBelow: '跌破',
    brokeAbove: '突破',
    hourAxis: (zone: string) => `小时（${zone}）`,
    dateAxis: (zone: string) => `日期（${zone}）`,
    usTradingDay: '美国交易日',
    longs: '多头',
    shorts: '空头',
    lowerBound: '逐笔强平推送汇总，为下限',
    complete: '完整统计',
    total: '合计',
    fundingAxis: '资金费率（每 8 小时）',
    before: '前值',
    now: '当前',
    basisAxis: '年化基差',
    dollarVolume: '成交额',
    average: (days: number) => `${days} 日均值`,
    closeTimesShares: '收盘价 × 成交股数',
    transfers: '笔数',
    count: (n: number) => `${n} 笔`,
    sourcePrefix: '数据：',
    spotHourly: '现货 1 小时 K 线',
    perpHourly: '永续合约 1 小时 K 线',
    separator: '；',
  },
  en: {
    priceTitle: (asset: string, zone: string) => `${asset} price (${zone})`,
    liquidationsTitle: 'Hourly liquidations: longs vs shorts',
    fundingTitle: 'Funding rates by exchange (per 8 hours)',
    basisTitle: 'Annualized futures basis term structure: before and now',
    etfTitle: 'ETF dollar volume vs 30-day average',
    whaleTitle: (threshold: string, asset: string) => `On-chain transfers ≥ ${threshold} ${asset} (count per hour)`,
    high: 'High',
    low: 'Low',
    drop: 'Drawdown',
    support: 'Support',
    resistance: 'Resistance',
    brokeBelow: 'Broke below',
    brokeAbove: 'Broke above',
    hourAxis: (zone: string) => `Hour (${zone})`,
    dateAxis: (zone: string) => `Date (${zone})`,
    usTradingDay: 'US trading day',
    longs: 'Longs',
    shorts: 'Shorts',
    lowerBound: 'sum of streamed liquidation orders, a lower bound',
    complete: 'complete totals',
    total: 'total',
    fundingAxis: 'Funding rate (per 8 h)',
    before: 'Before',
    now: 'Now',
    basisAxis: 'Annualized basis',
    dollarVolume: 'Dollar volume',
    average: (days: number) => `${days}-day average`,
    closeTimesShares: 'close × shares traded',
    transfers: 'Transfers',
    count: (n: number) => `${n} transfer${n === 1 ? '' : 's'}`,
    sourcePrefix: 'Source: ',
    spotHourly: 'spot, 1-hour candles',
    perpHourly: 'perpetual, 1-hour candles',
    separator: '; ',
  },
} as const satisfies Record<Lang, unknown>;

export type Labels = (typeof LABELS)[Lang];

export function labelsFor(lang: Lang): Labels {
  return LABELS[lang];
}

/** A provider or venue id as readers know it: `okx` → `OKX`; unknown ids are shown as given. */
export function venueName(id: string): string {
  // One table of names for brief and charts (kernel/providers.ts); venue names are brands, alike in zh and en.
  return knownSourceName(id, 'en') ?? id;
}

/** Distinct display names in first-seen order, joined with `、` (zh) or `, ` (en). */
export function listNames(ids: readonly string[], lang: Lang): string {
  return [...new Set(ids.map(venueName))].join(lang === 'zh' ? '、' : ', ');
}
