/**
 * What `brief fetch` says while it works: a start line at once (a provider may take up to the
 * per-request timeout to answer, and silence looks like a hang), then one summary line per
 * provider after the snapshot is written.
 */
import type { Config } from '../../kernel/config.js';
import type { ProviderId } from '../../kernel/providers.js';
import type { Gap } from '../../kernel/snapshot/index.js';

export function startLine(
  date: string,
  assets: readonly string[],
  timezone: string,
  providers: readonly string[],
  timeoutMs: number,
): string {
  return `fetch: ${date} (${timezone}) for ${assets.join(', ')} from ${providers.length} providers; each request waits at most ${timeoutMs / 1000} s`;
}

/** "fetch: binance ok", "fetch: coinglass 1 gap: etfFlows (BTC) not-applicable", one line per provider. */
export function providerSummary(providers: readonly string[], gaps: readonly Gap[]): string[] {
  return providers.map((id) => {
    const mine = gaps.filter((g) => g.source === id);
    if (mine.length === 0) return `fetch: ${id} ok`;
    // Equal gaps (one per ETF ticker, say) are counted, not repeated.
    const counts = new Map<string, number>();
    for (const g of mine) {
      const key = `${g.family}${g.asset ? ` (${g.asset})` : ''} ${g.kind}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const what = [...counts].map(([key, n]) => (n > 1 ? `${key} ×${n}` : key)).join('; ');
    return `fetch: ${id} ${mine.length} gap${mine.length === 1 ? '' : 's'}: ${what}`;
  });
}

/** The configuration with one per-request deadline for every provider (`--timeout`). */
export function withRequestTimeout(config: Config, providers: readonly ProviderId[], timeoutMs: number): Config {
  const entries = providers.map((id) => [id, { enabled: true, ...config.providers[id], timeoutMs }] as const);
  return { ...config, providers: { ...config.providers, ...Object.fromEntries(entries) } };
}
