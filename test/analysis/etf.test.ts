import { describe, expect, it } from 'vitest';
import { etfFlowsSignal } from '../../pipeline/analysis/signals/etf-flows.js';
import { etfVolumeSignal } from '../../pipeline/analysis/signals/etf-volume.js';
import { DEFAULT_THRESHOLDS } from '../../kernel/thresholds.js';
import { etfDayFor, usCloseInstant } from '../../pipeline/analysis/util/us-market.js';
import { END, bar, contextWith, datesEnding, makeSnapshot, prov, spot } from './helpers/make-snapshot.js';

/** GBTC: 30 days (2023-12-04 … 2024-01-02) at close 30 × 1 M shares = 30 M USD; 2024-01-03 close 29 × 2 M = 58 M; 2024-01-04 after the window. */
function gbtc() {
  const daily = datesEnding('2024-01-02', 30).map((date) => ({ date, close: 30, volume: 1e6 }));
  daily.push({ date: '2024-01-03', close: 29, volume: 2e6 }, { date: '2024-01-04', close: 10, volume: 9e7 });
  return { ticker: 'GBTC', asset: 'BTC', issuer: 'Grayscale', daily, provenance: prov('yahoo') };
}
/** BTC daily (UTC): 2024-01-02 close 45,000; 2024-01-03 close 42,750 (−5 %). */
const btcDaily = () =>
  spot('BTC', '1d', [bar(Date.UTC(2024, 0, 2), 44000, 45500, 43900, 45000), bar(Date.UTC(2024, 0, 3), 45000, 45100, 42000, 42750)]);

describe('ETF day', () => {
  it('is the last US session closed (16:00 New York) before the window ends', () => {
    expect(usCloseInstant('2024-01-03')).toBe(Date.UTC(2024, 0, 3, 21)); // EST
    expect(usCloseInstant('2024-07-02')).toBe(Date.UTC(2024, 6, 2, 20)); // EDT
    expect(usCloseInstant('2024-07-03')).toBe(Date.UTC(2024, 6, 3, 17)); // EDT, the 13:00 early close
    expect(etfDayFor(['2024-01-02', '2024-01-03', '2024-01-04'], END)).toBe('2024-01-03');
    expect(etfDayFor(['2024-01-05'], END)).toBeUndefined();
  });
});

describe('etf_volume', () => {
  it('dollar volume 1.93× its average, a record, while BTC fell 5 %: divergence', () => {
    const [f] = etfVolumeSignal(makeSnapshot({ etfs: [gbtc()], prices: [btcDaily()] }), DEFAULT_THRESHOLDS, contextWith());
    if (f?.kind !== 'etf_volume') throw new Error('expected etf_volume');
    expect(f).toMatchObject({
      date: '2024-01-03',
      totalDollarVolumeUsd: 5.8e7,
      avg30dUsd: 3e7,
      isRecord: true,
      divergence: true,
      priceChangeFraction: -0.05,
    });
    expect(f.multipleOf30dAvg).toBeCloseTo(58 / 30, 9);
    // GBTC's own session: 29 against the previous session's 30, 29 / 30 − 1 = −3.33 %.
    expect(f.tickers).toEqual([
      {
        ticker: 'GBTC',
        dollarVolumeUsd: 5.8e7,
        avg30dUsd: 3e7,
        multiple: f.multipleOf30dAvg,
        close: 29,
        closeChangeFraction: expect.closeTo(-0.033333, 6),
      },
    ]);
    expect(f.threshold).toEqual({ name: 'etf.volumeMultipleMin', value: 1.5, unit: 'multiple' });
    // ratio 1.9333 / 1.5 = 1.28889 × 1.2 = 1.54667 → 42 × (1 + 0.25 × 0.54667) = 47.74
    expect(f.importance).toBe(47.7);
    expect(f.paths).toEqual(['etfs[0].daily', 'prices[0].candles']);
  });

  it("BTC between the fund's two US closes (16:00 EST = 21:00 UTC on 2 and 3 January), from hourly candles", () => {
    // The candles that close at 21:00 UTC open at 20:00 UTC: 45,000 → 42,300, 42,300 / 45,000 − 1 = −6 %.
    const hourly = spot('BTC', '1h', [
      bar(Date.UTC(2024, 0, 2, 20), 44_900, 45_100, 44_800, 45_000),
      bar(Date.UTC(2024, 0, 3, 20), 42_500, 42_600, 42_200, 42_300),
    ]);
    const [f] = etfVolumeSignal(makeSnapshot({ etfs: [gbtc()], prices: [btcDaily(), hourly] }), DEFAULT_THRESHOLDS, contextWith());
    expect(f?.kind === 'etf_volume' && f.sessionChangeFraction).toBeCloseTo(-0.06, 12);
    expect(f?.paths).toEqual(['etfs[0].daily', 'prices[0].candles', 'prices[1].candles']);
    // Without the hourly series there is no session figure (the UTC day's −5 % is another span).
    const [daily] = etfVolumeSignal(makeSnapshot({ etfs: [gbtc()], prices: [btcDaily()] }), DEFAULT_THRESHOLDS, contextWith());
    expect(daily && 'sessionChangeFraction' in daily).toBe(false);
  });

  it('totals compare only days on which every reporting ticker traded', () => {
    const fbtc = {
      ticker: 'FBTC',
      asset: 'BTC',
      daily: [
        ...datesEnding('2024-01-02', 14).map((date) => ({ date, close: 10, volume: 1e6 })),
        { date: '2024-01-03', close: 10, volume: 2e6 },
      ],
      provenance: prov('yahoo'),
    };
    const [f] = etfVolumeSignal(makeSnapshot({ etfs: [gbtc(), fbtc] }), DEFAULT_THRESHOLDS, contextWith());
    // 14 shared days at 30 M + 10 M = 40 M; the day 58 M + 20 M = 78 M → 1.95×. No BTC candles: no price change, no divergence.
    expect(f).toMatchObject({ totalDollarVolumeUsd: 7.8e7, avg30dUsd: 4e7, multipleOf30dAvg: 1.95, divergence: false });
    expect(f && 'priceChangeFraction' in f).toBe(false);
    // FBTC closed at 10 both sessions: a change of 0.
    expect(f?.kind === 'etf_volume' && f.tickers[1]).toEqual({
      ticker: 'FBTC',
      dollarVolumeUsd: 2e7,
      avg30dUsd: 1e7,
      multiple: 2,
      close: 10,
      closeChangeFraction: 0,
    });
  });

  it('short history: no average; no ETF data: no finding', () => {
    const short = { ...gbtc(), daily: gbtc().daily.slice(-4) };
    const [f] = etfVolumeSignal(makeSnapshot({ etfs: [short] }), DEFAULT_THRESHOLDS, contextWith());
    expect(f && 'avg30dUsd' in f).toBe(false);
    expect(etfVolumeSignal(makeSnapshot(), DEFAULT_THRESHOLDS, contextWith())).toEqual([]);
  });
});

describe('etf_flows', () => {
  const flows = (values: [string, number][]) => ({
    source: 'farside',
    asset: 'BTC',
    daily: values.map(([date, netFlowUsd]) => ({ date, netFlowUsd, perTicker: [{ ticker: 'GBTC', netFlowUsd }] })),
    provenance: prov('farside'),
  });

  it('net flow on the ETF day with its streak', () => {
    const [f] = etfFlowsSignal(
      makeSnapshot({
        etfFlows: [
          flows([
            ['2024-01-01', 1e8],
            ['2024-01-02', -5e7],
            ['2024-01-03', -2e8],
            ['2024-01-04', 9e9],
          ]),
        ],
      }),
      DEFAULT_THRESHOLDS,
      contextWith(),
    );
    // 2 × the 100 M notable flow → 42 × 1.25 = 52.5
    expect(f).toMatchObject({
      date: '2024-01-03',
      netFlowUsd: -2e8,
      streakDays: 2,
      // The run: 2 January's −50 M and 3 January's −200 M.
      streakNetUsd: -2.5e8,
      perTicker: [{ ticker: 'GBTC', netFlowUsd: -2e8 }],
      importance: 52.5,
    });
    expect(f?.threshold).toEqual({ name: 'etf.netFlowNotableUsd', value: 1e8, unit: 'usd' });
  });

  it('a zero day has no streak; no flows: no finding', () => {
    const [f] = etfFlowsSignal(
      makeSnapshot({
        etfFlows: [
          flows([
            ['2024-01-02', 1e8],
            ['2024-01-03', 0],
          ]),
        ],
      }),
      DEFAULT_THRESHOLDS,
      contextWith(),
    );
    expect(f).toMatchObject({ netFlowUsd: 0, streakDays: 0, importance: 12.6 }); // 42 × 0.3
    expect(etfFlowsSignal(makeSnapshot(), DEFAULT_THRESHOLDS, contextWith())).toEqual([]);
  });
  it('splits the funds against the net from the rest, only when the funds add up to the net', () => {
    const day = (perTicker: [string, number][], netFlowUsd = perTicker.reduce((sum, [, v]) => sum + v, 0)) => {
      const [f] = etfFlowsSignal(
        makeSnapshot({
          etfFlows: [
            {
              source: 'coinglass',
              asset: 'BTC',
              daily: [{ date: '2024-01-03', netFlowUsd, perTicker: perTicker.map(([ticker, v]) => ({ ticker, netFlowUsd: v })) }],
              provenance: prov('coinglass'),
            },
          ],
        }),
        DEFAULT_THRESHOLDS,
        contextWith(),
      );
      return f?.kind === 'etf_flows' ? f.split : undefined;
    };
    // The spot ETFs' first day: GBTC's −95.1 M is 17 % of the +546.8 M net (≥ etf.againstShareMin,
    // 10 %); the other four add up to 111.7 + 227.0 + 65.3 + 237.9 = 641.9 M.
    const launch: [string, number][] = [
      ['IBIT', 111.7e6],
      ['FBTC', 227e6],
      ['GBTC', -95.1e6],
      ['ARKB', 65.3e6],
      ['BITB', 237.9e6],
    ];
    const split = day(launch);
    expect(split).toMatchObject({ against: ['GBTC'], restCount: 4 });
    expect(split!.restNetUsd).toBeCloseTo(641.9e6, 0);
    // The provider's total covers funds the list does not (off by more than 1 %): no "rest" to add up.
    expect(day(launch, 600e6)).toBeUndefined();
    // 5 August: BITB's +6.8 M is 3 % of the −237 M net, under a tenth: no split.
    expect(
      day([
        ['FBTC', -104e6],
        ['ARKB', -87.3e6],
        ['GBTC', -52.2e6],
        ['BITB', 6.8e6],
      ]),
    ).toBeUndefined();
    // One fund with the net is named by the bullet already: no "rest" of one.
    expect(
      day([
        ['IBIT', 300e6],
        ['GBTC', -100e6],
      ]),
    ).toBeUndefined();
  });
});
