/**
 * The golden cases: every day the briefs are held to, each with the snapshot it starts from and
 * any threshold overrides. One list for the golden harness (golden.test.ts) and for the tests
 * that render the same days (test/narrative/brief-cases.ts reads it).
 *
 * Each case has one folder, test/golden/cases/<name>/, holding what `brief render --format
 * md,html` writes for it (<lang>.md, <lang>.html, <lang>.json, charts/<lang>/<id>.svg), the
 * findings analysis made (findings.json) and the check stage's report (check.txt). A case whose
 * snapshot is itself an artefact (the replayed fetch) keeps it there too (snapshot.json).
 */
import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '../..');
export const CASES_DIR = join(import.meta.dirname, 'cases');

export interface GoldenCase {
  name: string;
  /** The snapshot the case renders, relative to the repository. */
  snapshot: string;
  /** Threshold overrides (config.thresholds), for a case that reads a day with another setting. */
  thresholds?: Record<string, unknown>;
}

/** The scenario days: the hand-built snapshots of test/fixtures/scenarios (the corpus the copy desk is run on). */
export const SCENARIO_CASES: readonly GoldenCase[] = [
  { name: 'bundled-2024-01-04', snapshot: 'snapshots/2024-01-04.json' },
  { name: 'rally-2024-02-28', snapshot: 'test/fixtures/rally-2024-02-28/snapshot.json' },
  { name: 'quiet-2024-06-20', snapshot: 'test/fixtures/quiet-2024-06-20/snapshot.json' },
  { name: 'crash-2024-08-05', snapshot: 'test/fixtures/crash-2024-08-05/snapshot.json' },
  { name: 'crash-parts-2024-08-05', snapshot: 'test/fixtures/crash-parts-2024-08-05/snapshot.json' },
  { name: 'crash-scope-2024-08-05', snapshot: 'test/fixtures/crash-scope-2024-08-05/snapshot.json' },
  { name: 'crash-history-2024-08-05', snapshot: 'test/fixtures/crash-history-2024-08-05/snapshot.json' },
  // The quiet day read with a one-week catalyst horizon: nothing in the calendar from 21 to 27 June 2024.
  {
    name: 'quiet-no-catalyst-2024-06-20',
    snapshot: 'test/fixtures/quiet-2024-06-20/snapshot.json',
    thresholds: { catalysts: { horizonDays: 7 } },
  },
  // The day after the April CPI: the default two-week horizon (17–30 May 2024) holds one release,
  // the FOMC minutes of 22 May.
  { name: 'quiet-2024-05-16', snapshot: 'test/fixtures/quiet-2024-05-16/snapshot.json' },
  // Sunday: no US session in the window; ETF and macro figures are Friday 15 March's.
  { name: 'weekend-2024-03-17', snapshot: 'test/fixtures/weekend-2024-03-17/snapshot.json' },
  // US markets shut on 4 July: the last US session is 3 July.
  { name: 'holiday-2024-07-05', snapshot: 'test/fixtures/holiday-2024-07-05/snapshot.json' },
  // OKX answers 503 all day: its perpetuals, funding, open interest and liquidation orders are gaps.
  { name: 'outage-2024-05-14', snapshot: 'test/fixtures/outage-2024-05-14/snapshot.json' },
  // The first US spot bitcoin ETF session (11 January): one day of ETF history.
  { name: 'etf-launch-2024-01-12', snapshot: 'test/fixtures/etf-launch-2024-01-12/snapshot.json' },
  // No COINGLASS_API_KEY or WHALE_ALERT_API_KEY: those providers' families are gaps.
  { name: 'nokeys-2024-04-24', snapshot: 'test/fixtures/nokeys-2024-04-24/snapshot.json' },
];

/**
 * 2024-01-04 as `brief fetch` builds it from the recorded provider responses (test/replay/): its
 * snapshot.json is the fetch stage's golden (test/sources/fetch-e2e.test.ts writes and compares
 * it), and the briefs rendered from it are this case's. Not a scenario day: it shares the
 * bundled day's date, with the replay market's data and no editorial notes.
 */
export const REPLAYED_CASE: GoldenCase = { name: 'replayed-2024-01-04', snapshot: 'test/golden/cases/replayed-2024-01-04/snapshot.json' };

export const GOLDEN_CASES: readonly GoldenCase[] = [...SCENARIO_CASES, REPLAYED_CASE];

export const caseDir = (c: Pick<GoldenCase, 'name'>): string => join(CASES_DIR, c.name);
