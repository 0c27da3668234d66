/**
 * Answers for requests no scenario claims: the fake market (responses computed from the market
 * model, shaped like the real APIs) or the recorded fixtures (files written by `--record`).
 */
import { readFileSync } from 'node:fs';
import { recordingFile, requestKey, RecordedResponseSchema } from '../../sources/recording.js';
import { binanceFutures, binanceSpot, bybitApi, okxApi } from './exchanges-derivatives.js';
import { blockchairApi, coinglassApi, deribitApi, whaleAlertApi, yahooApi } from './exchanges-other.js';
import { Reply } from './reply.js';
import type { Fallback, Step } from './server.js';

type Handler = (path: string, query: URLSearchParams, now: number) => unknown;

const HANDLERS: Record<string, Handler> = {
  binance: binanceSpot,
  'binance-futures': binanceFutures,
  okx: okxApi,
  bybit: bybitApi,
  deribit: deribitApi,
  yahoo: yahooApi,
  blockchair: blockchairApi,
  'whale-alert': whaleAlertApi,
  coinglass: coinglassApi,
};

/** The fake exchanges as of `now` (ms UTC). */
export function marketFallback(now: number): Fallback {
  return (provider, path, query) => {
    const value = HANDLERS[provider]?.(path, query, now);
    if (value === undefined) return { status: 404, json: { code: -1, msg: `unknown endpoint ${path}` } };
    if (value instanceof Reply) return { status: value.status, json: value.json };
    return { json: value };
  };
}

/** Serves `--record` files from `dir`: exactly the bytes the providers answered. */
export function recordingsFallback(dir: string): Fallback {
  return (provider, path, query) => {
    const key = requestKey(path, Object.fromEntries(query), ['api_key']);
    let text: string;
    try {
      text = readFileSync(recordingFile(dir, provider, key), 'utf8');
    } catch {
      return { status: 404, json: { error: `no recording for ${provider} ${key}` } };
    }
    const recorded = RecordedResponseSchema.parse(JSON.parse(text));
    const step: Step = {
      status: recorded.status,
      body: recorded.body,
      headers: { 'content-type': recorded.contentType || 'application/json' },
    };
    return step;
  };
}

/** A healthy 200 JSON step from the market for one request (to build scenarios on). */
export function marketStep(now: number, provider: string, path: string, query: URLSearchParams): Step {
  return marketFallback(now)(provider, path, query) ?? { status: 404 };
}
