/**
 * The systemd units pass `systemd-analyze verify` (unknown keys, keys in the wrong section, bad
 * commands). The install path /opt/brief is pointed at this checkout so the commands exist.
 */
import { execFile } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../collector/helpers.js';
import { DEPLOY, REPO } from './service-files.js';

describe('deploy/*.service and *.timer', () => {
  it('verify cleanly', async () => {
    const units = (await readdir(DEPLOY)).filter((name) => /\.(service|timer)$/.test(name)).sort();
    expect(units).toEqual([
      'brief-collect-health.service',
      'brief-collect-health.timer',
      'brief-collect.service',
      'brief-push-collected.service',
      'brief-push-collected.timer',
    ]);
    const dir = await tempDir();
    for (const unit of units) await writeFile(join(dir, unit), (await readFile(join(DEPLOY, unit), 'utf8')).replaceAll('/opt/brief', REPO));
    const { stdout, stderr } = await promisify(execFile)(
      'systemd-analyze',
      ['verify', '--man=no', ...units.map((unit) => join(dir, unit))],
      {
        env: { PATH: process.env.PATH, SYSTEMD_LOG_LEVEL: 'notice' },
      },
    );
    expect(stdout + stderr).toBe('');
  });
});
