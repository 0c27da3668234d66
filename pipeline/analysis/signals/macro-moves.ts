/**
 * Macro moves: the last completed US session's change in each fetched macro series (the dollar
 * index, the 10-year Treasury yield, the Nasdaq), for the brief's macro paragraph.
 *
 * - Session: the last daily close dated before the brief's day (a US session dated D − 1 closes
 *   during day D in Asian time zones; the session dated D has not closed when the day's brief is
 *   written), against the close before it.
 * - Kind from the Yahoo symbol: `^TNX`-style Treasury yields (quoted in percent) change in
 *   percentage points; the dollar index (`DX…`) and equity indexes in fractions.
 * - A move "fired" at or beyond its threshold: `macro.indexMoveFractionMin`,
 *   `macro.dollarMoveFractionMin`, `macro.yieldMovePointsMin`. Only fired moves may be called a
 *   shock; the others are reported as they are.
 */
import type { Snapshot } from '../../../kernel/snapshot/index.js';
import type { DayPlan } from '../findings.js';
import type { Thresholds } from '../../../kernel/thresholds.js';
import { roundSignificant } from '../util/stats.js';

export type MacroMove = NonNullable<DayPlan['macro']>[number];

export function macroKind(symbol: string): MacroMove['kind'] {
  if (/^\^(TNX|TYX|FVX|IRX)$/i.test(symbol)) return 'yield';
  if (/^DX/i.test(symbol)) return 'dollar';
  return 'index';
}

export function macroMoves(snapshot: Snapshot, thresholds: Thresholds): { moves: MacroMove[]; paths: string[] } {
  const t = thresholds.macro;
  const moves: MacroMove[] = [];
  const paths: string[] = [];
  snapshot.macro.forEach((series, index) => {
    const days = series.daily.filter((d) => d.date < snapshot.date).sort((a, b) => (a.date < b.date ? -1 : 1));
    const last = days[days.length - 1];
    const prev = days[days.length - 2];
    if (!last || !prev || !(prev.close > 0)) return;
    // Implausible levels (a scale error, a bad row) say nothing about the session: left out.
    if (!(Math.abs(last.close) <= t.plausibleLevelMax && prev.close <= t.plausibleLevelMax)) return;
    const kind = macroKind(series.symbol);
    const change = kind === 'yield' ? roundSignificant(last.close - prev.close) : roundSignificant(last.close / prev.close - 1);
    const min = kind === 'yield' ? t.yieldMovePointsMin : kind === 'dollar' ? t.dollarMoveFractionMin : t.indexMoveFractionMin;
    moves.push({
      symbol: series.symbol,
      name: series.name,
      kind,
      date: last.date,
      close: last.close,
      prevClose: prev.close,
      change,
      fired: Math.abs(change) >= min,
    });
    paths.push(`macro[${index}].daily`);
  });
  return { moves, paths };
}
