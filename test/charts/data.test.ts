/** The chart data builders on the hand-made snapshot: every expected value worked by hand. */
import { describe, expect, it } from 'vitest';
import {
  buildBasisData,
  buildEtfVolumeData,
  buildFundingData,
  buildLiquidationsData,
  buildPriceData,
  buildWhaleTransfersData,
  planCharts,
} from '../../renderers/charts/index.js';
import type { Findings } from '../../pipeline/analysis/findings.js';
import { fixtureFindings, fixtureSnapshot, fixtureSnapshotInput, HOUR, WINDOW_START } from './fixture.js';
import { SnapshotSchema } from '../../kernel/snapshot/schema.js';

const snapshot = fixtureSnapshot();
const findings = fixtureFindings();
const noFindings: Findings = { ...findings, findings: [] };
const EIGHT_HOURS = 8 * HOUR;
/** Wall-clock ms (UTC+8) of WINDOW_START + hours. */
const wall = (hours: number) => WINDOW_START + hours * HOUR + EIGHT_HOURS;

describe('price chart data', () => {
  it('marks the high, the low and the drop from the price_move finding', () => {
    const data = buildPriceData(snapshot, findings, 'en')!;
    expect(data.candles).toHaveLength(24); // the 3 candles before the window are left out
    expect(data.candles[0]).toEqual({ time: wall(0.5), close: 44_000, high: 44_100, low: 43_900 });
    expect(data.markers).toEqual([
      { time: wall(2.5), price: 44_100, label: 'High 44,100', kind: 'high' },
      { time: wall(19.5), price: 39_900, label: 'Low 39,900', kind: 'low' },
    ]);
    // 39,900 / 44,100 − 1 = −0.0952 → −9.5%
    expect(data.drop).toEqual({ start: wall(2.5), end: wall(19.5), label: 'Drawdown −9.5%' });
    expect(data.xDomain).toEqual([wall(0), wall(24)]);
    expect(data.xTicks).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24].map(wall));
  });

  it('draws broken levels first, then nearby supports and resistances, never two labels on top of each other', () => {
    const data = buildPriceData(snapshot, findings, 'zh')!;
    // Range 39,900–44,100 (4,200); "near" is within 35 % of it: 38,430–45,570, so 30,000 is out
    // and 38,000 too. 44,000 is kept; 43,000 and 40,000 are kept.
    expect(data.levels.map((l) => l.label)).toEqual(['阻力 44,000', '阻力 43,000', '跌破 42,000', '支撑 40,000']);
  });

  it('falls back to the candles when analysis made no price_move finding', () => {
    const data = buildPriceData(snapshot, noFindings, 'en')!;
    // Highest high: hours 0–9 all have h = 44,100 (the first wins, hour −… excluded): hour 0.
    expect(data.markers[0]).toMatchObject({ price: 44_100, time: wall(0.5) });
    // Lowest low: hour 19 closes at 40,000 with l = 39,900 (hour 20 opens 40,000: l = 39,900 too; the first wins).
    expect(data.markers[1]).toMatchObject({ price: 39_900, time: wall(19.5) });
    expect(data.levels).toEqual([]);
  });
});

describe('liquidations chart data', () => {
  it('sums orders per hour and side in the chart unit, ignoring orders outside the window', () => {
    const zh = buildLiquidationsData(snapshot, findings, 'zh')!;
    expect(zh.bars).toHaveLength(48); // 24 hours × 2 sides
    expect(zh.unitLabel).toBe('万美元'); // largest hour 5,000,000 < 1e8
    const at = (hour: string, side: string) => zh.bars.find((b) => b.hour === hour && b.side === side)?.value;
    expect(at('12', '多头')).toBe(500); // (3,000,000 + 2,000,000) / 1e4
    expect(at('12', '空头')).toBe(100); // 1,000,000 / 1e4
    expect(at('20', '空头')).toBe(400); // 4,000,000 / 1e4
    expect(at('00', '多头')).toBe(0); // the 9,000,000 order one ms before the window is ignored
    expect(zh.longUsd).toBe(5_000_000);
    expect(zh.shortUsd).toBe(5_000_000);
    expect(zh.source).toContain('为下限');
    const en = buildLiquidationsData(snapshot, findings, 'en')!;
    expect(en.unitLabel).toBe('USD m');
    expect(en.bars.find((b) => b.hour === '12' && b.side === 'Longs')?.value).toBe(5);
  });

  it('is absent when no order falls in the window', () => {
    const input = fixtureSnapshotInput();
    input.liquidations.orders = [];
    expect(buildLiquidationsData(SnapshotSchema.parse(input), findings, 'en')).toBeUndefined();
  });
});

describe('funding chart data', () => {
  it('normalises every venue to 8 hours over the last seven days', () => {
    const data = buildFundingData(snapshot, findings, 'en')!;
    expect(data.venues.map((v) => v.name)).toEqual(['Binance', 'OKX']);
    expect(data.points).toHaveLength(42); // 7 days × 3 settlements × 2 venues
    const last = data.points.filter((p) => p.venue === 'OKX').at(-1)!;
    expect(last).toEqual({ time: wall(16), venue: 'OKX', ratePer8h: -0.00002 });
    expect(data.alt).toContain('OKX −0.0020%'); // −0.00002 × 100 = −0.002
  });

  it('scales a 4-hour venue to 8 hours', () => {
    const input = fixtureSnapshotInput();
    input.funding = [{ ...input.funding[0]!, intervalHours: 4 }];
    const data = buildFundingData(SnapshotSchema.parse(input), findings, 'en')!;
    expect(data.points.at(-1)!.ratePer8h).toBeCloseTo(0.0001); // 0.00005 × 8 / 4
  });
});

describe('basis chart data', () => {
  it('takes the last value before the window and the last in it, per contract by expiry', () => {
    const data = buildBasisData(snapshot, findings, 'en')!;
    expect(data.points.map((p) => [p.contract, p.series, p.basis, p.labelAbove])).toEqual([
      ['Binance 03-29', 'Before', 0.12, true],
      ['Binance 03-29', 'Now', 0.05, false],
      ['Binance 06-28', 'Before', 0.1, true],
      ['Binance 06-28', 'Now', 0.06, false],
    ]);
    // 2024-03-29 08:00 UTC − 2024-01-04 16:00 UTC = 84 days 16 h → 85 days
    expect(data.alt).toContain('Binance 03-29 (85 days) 12.0% → 5.0%');
  });
});

describe('ETF volume chart data', () => {
  it('sums close × volume, highlights the ETF day and averages the 30 days before it', () => {
    const data = buildEtfVolumeData(snapshot, noFindings, 'zh')!;
    expect(data.bars).toHaveLength(30);
    const last = data.bars.at(-1)!;
    // 40,000,000 shares × $30 = $1.2 bn = 12 亿; the US session of 01-03 closed 05:00 01-04 UTC+8, inside the window.
    expect(last).toEqual({ day: '01-03', date: '2024-01-03', value: 12, isEtfDay: true });
    expect(data.bars[0]!.value).toBe(3); // 10,000,000 × $30 = 3 亿
    expect(data.average).toEqual({ value: 3, label: '30 日均值 3.00 亿美元' });
  });

  it('prefers the etf_volume finding for the day and the average', () => {
    const withFinding: Findings = {
      ...noFindings,
      findings: [
        {
          kind: 'etf_volume',
          importance: 40,
          sources: ['yahoo'],
          paths: ['etfs[0].daily'],
          asset: 'BTC',
          date: '2024-01-02',
          tickers: [],
          totalDollarVolumeUsd: 300_000_000,
          avg30dUsd: 250_000_000,
          isRecord: false,
          divergence: false,
          beforeSpotEtfs: false,
          firstSpotSession: false,
          earlyClose: false,
        },
      ],
    };
    const data = buildEtfVolumeData(snapshot, withFinding, 'en')!;
    expect(data.bars.at(-1)).toMatchObject({ date: '2024-01-02', isEtfDay: true });
    // Days shown end on 01-02, all $300M, so the unit is USD m: 2.5e8 / 1e6 = 250.
    expect(data.unitLabel).toBe('USD m');
    expect(data.average).toEqual({ value: 250, label: '30-day average $250 million' });
  });
});

describe('whale transfer chart data', () => {
  it('counts transfers per hour and marks the hour a level broke', () => {
    const data = buildWhaleTransfersData(snapshot, findings, 'zh')!;
    const counts = Object.fromEntries(data.bars.filter((b) => b.count > 0).map((b) => [b.hour, b.count]));
    expect(counts).toEqual({ '03': 1, '14': 2, '15': 1 });
    expect(data.levelBreak).toEqual({ hour: '14', hourIndex: 14, label: '跌破 42,000' });
    expect(data.threshold).toBe('1,000');
    expect(data.source).toContain('4 笔，合计 5,700 枚 BTC'); // 1,500 + 2,000 + 1,000 + 1,200
  });
});

describe('planCharts', () => {
  it('plans all six charts in brief order when every family is present', () => {
    expect(planCharts(snapshot, findings, 'en').map((p) => p.id)).toEqual([
      'price',
      'liquidations',
      'funding',
      'basis',
      'etf-volume',
      'whale-transfers',
    ]);
  });

  it('leaves out charts whose data is absent', () => {
    const input = fixtureSnapshotInput();
    input.funding = [];
    input.basis = [];
    input.etfs = [];
    input.whaleTransfers = [];
    input.liquidations.orders = [];
    expect(planCharts(SnapshotSchema.parse(input), findings, 'zh').map((p) => p.id)).toEqual(['price']);
    input.prices = [];
    expect(planCharts(SnapshotSchema.parse(input), findings, 'zh')).toEqual([]);
  });
});
