/**
 * B10: extreme numbers — tiny prices (1e-12), volumes beyond 2^53 (123456789012345678901),
 * zero denominators (a % change from 0, a share of 0), negative zero, 1e308 — through the real
 * `brief render`. No text a reader sees (Markdown, HTML, chart labels) holds Infinity, NaN,
 * undefined, exponent notation or a negative zero; a negative price is refused (exit 2).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Snapshot } from '../../../kernel/snapshot/index.js';
import { runCli } from '../../support/run-cli.js';
import { brief, bundledText, NON_VALUE, tempDir, visibleText, type BadInputCase } from './harness.js';

type Edit = (s: Snapshot) => void;

/** What JSON.parse makes of the literal 123456789012345678901 in a file (it is above 2^53). */
const BEYOND_2_53 = Number('123456789012345678901');

function edited(edit: Edit): string {
  const s = JSON.parse(bundledText()) as Snapshot;
  edit(s);
  return JSON.stringify(s);
}

const scalePrices =
  (factor: number): Edit =>
  (s) => {
    for (const series of [...s.prices, ...s.perpetuals]) {
      for (const c of series.candles) {
        c.o *= factor;
        c.h *= factor;
        c.l *= factor;
        c.c *= factor;
      }
    }
  };

/** Renders the edited snapshot (md, html; zh and en) and returns every text a reader sees. */
async function renderedText(edit: Edit, config?: object): Promise<string> {
  const dir = tempDir();
  const file = join(dir, '2024-01-04.json');
  writeFileSync(file, edited(edit));
  const configArgs: string[] = [];
  if (config) {
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    configArgs.push('--config', join(dir, 'config.json'));
  }
  const run = await brief(['render', '--snapshot', file, '--format', 'md,html', '--out', join(dir, 'out'), ...configArgs]);
  expect(run.code, run.stderr).toBe(0);
  const day = join(dir, 'out', '2024-01-04');
  return ['zh', 'en']
    .map((lang) => `${readFileSync(join(day, `${lang}.md`), 'utf8')}\n${visibleText(readFileSync(join(day, `${lang}.html`), 'utf8'))}`)
    .join('\n');
}

function expectClean(text: string): void {
  const bad = NON_VALUE.exec(text);
  expect(bad ? text.slice(Math.max(0, bad.index - 80), bad.index + 40) : undefined).toBeUndefined();
}

const CLEAN_EDITS: Array<[string, Edit]> = [
  ['prices × 1e-12', scalePrices(1e-12)],
  [
    'volumes of 123456789012345678901',
    (s) => {
      for (const series of [...s.prices, ...s.perpetuals])
        for (const c of series.candles) Object.assign(c, { v: BEYOND_2_53, qv: BEYOND_2_53 });
    },
  ],
  [
    'zero liquidations (share of 0 / 0)',
    (s) => {
      for (const t of s.liquidations.totals) Object.assign(t, { totalUsd: 0, longUsd: 0, shortUsd: 0 });
    },
  ],
  [
    'funding of exactly 0 and −0 (change from 0)',
    (s) => {
      for (const f of s.funding) {
        for (const h of f.history) h.rate = 0;
        if (f.current) f.current.rate = -0;
      }
    },
  ],
  ['funding of −1e-12 (rounds to zero)', (s) => s.funding.forEach((f) => f.history.forEach((h) => (h.rate = -1e-12)))],
  [
    'open interest of 0 (change from 0)',
    (s) => s.openInterest.forEach((o) => o.history.forEach((h) => Object.assign(h, { oiUsd: 0, oiBase: 0 }))),
  ],
  ['ETF volume 0 (ratio to a zero average)', (s) => s.etfs.forEach((e) => e.daily.forEach((d) => (d.volume = 0)))],
  [
    'whale counts 0 and exchange flows 0',
    (s) => {
      s.whaleTransfers.forEach((w) => w.dailyCounts.forEach((d) => (d.count = 0)));
      s.exchangeFlows.forEach((x) => x.hourly.forEach((h) => Object.assign(h, { inflow: 0, outflow: 0 })));
    },
  ],
  ['trading volume 0', (s) => [...s.prices, ...s.perpetuals].forEach((p) => p.candles.forEach((c) => Object.assign(c, { v: 0, qv: 0 })))],
  ['basis of 1e-12', (s) => s.basis.forEach((b) => b.history.forEach((h) => (h.annualizedBasis = 1e-12)))],
  ['macro closes of 1e308 and of 0', (s) => s.macro.forEach((m, i) => m.daily.forEach((d) => (d.close = i % 2 ? 0 : 1e308)))],
  [
    'implied volatility of 1e-12',
    (s) =>
      s.volatility.forEach((v) => [...v.daily, ...v.hourly].forEach((c) => Object.assign(c, { o: 1e-12, h: 1e-12, l: 1e-12, c: 1e-12 }))),
  ],
];

export const NUMBER_CASES: BadInputCase[] = [
  {
    id: 'B10',
    title: `tiny, huge, zero and negative-zero values render without Infinity/NaN/exponents/−0 (${CLEAN_EDITS.length} snapshots)`,
    run: async () => {
      for (const [name, edit] of CLEAN_EDITS) {
        const text = await renderedText(edit);
        expect(text.length, name).toBeGreaterThan(1000);
        expectClean(text);
      }
    },
  },
  {
    id: 'B10',
    title: 'a negative or zero price, NaN and Infinity (as null) are refused with their field path (exit 2)',
    run: async () => {
      const dir = tempDir();
      const cases: Array<[Edit, RegExp]> = [
        [(s) => void (s.prices[0]!.candles[0]!.c = -42000), /^ {2}prices\[0\]\.candles\[0\]\.c: /m],
        [(s) => void (s.prices[0]!.candles[0]!.l = 0), /^ {2}prices\[0\]\.candles\[0\]\.l: /m],
        [(s) => void (s.funding[0]!.history[0]!.rate = NaN), /^ {2}funding\[0\]\.history\[0\]\.rate: /m], // JSON writes NaN as null
        [(s) => void (s.openInterest[0]!.history[0]!.oiUsd = -1), /^ {2}openInterest\[0\]\.history\[0\]\.oiUsd: /m],
      ];
      for (const [edit, path] of cases) {
        writeFileSync(join(dir, '2024-01-04.json'), edited(edit));
        const run = await brief(['render', '--snapshot', join(dir, '2024-01-04.json'), '--format', 'md', '--out', join(dir, 'out')]);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(path);
      }
      // 1e309 in the file is Infinity to JSON.parse: refused as not finite.
      writeFileSync(join(dir, '2024-01-04.json'), bundledText().replace(/"c": [\d.]+/, '"c": 1e309'));
      const inf = await brief(['analyze', '--snapshot', join(dir, '2024-01-04.json')]);
      expect(inf.code).toBe(2);
      expect(inf.stderr).toMatch(/^ {2}perpetuals\[0\]\.candles\[0\]\.c: /m); // keys are sorted: perpetuals come first
    },
  },
  {
    id: 'B10',
    title:
      'prices × 1e300 are refused as implausible, naming the field; ×10,000 (4.4e8: under the format bound, over the default price ceiling) says no price move, and with the ceiling raised prints no exponent notation',
    run: async () => {
      const dir = tempDir();
      const file = join(dir, '2024-01-04.json');
      writeFileSync(file, edited(scalePrices(1e300)));
      const run = await brief(['render', '--snapshot', file, '--format', 'md', '--out', join(dir, 'out')]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^ {2}(perpetuals|prices)\[\d+\]\.candles\[\d+\]\.[ohlc]: implausible price: more than 1e9 USD per unit$/m,
      );
      // Over the configured ceiling (price.plausibleMaxUsd, 10 M USD) every candle is left out, as
      // fetch would have quarantined them: no brief without a price, said plainly (exit 3).
      const over = join(dir, 'over.json');
      writeFileSync(over, edited(scalePrices(1e4)));
      const refused = await brief(['render', '--snapshot', over, '--format', 'md', '--out', join(dir, 'out-over')]);
      expect(refused.code).toBe(3);
      expect(refused.stderr).toContain('no price move in the findings');
      expectClean(await renderedText(scalePrices(1e4), { thresholds: { price: { plausibleMaxUsd: 1e9 } } }));
    },
  },
  {
    id: 'B10',
    title: 'funding rates of 1e308 (their sum overflows) give a brief, not a crash',
    run: async () => expectClean(await renderedText((s) => s.funding.forEach((f) => f.history.forEach((h) => (h.rate = 1e308))))),
  },
  {
    id: 'B10',
    title: 'one hourly close of 1e308 gives a brief or exit 2, not a dead process',
    run: async () => {
      // In a child process: the failure mode kills the whole V8 isolate. A small heap makes it
      // die in seconds instead of after filling 1.3 GB; a correct run needs far less.
      const dir = tempDir();
      const file = join(dir, '2024-01-04.json');
      writeFileSync(
        file,
        edited((s) => {
          const hourly = s.prices.find((p) => p.interval === '1h')!.candles;
          Object.assign(hourly[hourly.length - 1]!, { h: 1e308, c: 1e308 });
        }),
      );
      const run = await runCli(['analyze', '--snapshot', file], { env: { NODE_OPTIONS: '--max-old-space-size=160' } });
      expect([0, 2]).toContain(run.code);
      expectClean(run.stdout);
    },
  },
];
