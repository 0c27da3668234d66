/**
 * The `brief` command line: one verb per stage (design.md). Each verb lives in its own module
 * and returns an exit code; this file maps errors to exit codes:
 * 0 done, 1 bug, 2 bad input or usage, 3 not enough data, 4 render failed, 5 publish failed,
 * 10 a gap under --strict, 75 lock busy.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { BriefError, ExitCode } from '../../kernel/errors.js';
import { packagePath } from '../../kernel/package-root.js';
import { registerAnalyze } from './analyze.js';
import { registerCheck } from './check.js';
import { registerCollect } from './collect.js';
import { registerFetch } from './fetch.js';
import { registerLint } from './lint.js';
import { registerFreshness } from './freshness.js';
import { registerInit } from './init.js';
import { withOverlayScope } from './templates-overlay.js';
import { registerPreview } from './preview.js';
import { registerPublish } from './publish.js';
import { registerRerender } from './rerender.js';
import { registerRun } from './run.js';
import { registerRender } from './render.js';
import type { CliContext } from './context.js';
import { examplesFor, programHelp } from './help.js';
import { installShutdownHandlers } from '../../kernel/process/index.js';

/** The package's version, from its package.json (found from the sources and the build alike). */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/**
 * The `brief` executable: signal handling for the process, then `main`. Only here: `main` itself
 * installs nothing process-wide, so tests run it in-process many times over.
 */
export async function runExecutable(argv: string[]): Promise<number> {
  installShutdownHandlers({ log: (line) => process.stderr.write(`${line}\n`), exit: (code) => process.exit(code) });
  return main(argv);
}

/**
 * One `brief` command. Everything it takes from its surroundings comes through the context (the
 * process's streams, environment, folder and clock by default), so a caller — the tests — may run
 * it in-process with its own.
 */
export async function main(argv: string[], context: Partial<CliContext> = {}): Promise<number> {
  const ctx: CliContext = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    now: () => Date.now(),
    // A caller's own stderr is not the terminal, whatever the process's is.
    stderrIsTTY: context.stderr === undefined && Boolean(process.stderr.isTTY),
    ...context,
  };
  return withOverlayScope((overlays) => {
    // Messages about files in a templates overlay name the files where they really are.
    const printErr = ctx.stderr;
    return runProgram(argv, { ...ctx, stderr: (text) => printErr(overlays.rewrite(text)) });
  });
}

async function runProgram(argv: string[], ctx: CliContext): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = new Command('brief')
    .description('Daily crypto market brief in Chinese and English: fetch → analyze → render → publish.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .showSuggestionAfterError(true)
    .addHelpText('after', programHelp())
    .exitOverride()
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  const setExit = (code: number) => {
    exitCode = code;
  };
  for (const register of [
    registerFetch,
    registerAnalyze,
    registerRender,
    registerCheck,
    registerLint,
    registerPublish,
    registerRun,
    registerRerender,
    registerPreview,
    registerFreshness,
    registerCollect,
    registerInit,
  ]) {
    const verb = register(program, ctx, setExit);
    verb.addHelpText('after', examplesFor(verb.name())).exitOverride().configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    return exitCodeFor(error, ctx);
  }
  return exitCode;
}

function exitCodeFor(error: unknown, ctx: CliContext): number {
  if (error instanceof CommanderError) {
    // commander has already printed its one-line message (or the help text).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help')
      return ExitCode.ok;
    return ExitCode.usage;
  }
  if (error instanceof BriefError) {
    ctx.stderr(`brief: ${error.message}\n`);
    return error.exitCode;
  }
  ctx.stderr(
    `brief: internal error (a bug; please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return ExitCode.bug;
}
