/**
 * Issue 16's "done when": one bad value at a time, injected into the recorded 2024-01-04
 * responses by a loopback server in front of them, through the real `brief fetch` and
 * `brief render`. For each: the exit codes, the brief's figures and its disclosure; no
 * impossible figure reaches the headline or the lead.
 *
 * The clean day (hand-read from the recorded Binance BTCUSDT hourly candles, UTC+8 window
 * 2024-01-03T16:00Z – 2024-01-04T16:00Z): high 45,130.70 at 17:00Z (01:00 UTC+8), low 41,690.69 at
 * 19:00Z (03:00), close 43,350.33 at 15:00Z; previous close 44,939.02.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordingsFallback } from '../replay/fallbacks.js';
import { FIXTURE_DIR } from '../replay/record-fixtures.js';
import { dataNote, headAndLead, mapKlines, runWithFault, scale, type Fault, type KlineRow } from './fault-proxy.js';

const H = (iso: string) => Date.parse(iso);
const SPOT_1H = (provider: string, path: string, query: URLSearchParams) =>
  provider === 'binance' && path === '/api/v3/klines' && query.get('interval') === '1h';

/** A fault on the Binance spot hourly candles only. */
function onSpotHourly(map: (rows: KlineRow[]) => KlineRow[]): Fault {
  return (provider, path, query, step) => (SPOT_1H(provider, path, query) ? mapKlines(step, map) : undefined);
}

/** No figure of the brief's lead and headline may be more than 20 % from the clean day's range. */
function dollarFigures(text: string): number[] {
  return [...text.matchAll(/\$([\d,]+(?:\.\d+)?)(?!\s*(?:billion|million))/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
}
function expectPlausibleLead(markdown: string): void {
  for (const value of dollarFigures(headAndLead(markdown)).filter((v) => v > 1000)) {
    expect(value, `${value} in: ${headAndLead(markdown)}`).toBeGreaterThan(41_690 * 0.8);
    expect(value, `${value} in: ${headAndLead(markdown)}`).toBeLessThan(45_131 * 1.2);
  }
  for (const pct of [...headAndLead(markdown).matchAll(/(\d+(?:\.\d+)?)%/g)].map((m) => Number(m[1]))) expect(pct).toBeLessThan(100);
}

describe('fault injection through a loopback server in front of the 2024-01-04 recordings', () => {
  it('a wick (one hourly low ÷ 10) is left out, disclosed with its hour, and the lead says its low may be incomplete', async () => {
    const run = await runWithFault(
      onSpotHourly((rows) =>
        rows.map((r) => (r[0] === H('2024-01-03T19:00:00Z') ? ([r[0], r[1], r[2], scale(r[3], 0.1), ...r.slice(4)] as KlineRow) : r)),
      ),
    );
    expect(run.fetchCode).toBe(0);
    expect(run.renderCode).toBe(0);
    const gap = run.snapshot!.gaps.find((g) => g.check?.name === 'hourly-vs-daily')!;
    expect(gap.check!.times).toEqual([H('2024-01-03T19:00:00Z')]);
    // Without 19:00Z the lowest low is 41,751.65 at 20:00Z (04:00 UTC+8); 41,751.65 / 45,130.70 − 1 = −7.49 %.
    // The lead's words vary by day (issue 15); its figures do not.
    expect(headAndLead(run.en)).toMatch(/\$41,752 at 04:00\b[^.]*7\.5% high-to-low/);
    expect(headAndLead(run.zh)).toContain('最低下探至 41,751.7 美元（04:00）');
    expect(headAndLead(run.en)).toContain('Hourly data for 03:00 (UTC+8) is missing or failed a check');
    expect(headAndLead(run.zh)).toContain('其中 03:00（UTC+8）的小时数据缺失或未通过校验');
    expect(dataNote(run.en)).toContain(
      "BTC spot prices: 1 hourly candle at 03:00 (UTC+8) outside the same venue's daily candle was left out",
    );
    expect(dataNote(run.zh)).toContain('BTC 现货价格：1 根小时 K 线（03:00，UTC+8）超出同一交易所当日日线的高低范围，已剔除');
    expect(run.en).not.toMatch(/\$4,1\d\d\b/);
    expectPlausibleLead(run.en);
  }, 120_000);

  it('a ×10 scale error on the last two hours is left out against the index price; the lead says the close may be incomplete', async () => {
    const run = await runWithFault(
      onSpotHourly((rows) =>
        rows.map((r) =>
          r[0] >= H('2024-01-04T14:00:00Z')
            ? ([r[0], scale(r[1], 10), scale(r[2], 10), scale(r[3], 10), scale(r[4], 10), ...r.slice(5)] as KlineRow)
            : r,
        ),
      ),
    );
    expect(run.fetchCode).toBe(0);
    expect(run.renderCode).toBe(0);
    // The Binance basis index of 14:00Z and 15:00Z (≈ 43,3xx) lies far below the ×10 candles' lows.
    const gap = run.snapshot!.gaps.find((g) => g.check?.name === 'vs-index')!;
    expect(gap.check!.times).toEqual([H('2024-01-04T14:00:00Z'), H('2024-01-04T15:00:00Z')]);
    expect(dataNote(run.en)).toContain(
      'BTC spot prices: 2 hourly candles at 22:00 and 23:00 (UTC+8) whose range misses the index price of that hour were left out',
    );
    expect(dataNote(run.zh)).toContain('BTC 现货价格：2 根小时 K 线（22:00、23:00，UTC+8）的高低范围与同一小时的指数价格不符，已剔除');
    expect(gap.check!.figures).toEqual(['high', 'low', 'drawdown', 'close', 'change']);
    // Close of 13:00Z: 43,336.03, 43,336.03 / 44,939.02 − 1 = −3.57 %.
    expect(headAndLead(run.en)).toMatch(/closed at \$43,336, down 3\.6%/);
    expect(headAndLead(run.en)).toContain('Hourly data for 22:00 and 23:00 (UTC+8) is missing or failed a check');
    expect(headAndLead(run.en)).toContain('and the close leave those hours out');
    expectPlausibleLead(run.en);
  }, 120_000);

  it('a ×10 scale error from midnight UTC leaves too little of the day: nothing is written (exit 3), never a 770 % move', async () => {
    const run = await runWithFault(
      onSpotHourly((rows) =>
        rows.map((r) =>
          r[0] >= H('2024-01-04T00:00:00Z')
            ? ([r[0], scale(r[1], 10), scale(r[2], 10), scale(r[3], 10), scale(r[4], 10), ...r.slice(5)] as KlineRow)
            : r,
        ),
      ),
    );
    expect(run.fetchCode).toBe(0);
    expect(run.snapshot!.gaps.find((g) => g.check?.name === 'vs-index')!.check!.times).toHaveLength(16);
    expect(run.renderCode).toBe(3);
    // 24 hours (16:00Z 3 January – 16:00Z 4 January), 22 needed (⌈24 × 0.9⌉); 00:00Z–15:00Z is 08:00–23:00 UTC+8.
    expect(run.stderr).toContain(
      'no brief for 2024-01-04: BTC has 8 of 24 hourly candles (22 needed); 08:00–23:00 UTC+8 were left out by a cross-check (outside the index price of their hour)',
    );
    expect(run.en).toBe('');
  }, 120_000);

  it('two missing hourly candles holding the low are named; the lead prints the low of the other hours with the caveat', async () => {
    const gone = [H('2024-01-03T19:00:00Z'), H('2024-01-03T20:00:00Z')];
    const run = await runWithFault(onSpotHourly((rows) => rows.filter((r) => !gone.includes(r[0]))));
    expect(run.fetchCode).toBe(0);
    expect(run.renderCode).toBe(0);
    const gap = run.snapshot!.gaps.find((g) => g.check?.name === 'missing-hours')!;
    expect(gap.check!.times).toEqual(gone);
    // Lowest low of the 22 remaining hours: 41,989.89 at 21:00Z (05:00 UTC+8).
    expect(headAndLead(run.en)).toMatch(/\$41,990 at 05:00\b/);
    expect(headAndLead(run.en)).toContain('Hourly data for 03:00 and 04:00 (UTC+8) is missing or failed a check');
    expect(dataNote(run.en)).toContain('BTC spot prices: no hourly data for 03:00 and 04:00 (UTC+8)');
    expect(dataNote(run.zh)).toContain('BTC 现货价格：缺少 03:00、04:00（UTC+8）的小时数据');
    expectPlausibleLead(run.en);
  }, 120_000);

  it('--strict fails (exit 10) on the disclosed wick', async () => {
    const run = await runWithFault(
      onSpotHourly((rows) =>
        rows.map((r) => (r[0] === H('2024-01-03T19:00:00Z') ? ([r[0], r[1], r[2], scale(r[3], 0.1), ...r.slice(4)] as KlineRow) : r)),
      ),
      { strict: true },
    );
    expect(run.fetchCode).toBe(10);
    expect(run.renderCode).toBe(10);
  }, 120_000);
});

/** IBIT answered with GBTC's recorded sessions (renamed), its last session's volume replaced. */
function ibitLastVolume(volume: null | 0): Fault {
  const recorded = recordingsFallback(FIXTURE_DIR);
  return (provider, path, query) => {
    if (provider !== 'yahoo' || path !== '/v8/finance/chart/IBIT') return undefined;
    const gbtc = recorded(provider, '/v8/finance/chart/GBTC', query)!;
    const body = JSON.parse(gbtc.body!) as {
      chart: { result: [{ meta: { symbol: string }; timestamp: number[]; indicators: { quote: [{ volume: (number | null)[] }] } }] };
    };
    const result = body.chart.result[0];
    result.meta.symbol = 'IBIT';
    // The 3 January session (opens 14:30Z): the last one closed before the brief's window ends.
    result.indicators.quote[0].volume[result.timestamp.indexOf(H('2024-01-03T14:30:00Z') / 1000)] = volume;
    return { ...gbtc, body: JSON.stringify(body) };
  };
}

describe('ETF sessions: null and zero volumes are missing, not zero', () => {
  for (const volume of [null, 0] as const) {
    it(`IBIT's last session with volume ${volume}: named as missing, the total says it excludes IBIT`, async () => {
      const run = await runWithFault(ibitLastVolume(volume));
      expect(run.fetchCode).toBe(0);
      expect(run.renderCode).toBe(0);
      const gap = run.snapshot!.gaps.find((g) => g.check?.name === 'missing-session')!;
      expect(gap.check).toEqual({ name: 'missing-session', symbols: ['IBIT'], date: '2024-01-03' });
      expect(run.en).toContain('excluding IBIT (no data for the session)');
      expect(run.zh).toContain('不含 IBIT，该交易日数据缺失');
      expect(dataNote(run.en)).toContain('ETF trading data for IBIT: no bar for the 3 January session; ETF totals leave it out');
      // GBTC alone is no record of the market: never "a record" without IBIT.
      expect(run.en).not.toMatch(/\ba record\b/);
      expect(run.zh).not.toContain('创纪录');
    }, 120_000);
  }
});

describe('collected liquidations and causes', () => {
  it('a giant collected event is left out against open interest; the collector floor is the small real one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'collected-'));
    await mkdir(dir, { recursive: true });
    const event = (id: string, quantity: number, time: number) =>
      JSON.stringify({
        id: id.repeat(32),
        exchange: 'binance',
        symbol: 'BTCUSDT',
        asset: 'BTC',
        side: 'long',
        price: 42_800,
        quantity,
        notionalUsd: 42_800 * quantity,
        time,
        receivedAt: time + 100,
      });
    // $62 billion in one order, and a $85,600 one.
    await writeFile(
      join(dir, '2024-01-04.jsonl'),
      `${event('a', 1_448_598, H('2024-01-04T02:00:00Z'))}\n${event('b', 2, H('2024-01-04T02:00:01Z'))}\n`,
    );
    const run = await runWithFault(() => undefined, { collected: dir });
    expect(run.fetchCode).toBe(0);
    expect(run.renderCode).toBe(0);
    const gap = run.snapshot!.gaps.find((g) => g.check?.name === 'event-size')!;
    expect(gap.check!.times).toEqual([H('2024-01-04T02:00:00Z')]);
    const collector = run.snapshot!.liquidations.totals.find((t) => t.source === 'collector')!;
    expect(collector.totalUsd).toBe(85_600);
    expect(run.en).not.toMatch(/62\.0 billion|\$62/);
    expect(dataNote(run.en)).toContain("1 collected liquidation event larger than the day's prices and open interest allow was left out");
  }, 120_000);

  it('a 200 text/html body holding a price: no status read from the text, one stderr line per failure', async () => {
    const run = await runWithFault((provider, path) =>
      provider === 'deribit' && path === '/api/v2/public/get_volatility_index_data'
        ? {
            status: 200,
            headers: { 'content-type': 'text/html' },
            body: '<html><body><p>BTC last 42,525.10 — 525 members online</p></body></html>',
          }
        : undefined,
    );
    expect(run.fetchCode).toBe(0);
    expect(run.renderCode).toBe(0);
    const gaps = run.snapshot!.gaps.filter((g) => g.source === 'deribit');
    expect(gaps.map((g) => `${g.family}:${g.kind}:${g.status}`)).toEqual(['volatility:ExchangeNotAvailable:200']);
    expect(dataNote(run.en)).toContain('Deribit');
    expect(run.en).not.toContain('525');
    expect(run.zh).not.toContain('525');
    // One line on stderr per failure, in fetch and in render.
    expect(run.fetchStderr.split('\n').filter((l) => l.includes('get_volatility_index_data'))).toHaveLength(1);
  }, 120_000);
});
