/**
 * The brief cases the narrative tests render: the scenario days of the golden harness (test/golden/cases.ts),
 * each with its notes, run through analyze → compose → render with a fixed
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
import { SCENARIO_CASES } from '../golden/cases.js';

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

/** The golden harness's scenario days (test/golden/cases.ts), with absolute snapshot paths. */
export const CASES: BriefCase[] = SCENARIO_CASES.map(({ name, snapshot, thresholds }) => ({
  name,
  snapshotFile: join(ROOT, snapshot),
  ...(thresholds ? { thresholds } : {}),
}));

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

/** Unedited renders, per template set: a file asks for the same day many times, each a full analyze and compose. */
const RENDERED = new WeakMap<TemplateSet, Map<string, string>>();

/** A corpus case by name, rendered to Markdown, after `edit` changes its loaded inputs (a planted fault). */
export function markdownOf(name: string, lang: 'zh' | 'en', templates: TemplateSet, edit?: (l: LoadedCase) => void): string {
  const found = CASES.find((c) => c.name === name);
  if (!found) throw new Error(`no brief case named ${name}`);
  const cache = RENDERED.get(templates) ?? new Map<string, string>();
  RENDERED.set(templates, cache);
  const key = `${name}|${lang}`;
  if (!edit && cache.has(key)) return cache.get(key)!;
  const loaded = loadCase(found);
  edit?.(loaded);
  const markdown = render(loaded, lang, templates).markdown;
  if (!edit) cache.set(key, markdown);
  return markdown;
}
