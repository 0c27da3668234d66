/** The analysis surface: analyze a snapshot into findings, tune thresholds, print a table. */
export { analyze, SIGNALS } from './analyze.js';
export type { AnalysisContext, Signal } from './context.js';
export * from './findings.js';
export { DEFAULT_THRESHOLDS, ThresholdsSchema, type Thresholds, type ThresholdsInput } from '../../kernel/thresholds.js';
export { BASE_WEIGHT, FINDING_KINDS, KIND_ORDER, importanceOf, sortFindings, type KindFacts } from './importance.js';
export { FAMILY_FINDINGS, familyFindingsOf, type FamilyFindings } from './families.js';
export { formatFindingsTable, summarize } from './table.js';
export { dayPlanSignal } from './signals/day-plan.js';
export { usCloseInstant } from './util/us-market.js';
export { candlesIn, hoursIn } from './util/time.js';
export { pickSpotSeries } from './util/series.js';
export { beforeSpotEtfs, isFirstSpotEtfSession } from './spot-etfs.js';
export { CATALYST_KINDS, SCHEDULED_KINDS, type CatalystKind, type ScheduledKind } from './calendar/catalysts.js';
