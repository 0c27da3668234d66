/**
 * Editorial notes set against the day's market data: a desk figure the market contradicts is
 * bad input (exit 2), named by file and field path, before anything is composed. Today one rule:
 * an entity move's USD value, divided by its coins, must be a price the asset traded at in the
 * hour of the move (its hourly spot candle, the price preference's venue), within
 * PRICE_TOLERANCE. 17,576 ETH "for $46.0 million" at 11:20 on 5 August 2024 is $2,617 per ETH
 * when ETH traded 2,286–2,326 that hour: a typo or a stale conversion, and the brief would print it.
 * A note whose hour has no candle (an asset the snapshot does not price) is not checked.
 */
import { InputError } from '../../kernel/errors.js';
import { formatNumber } from '../../kernel/locale/index.js';
import type { Snapshot } from '../../kernel/snapshot/index.js';
import type { Thresholds } from '../../kernel/thresholds.js';
import { pickSpotSeries } from '../analysis/index.js';
import { HOUR_MS } from '../../kernel/time.js';
import type { Notes } from './notes.js';

/**
 * How far outside the hour's low–high an implied price may lie (fraction): an OTC block can
 * price a little off the screen, and a desk rounds the USD value; a quarter off cannot be either.
 */
export const PRICE_TOLERANCE = 0.05;

export function checkNotesAgainstMarket(notes: Notes, snapshot: Snapshot, thresholds: Thresholds, file: string): void {
  const issues: string[] = [];
  notes.notes.forEach((note, i) => {
    if (note.kind !== 'entity_move' || note.amountUsd === undefined || !(note.amountCoins > 0)) return;
    const at = Date.parse(note.time);
    const series = pickSpotSeries(snapshot, note.asset, '1h', thresholds.venues.pricePreference);
    const candle = series?.item.candles.find((c) => c.t <= at && at < c.t + HOUR_MS);
    if (!series || !candle) return;
    const implied = note.amountUsd / note.amountCoins;
    if (implied >= candle.l * (1 - PRICE_TOLERANCE) && implied <= candle.h * (1 + PRICE_TOLERANCE)) return;
    issues.push(
      `notes[${i}].amountUsd: ${formatNumber(note.amountCoins)} ${note.asset} for $${formatNumber(note.amountUsd, 0)} is ` +
        `$${formatNumber(implied, 0)} per ${note.asset}, but ${note.asset} traded ${formatNumber(candle.l)}–${formatNumber(candle.h)} ` +
        `in the hour from ${new Date(candle.t).toISOString().slice(0, 16)}Z (${series.item.venue}); check amountUsd or amountCoins`,
    );
  });
  if (issues.length > 0) throw new InputError(file, 'has a figure the market data contradicts', issues);
}
