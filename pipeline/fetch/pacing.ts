/**
 * How fast `brief fetch` may call each provider (read from the provider descriptors): its documented limits as request windows
 * (CONTRACTS.md; the sources' own headers quote the same figures), in place of the even
 * spacing the source modules declare. A spacing of W / N ms is the window's long-run rate,
 * but it queues a run's handful of requests one after another (Blockchair's two calls 2 s
 * apart, Yahoo's eight over 2 s) where the provider allows them together; a window allows
 * the burst and still holds any stretch of W ms to N requests.
 *
 * Concurrency is ours to choose (no provider here documents a limit on parallel connections):
 * enough for a source's independent requests of one run to be in flight together.
 *
 * `providers.<id>.minIntervalMs` in the configuration still wins: it replaces this pacing
 * (windows included) with the given spacing, and `providers.<id>.concurrency` the concurrency.
 */
import { PROVIDERS, type ProviderPacing } from '../../kernel/providers.js';

export type { ProviderPacing };

/** Each provider's pacing, from its descriptor (kernel/providers.ts: the one place for it). */
export const PROVIDER_PACING: Readonly<Record<string, ProviderPacing>> = Object.fromEntries(
  Object.entries(PROVIDERS).map(([id, d]) => [id, d.pacing]),
);
