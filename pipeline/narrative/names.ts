/**
 * Names a reader sees for ids in the data: providers, assets, data families, gap kinds and ETF
 * tenors, per language. Unknown ids fall back to the id itself (escaped by the caller), so a new
 * provider still prints something true.
 */
import type { Lang } from '../../renderers/format.js';

const PROVIDERS: Record<string, string> = {
  binance: 'Binance',
  'binance-futures': 'Binance',
  okx: 'OKX',
  bybit: 'Bybit',
  deribit: 'Deribit',
  coinglass: 'Coinglass',
  yahoo: 'Yahoo Finance',
  blockchair: 'Blockchair',
  'whale-alert': 'Whale Alert',
  coinbase: 'Coinbase',
  farside: 'Farside Investors',
  sosovalue: 'SoSoValue',
  cryptoquant: 'CryptoQuant',
  glassnode: 'Glassnode',
  'binance-stream': 'Binance',
  'okx-stream': 'OKX',
  'bybit-stream': 'Bybit',
};

const LOCALIZED_PROVIDERS: Record<string, { zh: string; en: string }> = {
  collector: { zh: '交易所强平推送', en: 'exchange liquidation feeds' },
};

/** Display name of a provider or venue id ("okx" → "OKX"). */
export function providerName(id: string, lang: Lang = 'en'): string {
  const localized = LOCALIZED_PROVIDERS[id.toLowerCase()];
  if (localized) return localized[lang];
  const known = PROVIDERS[id.toLowerCase()];
  if (known) return known;
  if (/^[a-z0-9-]+$/.test(id))
    return id
      .split('-')
      .map((w) => (w.length <= 3 ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1)))
      .join(' ');
  return id;
}

const ASSETS: Record<string, { zh: string; en: string }> = {
  BTC: { zh: '比特币', en: 'Bitcoin' },
  ETH: { zh: '以太坊', en: 'Ether' },
  BNB: { zh: 'BNB', en: 'BNB' },
  SOL: { zh: 'Solana', en: 'Solana' },
  XRP: { zh: 'XRP', en: 'XRP' },
};

/** The asset's name in running text: 比特币 / Bitcoin; unknown tickers stay tickers. */
export function assetName(asset: string, lang: Lang): string {
  return ASSETS[asset]?.[lang] ?? asset;
}

const FAMILIES: Record<string, { zh: string; en: string }> = {
  prices: { zh: '现货价格', en: 'spot prices' },
  perpetuals: { zh: '永续合约行情', en: 'perpetual-swap prices' },
  liquidations: { zh: '清算数据', en: 'liquidation data' },
  funding: { zh: '资金费率', en: 'funding rates' },
  basis: { zh: '期货基差', en: 'futures basis' },
  openInterest: { zh: '未平仓合约', en: 'open interest' },
  etfs: { zh: '现货 ETF 成交数据', en: 'spot-ETF trading data' },
  etfFlows: { zh: 'ETF 资金流向', en: 'ETF flows' },
  whaleTransfers: { zh: '链上大额转账', en: 'large on-chain transfers' },
  exchangeFlows: { zh: '交易所链上流入流出', en: 'exchange on-chain flows' },
  volatility: { zh: '隐含波动率指数', en: 'implied-volatility index' },
  macro: { zh: '宏观行情', en: 'macro series' },
};

export function familyName(family: string, lang: Lang): string {
  return FAMILIES[family]?.[lang] ?? family;
}

const GAP_KINDS: Record<string, { zh: string; en: string }> = {
  RequestTimeout: { zh: '请求超时', en: 'request timed out' },
  NetworkError: { zh: '网络错误', en: 'network error' },
  RateLimitExceeded: { zh: '接口限流', en: 'rate limited' },
  IpBanned: { zh: '接口封禁', en: 'access banned' },
  ExchangeNotAvailable: { zh: '服务不可用', en: 'service unavailable' },
  AccessRestricted: { zh: '访问受限', en: 'access restricted' },
  Auth: { zh: '鉴权失败', en: 'authentication failed' },
  BadResponse: { zh: '返回数据无法解析', en: 'unreadable response' },
  SchemaViolation: { zh: '返回格式异常', en: 'unexpected response format' },
  Stale: { zh: '数据过期', en: 'stale data' },
  Implausible: { zh: '数据异常已剔除', en: 'implausible values discarded' },
  PayloadTooLarge: { zh: '返回数据过大', en: 'response too large' },
  'not-configured': { zh: '未配置数据源或密钥', en: 'no source or key configured' },
  'no-free-source': { zh: '暂无免费数据源', en: 'no free source' },
  empty: { zh: '返回为空', en: 'empty response' },
  'not-applicable': { zh: '当日尚无此类数据', en: 'not applicable on this day' },
  missing: { zh: '截至发稿未获取', en: 'not available at publication' },
  absent: { zh: '截至发稿未获取', en: 'not available at publication' },
  incomplete: { zh: '数据不完整', en: 'incomplete data' },
};

/** Why data is missing, in the brief's language, from the gap's kind (never raw error text in zh). */
export function gapReason(kind: string, reason: string, lang: Lang): string {
  const known = GAP_KINDS[kind];
  if (known) {
    const status = /\b(4\d\d|5\d\d)\b/.exec(reason)?.[1];
    return status ? `${status} ${known[lang]}` : known[lang];
  }
  return lang === 'zh' ? '未能获取' : reason.slice(0, 80);
}

/** A futures tenor label as a reader says it. */
export function tenorName(tenor: string, lang: Lang): string {
  const table: Record<string, { zh: string; en: string }> = {
    CURRENT_QUARTER: { zh: '当季合约', en: 'current-quarter' },
    NEXT_QUARTER: { zh: '次季合约', en: 'next-quarter' },
    CURRENT_MONTH: { zh: '当月合约', en: 'current-month' },
    NEXT_MONTH: { zh: '次月合约', en: 'next-month' },
  };
  // zh names include 合约; en names are adjectives the templates follow with "futures"/"contract".
  return table[tenor]?.[lang] ?? (lang === 'zh' ? `${tenor} 合约` : tenor);
}
