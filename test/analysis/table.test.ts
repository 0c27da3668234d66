import { describe, expect, it } from 'vitest';
import type { Findings } from '../../pipeline/analysis/findings.js';
import { formatFindingsTable, num, pct, usd } from '../../pipeline/analysis/table.js';
import { HOUR, START, END } from './helpers/make-snapshot.js';

const FINDINGS: Findings = {
  date: '2024-01-04',
  timezone: 'Asia/Shanghai',
  start: START,
  end: END,
  assets: ['BTC'],
  bounds: { fundingMaxAbsPerInterval: 0.03, priceMaxUsd: 10_000_000 },
  findings: [
    {
      kind: 'liquidations',
      importance: 90.1,
      sources: ['coinglass'],
      paths: [],
      start: START,
      end: END,
      perSource: [
        { source: 'coinglass', totalUsd: 1.262e9, longUsd: 9.16e8, shortUsd: 3.46e8, longFraction: 0.7258, coverage: 'complete' },
        { source: 'collector', totalUsd: 4.1e8, longUsd: 3e8, shortUsd: 1.1e8, longFraction: 0.7317, coverage: 'lower-bound' },
      ],
      totalRangeUsd: { low: 1.262e9, high: 1.262e9 },
      longFractionRange: { low: 0.7258, high: 0.7258 },
      median30dUsd: 1.6e8,
      multipleOfMedian: 7.8875,
      medianSource: 'coinglass',
      medianDays: 30,
      longDominant: true,
      lowerBound: true,
    },
    {
      kind: 'price_move',
      importance: 78,
      sources: ['binance'],
      paths: [],
      asset: 'BTC',
      venue: 'binance',
      start: START,
      end: END,
      open: 44552.37,
      high: 44807.6,
      low: 41706.4,
      close: 42873.9,
      highTime: START + HOUR,
      lowTime: START + 6 * HOUR,
      prevClose: 44552.37,
      changeFraction: -0.037675,
      drawdownFraction: -0.0692,
      direction: 'down',
    },
    {
      kind: 'funding_flip',
      importance: 73.4,
      sources: ['binance'],
      paths: [],
      asset: 'BTC',
      perVenue: [
        {
          venue: 'okx',
          intervalHours: 8,
          priorAvgPer8h: 0.0004,
          currentPer8h: -0.000025,
          currentRate: -0.000025,
          currentKind: 'current-period',
          currentAnnualizedFraction: -0.027375,
        },
      ],
      weightedPriorPer8h: 0.0004,
      weightedCurrentPer8h: -0.000025,
      weighting: 'equal',
      priorDays: 7,
      state: 'flip_to_neutral',
      flipped: true,
      level: 'about_zero',
      currentKind: 'current-period',
    },
    {
      kind: 'data_gap',
      importance: 30,
      sources: ['coinglass'],
      paths: [],
      family: 'etfFlows',
      asset: 'BTC',
      source: 'coinglass',
      gapKind: 'not-applicable',
      reason: 'no spot ETFs yet',
      affects: ['etf_flows'],
    },
  ],
};

describe('formatFindingsTable', () => {
  it('prints one aligned row per finding with units', () => {
    expect(formatFindingsTable(FINDINGS)).toBe(
      [
        'Findings for 2024-01-04 (Asia/Shanghai), window 2024-01-03T16:00:00.000Z to 2024-01-04T16:00:00.000Z: 4 findings',
        '',
        '#   imp  kind          asset  values',
        '-  ----  ------------  -----  ------',
        '1  90.1  liquidations  -      all assets total $1.26B, long +72.6%; 7.89x the 30-day median $160M (coinglass); coinglass $1.26B, collector $410M (lower bound); long-dominant',
        '2  78.0  price_move    BTC    binance O 44,552.37 H 44,807.60 (01-03 17:00Z) L 41,706.40 (01-03 22:00Z) C 42,873.90; vs prev close 44,552.37 -3.77%; high-to-low -6.92%; down',
        '3  73.4  funding_flip  BTC    flip_to_neutral: 7d prior +0.0400%/8h -> now -0.0025%/8h (equal-weighted); okx -0.0025%/8h',
        '4  30.0  data_gap      BTC    etfFlows/BTC from coinglass: not-applicable, no spot ETFs yet',
        '',
      ].join('\n'),
    );
  });

  it('formats numbers without locale and never prints -0', () => {
    expect(pct(-0.00001)).toBe('0.00%');
    expect(pct(0.0526, 1)).toBe('+5.3%');
    expect(num(-1234567.891, 2)).toBe('-1,234,567.89');
    expect(num(-0.001, 1)).toBe('0.0');
    expect(usd(9.5e7)).toBe('$95.0M');
    expect(usd(-2e8)).toBe('-$200M');
    expect(usd(950)).toBe('$950');
  });
});
