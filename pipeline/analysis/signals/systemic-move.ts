/**
 * Systemic move: several assets falling (or rising) together, against one moving alone.
 *
 * Reads the price moves of this run. Needs at least two assets with a price move and at least
 * one beyond `systemic.moveFractionMin`. The direction is that of the largest absolute move;
 * `systemic` is true when every asset with a price move moved that way beyond the threshold.
 * When only some did, the finding still appears (systemic = false): "ETH alone fell".
 */
import { earlierOf, type Signal } from '../context.js';
import type { Finding } from '../findings.js';
import { importanceOf, thresholdRatio } from '../importance.js';
import { sourceIds } from '../util/series.js';

export const systemicMoveSignal: Signal = (_snapshot, thresholds, context) => {
  const moves = earlierOf(context, 'price_move');
  if (moves.length < 2) return [];
  const min = thresholds.systemic.moveFractionMin;
  const beyond = moves.filter((m) => Math.abs(m.changeFraction) >= min && m.changeFraction !== 0);
  if (beyond.length === 0) return [];

  // Largest absolute move sets the direction; ties go to the first asset in snapshot order.
  let lead = beyond[0]!;
  for (const m of beyond) if (Math.abs(m.changeFraction) > Math.abs(lead.changeFraction)) lead = m;
  const direction: 'down' | 'up' = lead.changeFraction < 0 ? 'down' : 'up';
  const sameWay = (c: number) => (direction === 'down' ? c <= -min : c >= min);
  const systemic = moves.every((m) => sameWay(m.changeFraction));

  // Importance grows with the share of assets that moved together and with the typical size.
  const together = moves.filter((m) => sameWay(m.changeFraction));
  const meanAbs = together.reduce((s, m) => s + Math.abs(m.changeFraction), 0) / together.length;
  const ratio = thresholdRatio(meanAbs, min) * (together.length / moves.length);

  const finding: Finding = {
    kind: 'systemic_move',
    importance: importanceOf('systemic_move', systemic ? Math.max(1, ratio) : Math.min(0.99, ratio)),
    sources: sourceIds(moves.flatMap((m) => m.sources)),
    paths: [...new Set(moves.flatMap((m) => m.paths))],
    threshold: { name: 'systemic.moveFractionMin', value: min, unit: 'fraction' },
    direction,
    assets: moves.map((m) => ({ asset: m.asset, changeFraction: m.changeFraction })),
    systemic,
  };
  return [finding];
};
