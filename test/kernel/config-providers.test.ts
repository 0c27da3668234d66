/**
 * Provider ids in the configuration are the descriptors' ids (kernel/providers.ts): the core set
 * defaults to the providers marked core, and a misspelt id is an error naming its path, not a
 * setting silently ignored.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, loadConfig } from '../../kernel/config.js';
import { PROVIDERS } from '../../kernel/providers.js';

const dir = mkdtempSync(join(tmpdir(), 'config-providers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function configFile(name: string, body: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(body));
  return file;
}

describe('provider ids in the configuration', () => {
  it('core sources default to the providers marked core, with their spot stand-in', () => {
    expect(DEFAULT_CONFIG.coreSources).toEqual(['binance']);
    expect(PROVIDERS.binance.spotFallback).toBe('okx');
  });

  it('a misspelt core source is refused, naming the file and the field', async () => {
    const file = configFile('core.json', { coreSources: ['binanse'] });
    await expect(loadConfig(file)).rejects.toThrow(/core\.json.*does not match the config schema/s);
    await expect(loadConfig(file)).rejects.toThrow(/coreSources\[0\]|coreSources\.0/);
  });

  it('a misspelt provider under providers is refused, not ignored', async () => {
    const file = configFile('providers.json', { providers: { 'coin-glass': { baseUrl: 'http://127.0.0.1:9' } } });
    await expect(loadConfig(file)).rejects.toThrow(/providers/);
  });

  it('a known provider id is accepted and merged over the defaults', async () => {
    const config = await loadConfig(configFile('ok.json', { coreSources: ['okx'], providers: { okx: { concurrency: 2 } } }));
    expect(config.coreSources).toEqual(['okx']);
    expect(config.providers.okx).toMatchObject({ concurrency: 2 });
  });
});
