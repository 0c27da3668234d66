/**
 * For each provider, the request the fault suite aims at and how to damage its answer: where
 * the first record sits in the real response shape, which field to rename, blank or re-type,
 * what "empty" looks like, and the provider's own error inside a body.
 */
import type { DataFamily } from '../../kernel/snapshot/schema.js';
import type { SourceErrorKind } from '../../sources/errors.js';
import type { ProviderId } from '../../sources/types.js';

type J = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- raw provider JSON is navigated freely here

export interface FaultTarget {
  provider: ProviderId;
  family: DataFamily;
  /** The one request hit by the faults. */
  path: string;
  query?: Record<string, string>;
  /** HTTP status that bans our IP (Binance 418, Blockchair 430). */
  banStatus?: number;
  banBody?: unknown;
  /** The record (object or positional array) whose field is damaged. */
  record(json: J): J;
  field: string | number;
  /** What a schema message must mention for a renamed or blanked field. */
  fieldHint: string;
  /** The answer with no data. */
  empty(json: J): J;
  /** The field may legitimately be null (Yahoo: a halted session), so null drops that row instead. */
  nullAllowed?: boolean;
  /** The provider's error inside a body, and how it must be classified. */
  bodyError: { status: number; json: unknown; kind: SourceErrorKind; attempts: number };
}

export const FAULT_TARGETS: FaultTarget[] = [
  {
    provider: 'binance',
    family: 'prices',
    path: '/api/v3/klines',
    query: { interval: '1h' },
    banStatus: 418,
    banBody: {
      code: -1003,
      msg: 'Way too many requests; IP(127.0.0.1) banned until 1704384300000. Please use the websocket for live updates to avoid bans.',
    },
    record: (json) => json[0],
    field: 4,
    fieldHint: 'binance.klines[BTCUSDT 1h][0]',
    empty: () => [],
    // Binance reports errors with HTTP 4xx and {code, msg}; a 4xx other than 429/418 is not retried.
    bodyError: { status: 400, json: { code: -1121, msg: 'Invalid symbol.' }, kind: 'BadResponse', attempts: 1 },
  },
  {
    provider: 'binance-futures',
    family: 'funding',
    path: '/fapi/v1/fundingRate',
    banStatus: 418,
    banBody: { code: -1003, msg: 'Way too many requests; IP banned until 1704384300000.' },
    record: (json) => json[0],
    field: 'fundingRate',
    fieldHint: 'binance.fundingRate[BTCUSDT][0].fundingRate',
    empty: () => [],
    bodyError: { status: 400, json: { code: -1130, msg: 'Data sent for parameter limit is not valid.' }, kind: 'BadResponse', attempts: 1 },
  },
  {
    provider: 'okx',
    family: 'funding',
    path: '/api/v5/public/funding-rate-history',
    record: (json) => json.data[0],
    field: 'realizedRate',
    fieldHint: 'okx.fundingRateHistory[BTC-USDT-SWAP].data[0].realizedRate',
    empty: (json) => ({ ...json, data: [] }),
    bodyError: { status: 200, json: { code: '50011', msg: 'Too Many Requests', data: [] }, kind: 'RateLimitExceeded', attempts: 3 },
  },
  {
    provider: 'bybit',
    family: 'funding',
    path: '/v5/market/funding/history',
    record: (json) => json.result.list[0],
    field: 'fundingRate',
    fieldHint: 'bybit.fundingHistory[BTCUSDT].result.list[0].fundingRate',
    empty: (json) => ({ ...json, result: { category: 'linear', list: [] } }),
    bodyError: {
      status: 200,
      json: { retCode: 10001, retMsg: 'params error: symbol invalid', result: {}, retExtInfo: {}, time: 1704384300000 },
      kind: 'BadResponse',
      attempts: 1,
    },
  },
  {
    provider: 'deribit',
    family: 'volatility',
    path: '/api/v2/public/get_volatility_index_data',
    query: { resolution: '1D' },
    record: (json) => json.result.data[0],
    field: 4,
    fieldHint: 'deribit.dvol[BTC 1D].result.data[0]',
    empty: (json) => ({ ...json, result: { data: [], continuation: null } }),
    bodyError: {
      status: 200,
      json: { jsonrpc: '2.0', error: { message: 'too_many_requests', code: 10028 }, usIn: 1, usOut: 2, usDiff: 1, testnet: false },
      kind: 'RateLimitExceeded',
      attempts: 3,
    },
  },
  {
    provider: 'yahoo',
    family: 'etfs',
    path: '/v8/finance/chart/GBTC',
    record: (json) => json.chart.result[0].indicators.quote[0].close,
    field: 0,
    fieldHint: 'yahoo.chart[GBTC].chart.result[0].indicators.quote[0]',
    nullAllowed: true,
    empty: (json) => ({
      chart: { result: [{ meta: json.chart.result[0].meta, indicators: { quote: [{}], adjclose: [{}] } }], error: null },
    }),
    bodyError: {
      status: 401,
      json: { finance: { result: null, error: { code: 'Unauthorized', description: 'Invalid Crumb' } } },
      kind: 'ExchangeNotAvailable',
      attempts: 1,
    },
  },
  {
    provider: 'blockchair',
    family: 'whaleTransfers',
    path: '/bitcoin/transactions',
    query: { a: 'date,count()' },
    banStatus: 430,
    banBody: { data: null, context: { code: 430, error: 'This IP address has been blocked. Please contact info@blockchair.com' } },
    record: (json) => json.data[0],
    field: 'count()',
    fieldHint: 'blockchair.transactions[counts].data[0].count()',
    empty: (json) => ({ ...json, data: [] }),
    bodyError: {
      status: 200,
      json: { data: null, context: { code: 402, error: 'Limit exceeded' } },
      kind: 'RateLimitExceeded',
      attempts: 1,
    },
  },
  {
    provider: 'whale-alert',
    family: 'whaleTransfers',
    path: '/v1/transactions',
    record: (json) => json.transactions[0],
    field: 'amount',
    fieldHint: 'whale-alert.transactions.transactions[0].amount',
    empty: (json) => ({ ...json, count: 0, transactions: [] }),
    bodyError: { status: 200, json: { result: 'error', message: 'usage limit reached' }, kind: 'RateLimitExceeded', attempts: 3 },
  },
  {
    provider: 'coinglass',
    family: 'liquidations',
    path: '/api/futures/liquidation/aggregated-history',
    record: (json) => json.data[0],
    field: 'aggregated_long_liquidation_usd',
    fieldHint: 'coinglass.liquidations[BTC].data[0].aggregated_long_liquidation_usd',
    empty: (json) => ({ ...json, data: [] }),
    bodyError: { status: 200, json: { code: '30001', msg: 'API key missing or invalid' }, kind: 'ExchangeNotAvailable', attempts: 1 },
  },
];
