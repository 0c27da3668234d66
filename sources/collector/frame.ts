/**
 * What every exchange's frame parser returns, and the helpers they share. Parsers are pure:
 * text in, normalised events and one-line problems out; they never throw on bad input.
 */
import type { z } from 'zod';
import { formatZodIssues } from '../../kernel/errors.js';
import type { ParsedEvent } from './event.js';

export interface FrameResult {
  events: ParsedEvent[];
  /** Malformed frames or entries, one line each (path: message), already truncated. */
  problems: string[];
  /** Set for control frames (subscription acks, pongs): what they were, for debug logs. */
  control?: string;
}

/** Parse a frame's text as JSON; a syntax error is a problem, not an exception. */
export function parseJsonFrame(text: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problem: `not JSON (${error instanceof Error ? error.message : String(error)}): ${snippet(text)}` };
  }
}

/** zod issues as one line, rooted at `where`, at most 200 characters. */
export function describeIssues(where: string, error: z.ZodError): string {
  return truncate(formatZodIssues(error.issues, where).join('; '), 200);
}

/** A short, single-line, quoted excerpt of untrusted text for a log line. */
export function snippet(text: string, max = 80): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Products of decimals carry binary noise (0.02 × 42000 = 840.0000000000001); twelve
 * significant digits are far beyond what the exchanges quote and make the stored figures clean.
 */
export function roundSignificant(value: number): number {
  return Number(value.toPrecision(12));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The asset of a USDT- or USDC-margined symbol (`BTCUSDT`, `ETHUSDC`, a Binance delivery
 * contract `BTCUSDT_240628`), if it is one of the tracked assets.
 */
export function assetOfLinearSymbol(symbol: string, assets: ReadonlySet<string>): string | undefined {
  const match = /^([A-Z0-9]+?)(?:USDT|USDC)(?:_\d{6})?$/.exec(symbol);
  const base = match?.[1];
  return base !== undefined && assets.has(base) ? base : undefined;
}
