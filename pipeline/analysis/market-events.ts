/**
 * Curated market events, so "the largest one-day drop since …" can name the day that last beat
 * the move ("自 2022 年 11 月 FTX 崩盘以来最大单日跌幅"). Each entry: the UTC dates the move spanned
 * (daily candles are UTC days), zh and en names, and a source a reader can check.
 *
 * Dates are those of the daily candles that carried the move, not of the first headline: LUNA's
 * collapse ran over 9–12 May 2022, FTX's over 8–9 November 2022. Add an entry only with a source.
 */

export interface MarketEvent {
  readonly id: string;
  /** First and last UTC date (YYYY-MM-DD) of the move, inclusive. */
  readonly from: string;
  readonly to: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly url: string;
}

export const MARKET_EVENTS: readonly MarketEvent[] = [
  {
    id: 'covid-2020',
    from: '2020-03-12',
    to: '2020-03-13',
    name: { zh: '2020 年 3 月新冠疫情“黑色星期四”', en: 'the March 2020 COVID "Black Thursday" crash' },
    url: 'https://en.wikipedia.org/wiki/2020_stock_market_crash',
  },
  {
    id: 'china-ban-2021',
    from: '2021-05-19',
    to: '2021-05-19',
    name: { zh: '2021 年 5 月 19 日暴跌（中国加强加密货币监管）', en: 'the 19 May 2021 crash on China’s crypto crackdown' },
    url: 'https://en.wikipedia.org/wiki/Cryptocurrency_bubble',
  },
  {
    id: 'luna-2022',
    from: '2022-05-09',
    to: '2022-05-12',
    name: { zh: '2022 年 5 月 LUNA/UST 崩盘', en: 'the May 2022 Terra-LUNA collapse' },
    url: 'https://en.wikipedia.org/wiki/Terra_(blockchain)',
  },
  {
    id: 'celsius-3ac-2022',
    from: '2022-06-13',
    to: '2022-06-18',
    name: { zh: '2022 年 6 月 Celsius 暂停提款与三箭资本危机', en: 'the June 2022 Celsius freeze and Three Arrows crisis' },
    url: 'https://en.wikipedia.org/wiki/Celsius_Network',
  },
  {
    id: 'ftx-2022',
    from: '2022-11-08',
    to: '2022-11-09',
    name: { zh: '2022 年 11 月 FTX 崩盘', en: 'the November 2022 collapse of FTX' },
    url: 'https://en.wikipedia.org/wiki/Bankruptcy_of_FTX',
  },
  {
    id: 'iran-strike-2024',
    from: '2024-04-13',
    to: '2024-04-13',
    name: { zh: '2024 年 4 月 13 日伊朗空袭以色列引发的下跌', en: 'the 13 April 2024 sell-off on Iran’s strike on Israel' },
    url: 'https://en.wikipedia.org/wiki/April_2024_Iranian_strikes_against_Israel',
  },
  {
    id: 'carry-unwind-2024',
    from: '2024-08-05',
    to: '2024-08-05',
    name: { zh: '2024 年 8 月日元套息交易平仓', en: 'the August 2024 yen carry-trade unwind' },
    url: 'https://www.bis.org/publ/bisbull90.htm',
  },
  {
    id: 'tariff-liquidations-2025',
    from: '2025-10-10',
    to: '2025-10-11',
    name: { zh: '2025 年 10 月 10 日关税消息引发的创纪录清算', en: 'the record liquidations of 10 October 2025 on US tariff news' },
    url: 'https://www.ainvest.com/news/bitcoin-news-today-trump-tariffs-expose-crypto-leverage-crisis-19b-liquidated-historic-collapse-2510',
  },
];

/** The curated event a UTC date falls in, if any. */
export function eventOn(date: string, events: readonly MarketEvent[] = MARKET_EVENTS): MarketEvent | undefined {
  return events.find((e) => date >= e.from && date <= e.to);
}
