/**
 * What a new data family must supply, shown with a dummy family ("tides") and checked by the
 * compiler (`tsc --noEmit`, which `npm test` runs first): each `@ts-expect-error` below marks a
 * table that does not compile while the family, its finding kind or its provider is missing from
 * it — and an expect-error that stops failing is itself a compile error, so this file cannot
 * drift into claiming a check that no longer exists.
 *
 * The files a new family touches, in order: its schema (kernel/snapshot/schema.ts:
 * DataFamilySchema and the snapshot field), its descriptor (kernel/snapshot/families.ts), its
 * source (sources/, and kernel/providers.ts if the provider is new), its signal
 * (pipeline/analysis/signals/ with the finding's schema in findings/, its row in FINDING_KINDS
 * and FAMILY_FINDINGS) and its bullet (pipeline/narrative/bullet-kinds.ts, a model schema and
 * a partial per language).
 */
import { describe, expect, it } from 'vitest';
import { PROVIDERS, type ProviderDescriptor, type ProviderId } from '../../kernel/providers.js';
import { FAMILIES, type FamilyDescriptor } from '../../kernel/snapshot/families.js';
import type { DataFamily, Snapshot } from '../../kernel/snapshot/schema.js';
import { FAMILY_FINDINGS, type FamilyFindings } from '../../pipeline/analysis/families.js';
import type { FindingKind } from '../../pipeline/analysis/findings.js';
import { FINDING_KINDS, type KindFacts } from '../../pipeline/analysis/importance.js';
import { BULLET_KINDS, type Bulleted, type PrintedElsewhere } from '../../pipeline/narrative/bullet-kinds.js';
import { makeSnapshot } from '../analysis/helpers/make-snapshot.js';

// The schema: the snapshot with the new family's field, and the family's id.
interface Tide {
  asset: string;
  hourly: number[];
}
type TideSnapshot = Snapshot & { tides: Tide[] };
type TideFamily = DataFamily | 'tides';
// Its signal's finding kind, and the provider its source calls.
type TideKind = FindingKind | 'tide_turn';
type TideProvider = ProviderId | 'tidewatch';

// 1. No descriptor: the family table does not compile.
// @ts-expect-error 'tides' is missing from the descriptors
const noDescriptor: Record<TideFamily, FamilyDescriptor<TideSnapshot>> = FAMILIES;

// 2. A descriptor without `hasData` (no family is present by default) or without a language's name.
const noHasData = {
  ...FAMILIES,
  // @ts-expect-error hasData is required
  tides: { key: 'tides', name: { zh: '潮汐', en: 'tides' }, perSymbol: false, perVenue: false },
} satisfies Record<TideFamily, FamilyDescriptor<TideSnapshot>>;
const noEnglishName = {
  ...FAMILIES,
  // @ts-expect-error every language names the family
  tides: { key: 'tides', name: { zh: '潮汐' }, perSymbol: false, perVenue: false, hasData: (s: TideSnapshot) => s.tides.length > 0 },
} satisfies Record<TideFamily, FamilyDescriptor<TideSnapshot>>;

// 3. Analysis: what the family affects, and the new kind's order, weight and bullet.
// @ts-expect-error 'tides' is missing from FAMILY_FINDINGS
const noAffects: Record<TideFamily, FamilyFindings> = FAMILY_FINDINGS;
// @ts-expect-error 'tide_turn' has no order and weight
const noKindFacts: Record<TideKind, KindFacts> = FINDING_KINDS;
// @ts-expect-error 'tide_turn' has no bullet (nor a part of the brief that prints it)
const noBullet: Record<TideKind, Bulleted | PrintedElsewhere> = BULLET_KINDS;

// 4. A new provider without its descriptor (name, base URL, auth, pacing, venue flag).
// @ts-expect-error 'tidewatch' has no descriptor
const noProvider: Record<TideProvider, ProviderDescriptor> = PROVIDERS;

// The family with everything it needs compiles.
const withTides = {
  ...FAMILIES,
  tides: {
    key: 'tides',
    name: { zh: '潮汐数据', en: 'tide data' },
    perSymbol: false,
    perVenue: false,
    hasData: (s: TideSnapshot) => s.tides.length > 0,
  },
} satisfies Record<TideFamily, FamilyDescriptor<TideSnapshot>>;
const tideFindings = {
  ...FAMILY_FINDINGS,
  tides: { affects: ['tide_turn'], printedAs: 'tide_turn' },
} satisfies Record<TideFamily, { affects: readonly TideKind[]; printedAs: TideKind | undefined }>;
const tideKinds = { ...FINDING_KINDS, tide_turn: { order: 19, weight: 35 } } satisfies Record<TideKind, KindFacts>;

describe('a new data family (dummy "tides")', () => {
  it('is complete once its descriptor, analysis rows and kind row exist', () => {
    const empty: TideSnapshot = { ...makeSnapshot(), tides: [] };
    const full: TideSnapshot = { ...empty, tides: [{ asset: 'BTC', hourly: [1] }] };
    expect(withTides.tides.hasData(empty)).toBe(false);
    expect(withTides.tides.hasData(full)).toBe(true);
    // The existing families see the extended snapshot as before.
    expect(withTides.prices.hasData(full)).toBe(false);
    expect(tideFindings.tides.affects).toEqual(['tide_turn']);
    expect(Object.keys(tideKinds)).toHaveLength(Object.keys(FINDING_KINDS).length + 1);
  });

  it('keeps the incomplete tables only as compile-time checks', () => {
    // Referenced so the declarations above are used; at run time they are the real tables.
    expect([noDescriptor, noHasData, noEnglishName, noAffects, noKindFacts, noBullet, noProvider].every(Boolean)).toBe(true);
  });
});
