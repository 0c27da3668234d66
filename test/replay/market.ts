/**
 * A small deterministic market model behind the fake exchanges: hourly prices for BTC, ETH and
 * BNB as pure functions of time (log-linear anchors plus seeded noise), with the 4 January 2024
 * episode of the reference article: BTC falls from above 44,000 to below 42,000 between
 * 18:00 and 20:00 UTC on 3 January (02:00–04:00 on the 4th in UTC+8), longs are liquidated,
 * funding and basis cool down. Every figure is synthetic; only the shapes are real.
 */

export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** mulberry32 over a 32-bit hash of the inputs: a reproducible uniform number in [0, 1). */
export function unit(...keys: Array<string | number>): number {
  let h = 2166136261;
  for (const ch of keys.join('|')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 16777619);
  }
  let t = (h + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** BTC anchors (ms UTC, USD); log-linear between them. */
const BTC_ANCHORS: Array<[string, number]> = [
  ['2019-06-01T00:00:00Z', 8600],
  ['2020-03-12T00:00:00Z', 5000],
  ['2020-12-31T00:00:00Z', 29000],
  ['2021-04-14T00:00:00Z', 63000],
  ['2021-07-20T00:00:00Z', 30000],
  ['2021-11-10T00:00:00Z', 67000],
  ['2022-06-18T00:00:00Z', 19000],
  ['2022-11-07T00:00:00Z', 20900],
  ['2022-11-09T18:00:00Z', 16000],
  ['2023-03-10T00:00:00Z', 20000],
  ['2023-07-13T00:00:00Z', 31000],
  ['2023-09-11T00:00:00Z', 25000],
  ['2023-12-05T00:00:00Z', 44000],
  ['2024-01-02T12:00:00Z', 45500],
  ['2024-01-03T17:00:00Z', 44700],
  ['2024-01-03T18:00:00Z', 44200],
  ['2024-01-03T19:00:00Z', 42400],
  ['2024-01-03T20:00:00Z', 41700],
  ['2024-01-03T23:00:00Z', 42500],
  ['2024-01-04T16:00:00Z', 42850],
  ['2024-02-01T00:00:00Z', 43000],
].map(([iso, price]) => [iso, price] as [string, number]);
const ANCHORS = BTC_ANCHORS.map(([iso, price]) => ({ t: Date.parse(iso), log: Math.log(price) }));

/** The hour of the crash (UTC) and the brief's window, for the derivatives models. */
export const CRASH_START = Date.parse('2024-01-03T18:00:00Z');
export const CRASH_END = Date.parse('2024-01-03T21:00:00Z');

const RATIO: Record<string, { ratio: number; seed: number; vol: number }> = {
  BTC: { ratio: 1, seed: 1, vol: 1 },
  ETH: { ratio: 0.0535, seed: 2, vol: 1.25 },
  BNB: { ratio: 0.0073, seed: 3, vol: 1.1 },
};

function anchorLog(t: number): number {
  const first = ANCHORS[0]!;
  if (t <= first.t) return first.log;
  for (let i = 1; i < ANCHORS.length; i += 1) {
    const a = ANCHORS[i - 1]!;
    const b = ANCHORS[i]!;
    if (t <= b.t) return a.log + ((b.log - a.log) * (t - a.t)) / (b.t - a.t);
  }
  return ANCHORS.at(-1)!.log;
}

/** Smooth seeded noise: a few slow sines (weeks, days) with seeded phases, in log units. */
function wiggle(asset: string, t: number): number {
  const spec = RATIO[asset] ?? { seed: 9, vol: 1 };
  let sum = 0;
  const periods = [29 * DAY, 7.3 * DAY, 2.1 * DAY, 0.41 * DAY];
  const amps = [0.03, 0.015, 0.007, 0.003];
  periods.forEach((period, i) => {
    sum += amps[i]! * Math.sin((2 * Math.PI * t) / period + 2 * Math.PI * unit('phase', spec.seed, i));
  });
  // Damp the wiggle within days of the crash so the anchors (the article's levels) shape the episode.
  const damp = Math.min(1, Math.abs(t - CRASH_START) / (5 * DAY));
  return sum * spec.vol * (0.1 + 0.9 * damp);
}

/** Mid price at instant t (USD). */
export function price(asset: string, t: number): number {
  const spec = RATIO[asset] ?? { ratio: 0.001, seed: 9, vol: 1 };
  const relative = asset === 'BTC' ? 0 : 0.08 * Math.sin((2 * Math.PI * t) / (97 * DAY) + spec.seed);
  return Math.exp(anchorLog(t) + wiggle(asset, t) + relative) * spec.ratio;
}

export interface Bar {
  t: number;
  o: number;
  h: number;
  l: number;
  c: number;
  /** Base-asset volume. */
  v: number;
}

/** Typical hourly base volume per asset on a quiet hour. */
const HOURLY_VOLUME: Record<string, number> = { BTC: 1100, ETH: 14000, BNB: 9000 };

export function hourBar(asset: string, t: number, venueSeed = 0): Bar {
  const o = price(asset, t);
  const c = price(asset, t + HOUR);
  const wickUp = 1 + 0.0015 + 0.004 * unit('hi', asset, t, venueSeed);
  const wickDown = 1 - 0.0015 - 0.004 * unit('lo', asset, t, venueSeed);
  const move = Math.abs(Math.log(c / o));
  const crash = t >= CRASH_START && t < CRASH_END ? 4 : 1;
  const v = (HOURLY_VOLUME[asset] ?? 5000) * (0.6 + 0.8 * unit('v', asset, t, venueSeed)) * (1 + 40 * move) * crash;
  return { t, o, h: Math.max(o, c) * wickUp, l: Math.min(o, c) * wickDown, c, v };
}

const dayBars = new Map<string, Bar>();

/** A UTC day aggregated from its 24 hours (memoised: the fake exchanges ask for years of them). */
export function dayBar(asset: string, t: number, venueSeed = 0): Bar {
  const key = `${asset}|${t}|${venueSeed}`;
  const cached = dayBars.get(key);
  if (cached) return cached;
  const bar = computeDayBar(asset, t, venueSeed);
  dayBars.set(key, bar);
  return bar;
}

function computeDayBar(asset: string, t: number, venueSeed: number): Bar {
  const hours = Array.from({ length: 24 }, (_, i) => hourBar(asset, t + i * HOUR, venueSeed));
  return {
    t,
    o: hours[0]!.o,
    h: Math.max(...hours.map((b) => b.h)),
    l: Math.min(...hours.map((b) => b.l)),
    c: hours[23]!.c,
    v: hours.reduce((sum, b) => sum + b.v, 0),
  };
}

/** Perpetual funding per 8 h interval (fraction): hot before the crash, near zero after. */
export function fundingRate(asset: string, t: number, venue: string): number {
  const base = t < CRASH_START ? 0.00032 : t < CRASH_START + DAY ? -0.00002 : 0.00008;
  const jitter = (unit('f', asset, venue, t) - 0.5) * 0.00012;
  return Math.round((base + jitter) * 1e8) / 1e8;
}

/** Annualized quarterly basis (fraction): 11 % before the crash, 5 % after. */
export function annualizedBasis(t: number, tenor: number): number {
  const level = t < CRASH_START ? 0.112 : t < CRASH_END ? 0.08 : 0.052;
  return level + tenor * 0.012 + (unit('b', t, tenor) - 0.5) * 0.006;
}

/** Open interest in base units: builds up, drops 9 % through the crash. */
export function openInterest(asset: string, t: number): number {
  const base = asset === 'BTC' ? 78_000 : asset === 'ETH' ? 920_000 : 520_000;
  const cut = t < CRASH_START ? 1 : t < CRASH_END ? 1 - (0.09 * (t - CRASH_START)) / (CRASH_END - CRASH_START) : 0.91;
  const drift = 1 + ((t - CRASH_START) / (30 * DAY)) * 0.04;
  return base * cut * drift * (1 + (unit('oi', asset, t) - 0.5) * 0.004);
}

/** DVOL (vol points). */
export function dvol(asset: string, t: number): number {
  const base = asset === 'BTC' ? 52 : 55;
  const spike = t >= CRASH_START && t < CRASH_START + DAY ? 9 * Math.exp(-(t - CRASH_START) / (10 * HOUR)) : 0;
  return base + 4 * Math.sin((2 * Math.PI * t) / (11 * DAY)) + spike + (unit('dv', asset, t) - 0.5);
}

/** Aggregated liquidations in a 4-hour bar (USD): long and short. */
export function liquidations4h(asset: string, t: number): { long: number; short: number } {
  const scale = asset === 'BTC' ? 1 : asset === 'ETH' ? 0.7 : 0.05;
  let long = (8e6 + 14e6 * unit('ll', asset, t)) * scale;
  let short = (6e6 + 12e6 * unit('ls', asset, t)) * scale;
  if (t >= CRASH_START - 2 * HOUR && t < CRASH_END + HOUR) {
    long += 430e6 * scale;
    short += 120e6 * scale;
  }
  return { long: Math.round(long * 100) / 100, short: Math.round(short * 100) / 100 };
}

/** Count of ≥ 1000 BTC transactions on a UTC day. */
export function whaleCount(day: number): number {
  const crash = day === Date.parse('2024-01-03T00:00:00Z') ? 70 : day === Date.parse('2024-01-04T00:00:00Z') ? 35 : 0;
  return 28 + Math.floor(24 * unit('wc', day)) + crash;
}

/** 64-hex pseudo hash. */
export function fakeHash(...keys: Array<string | number>): string {
  let out = '';
  for (let i = 0; out.length < 64; i += 1)
    out += Math.floor(unit('h', i, ...keys) * 0xffffffff)
      .toString(16)
      .padStart(8, '0');
  return out.slice(0, 64);
}
