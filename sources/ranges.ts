/**
 * How far back each family is fetched, relative to the brief's window. One place, so the
 * fixtures, the golden snapshot and the analysis baselines agree.
 */
import { DAY_MS, HOUR_MS, floorUtcDay } from '../kernel/time.js';
import type { BriefWindow } from './types.js';

export const LOOKBACK = {
  /** Daily spot candles: four years and a day, so a move can be ranked against e.g. Nov 2022. */
  spotDailyDays: 4 * 365 + 2,
  /** Hourly spot and Binance perp candles: the window and the 30 days before. */
  hourlyDays: 30,
  /** Daily perp candles (perpetual volume baseline). */
  perpDailyDays: 90,
  /** OKX hourly perp candles (second venue): the window and the 7 days before. */
  okxHourlyDays: 7,
  fundingDays: 30,
  openInterestDays: 7,
  basisDays: 7,
  dvolDailyDays: 60,
  etfDays: 60,
  whaleBaselineDays: 30,
  liquidationHistoryDays: 30,
} as const;

/** Start of the daily range: UTC midnight `days` days before the window's end. */
export function dailyStart(window: BriefWindow, days: number): number {
  return floorUtcDay(window.end) - days * DAY_MS;
}

/** Start of an hourly range: the window's start minus `days` days (hour-aligned for whole-hour zones). */
export function hourlyStart(window: BriefWindow, days: number): number {
  return Math.floor((window.start - days * DAY_MS) / HOUR_MS) * HOUR_MS;
}
