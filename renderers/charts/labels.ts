/**
 * Every word a chart draws, titles, axes, source lines and alt text, in each language: a row per
 * language typed against ChartWords, so a language added to kernel/lang.ts makes the compiler list
 * every string a chart needs from it. Numbers arrive formatted (format.ts); the functions here
 * only choose words and punctuation. Chinese follows the brief's style: 万/亿 for amounts, 东八区.
 */
import type { Lang } from './types.js';
import { knownSourceName } from '../../kernel/providers.js';

/** The alt text of the price chart: prices already formatted as the caption prints them. */
export interface PriceAltWords {
  asset: string;
  zone: string;
  date: string;
  open: string;
  high: string;
  highAt: string;
  low: string;
  lowAt: string;
  close: string;
}

export interface ChartWords {
  priceTitle: (asset: string, zone: string) => string;
  liquidationsTitle: string;
  fundingTitle: string;
  basisTitle: string;
  etfTitle: string;
  /** Before the asset's first spot-ETF session the funds are not ETFs (GBTC was a trust). */
  fundTitle: string;
  whaleTitle: (threshold: string, asset: string) => string;
  high: string;
  low: string;
  drop: string;
  support: string;
  resistance: string;
  brokeBelow: string;
  brokeAbove: string;
  hourAxis: (zone: string) => string;
  dateAxis: (zone: string) => string;
  usTradingDay: string;
  longs: string;
  shorts: string;
  lowerBound: string;
  complete: string;
  total: string;
  fundingAxis: string;
  before: string;
  now: string;
  basisAxis: string;
  dollarVolume: string;
  average: (days: number) => string;
  closeTimesShares: string;
  transfers: string;
  count: (n: number) => string;
  sourcePrefix: string;
  spotHourly: string;
  perpHourly: string;
  /** Between the parts of a source line ("数据：…；美国交易日"). */
  separator: string;
  /** Between the items of a list of names or tickers ("IBIT、FBTC"). */
  enumeration: string;
  /** Between a source's names and what they give ("OKX，完整统计"). */
  clause: string;
  /** Zones with a name of their own in this language, by UTC offset in minutes; others print as UTC±h. */
  zoneNames: Readonly<Record<number, string>>;
  /** Side names as a caption's running text uses them (en lower-case: "longs $1 million / shorts …"). */
  sideInText: (side: string) => string;
  /** Axis units of a US-dollar axis, largest first; the first whose `from` the largest value reaches is used. */
  usdUnits: ReadonlyArray<{ from: number; divisor: number; label: string }>;
  priceAlt: (d: PriceAltWords) => string;
  liquidationsAlt: (d: { date: string; zone: string; sources: string; coverage: string; totals: string }) => string;
  fundingLatestJoin: string;
  fundingAlt: (d: { asset: string; days: number; date: string; latest: string }) => string;
  fundingSource: (asset: string) => string;
  basisContract: (d: { contract: string; days: number; change: string }) => string;
  basisAlt: (d: { asset: string; date: string; contracts: readonly string[] }) => string;
  basisSource: (asset: string) => string;
  etfAlt: (d: { asset: string; tickers: readonly string[]; date: string; amount: string; average?: string; funds: boolean }) => string;
  whaleSummary: (d: { count: string; coins: string; asset: string }) => string;
  whaleAlt: (d: { threshold: string; asset: string; date: string; zone: string; summary: string }) => string;
}

export const LABELS = {
  zh: {
    priceTitle: (asset: string, zone: string) => `${asset} 价格走势（${zone}）`,
    liquidationsTitle: '每小时清算：多头 vs 空头',
    fundingTitle: '各交易所资金费率（每 8 小时）',
    basisTitle: '期货年化基差期限结构：前值与当前',
    etfTitle: 'ETF 成交额与 30 日均值',
    fundTitle: '基金成交额与 30 日均值',
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
    enumeration: '、',
    clause: '，',
    zoneNames: { 480: '东八区' },
    sideInText: (side) => side,
    usdUnits: [
      { from: 1e8, divisor: 1e8, label: '亿美元' },
      { from: 1e4, divisor: 1e4, label: '万美元' },
      { from: -Infinity, divisor: 1, label: '美元' },
    ],
    priceAlt: (d) =>
      `${d.asset} 每小时价格（${d.zone}，${d.date}）：开盘 ${d.open}，最高 ${d.high}（${d.highAt}），最低 ${d.low}（${d.lowAt}），收盘 ${d.close}。`,
    liquidationsAlt: (d) => `${d.date}（${d.zone}）每小时清算金额，${d.sources} ${d.coverage}：${d.totals}。`,
    fundingLatestJoin: '，',
    fundingAlt: (d) => `${d.asset} 永续合约资金费率（每 8 小时），截至 ${d.date} 的 ${d.days} 天；最新结算：${d.latest}。`,
    fundingSource: (asset) => `，${asset} 永续合约已结算费率`,
    basisContract: (d) => `${d.contract}（${d.days} 天）${d.change}`,
    basisAlt: (d) => `${d.asset} 期货年化基差，${d.date} 日初与日末：${d.contracts.join('；')}。`,
    basisSource: (asset) => `，${asset} 交割合约，前值为当日开始前最后一笔`,
    etfAlt: (d) =>
      `${d.asset} ${d.funds ? '基金' : 'ETF'}（${d.tickers.join('、')}）${d.date} 成交额 ${d.amount}${d.average ? `，${d.average}` : ''}。`,
    whaleSummary: (d) => `${d.count}，合计 ${d.coins} 枚 ${d.asset}`,
    whaleAlt: (d) => `${d.date}（${d.zone}）≥${d.threshold} ${d.asset} 的链上转账每小时笔数：${d.summary}。`,
  },
  en: {
    priceTitle: (asset: string, zone: string) => `${asset} price (${zone})`,
    liquidationsTitle: 'Hourly liquidations: longs vs shorts',
    fundingTitle: 'Funding rates by exchange (per 8 hours)',
    basisTitle: 'Annualized futures basis term structure: before and now',
    etfTitle: 'ETF dollar volume vs 30-day average',
    fundTitle: 'Fund dollar volume vs 30-day average',
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
    enumeration: ', ',
    clause: ', ',
    zoneNames: {},
    sideInText: (side) => side.toLowerCase(),
    usdUnits: [
      { from: 1e9, divisor: 1e9, label: 'USD bn' },
      { from: 1e6, divisor: 1e6, label: 'USD m' },
      { from: 1e3, divisor: 1e3, label: 'USD k' },
      { from: -Infinity, divisor: 1, label: 'USD' },
    ],
    priceAlt: (d) =>
      `${d.asset} hourly price (${d.zone}, ${d.date}): open ${d.open}, high ${d.high} at ${d.highAt}, low ${d.low} at ${d.lowAt}, close ${d.close}.`,
    liquidationsAlt: (d) => `Liquidations per hour on ${d.date} (${d.zone}) from ${d.sources}, ${d.coverage}: ${d.totals}.`,
    fundingLatestJoin: ', ',
    fundingAlt: (d) =>
      `${d.asset} perpetual funding rates per 8 hours over the ${d.days} days to ${d.date}; latest settlements: ${d.latest}.`,
    fundingSource: (asset) => `, settled ${asset} perpetual funding`,
    basisContract: (d) => `${d.contract} (${d.days} days) ${d.change}`,
    basisAlt: (d) => `${d.asset} annualized futures basis at the start and end of ${d.date}: ${d.contracts.join('; ')}.`,
    basisSource: (asset) => `, dated ${asset} futures; before = last value before the day began`,
    etfAlt: (d) =>
      `${d.asset} ${d.funds ? 'fund' : 'ETF'} (${d.tickers.join(', ')}) dollar volume on ${d.date}: ${d.amount}${d.average ? `; ${d.average}` : ''}.`,
    whaleSummary: (d) => `${d.count}, ${d.coins} ${d.asset} in total`,
    whaleAlt: (d) => `On-chain transfers of at least ${d.threshold} ${d.asset} per hour on ${d.date} (${d.zone}): ${d.summary}.`,
  },
} as const satisfies Record<Lang, ChartWords>;

export type Labels = ChartWords;

export function labelsFor(lang: Lang): ChartWords {
  return LABELS[lang];
}

/** A provider or venue id as readers know it: `okx` → `OKX`; unknown ids are shown as given. */
export function venueName(id: string): string {
  // One table of names for brief and charts (kernel/providers.ts); venue names are brands, alike in zh and en.
  return knownSourceName(id, 'en') ?? id;
}

/** Distinct display names in first-seen order, joined with the language's enumeration (`、`, `, `). */
export function listNames(ids: readonly string[], lang: Lang): string {
  return [...new Set(ids.map(venueName))].join(LABELS[lang].enumeration);
}
