/**
 * The pipeline's error tree. Each error knows the exit code it maps to (see design.md):
 * 2 bad input or usage, 3 not enough data, 4 rendering failed, 5 publishing failed, 75 lock busy.
 * Source failures (network, schema drift at a provider) live in sources/errors.ts: they become
 * gaps, not exits.
 */
import type { z } from 'zod';

export const ExitCode = {
  ok: 0,
  bug: 1,
  usage: 2,
  insufficientData: 3,
  renderFailed: 4,
  publishFailed: 5,
  gapUnderStrict: 10,
  lockBusy: 75,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class BriefError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad command-line usage: unknown flag, bad value. */
export class UsageError extends BriefError {
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}

/** A file given to the pipeline (snapshot, notes, template, config) is unreadable or invalid. */
export class InputError extends BriefError {
  constructor(
    readonly file: string,
    message: string,
    readonly issues: string[] = [],
    options?: { cause?: unknown },
  ) {
    super(
      issues.length ? `${file}: ${message}\n${issues.map((i) => `  ${i}`).join('\n')}` : `${file}: ${message}`,
      ExitCode.usage,
      options,
    );
  }
}

export class InsufficientDataError extends BriefError {
  constructor(message: string) {
    super(message, ExitCode.insufficientData);
  }
}

export class RenderError extends BriefError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.renderFailed, options);
  }
}

export class PublishError extends BriefError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.publishFailed, options);
  }
}

export class LockBusyError extends BriefError {
  constructor(message: string) {
    super(message, ExitCode.lockBusy);
  }
}

/** zod issues as `path: message` lines, the path written like `prices[0].candles[3].c`. */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[], root = ''): string[] {
  return issues.map((issue) => `${formatPath(root, issue.path)}: ${issue.message}`);
}

export function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}
