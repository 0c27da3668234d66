/**
 * Test harness around the replay server: the fixed clock of the golden day, environments that
 * aim every provider's base URL at the server, and effects with a fake sleep that records the
 * waits it was asked for (the sockets stay real; only waiting is skipped).
 */
import { PROVIDER_IDS } from '../../sources/types.js';
import { baseUrlEnvName } from '../../kernel/config.js';
import type { ReplayServer } from './server.js';

/** 2024-01-05 00:05 in UTC+8: just after the brief's day 2024-01-04 ended. */
export const FIXED_NOW = Date.parse('2024-01-04T16:05:00Z');
export const GOLDEN_DATE = '2024-01-04';
/** Fake keys: they must never appear in a snapshot, a log line or a recording. */
export const FAKE_KEYS = { COINGLASS_API_KEY: 'cg-test-key-7f3a9c', WHALE_ALERT_API_KEY: 'wa-test-key-51d2e8' };

export function serverEnv(server: ReplayServer, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const id of PROVIDER_IDS) env[baseUrlEnvName(id)] = server.baseUrl(id);
  return { ...env, ...extra };
}

export interface RecordedEffects {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
  log(line: string): void;
  env: Record<string, string>;
  sleeps: number[];
  logs: string[];
}

export function fakeEffects(env: Record<string, string>, now = FIXED_NOW): RecordedEffects {
  const sleeps: number[] = [];
  const logs: string[] = [];
  return {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    log: (line) => logs.push(line),
    env,
    sleeps,
    logs,
  };
}
