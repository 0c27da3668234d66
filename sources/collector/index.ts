/** The liquidation collector: `runCollector` for `brief collect`, `aggregateCollected` for `brief fetch`. */
export { runCollector, resolveWsUrl, wsUrlEnvName, DEFAULT_WS_URLS, type CollectorOptions } from './collector.js';
export { aggregateCollected, utcDaysCovering, type CollectedLiquidations } from './aggregate.js';
export { CollectedEventSchema, EXCHANGES, eventId, utcDay, type CollectedEvent, type Exchange } from './event.js';
export { checkHealth, STATUS_FILE, type CollectorStatus, type Health } from './status.js';
export { readDayFile, parseDayFile, type DayFileContents } from './day-file.js';
export { parseBinanceFrame } from './binance.js';
export { parseOkxFrame } from './okx.js';
export { parseBybitFrame } from './bybit.js';
export { FALLBACK_CONTRACT_SIZES, loadContractSizes, parseInstruments, type ContractSizes } from './okx-instruments.js';
