/**
 * Why a brief has nothing to lead with (exit 3), in one line for stderr: the lead asset, the hours
 * of the window its hourly spot series still has against the hours the coverage threshold needs,
 * and the hours the snapshot's gaps say were left out by a cross-check or are missing. Without
 * this the operator sees only "nothing to lead with" and has to dig through the snapshot.
 * English only: it is an operator message, not brief text.
 */
import { formatTime, formatUtcOffset } from '../../kernel/locale/index.js';
import type { Gap, Snapshot } from '../../kernel/snapshot/index.js';
import type { Thresholds } from '../../kernel/thresholds.js';
import { HOUR_MS } from '../../kernel/time.js';
import { pickSpotSeries } from '../analysis/index.js';
import { candlesIn, hoursIn } from '../analysis/index.js';

/** What each check did to the hours it names, as the operator reads it. */
function cause(gap: Gap): string | undefined {
  switch (gap.check?.name) {
    case 'hourly-vs-daily':
      return `left out by a cross-check (outside the ${gap.source} daily candle)`;
    case 'vs-index':
      return 'left out by a cross-check (outside the index price of their hour)';
    case 'vs-reference':
      return 'left out by a cross-check (far from the perpetual and other venues at the same hour)';
    case 'missing-hours':
      return `missing from ${gap.source}`;
    default:
      return undefined;
  }
}

/** Consecutive hours as ranges of open times: "08:00–23:00" (the last hour's open), "03:00". */
export function hourRanges(times: readonly number[], tz: string): string {
  const sorted = [...new Set(times)].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const t of sorted) {
    const last = runs[runs.length - 1];
    if (last && t === last[1] + HOUR_MS) last[1] = t;
    else runs.push([t, t]);
  }
  const text = runs.map(([a, b]) => (a === b ? formatTime(a, tz) : `${formatTime(a, tz)}–${formatTime(b, tz)}`)).join(', ');
  return sorted.length ? `${text} ${formatUtcOffset(sorted[0]!, tz)}` : text;
}

/**
 * The reason line, or undefined when the lead asset's window is covered (then the cause is
 * elsewhere and the caller keeps its generic message).
 */
export function noLeadReason(snapshot: Snapshot, thresholds: Thresholds, tz: string): string | undefined {
  const asset = snapshot.assets[0]!;
  const { start, end } = snapshot.window;
  const expected = hoursIn(start, end);
  const needed = Math.ceil(expected * thresholds.window.minCoverageFraction);
  const picked = pickSpotSeries(snapshot, asset, '1h', thresholds.venues.pricePreference);
  const have = picked ? candlesIn(picked.item.candles, start, end).length : 0;
  if (have >= needed && have > 0) return undefined;
  const provider = picked?.item.provenance.provider;
  const clauses = snapshot.gaps
    .filter((g) => g.family === 'prices' && g.asset === asset && (provider === undefined || g.source === provider))
    .flatMap((g) => {
      const why = cause(g);
      const times = (g.check?.times ?? []).filter((t) => t >= start && t < end);
      return why && times.length ? [`${hourRanges(times, tz)} ${times.length === 1 ? 'was' : 'were'} ${why}`] : [];
    });
  const head = picked ? `${asset} has ${have} of ${expected} hourly candles (${needed} needed)` : `${asset} has no hourly spot candles`;
  return [`no brief for ${snapshot.date}: ${head}`, ...clauses].join('; ');
}
