import { describe, expect, it } from 'vitest';
import { fundingFlipSignal, fundingLevel, toPer8h } from '../../pipeline/analysis/signals/funding-flip.js';
import { DEFAULT_THRESHOLDS } from '../../kernel/thresholds.js';
import type { SnapshotInput } from '../../kernel/snapshot/schema.js';
import { DAY, HOUR, START, contextWith, makeSnapshot, prov } from './helpers/make-snapshot.js';

type Funding = NonNullable<SnapshotInput['funding']>[number];

/** Settled every `interval` hours over the 7 days before the window at `prior`, one older outlier, and a current rate. */
function funding(venue: string, intervalHours: number, prior: number, current: number | undefined): Funding {
  const history = [{ time: START - 8 * DAY, rate: 0.01 }];
  for (let t = START - 7 * DAY; t < START; t += intervalHours * HOUR) history.push({ time: t, rate: prior });
  return {
    venue,
    symbol: 'BTCUSDT',
    asset: 'BTC',
    intervalHours,
    ...(current === undefined ? {} : { current: { rate: current, time: START + 20 * HOUR } }),
    history,
    provenance: prov(venue),
  };
}
const oi = (venue: string, oiUsd: number) => ({
  venue,
  symbol: 'BTCUSDT',
  asset: 'BTC',
  history: [{ time: START + 10 * HOUR, oiUsd }],
  provenance: prov(venue),
});
const run = (parts: Partial<SnapshotInput>) => fundingFlipSignal(makeSnapshot(parts), DEFAULT_THRESHOLDS, contextWith());

describe('funding_flip', () => {
  it('normalises to 8 h: a 4-hour 0.01 % is 0.02 % per 8 h', () => {
    expect(toPer8h(0.0001, 4)).toBeCloseTo(0.0002, 15);
    expect(toPer8h(0.0001, 8)).toBe(0.0001);
  });

  it('elevated prior, about zero now, weighted by open interest: flip to neutral', () => {
    const [f] = run({
      funding: [funding('binance', 8, 0.0004, 0.00001), funding('okx', 8, 0.0006, -0.000025), funding('bybit', 4, 0.0001, 0)],
      openInterest: [oi('binance', 6e9), oi('okx', 3e9), oi('bybit', 1e9)],
    });
    if (f?.kind !== 'funding_flip') throw new Error('expected funding_flip');
    // prior (0.0004 × 6 + 0.0006 × 3 + 0.0002 × 1) / 10 = 0.00044; current (0.00001 × 6 − 0.000025 × 3 + 0) / 10 = −0.0000015
    expect(f.weightedPriorPer8h).toBeCloseTo(0.00044, 12);
    expect(f.weightedCurrentPer8h).toBeCloseTo(-0.0000015, 12);
    expect(f).toMatchObject({ state: 'flip_to_neutral', flipped: true, weighting: 'open-interest', priorDays: 7 });
    expect(f.perVenue[2]).toMatchObject({
      venue: 'bybit',
      intervalHours: 4,
      currentRate: 0,
      currentPer8h: 0,
      currentKind: 'current-period',
    });
    expect(f.perVenue[2]?.priorAvgPer8h).toBeCloseTo(0.0002, 12);
    expect(f.perVenue[0]?.currentAnnualizedFraction).toBeCloseTo(0.01095, 12); // 0.00001 × 3 × 365
    expect(f.threshold).toEqual({ name: 'funding.elevatedPriorMinPer8h', value: 0.0002, unit: 'per8h' });
    expect(f.importance).toBe(71.5); // 0.00044 / 0.0002 = 2.2 → 55 × 1.3
  });

  it('equal weights when a venue lacks open interest; the last settled rate stands in for a missing current one', () => {
    const [f] = run({
      funding: [funding('binance', 8, 0.0004, 0.00001), funding('okx', 8, 0.0006, -0.000025), funding('bybit', 4, 0.0001, undefined)],
      openInterest: [oi('binance', 6e9)],
    });
    // bybit current = its last settled 0.0001 per 4 h = 0.0002 per 8 h.
    // prior (0.0004 + 0.0006 + 0.0002) / 3 = 0.0004; current (0.00001 − 0.000025 + 0.0002) / 3 = 0.0000616…
    expect(f).toMatchObject({ weighting: 'equal', state: 'neutral', flipped: false });
    if (f?.kind === 'funding_flip') expect(f.weightedCurrentPer8h).toBeCloseTo(0.000185 / 3, 12);
    // The stand-in is labelled settled, the others as the running period's rate.
    if (f?.kind === 'funding_flip') expect(f.perVenue.map((v) => v.currentKind)).toEqual(['current-period', 'current-period', 'settled']);
  });

  it('flip to negative, rising, negative, and quiet states', () => {
    const state = (prior: number, current: number) => {
      const [f] = run({ funding: [funding('binance', 8, prior, current)] });
      return f?.kind === 'funding_flip' ? [f.state, f.importance, f.threshold?.name] : undefined;
    };
    // 0.0004 / 0.0002 = 2 → 55 × 1.25
    expect(state(0.0004, -0.0002)).toEqual(['flip_to_negative', 68.8, 'funding.elevatedPriorMinPer8h']);
    // 0.0003 / 0.0002 = 1.5 → 55 × 1.125 = 61.875
    expect(state(0.0001, 0.0003)).toEqual(['rising', 61.9, 'funding.elevatedPriorMinPer8h']);
    expect(state(0.0004, 0.0004)).toEqual(['elevated', 68.8, 'funding.elevatedPriorMinPer8h']);
    // |−0.0002| / 0.0002 = 1 → base
    expect(state(0.0001, -0.0002)).toEqual(['negative', 55, 'funding.neutralMaxAbsPer8h']);
    // prior 0.0001 / 0.0002 = 0.5 → 55 × (0.3 + 0.2) = 27.5, nothing fired
    expect(state(0.0001, 0.00001)).toEqual(['neutral', 27.5, undefined]);
  });

  it('sign and size of the weighted rate: elevated, positive, about zero, slightly and deeply negative', () => {
    const t = DEFAULT_THRESHOLDS.funding; // elevated 0.02 %, neutral ±0.005 %, short pressure −0.03 % per 8 h
    expect([0.0002, 0.0001, 0.00005, -0.00005, -0.0001, -0.000299, -0.0003].map((r) => fundingLevel(r, t))).toEqual([
      'elevated',
      'positive',
      'about_zero',
      'about_zero',
      'slightly_negative',
      'slightly_negative',
      'deeply_negative',
    ]);
  });

  it('every configured asset gets its own finding, in snapshot order, with level and the kind of its current rate', () => {
    const of = (asset: string, f: Funding): Funding => ({ ...f, asset, symbol: `${asset}USDT` });
    const settledAt = (venue: string, rate: number): Funding => ({
      ...funding(venue, 8, 0.0001, undefined),
      history: [
        { time: START - DAY, rate: 0.0001 },
        { time: START + HOUR, rate },
      ],
    });
    const findings = fundingFlipSignal(
      makeSnapshot({
        assets: ['BTC', 'ETH', 'BNB'],
        funding: [
          // BTC: two venues with running-period rates, equal weights: (−0.00012 − 0.00025) / 2 = −0.000185
          funding('binance', 8, 0.0001, -0.00012),
          funding('okx', 8, 0.0001, -0.00025),
          // ETH: one current-period rate and one settled stand-in: (−0.0004 + 0.0001 × 2) / 2 = −0.0001
          of('ETH', funding('binance', 8, 0.0001, -0.0004)),
          of('ETH', funding('bybit', 4, 0.0001, undefined)),
          // BNB: the last settled rates in the window, (−0.00035 − 0.00031) / 2 = −0.00033, at or below −0.0003
          of('BNB', settledAt('binance', -0.00035)),
          of('BNB', settledAt('okx', -0.00031)),
        ],
      }),
      DEFAULT_THRESHOLDS,
      contextWith(),
    );
    const read = findings.flatMap((f) =>
      f.kind === 'funding_flip' ? [[f.asset, f.weightedCurrentPer8h, f.state, f.level, f.currentKind]] : [],
    );
    expect(read).toEqual([
      ['BTC', -0.000185, 'negative', 'slightly_negative', 'current-period'],
      ['ETH', -0.0001, 'negative', 'slightly_negative', 'mixed'],
      ['BNB', -0.00033, 'negative', 'deeply_negative', 'settled'],
    ]);
  });

  it('no funding, or no rates before the window: nothing', () => {
    expect(run({})).toEqual([]);
    const late = { ...funding('binance', 8, 0.0004, 0.00001), history: [{ time: START + HOUR, rate: 0.0001 }] };
    expect(run({ funding: [late] })).toEqual([]);
  });
});
