import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarCovers, catalystsWithin, lastFriday, newYorkTime } from '../../pipeline/analysis/calendar/catalysts.js';
import type { Finding, LiquidationsFinding } from '../../pipeline/analysis/findings.js';
import { eventOn } from '../../pipeline/analysis/market-events.js';
import { dayPlanSignal } from '../../pipeline/analysis/signals/day-plan.js';
import { liquidationHeadline } from '../../pipeline/analysis/signals/liquidation-headline.js';
import { macroKind, macroMoves } from '../../pipeline/analysis/signals/macro-moves.js';
import { DEFAULT_THRESHOLDS } from '../../kernel/thresholds.js';
import { roundStep } from '../../pipeline/analysis/util/levels.js';
import { END, START, contextWith, makeSnapshot, priceMoveFinding, prov } from './helpers/make-snapshot.js';

type Source = LiquidationsFinding['perSource'][number];
const src = (source: string, totalUsd: number, longFraction: number, coverage: Source['coverage'] = 'complete'): Source => ({
  source,
  totalUsd,
  longUsd: totalUsd * longFraction,
  shortUsd: totalUsd * (1 - longFraction),
  longFraction,
  coverage,
});
function liq(asset: string | undefined, perSource: Source[], extra: Partial<LiquidationsFinding> = {}): LiquidationsFinding {
  const complete = perSource.filter((p) => p.coverage === 'complete');
  const basis = complete.length > 0 ? complete : perSource;
  const totals = basis.map((p) => p.totalUsd);
  const longs = basis.map((p) => p.longFraction);
  return {
    kind: 'liquidations',
    importance: 60,
    sources: perSource.map((p) => p.source),
    paths: [],
    ...(asset ? { asset } : {}),
    start: START,
    end: END,
    perSource,
    totalRangeUsd: { low: Math.min(...totals), high: Math.max(...totals) },
    longFractionRange: { low: Math.min(...longs), high: Math.max(...longs) },
    longDominant: Math.min(...longs) >= 0.6,
    lowerBound: perSource.some((p) => p.coverage === 'lower-bound'),
    ...extra,
  };
}

describe('liquidation headline: scope before size', () => {
  it('the market-wide total leads even when the smallest asset has the largest multiple of its median', () => {
    const findings: Finding[] = [
      // SOL: 12× its own median, the most "important" per-asset finding; still a part.
      liq('SOL', [src('coinglass', 2.1e8, 0.9), src('collector', 0.4e8, 0.88, 'lower-bound')], { multipleOfMedian: 12, importance: 96 }),
      liq('BTC', [src('coinglass', 5.6e8, 0.8)]),
      liq(undefined, [src('coinglass', 19.3e8, 0.83)], { multipleOfMedian: 6 }),
      liq('ETH', [src('coinglass', 4.4e8, 0.82)]),
    ];
    const h = liquidationHeadline(findings, ['BTC', 'ETH', 'SOL'])!;
    expect(h).toMatchObject({ scope: 'market', sources: ['coinglass'], totalRangeUsd: { low: 19.3e8, high: 19.3e8 }, multipleOfMedian: 6 });
    // Parts in configured order, from the total's own source; the sampled stream is a floor.
    expect(h.parts.map((p) => [p.asset, p.totalUsd])).toEqual([
      ['BTC', 5.6e8],
      ['ETH', 4.4e8],
      ['SOL', 2.1e8],
    ]);
    expect(h.floors).toEqual([{ asset: 'SOL', source: 'collector', totalUsd: 0.4e8, longFraction: 0.88, coverage: 'lower-bound' }]);
  });

  it('without a market-wide total the assets are added up from one complete source, and called that', () => {
    const findings: Finding[] = [
      liq('BTC', [src('coinglass', 3e8, 0.7), src('okx', 0.5e8, 0.6, 'lower-bound')]),
      liq('ETH', [src('coinglass', 1e8, 0.5)]),
    ];
    const h = liquidationHeadline(findings, ['BTC', 'ETH'])!;
    // 3e8 + 1e8 = 4e8; long share (2.1e8 + 0.5e8) / 4e8 = 0.65.
    expect(h).toMatchObject({
      scope: 'assets',
      assets: ['BTC', 'ETH'],
      totalRangeUsd: { low: 4e8, high: 4e8 },
      longFractionRange: { low: 0.65, high: 0.65 },
    });
    expect(h.floors.map((f) => f.source)).toEqual(['okx']);
  });

  it('a sampled stream never forms a range with a complete source; only streams give a floor', () => {
    const market = liq(undefined, [src('coinglass', 10e8, 0.7), src('collector', 2e8, 0.7, 'lower-bound')]);
    expect(liquidationHeadline([market], ['BTC'])!.totalRangeUsd).toEqual({ low: 10e8, high: 10e8 });
    const floor = liquidationHeadline([liq('BTC', [src('okx', 1e8, 0.6, 'lower-bound')])], ['BTC'])!;
    expect(floor).toMatchObject({ scope: 'floor', totalRangeUsd: { low: 1e8, high: 1e8 } });
  });

  it('property: no part or floor printed beside a total is larger than it', () => {
    const amount = fc.integer({ min: 1, max: 5e9 });
    fc.assert(
      fc.property(
        fc.option(amount, { nil: undefined }),
        fc.array(fc.tuple(amount, amount), { minLength: 1, maxLength: 4 }),
        (market, assets) => {
          const names = ['BTC', 'ETH', 'SOL', 'BNB'].slice(0, assets.length);
          const findings: Finding[] = assets.map(([complete, sampled], i) =>
            liq(names[i], [src('coinglass', complete, 0.7), src('collector', sampled, 0.7, 'lower-bound')]),
          );
          if (market !== undefined) findings.push(liq(undefined, [src('coinglass', market, 0.7)]));
          const h = liquidationHeadline(findings, names)!;
          for (const p of [...h.parts, ...h.floors]) expect(p.totalUsd).toBeLessThanOrEqual(h.totalRangeUsd.low);
          if (h.scope === 'assets') expect(h.parts.reduce((s, p) => s + p.totalUsd, 0)).toBe(h.totalRangeUsd.low);
        },
      ),
    );
  });
});

describe('day plan', () => {
  it('decides day type, lead asset (configured order) and per-asset levels and claims', () => {
    const snapshot = makeSnapshot({ assets: ['BTC', 'ETH', 'SOL'] });
    const moves = [priceMoveFinding('SOL', -0.14, -0.2), priceMoveFinding('BTC', -0.07, -0.1), priceMoveFinding('ETH', -0.05, -0.12)];
    const [plan] = dayPlanSignal(snapshot, DEFAULT_THRESHOLDS, contextWith(moves));
    if (plan?.kind !== 'day_plan') throw new Error('expected a plan');
    expect(plan).toMatchObject({ dayType: 'crash', leadAsset: 'BTC', dominantSide: 'none' });
    expect(plan.assets.map((a) => a.asset)).toEqual(['BTC', 'ETH', 'SOL']);
    // ETH fell less close to close (5 % vs 7 %) but more high to low (12 % vs 10 %): neither "抗跌" nor "承压更重".
    expect(plan.claims.filter((c) => c.asset === 'ETH')).toEqual([]);
    // SOL: deeper on both, by 7 points ≥ 2: underperformed.
    expect(plan.claims.find((c) => c.asset === 'SOL')).toMatchObject({ id: 'underperformed', value: 0.07000000000000001 });
  });

  it('round-level steps suit the price: hundreds for four digits, fifties for three', () => {
    expect([roundStep(64_919), roundStep(2_421.6), roundStep(455.8), roundStep(455.8, 25)]).toEqual([1000, 100, 50, 25]);
  });
});

describe('catalysts', () => {
  it('Deribit expiries are the last Friday of the month at 08:00 UTC', () => {
    expect([lastFriday(2024, 7), lastFriday(2024, 2), lastFriday(2025, 9), lastFriday(2026, 11)]).toEqual([
      '2024-08-30',
      '2024-03-29',
      '2025-10-31',
      '2026-12-25',
    ]);
  });

  it('lists the next two weeks in time order, with New York release times in UTC', () => {
    // 20 June 2024: the quarterly expiry (28 June 08:00 UTC) before PCE (08:30 EDT = 12:30 UTC),
    // then the FOMC minutes (3 July, 14:00 EDT = 18:00 UTC); payrolls on 5 July are past the horizon.
    const list = catalystsWithin('2024-06-20', 14);
    expect(list.map((c) => [c.date, c.kind, new Date(c.time!).toISOString()])).toEqual([
      ['2024-06-28', 'expiry', '2024-06-28T08:00:00.000Z'],
      ['2024-06-28', 'pce', '2024-06-28T12:30:00.000Z'],
      ['2024-07-03', 'minutes', '2024-07-03T18:00:00.000Z'],
    ]);
    expect(list[0]!.name.en).toBe('Deribit quarterly options and futures expiry');
    // Winter: CPI 11 January 2024 at 08:30 EST = 13:30 UTC.
    expect(new Date(newYorkTime('2024-01-11', 8, 30)).toISOString()).toBe('2024-01-11T13:30:00.000Z');
  });

  it('"no catalyst" only where the calendar is known', () => {
    // 2 July 2025 +14 days: payrolls 3 July, the minutes 9 July, CPI 15 July, PPI 16 July.
    expect(catalystsWithin('2025-07-02', 14).map((c) => c.kind)).toEqual(['payrolls', 'minutes', 'cpi', 'ppi']);
    expect(calendarCovers('2025-07-16')).toBe(true);
    // PPI dates are known only to 10 September 2025 (payrolls to 20 November, PCE to 5 December).
    expect(calendarCovers('2025-09-10')).toBe(true);
    expect(calendarCovers('2025-09-11')).toBe(false);
  });
});

describe('market events and macro moves', () => {
  it('names the curated event a date falls in', () => {
    expect(eventOn('2022-11-09')?.id).toBe('ftx-2022');
    expect(eventOn('2022-05-10')?.id).toBe('luna-2022');
    expect(eventOn('2020-03-12')?.name.zh).toContain('新冠');
    expect(eventOn('2023-03-10')).toBeUndefined();
  });

  it('takes the last US session before the brief day, yields in points, and fires at the thresholds', () => {
    expect([macroKind('^TNX'), macroKind('DX-Y.NYB'), macroKind('^IXIC')]).toEqual(['yield', 'dollar', 'index']);
    const series = (symbol: string, closes: [string, number][]) => ({
      symbol,
      name: symbol,
      daily: closes.map(([date, close]) => ({ date, close })),
      provenance: prov('yahoo'),
    });
    const snapshot = makeSnapshot({
      macro: [
        series('^IXIC', [
          ['2024-01-02', 100],
          ['2024-01-03', 98],
          ['2024-01-04', 50],
        ]),
        series('^TNX', [
          ['2024-01-02', 4.0],
          ['2024-01-03', 3.85],
        ]),
        series('DX-Y.NYB', [
          ['2024-01-02', 100],
          ['2024-01-03', 100.3],
        ]),
      ],
    });
    const { moves } = macroMoves(snapshot, DEFAULT_THRESHOLDS);
    // The 4 January session has not closed on the brief's day (2024-01-04): the 3 January one counts.
    expect(moves.map((m) => [m.symbol, m.date, m.change, m.fired])).toEqual([
      ['^IXIC', '2024-01-03', -0.02, true], // −2 % ≥ 1.5 %
      ['^TNX', '2024-01-03', -0.15, true], // −15 bp ≥ 10 bp
      ['DX-Y.NYB', '2024-01-03', 0.003, false], // 0.3 % < 0.5 %
    ]);
  });
});
