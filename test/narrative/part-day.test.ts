/**
 * A part-day brief (`brief run --as-of now`): a snapshot fetched before its day ended is worded
 * as of the end of its last closed hour, never as a close; a whole day keeps its close.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { partDayEnd } from '../../pipeline/narrative/lead.js';
import { BUNDLED_SNAPSHOT, renderToTemp } from '../support/render-bundled.js';

describe('part-day briefs', () => {
  it('finds the end of the last closed hour of a snapshot fetched mid-day', () => {
    const window = { start: Date.parse('2024-01-03T16:00:00Z'), end: Date.parse('2024-01-04T16:00:00Z') };
    const iso = (ms: number) => new Date(ms).toISOString();
    // 07:20 UTC = 15:20 UTC+8: the hours up to 15:00 UTC+8 have closed.
    expect(partDayEnd({ window, generatedAt: '2024-01-04T07:20:00.000Z' }, iso)).toEqual({ asOf: '2024-01-04T07:00:00.000Z' });
    expect(partDayEnd({ window, generatedAt: '2024-01-04T16:05:00.000Z' }, iso)).toEqual({});
    expect(partDayEnd({ window, generatedAt: '2024-01-04T16:00:00.000Z' }, iso)).toEqual({});
  });

  it('words the lead as of 15:00, not as a close, in both languages', async () => {
    const snapshot = JSON.parse(readFileSync(BUNDLED_SNAPSHOT, 'utf8')) as { generatedAt: string };
    snapshot.generatedAt = '2024-01-04T07:20:00.000Z';
    const file = join(mkdtempSync(join(tmpdir(), 'part-day-')), '2024-01-04.json');
    writeFileSync(file, JSON.stringify(snapshot));
    const { outDir } = await renderToTemp(file, { formats: ['md'] });
    const zh = readFileSync(join(outDir, '2024-01-04', 'zh.md'), 'utf8');
    const en = readFileSync(join(outDir, '2024-01-04', 'en.md'), 'utf8');
    expect(zh).toContain('（日内简报，数据截至 15:00）');
    expect(zh).toMatch(/截至 15:00 报 [\d,.]+ 美元，较前一日收盘/);
    expect(zh).not.toContain('截至收盘报');
    // The price-structure paragraph, too: the price as of 15:00 is no close.
    expect(zh).toMatch(/从价格结构看，BTC 现报 [\d,.]+ 美元。/);
    expect(en).toContain('(intraday, data to 15:00)');
    expect(en).toMatch(/It stood at \$[\d,.]+ as of 15:00, (down|up) /);
    expect(en).not.toContain('It closed at');
    // The whole day, as bundled, keeps its close.
    const whole = await renderToTemp(BUNDLED_SNAPSHOT, { formats: ['md'] });
    expect(readFileSync(join(whole.outDir, '2024-01-04', 'zh.md'), 'utf8')).toContain('截至收盘报');
    expect(readFileSync(join(whole.outDir, '2024-01-04', 'zh.md'), 'utf8')).toContain('从价格结构看，BTC 收于 42,873.9 美元。');
    expect(readFileSync(join(whole.outDir, '2024-01-04', 'en.md'), 'utf8')).toContain('It closed at');
  }, 60_000);
});
