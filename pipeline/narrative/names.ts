/**
 * Names a reader sees for ids in the data: providers, assets, data families, gap kinds and ETF
 * tenors, per language. Unknown ids fall back to the id itself (escaped by the caller), so a new
 * provider still prints something true.
 */
import type { Lang } from '../../kernel/locale/index.js';
import { knownSourceName } from '../../kernel/providers.js';
import { familyOf } from '../../kernel/snapshot/index.js';
import { gapWords } from './gap-words.js';

/** Display name of a provider or venue id ("okx" → "OKX"). */
export function providerName(id: string, lang: Lang = 'en'): string {
  // The provider descriptor's name (kernel/providers.ts), or a known venue's or stream's.
  const known = knownSourceName(id, lang);
  if (known) return known;
  if (/^[a-z0-9-]+$/.test(id))
    return id
      .split('-')
      .map((w) => (w.length <= 3 ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1)))
      .join(' ');
  return id;
}

const ASSETS: Record<string, Record<Lang, string>> = {
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

/** What a reader calls a data family: its descriptor's name (kernel/snapshot/families.ts); unknown names stay as given. */
export function familyName(family: string, lang: Lang): string {
  return familyOf(family)?.name[lang] ?? family;
}

const GAP_KINDS: Record<string, Record<Lang, string>> = {
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
  incomplete: { zh: '数据不完整', en: 'incomplete data' },
};

/** Reasons more precise than the kind, recognised from the source and the reason's words. */
const NO_API_KEY = { zh: '未配置 API 密钥', en: 'no API key configured' } as const satisfies Record<Lang, string>;
const COLLECTOR_IDLE = { zh: '采集程序当日未运行', en: 'the stream collector was not running' } as const satisfies Record<Lang, string>;
const NO_TRADING_DAYS = { zh: '区间内无交易记录', en: 'no trading days in the range' } as const satisfies Record<Lang, string>;

/** Why a family is absent with no failure recorded, when its descriptor gives no reason of its own. */
const ABSENT_DEFAULT = { zh: '快照中无此数据', en: 'not in the snapshot' } as const satisfies Record<Lang, string>;

export interface GapCause {
  family: string;
  source: string;
  /** The snapshot gap's kind (an error class, 'not-configured', 'empty', …) or analysis' 'absent'. */
  gapKind: string;
  reason: string;
  /** The HTTP status the response carried, if any. */
  status?: number;
}

/**
 * Why data is missing, in the brief's language, from the gap's kind and source (never raw error
 * text in zh): an HTTP status in the reason is kept; the liquidation collector's "nothing
 * collected" is a collector that did not run, not a missing key.
 */
export function gapReason(gap: GapCause, lang: Lang): string {
  const { gapKind: kind, reason } = gap;
  if (kind === 'absent' || kind === 'missing') return (familyOf(gap.family)?.absentReason ?? ABSENT_DEFAULT)[lang];
  if (kind === 'not-configured' && gap.source === 'collector') return COLLECTOR_IDLE[lang];
  if (kind === 'not-configured' && /\bapi key\b/i.test(reason)) return NO_API_KEY[lang];
  if (kind === 'empty' && /no trading days/i.test(reason)) return NO_TRADING_DAYS[lang];
  const known = GAP_KINDS[kind];
  if (known) {
    // The status comes from the response; a number in the error text (a price in an HTML page) is not one.
    const { status } = gap;
    return status !== undefined && status >= 400 ? `${status} ${known[lang]}` : known[lang];
  }
  return gapWords(lang).unknownReason(reason);
}

/**
 * What is missing when only some symbols of a family are: zh "ETF IBIT、BITB 的成交数据",
 * en "ETF trading data for IBIT and BITB". `list` is already joined for the language.
 */
export function subjectName(family: string, list: string, lang: Lang): string | undefined {
  const subjects = gapWords(lang).subjects;
  return family === 'etfs' || family === 'macro' ? subjects[family](list) : undefined;
}

/** A futures tenor label as a reader says it. */
export function tenorName(tenor: string, lang: Lang): string {
  // zh names include 合约; en names are adjectives the templates follow with "futures"/"contract".
  return TENORS[tenor]?.[lang] ?? UNKNOWN_TENOR[lang](tenor);
}

const TENORS: Record<string, Record<Lang, string>> = {
  CURRENT_QUARTER: { zh: '当季合约', en: 'current-quarter' },
  NEXT_QUARTER: { zh: '次季合约', en: 'next-quarter' },
  CURRENT_MONTH: { zh: '当月合约', en: 'current-month' },
  NEXT_MONTH: { zh: '次月合约', en: 'next-month' },
};

/** A tenor id no table knows, as the language names a contract. */
const UNKNOWN_TENOR = {
  zh: (tenor) => `${tenor} 合约`,
  en: (tenor) => tenor,
} as const satisfies Record<Lang, (tenor: string) => string>;

/** Display names of the macro series (Yahoo symbols); others keep the configured name. */
const MACRO_NAMES: Record<string, Record<Lang, string>> = {
  'DX-Y.NYB': { zh: '美元指数', en: 'the dollar index' },
  '^TNX': { zh: '美国 10 年期国债收益率', en: 'the US 10-year Treasury yield' },
  '^IXIC': { zh: '纳斯达克综合指数', en: 'the Nasdaq Composite' },
  '^GSPC': { zh: '标普 500 指数', en: 'the S&P 500' },
};

export function macroName(symbol: string, configured: string, lang: Lang): string {
  return MACRO_NAMES[symbol]?.[lang] ?? configured;
}

/**
 * Publishers of the links in notes and calendars, by host: zh link text in Chinese ("（来源：美联储）"),
 * en as a wire cites them (the agencies by their initials).
 */
const PUBLISHERS: Record<string, Record<Lang, string>> = {
  'federalreserve.gov': { zh: '美联储', en: 'Federal Reserve' },
  'bls.gov': { zh: '美国劳工统计局', en: 'BLS' },
  'bea.gov': { zh: '美国经济分析局', en: 'BEA' },
  'sec.gov': { zh: '美国证券交易委员会', en: 'SEC' },
  'treasury.gov': { zh: '美国财政部', en: 'U.S. Treasury' },
  'deribit.com': { zh: 'Deribit', en: 'Deribit' },
  'support.deribit.com': { zh: 'Deribit', en: 'Deribit' },
};

/**
 * A link's text: the publisher's name in the brief's language when its host is known (notes
 * give one name for both languages, usually English), else the name as given, else the host.
 */
export function publisherName(url: string, lang: Lang, given?: string): string {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return given ?? url;
  }
  const known = Object.hasOwn(PUBLISHERS, host) ? PUBLISHERS[host] : undefined;
  return known?.[lang] ?? given ?? host;
}
