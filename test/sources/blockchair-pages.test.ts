/**
 * Blockchair serves at most 100 rows a call without a key. A crash day can list more transactions
 * of 1,000 BTC or more than that (the bundled day's fixture has 120): the fetcher pages by
 * `offset` until `context.total_rows` are in, over real sockets against a loopback Blockchair that
 * pages and caps like the real one; past MAX_PAGES it is a gap, never an undercount.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../kernel/config.js';
import { briefWindow } from '../../kernel/time.js';
import { fetchSources } from '../../pipeline/fetch/sources.js';
import { BanRegistry } from '../../sources/bans.js';
import { MAX_PAGES, PAGE_ROWS } from '../../sources/blockchair.js';
import { marketFallback } from '../replay/fallbacks.js';
import { FIXED_NOW, GOLDEN_DATE, fakeEffects, serverEnv } from '../replay/harness.js';
import { startReplayServer, type ReplayServer } from '../replay/server.js';

const config = ConfigSchema.parse({});
const window = briefWindow(GOLDEN_DATE, config.timezone);
const healthy = marketFallback(FIXED_NOW);

/** `n` transactions of 1,000.5 BTC spread over the window, ids ascending with time, in Blockchair's row shape. */
function rows(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const time = window.start + Math.floor(((i + 0.5) * (window.end - window.start)) / n / 1000) * 1000;
    return {
      id: 955_000_000 + i,
      hash: i.toString(16).padStart(64, '0'),
      time: new Date(time).toISOString().slice(0, 19).replace('T', ' '),
      output_total: 100_050_000_000,
      output_total_usd: 42_000_000,
    };
  });
}

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function fetchWith(n: number, options: { totalRows: boolean }) {
  const all = rows(n);
  server = await startReplayServer((provider, path, query) => {
    if (provider !== 'blockchair' || query.has('a')) return healthy(provider, path, query);
    const limit = Math.min(Number(query.get('limit') ?? 10), PAGE_ROWS);
    const offset = Number(query.get('offset') ?? 0);
    const data = all.slice(offset, offset + limit);
    const context = { code: 200, limit, offset, rows: data.length, ...(options.totalRows ? { total_rows: all.length } : {}) };
    return { json: { data, context } };
  });
  const effects = fakeEffects(serverEnv(server));
  const request = { window, assets: ['BTC'], config, startedAt: FIXED_NOW, live: true };
  const [result] = await fetchSources({ request, effects, bans: new BanRegistry(), only: ['blockchair'] });
  const lists = server.requestsTo('blockchair', '/bitcoin/transactions').filter((r) => !r.query.has('a'));
  return { result: result!, offsets: lists.map((r) => `${r.query.get('offset')}/${r.query.get('limit')}`) };
}

describe('Blockchair paging', () => {
  it('250 transactions in the window: three pages of 100, every one counted', async () => {
    const { result, offsets } = await fetchWith(250, { totalRows: true });
    expect(offsets).toEqual(['0/100', '100/100', '200/100']);
    const transfers = result.parts.whaleTransfers?.[0]?.transfers ?? [];
    expect(transfers).toHaveLength(250);
    expect(new Set(transfers.map((t) => t.hash)).size).toBe(250);
    expect(result.gaps).toEqual([]);
  });

  it('without total_rows it pages until a short page (100 exactly takes one more call)', async () => {
    const { result, offsets } = await fetchWith(100, { totalRows: false });
    expect(offsets).toEqual(['0/100', '100/100']);
    expect(result.parts.whaleTransfers?.[0]?.transfers).toHaveLength(100);
  });

  it(`more than ${MAX_PAGES * PAGE_ROWS}: a disclosed gap naming Blockchair, not a capped count`, async () => {
    const { result, offsets } = await fetchWith(MAX_PAGES * PAGE_ROWS + 1, { totalRows: true });
    expect(offsets).toHaveLength(MAX_PAGES);
    expect(result.parts.whaleTransfers ?? []).toEqual([]);
    expect(result.gaps).toEqual([
      expect.objectContaining({
        family: 'whaleTransfers',
        source: 'blockchair',
        kind: 'BadResponse',
        reason: expect.stringMatching(/more than 1000 transactions of 1000 BTC or more in the window \(1001\)/),
      }),
    ]);
  });
});
