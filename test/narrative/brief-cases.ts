/**
 * The brief cases the narrative tests render: the bundled snapshot and the three hand-made
 * scenarios, each with its notes, run through analyze → compose → render with a fixed
 * publication config (our own links, not AiCoin's) and every chart present.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../pipeline/analysis/index.js';
import type { Findings } from '../../pipeline/analysis/findings.js';
import { ConfigSchema, type Config } from '../../kernel/config.js';
import {
  composeBrief,
  findNotesFor,
  parseNotes,
  renderBriefMarkdown,
  type BriefModel,
  type Notes,
  type TemplateSet,
} from '../../pipeline/narrative/index.js';
import { parseSnapshot, type Snapshot } from '../../kernel/snapshot/index.js';

export const ROOT = join(import.meta.dirname, '../..');

export const TEST_CONFIG: Config = ConfigSchema.parse({
  publication: {
    name: { zh: '链上观察', en: 'Onchain Desk' },
    links: [
      { label: { zh: '官方电报群', en: 'Telegram' }, url: 'https://t.me/onchaindesk' },
      { label: { zh: '中文推特', en: 'X (Twitter)' }, url: 'https://x.com/onchaindesk' },
    ],
  },
});

export const CHARTS = [
  { id: 'price', title: 'BTC price', alt: 'BTC hourly price with broken levels' },
  { id: 'liquidations', title: 'Liquidations', alt: 'Hourly liquidations, longs and shorts' },
  { id: 'funding', title: 'Funding', alt: 'Funding rate per venue, per 8 hours' },
  { id: 'basis', title: 'Basis', alt: 'Annualized futures basis per tenor' },
  { id: 'etf-volume', title: 'ETF volume', alt: 'Spot ETF dollar volume per day' },
  { id: 'whale-transfers', title: 'Whale transfers', alt: 'Large on-chain transfers per hour' },
];

export interface BriefCase {
  name: string;
  snapshotFile: string;
  /** Threshold overrides for this case (analysis and composition). */
  thresholds?: Record<string, unknown>;
}

/** The test config with a case's threshold overrides. */
export function configOf(c: Pick<BriefCase, 'thresholds'>): Config {
  return c.thresholds ? ConfigSchema.parse({ ...TEST_CONFIG, thresholds: c.thresholds }) : TEST_CONFIG;
}

export const CASES: BriefCase[] = [
  { name: 'bundled-2024-01-04', snapshotFile: join(ROOT, 'snapshots/2024-01-04.json') },
  { name: 'rally-2024-02-28', snapshotFile: join(ROOT, 'test/fixtures/rally-2024-02-28/snapshot.json') },
  { name: 'quiet-2024-06-20', snapshotFile: join(ROOT, 'test/fixtures/quiet-2024-06-20/snapshot.json') },
  { name: 'crash-2024-08-05', snapshotFile: join(ROOT, 'test/fixtures/crash-2024-08-05/snapshot.json') },
  { name: 'crash-parts-2024-08-05', snapshotFile: join(ROOT, 'test/fixtures/crash-parts-2024-08-05/snapshot.json') },
  { name: 'crash-scope-2024-08-05', snapshotFile: join(ROOT, 'test/fixtures/crash-scope-2024-08-05/snapshot.json') },
  { name: 'crash-history-2024-08-05', snapshotFile: join(ROOT, 'test/fixtures/crash-history-2024-08-05/snapshot.json') },
  // The quiet day read with a one-week catalyst horizon: nothing in the calendar from 21 to 27 June 2024.
  {
    name: 'quiet-no-catalyst-2024-06-20',
    snapshotFile: join(ROOT, 'test/fixtures/quiet-2024-06-20/snapshot.json'),
    thresholds: { catalysts: { horizonDays: 7 } },
  },
  // The day after the April CPI: nothing scheduled from 17 to 30 May 2024 (default two-week horizon).
  { name: 'quiet-no-catalyst-2024-05-16', snapshotFile: join(ROOT, 'test/fixtures/quiet-2024-05-16/snapshot.json') },
  // Sunday: no US session in the window; ETF and macro figures are Friday 15 March's.
  { name: 'weekend-2024-03-17', snapshotFile: join(ROOT, 'test/fixtures/weekend-2024-03-17/snapshot.json') },
  // US markets shut on 4 July: the last US session is 3 July.
  { name: 'holiday-2024-07-05', snapshotFile: join(ROOT, 'test/fixtures/holiday-2024-07-05/snapshot.json') },
  // OKX answers 503 all day: its perpetuals, funding, open interest and liquidation orders are gaps.
  { name: 'outage-2024-05-14', snapshotFile: join(ROOT, 'test/fixtures/outage-2024-05-14/snapshot.json') },
  // The first US spot bitcoin ETF session (11 January): one day of ETF history.
  { name: 'etf-launch-2024-01-12', snapshotFile: join(ROOT, 'test/fixtures/etf-launch-2024-01-12/snapshot.json') },
  // No COINGLASS_API_KEY or WHALE_ALERT_API_KEY: those providers' families are gaps.
  { name: 'nokeys-2024-04-24', snapshotFile: join(ROOT, 'test/fixtures/nokeys-2024-04-24/snapshot.json') },
];

export interface LoadedCase {
  config?: Config;
  snapshot: Snapshot;
  findings: Findings;
  notes: Notes | undefined;
}

export function loadCase(c: BriefCase): LoadedCase {
  const snapshot = parseSnapshot(readFileSync(c.snapshotFile, 'utf8'), c.snapshotFile);
  const notesFile = findNotesFor(c.snapshotFile);
  const notes = notesFile ? parseNotes(readFileSync(notesFile, 'utf8'), notesFile) : undefined;
  const config = configOf(c);
  return { config, snapshot, findings: analyze(snapshot, config.thresholds), notes };
}

export function render(loaded: LoadedCase, lang: 'zh' | 'en', templates: TemplateSet): { model: BriefModel; markdown: string } {
  const { config, ...rest } = loaded;
  const model = composeBrief({ ...rest, lang, config: config ?? TEST_CONFIG, charts: CHARTS });
  return { model, markdown: renderBriefMarkdown(model, templates) };
}
