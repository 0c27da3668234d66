/**
 * The path of the collector's day files to the daily brief: deploy/push-collected.sh on the
 * collector host commits them to the `collected-data` branch of a (here: local bare) repository;
 * the workflow's deploy/checkout-collected.sh puts them in collected/, where `brief run` reads
 * them. Real git over file://, including a push that loses a race with another writer.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile, readdir, writeFile, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { aggregateCollected } from '../../sources/collector/aggregate.js';
import { eventId, serializeEvent, type CollectedEvent } from '../../sources/collector/event.js';
import { tempDir } from '../collector/helpers.js';
import { DEPLOY } from './service-files.js';

const exec = promisify(execFile);
const PUSH = join(DEPLOY, 'push-collected.sh');
const CHECKOUT = join(DEPLOY, 'checkout-collected.sh');

function event(time: number, side: 'long' | 'short', quantity: number, price: number): CollectedEvent {
  const parts = { exchange: 'bybit' as const, symbol: 'BTCUSDT', time, price, nativeSize: quantity, side };
  return {
    id: eventId(parts),
    exchange: 'bybit',
    symbol: 'BTCUSDT',
    asset: 'BTC',
    side,
    price,
    quantity,
    notionalUsd: quantity * price,
    time,
    receivedAt: time + 40,
  };
}
// The brief's day 2024-01-04 in UTC+8 is [2024-01-03T16:00Z, 2024-01-04T16:00Z): two UTC day files.
const LATE_ON_THE_3RD = event(Date.parse('2024-01-03T20:00:00Z'), 'long', 0.5, 42000); // 21000
const EARLY_ON_THE_4TH = event(Date.parse('2024-01-04T01:00:00Z'), 'short', 2, 42500); // 85000
const LATER_ON_THE_4TH = event(Date.parse('2024-01-04T09:30:00Z'), 'long', 0.25, 41800); // 10450

let root: string;
let env: NodeJS.ProcessEnv;
const git = async (cwd: string, ...args: string[]): Promise<string> => (await exec('git', ['-C', cwd, ...args], { env })).stdout.trim();

beforeAll(async () => {
  root = await tempDir();
  // No global or system git configuration: the scripts must bring their own identity.
  env = { PATH: process.env.PATH, HOME: root, GIT_CONFIG_NOSYSTEM: '1', BRIEF_PUSH_RETRY_DELAY: '0', LANG: 'C' };
  // The project's repository, with its main branch, as the workflow's checkout sees it.
  await exec('git', ['init', '-q', '--bare', '-b', 'main', join(root, 'remote.git')], { env });
  await exec('git', ['clone', '-q', `file://${root}/remote.git`, join(root, 'project')], { env });
  await writeFile(join(root, 'project', 'README.md'), 'the project\n');
  await git(join(root, 'project'), 'add', 'README.md');
  await git(join(root, 'project'), '-c', 'user.name=dev', '-c', 'user.email=dev@example.com', 'commit', '-q', '-m', 'main');
  await git(join(root, 'project'), 'push', '-q', 'origin', 'main');
});

async function push(collected: string): Promise<{ stdout: string; stderr: string }> {
  return exec(PUSH, [collected], {
    env: { ...env, BRIEF_DATA_REMOTE: `file://${root}/remote.git`, BRIEF_DATA_CLONE: join(root, 'data-branch') },
  });
}

describe('collected day files → collected-data branch → collected/ of the daily run', () => {
  it('pushes the day files only, retries a rejected push on top of the moved branch, and the workflow step reads them', async () => {
    // The collector's folder: two day files, the heartbeat, the lock and a temporary file.
    const collected = join(root, 'host', 'collected');
    await mkdir(collected, { recursive: true });
    await writeFile(join(collected, '2024-01-03.jsonl'), serializeEvent(LATE_ON_THE_3RD));
    await writeFile(join(collected, '2024-01-04.jsonl'), serializeEvent(EARLY_ON_THE_4TH));
    await writeFile(join(collected, '.collect-status.json'), '{}\n');
    await writeFile(join(collected, '.collect.lock'), '{}\n');
    await writeFile(join(collected, '.2024-01-04.jsonl.tmp-1-ab'), 'partial');

    const first = await push(collected);
    expect(first.stdout.trim()).toBe('push-collected: pushed 2024-01-03, 2024-01-04 to collected-data');
    const remote = join(root, 'remote.git');
    expect((await git(remote, 'ls-tree', '--name-only', 'collected-data')).split('\n')).toEqual(['2024-01-03.jsonl', '2024-01-04.jsonl']);
    expect(await git(remote, 'log', '-1', '--format=%s %an', 'collected-data')).toMatch(
      /^collected: liquidation events for 2024-01-03, 2024-01-04 \(.+\) brief-collector$/,
    );
    // The main branch is untouched.
    expect(await git(remote, 'log', '--format=%s', 'main')).toBe('main');

    // Nothing changed: no commit.
    const again = await push(collected);
    expect(again.stdout.trim()).toBe('push-collected: nothing new (2 day files, branch collected-data up to date)');
    expect(await git(remote, 'rev-list', '--count', 'collected-data')).toBe('1');

    // Another writer pushes to the branch between our fetch and our push (a pre-push hook in our
    // clone does it, once): the first push is refused, the second goes on top of theirs.
    const other = join(root, 'other');
    await exec('git', ['clone', '-q', '-b', 'collected-data', `file://${remote}`, other], { env });
    const hook = join(root, 'data-branch', '.git', 'hooks', 'pre-push');
    await writeFile(
      hook,
      [
        '#!/bin/sh',
        'unset GIT_DIR GIT_INDEX_FILE GIT_WORK_TREE GIT_PREFIX',
        `[ -e "${root}/raced" ] && exit 0`,
        `touch "${root}/raced"`,
        `cd "${other}" && echo note > NOTE.md && git add NOTE.md && git -c user.name=o -c user.email=o@example.com commit -qm 'other writer' && git push -q origin HEAD:collected-data`,
        '',
      ].join('\n'),
    );
    await chmod(hook, 0o755);
    await appendFile(join(collected, '2024-01-04.jsonl'), serializeEvent(LATER_ON_THE_4TH));
    const raced = await push(collected);
    expect(raced.stderr).toMatch(/push-collected: push rejected \(attempt 1\): the branch moved; committing again on top of it/);
    expect(raced.stdout.trim()).toBe('push-collected: pushed 2024-01-04 to collected-data');
    expect((await git(remote, 'log', '--format=%s', 'collected-data')).split('\n').map((s) => s.replace(/ \(.+\)$/, ''))).toEqual([
      'collected: liquidation events for 2024-01-04',
      'other writer',
      'collected: liquidation events for 2024-01-03, 2024-01-04',
    ]);

    // The workflow's step, in the project checkout: plain files in collected/, byte for byte.
    const project = join(root, 'project');
    const step = await exec(CHECKOUT, [], { cwd: project, env });
    expect(step.stdout.trim()).toMatch(
      /^checkout-collected: 2 day files from collected-data into collected \(newest 2024-01-04\.jsonl, pushed \d{4}-/,
    );
    expect((await readdir(join(project, 'collected'))).sort()).toEqual(['2024-01-03.jsonl', '2024-01-04.jsonl', 'NOTE.md']);
    for (const day of ['2024-01-03.jsonl', '2024-01-04.jsonl'])
      expect(await readFile(join(project, 'collected', day), 'utf8')).toBe(await readFile(join(collected, day), 'utf8'));
    // Not a worktree and not staged: `git add snapshots/` later never picks them up.
    expect(await git(project, 'status', '--porcelain')).toBe('?? collected/');

    // What `brief run` then reads for 2024-01-04 (UTC+8): all three events.
    const window = { start: Date.parse('2024-01-03T16:00:00Z'), end: Date.parse('2024-01-04T16:00:00Z') };
    const totals = (await aggregateCollected(join(project, 'collected'), window, ['BTC']))?.totals;
    // long 21000 + 10450 = 31450; short 85000
    expect(totals?.map((t) => [t.asset, t.longUsd, t.shortUsd, t.totalUsd])).toEqual([['BTC', 31450, 85000, 116450]]);
  });

  it('fails (exit 1) when the remote cannot be read, committing nothing', async () => {
    const collected = join(root, 'host', 'collected');
    const failed = exec(PUSH, [collected], {
      env: { ...env, BRIEF_DATA_REMOTE: `file://${root}/no-such.git`, BRIEF_DATA_CLONE: join(root, 'unreachable-clone') },
    });
    await expect(failed).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/push-collected: cannot read file:\/\/.*no-such\.git \(git ls-remote exit 128\)/),
    });
    expect(await git(join(root, 'unreachable-clone'), 'rev-list', '--all')).toBe('');
  });

  it('goes on with a warning when the branch does not exist yet', async () => {
    const project = join(root, 'project');
    const step = await exec(CHECKOUT, ['collected-none'], { cwd: project, env: { ...env, BRIEF_DATA_BRANCH: 'no-such-branch' } });
    expect(step.stdout.trim()).toBe('::warning::no no-such-branch branch on origin: no collected liquidation events for this brief');
    await expect(readdir(join(project, 'collected-none'))).rejects.toThrow(/ENOENT/);
  });
});
