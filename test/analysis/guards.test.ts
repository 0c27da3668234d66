/** Broken data (a 1e308 price or funding rate in a hand-edited snapshot) never breaks analysis. */
import { describe, expect, it } from 'vitest';
import { fundingFlipSignal } from '../../pipeline/analysis/signals/funding-flip.js';
import { DEFAULT_THRESHOLDS } from '../../kernel/thresholds.js';
import { levelsBetween } from '../../pipeline/analysis/util/levels.js';
import { DAY, HOUR, START, contextWith, makeSnapshot, prov } from './helpers/make-snapshot.js';

describe('analysis guards', () => {
  it('lists round levels for a day’s range, and none for a range no market makes', () => {
    expect(levelsBetween(41_700, 44_800, 1000)).toEqual([42_000, 43_000, 44_000]);
    expect(levelsBetween(40_000, 1e308, 1000)).toEqual([]);
    // 1000 steps is still listed: (1,001,000 − 1,000) / 1000 − 1 = 999 levels.
    expect(levelsBetween(1000, 1_001_000, 1000)).toHaveLength(999);
  });

  it('leaves implausible funding rates out of the averages', () => {
    const history = [] as { time: number; rate: number }[];
    // 21 settlements over 7 days at 0.04 % per 8 h, one of them a broken 1e308.
    for (let k = 21; k >= 1; k -= 1) history.push({ time: START - k * 8 * HOUR, rate: k === 5 ? 1e308 : 0.0004 });
    const snapshot = makeSnapshot({
      funding: [
        {
          venue: 'binance',
          symbol: 'BTCUSDT',
          asset: 'BTC',
          intervalHours: 8,
          current: { rate: 1e308, time: START + 20 * HOUR },
          history,
          provenance: prov('binance'),
        },
      ],
    });
    const [finding] = fundingFlipSignal(snapshot, DEFAULT_THRESHOLDS, contextWith());
    expect(finding?.kind).toBe('funding_flip');
    if (finding?.kind !== 'funding_flip') return;
    // Prior: the mean of the 20 plausible 0.0004 rates; current: the last plausible settled rate.
    expect(finding.perVenue[0]?.priorAvgPer8h).toBeCloseTo(0.0004, 12);
    expect(finding.perVenue[0]?.currentPer8h).toBeCloseTo(0.0004, 12);
    expect(START - 8 * DAY).toBeLessThan(history[0]!.time);
  });
});
