/**
 * Fake Deribit, Yahoo chart, Blockchair, Whale Alert and Coinglass endpoints over the market
 * model, shaped like the real responses (JSON-RPC envelopes, Yahoo's parallel arrays with meta,
 * Blockchair's context block, Coinglass' string code).
 */
import { DAY, HOUR, dvol, fakeHash, liquidations4h, price, unit, whaleCount } from './market.js';
import { Reply } from './reply.js';

type Query = URLSearchParams;
const num = (q: Query, name: string, fallback: number): number => (q.has(name) ? Number(q.get(name)) : fallback);
const round = (n: number, digits: number): number => Math.round(n * 10 ** digits) / 10 ** digits;

const rpc = (result: unknown, now: number) => ({
  jsonrpc: '2.0',
  result,
  usIn: now * 1000,
  usOut: now * 1000 + 412,
  usDiff: 412,
  testnet: false,
});

const DERIBIT_FUTURES = ['5JAN24', '12JAN24', '26JAN24', '29MAR24', '28JUN24', '27SEP24', '27DEC24'];
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

export function deribitApi(path: string, q: Query, now: number): unknown {
  const currency = q.get('currency') ?? 'BTC';
  if (path === '/api/v2/public/get_book_summary_by_currency') {
    const index = round(price(currency, now), 2);
    const rows: unknown[] = DERIBIT_FUTURES.map((label, i) => {
      const m = /^(\d+)([A-Z]{3})(\d{2})$/.exec(label)!;
      const expiry = Date.UTC(2000 + Number(m[3]), MONTHS.indexOf(m[2]!), Number(m[1]), 8);
      const days = (expiry - now) / DAY;
      const mark = round(index * (1 + ((0.05 + 0.006 * i) * days) / 365), 2);
      return {
        volume_usd: round(2.1e7 / (i + 1), 2),
        volume: round(510 / (i + 1), 8),
        quote_currency: 'USD',
        price_change: -4.1 + i * 0.1,
        open_interest: round(8.2e7 / (i + 1), 0),
        mid_price: mark,
        mark_price: mark,
        low: round(mark * 0.96, 1),
        last: round(mark * 1.0001, 1),
        instrument_name: `${currency}-${label}`,
        high: round(mark * 1.02, 1),
        estimated_delivery_price: index,
        creation_timestamp: now - 300,
        bid_price: round(mark - 2.5, 1),
        base_currency: currency,
        ask_price: round(mark + 2.5, 1),
        volume_notional: round(2.1e7 / (i + 1), 2),
      };
    });
    rows.push({
      volume_usd: 1.47e9,
      volume: 34821.2,
      quote_currency: 'USD',
      price_change: -4.4,
      open_interest: 6.1e8,
      mid_price: index,
      mark_price: round(index * 1.0001, 2),
      low: round(index * 0.95, 1),
      last: index,
      instrument_name: `${currency}-PERPETUAL`,
      high: round(index * 1.03, 1),
      estimated_delivery_price: index,
      creation_timestamp: now - 300,
      current_funding: 0,
      funding_8h: 0.00002,
      bid_price: index - 0.5,
      base_currency: currency,
      ask_price: index,
      volume_notional: 1.47e9,
    });
    return rpc(rows, now);
  }
  if (path === '/api/v2/public/get_volatility_index_data') {
    const step = q.get('resolution') === '1D' ? DAY : Number(q.get('resolution') ?? '3600') * 1000;
    const end = Math.min(num(q, 'end_timestamp', now), now);
    const data: number[][] = [];
    for (let t = Math.ceil(num(q, 'start_timestamp', 0) / step) * step; t <= end; t += step) {
      const o = dvol(currency, t);
      const c = dvol(currency, t + step);
      data.push([t, round(o, 2), round(Math.max(o, c) + 0.8, 2), round(Math.min(o, c) - 0.7, 2), round(c, 2)]);
    }
    return rpc({ data, continuation: null }, now);
  }
  return undefined;
}

/** NYSE holidays in the fixture range (closed sessions). */
const HOLIDAYS = new Set(['2023-11-23', '2023-12-25', '2024-01-01']);
const PRE_LAUNCH = new Set(['IBIT', 'FBTC', 'ARKB', 'BITB']);
const LEVEL: Record<string, { price: (t: number) => number; volume: number; type: string; name: string }> = {
  GBTC: { price: (t) => price('BTC', t) * 0.000905, volume: 9.5e6, type: 'ETF', name: 'Grayscale Bitcoin Trust (BTC)' },
  'DX-Y.NYB': { price: (t) => 102.4 + Math.sin(t / (9 * DAY)) * 1.1, volume: 0, type: 'INDEX', name: 'US Dollar Index' },
  '^TNX': { price: (t) => 4.0 + Math.sin(t / (13 * DAY)) * 0.25, volume: 0, type: 'INDEX', name: 'Treasury Yield 10 Years' },
  '^IXIC': { price: (t) => 14600 + Math.sin(t / (17 * DAY)) * 450, volume: 5.1e9, type: 'INDEX', name: 'NASDAQ Composite' },
};

export function yahooApi(path: string, q: Query, now: number): unknown {
  const match = /^\/v8\/finance\/chart\/([^/]+)$/.exec(path);
  if (!match) return undefined;
  const symbol = decodeURIComponent(match[1]!);
  const level = LEVEL[symbol];
  const meta = {
    currency: 'USD',
    symbol,
    exchangeName: symbol.startsWith('^') || symbol.includes('.') ? 'NIM' : 'PCX',
    fullExchangeName: symbol.startsWith('^') ? 'Nasdaq GIDS' : 'NYSEArca',
    instrumentType: level?.type ?? 'ETF',
    firstTradeDate: PRE_LAUNCH.has(symbol) ? 1704983400 : 1424442600,
    regularMarketTime: Math.floor(now / 1000) - 3600 * 15,
    hasPrePostMarketData: !symbol.startsWith('^'),
    gmtoffset: -18000,
    timezone: 'EST',
    exchangeTimezoneName: 'America/New_York',
    priceHint: 2,
    dataGranularity: '1d',
    range: '',
    validRanges: ['1d', '5d', '1mo', '3mo', '6mo', '1y', '2y', '5y', '10y', 'ytd', 'max'],
  };
  if (!level) {
    if (PRE_LAUNCH.has(symbol)) return { chart: { result: [{ meta, indicators: { quote: [{}], adjclose: [{}] } }], error: null } };
    return new Reply(404, { chart: { result: null, error: { code: 'Not Found', description: 'No data found, symbol may be delisted' } } });
  }
  const timestamp: number[] = [];
  const quote = {
    open: [] as Array<number | null>,
    high: [] as Array<number | null>,
    low: [] as Array<number | null>,
    close: [] as Array<number | null>,
    volume: [] as Array<number | null>,
  };
  const from = num(q, 'period1', 0) * 1000;
  const to = Math.min(num(q, 'period2', now / 1000) * 1000, now);
  for (let day = Math.floor(from / DAY) * DAY; day < to; day += DAY) {
    const date = new Date(day);
    const iso = date.toISOString().slice(0, 10);
    if (date.getUTCDay() === 0 || date.getUTCDay() === 6 || HOLIDAYS.has(iso)) continue;
    // 09:30 New York (EST, UTC−5) = 14:30 UTC.
    const open = day + 14.5 * HOUR;
    if (open < from || open > to) continue;
    timestamp.push(open / 1000);
    const o = level.price(open);
    const c = level.price(open + 6.5 * HOUR);
    quote.open.push(o);
    quote.close.push(c);
    quote.high.push(Math.max(o, c) * 1.006);
    quote.low.push(Math.min(o, c) * 0.994);
    quote.volume.push(Math.round(level.volume * (0.7 + 0.6 * unit('yv', symbol, day))));
  }
  return {
    chart: {
      result: [
        {
          meta: { ...meta, regularMarketPrice: quote.close.at(-1) ?? 0, chartPreviousClose: quote.open[0] ?? 0 },
          timestamp,
          indicators: { quote: [quote], adjclose: [{ adjclose: quote.close }] },
        },
      ],
      error: null,
    },
  };
}

const blockchairContext = (rows: number, now: number, extra: Record<string, unknown> = {}) => ({
  code: 200,
  source: 'D',
  results: rows,
  state: 824_183,
  market_price_usd: round(price('BTC', now), 0),
  cache: {
    live: true,
    duration: 60,
    since: new Date(now).toISOString().slice(0, 19).replace('T', ' '),
    until: new Date(now + 60000).toISOString().slice(0, 19).replace('T', ' '),
    time: null,
  },
  api: {
    version: '2.0.95-ie',
    last_major_update: '2022-11-07 02:00:00',
    next_major_update: null,
    documentation: 'https://blockchair.com/api/docs',
    notice: ':)',
  },
  servers: 'API4,BTC0',
  time: 0.61,
  render_time: 0.0021,
  full_time: 0.612,
  request_cost: 4,
  ...extra,
});

/** Parses Blockchair's `time(a..b)` (dates or datetimes, UTC). */
function timeRange(q: string): [number, number] {
  const m = /time\(([^.]+)\.\.([^)]+)\)/.exec(q);
  if (!m) return [0, 0];
  const parse = (s: string, end: boolean) =>
    s.length === 10 ? Date.parse(`${s}T00:00:00Z`) + (end ? DAY - 1000 : 0) : Date.parse(`${s.replace(' ', 'T')}Z`);
  return [parse(m[1]!, false), parse(m[2]!, true)];
}

export function blockchairApi(path: string, q: Query, now: number): unknown {
  if (path !== '/bitcoin/transactions') return undefined;
  const [from, to] = timeRange(q.get('q') ?? '');
  if (q.get('a') === 'date,count()') {
    const data = [];
    for (let day = Math.floor(from / DAY) * DAY; day <= to && day <= now; day += DAY)
      data.push({ date: new Date(day).toISOString().slice(0, 10), 'count()': whaleCount(day) });
    return {
      data,
      context: blockchairContext(data.length, now, { limit: 10000, offset: null, rows: data.length, pre_rows: null, total_rows: null }),
    };
  }
  const rows = [];
  for (let day = Math.floor(from / DAY) * DAY; day <= to; day += DAY) {
    for (let i = 0; i < whaleCount(day); i += 1) {
      const time = day + Math.floor((unit('wt', day, i) * DAY) / 1000) * 1000;
      if (time < from || time > to || time > now) continue;
      const btc = 1000 + Math.floor(unit('wa', day, i) ** 3 * 24000 * 1e4) / 1e4;
      const sat = Math.round(btc * 1e8);
      const usd = round((sat / 1e8) * price('BTC', time), 2);
      rows.push({
        block_id: 824_000 + Math.floor((time - Date.parse('2024-01-03T00:00:00Z')) / 600_000),
        id: 955_000_000 + Math.floor(unit('wid', day, i) * 1e6),
        hash: fakeHash('tx', day, i),
        date: new Date(time).toISOString().slice(0, 10),
        time: new Date(time).toISOString().slice(0, 19).replace('T', ' '),
        size: 400 + Math.floor(unit('ws', day, i) * 4000),
        weight: 1200 + Math.floor(unit('ww', day, i) * 9000),
        version: 2,
        lock_time: 0,
        is_coinbase: false,
        has_witness: true,
        input_count: 1 + Math.floor(unit('wi', day, i) * 30),
        output_count: 1 + Math.floor(unit('wo', day, i) * 3),
        input_total: sat + 15000,
        input_total_usd: usd,
        output_total: sat,
        output_total_usd: usd,
        fee: 15000,
        fee_usd: round(0.00015 * price('BTC', time), 4),
        fee_per_kb: 9000,
        fee_per_kb_usd: 3.8,
        fee_per_kwu: 2250,
        fee_per_kwu_usd: 0.96,
        cdd_total: round(btc * 3.2, 6),
      });
    }
  }
  // Blockchair sorts by the `s` column (id ascending, or output total descending) and pages by
  // `offset`; without a key a page holds at most 100 rows, and `total_rows` counts them all.
  if (q.get('s') === 'id(asc)') rows.sort((a, b) => a.id - b.id || (a.hash < b.hash ? -1 : 1));
  else rows.sort((a, b) => b.output_total - a.output_total || (a.hash < b.hash ? -1 : 1));
  const limit = Math.min(num(q, 'limit', 10), 100);
  const offset = num(q, 'offset', 0);
  const data = rows.slice(offset, offset + limit);
  return { data, context: blockchairContext(data.length, now, { limit, offset, rows: data.length, total_rows: rows.length }) };
}

const OWNERS = [
  { owner: 'binance', owner_type: 'exchange' },
  { owner: 'coinbase', owner_type: 'exchange' },
  { owner: 'unknown', owner_type: 'unknown' },
  { owner: 'unknown', owner_type: 'unknown' },
  { owner: 'bitfinex', owner_type: 'exchange' },
];

export function whaleAlertApi(path: string, q: Query, now: number): unknown {
  if (path !== '/v1/transactions') return undefined;
  if (!q.get('api_key')) return new Reply(401, { result: 'error', message: 'invalid api_key' });
  const start = num(q, 'start', 0) * 1000;
  const end = Math.min(num(q, 'end', now / 1000) * 1000, now);
  const transactions = [];
  for (let i = 0; i < 14; i += 1) {
    const time = start + Math.floor((unit('wat', i) * (end - start)) / 1000) * 1000;
    const amount = round(1000 + unit('waa', i) ** 2 * 9000, 8);
    const from = OWNERS[Math.floor(unit('waf', i) * OWNERS.length)]!;
    const to = OWNERS[Math.floor(unit('wato', i) * OWNERS.length)]!;
    transactions.push({
      blockchain: 'bitcoin',
      symbol: 'btc',
      id: String(2_178_000_000 + i),
      transaction_type: 'transfer',
      hash: fakeHash('wa', i),
      from: { address: `bc1q${fakeHash('fa', i).slice(0, 38)}`, ...from },
      to: { address: `bc1q${fakeHash('ta', i).slice(0, 38)}`, ...to },
      timestamp: time / 1000,
      amount,
      amount_usd: round(amount * price('BTC', time), 2),
      transaction_count: 1,
    });
  }
  transactions.sort((a, b) => a.timestamp - b.timestamp);
  return {
    result: 'success',
    cursor: `${fakeHash('cursor').slice(0, 8)}-${fakeHash('cursor2').slice(0, 8)}-${Math.floor(end / 1000)}`,
    count: transactions.length,
    transactions,
  };
}

export function coinglassApi(path: string, q: Query, now: number): unknown {
  if (path === '/api/futures/liquidation/aggregated-history') {
    const symbol = q.get('symbol') ?? 'BTC';
    const step = 4 * HOUR;
    const end = Math.min(num(q, 'end_time', now), now);
    const data = [];
    for (let t = Math.ceil(num(q, 'start_time', now - 30 * DAY) / step) * step; t < end && data.length < num(q, 'limit', 100); t += step) {
      const bar = liquidations4h(symbol, t);
      data.push({ time: t, aggregated_long_liquidation_usd: bar.long, aggregated_short_liquidation_usd: bar.short });
    }
    return { code: '0', msg: 'success', data };
  }
  if (path === '/api/futures/liquidation/exchange-list') {
    // Rolling range ending now (the real endpoint has no start or end time). Without a symbol: all
    // coins — here BTC, ETH and SOL's six 4-hour bars that closed in the last 24 h, doubled for the
    // coins and venues beyond them; with one, that coin only. Per-exchange rows are shares of "All".
    const step = 4 * HOUR;
    const range = { '1h': HOUR, '4h': 4 * HOUR, '12h': 12 * HOUR, '24h': DAY }[q.get('range') ?? ''];
    if (range === undefined) return { code: '400', msg: 'range must be one of 1h, 4h, 12h, 24h' };
    const coins = q.get('symbol') ? [q.get('symbol')!] : ['BTC', 'ETH', 'SOL'];
    const factor = q.get('symbol') ? 1 : 2;
    let long = 0;
    let short = 0;
    for (const coin of coins)
      for (let t = Math.floor(now / step) * step - step; t >= now - range; t -= step) {
        const bar = liquidations4h(coin, t);
        long += bar.long * factor;
        short += bar.short * factor;
      }
    const row = (exchange: string, share: number) => ({
      exchange,
      liquidation_usd: Math.round((long + short) * share * 100) / 100,
      long_liquidation_usd: Math.round(long * share * 100) / 100,
      short_liquidation_usd: Math.round(short * share * 100) / 100,
    });
    const all = {
      exchange: 'All',
      liquidation_usd: Math.round((long + short) * 100) / 100,
      long_liquidation_usd: Math.round(long * 100) / 100,
      short_liquidation_usd: Math.round(short * 100) / 100,
    };
    return { code: '0', msg: 'success', data: [all, row('Binance', 0.45), row('OKX', 0.2), row('Bybit', 0.2)] };
  }
  if (path === '/api/etf/bitcoin/flow-history' || path === '/api/etf/ethereum/flow-history') {
    // US spot bitcoin ETFs started trading on 11 January 2024: nothing before.
    return { code: '0', msg: 'success', data: [] };
  }
  return undefined;
}
