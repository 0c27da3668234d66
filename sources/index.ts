/**
 * The registry: a plain list of every REST source, in the order their parts appear in a
 * snapshot. The liquidation stream collector lives in sources/collector (a separate process).
 */
import { createBinanceSource } from './binance.js';
import { createBinanceFuturesSource } from './binance-futures.js';
import { createBlockchairSource } from './blockchair.js';
import { createBybitSource } from './bybit.js';
import { createCoinglassSource } from './coinglass.js';
import { createDeribitSource } from './deribit.js';
import { createOkxSource } from './okx.js';
import type { Source } from './types.js';
import { createWhaleAlertSource } from './whale-alert.js';
import { createYahooSource } from './yahoo.js';

export function createSources(): Source[] {
  return [
    createBinanceSource(),
    createBinanceFuturesSource(),
    createOkxSource(),
    createBybitSource(),
    createDeribitSource(),
    createYahooSource(),
    createBlockchairSource(),
    createWhaleAlertSource(),
    createCoinglassSource(),
  ];
}

export { BanRegistry } from './bans.js';
export { SourceError, isSourceError, sanitizeDetail, SOURCE_ERROR_KINDS, type SourceErrorKind } from './errors.js';
export { createProviderHttp, DEFAULT_HTTP, type HttpContext, type HttpEffects, type ProviderHttp, type ProviderHttpSpec } from './http.js';
export { createLimiter, type Limiter } from './limiter.js';
export { briefWindow, dateIn, todayIn } from '../kernel/time.js';
export {
  PROVIDER_IDS,
  type BriefWindow,
  type ProviderId,
  type Source,
  type SourceContext,
  type SourceRequest,
  type SnapshotParts,
} from './types.js';
export type { SourceResult } from './types.js';
export { checkLiquidations } from './collected-check.js';
export { coverageGaps } from './coverage.js';
export { crossCheckPrices } from './cross-check.js';
export { etfCompletenessGaps } from './etf-completeness.js';
export { checkPlausibility } from './plausibility.js';
export { loadManifest, saveManifest } from './recording.js';
export { mergeParts } from './tasks.js';
export { createOkxSpotFallback } from './okx-spot.js';
