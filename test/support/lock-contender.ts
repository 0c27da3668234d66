/**
 * One contender for the run lock, in its own process: says it is ready (a file beside the go
 * file), waits for the go file (so every contender starts at once), tries the lock, holds it for a moment, and prints "won" or "busy <exit code>".
 *   node --import tsx test/support/lock-contender.ts <lock file> <go file>
 */
import { existsSync, writeFileSync } from 'node:fs';
import { LockBusyError } from '../../kernel/errors.js';
import { acquireLock } from '../../kernel/fs/lock.js';

const [lockFile, goFile] = process.argv.slice(2) as [string, string];
writeFileSync(`${goFile}.ready-${process.pid}`, '');
while (!existsSync(goFile)) await new Promise((resolve) => setTimeout(resolve, 2));
try {
  const release = await acquireLock(lockFile);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  await release();
  process.stdout.write('won\n');
} catch (error) {
  if (!(error instanceof LockBusyError)) throw error;
  process.stdout.write(`busy ${error.exitCode}\n`);
}
