/**
 * The derivatives points of the bulls-versus-bears paragraphs, one clause per asset in the
 * configured order: funding by sign and size with its kind of rate (running period, settled or a
 * mix; analysis' `level` and `currentKind`) and its weighting (open interest or a venue average,
 * `weighting`, as the funding bullet names it), and the annualized basis of each asset's headline
 * expiry (venues, expiry, days left, prior → current), the figures its bullet prints. A rate
 * listed among several gets no word of size of its own (a threshold between two rates a few
 * hundredths of a point apart reads arbitrary); the point says only the sign they all share.
 *
 * Sides: an asset whose funding is elevated argues for the bears (crowded longs); any other
 * level argues that longs are not crowded. A compressed basis is the bears' (cooling appetite);
 * on a rally a basis that widened by `basis.compressionMinFraction` or more is too (chasing).
 */
import type { BasisCompression, FundingFlip } from '../analysis/index.js';
import { hasClaim, type ComposeContext } from './compose-context.js';
import type { Day } from './lead.js';
import { md } from './markdown-escape.js';
import type { Point } from './model.js';
import { tenorName } from './names.js';

type FundingClause = NonNullable<Point['fundingReset']>['assets'][number];
type BasisClause = NonNullable<Point['basisCooled']>['assets'][number];

/** Tenors with a name of their own (names.ts tenorName); others are contract labels. */
const KNOWN_TENORS = new Set(['CURRENT_QUARTER', 'NEXT_QUARTER', 'CURRENT_MONTH', 'NEXT_MONTH']);

function fundingClause(ctx: ComposeContext, f: FundingFlip, shown: { kind: boolean; weighting: boolean }, quoted: boolean): FundingClause {
  return {
    asset: ctx.ticker(f.asset),
    current: ctx.fmt.rate(f.weightedCurrentPer8h),
    quoted,
    sep: false,
    elevated: f.level === 'elevated',
    positive: f.level === 'positive',
    aboutZero: f.level === 'about_zero',
    slightlyNegative: f.level === 'slightly_negative',
    // "Shorts pay heavily" only with the plan's claim (the same threshold as the level).
    deeplyNegative: f.level === 'deeply_negative' && hasClaim(ctx, 'short_pressure', f.asset),
    showKind: shown.kind,
    settled: f.currentKind === 'settled',
    mixed: f.currentKind === 'mixed',
    weighted: f.weighting === 'open-interest',
    showWeighting: shown.weighting,
    aside: shown.kind || shown.weighting,
    sized: false,
    paren: false,
  };
}

/**
 * One funding point: the kind of rate and its weighting (open interest or an equal-weight
 * average, as the funding bullet names it) said once when every asset's is the same, else per asset.
 */
function fundingPoint(ctx: ComposeContext, fs: readonly FundingFlip[], quoted: string | undefined): NonNullable<Point['fundingReset']> {
  const kinds = new Set(fs.map((f) => f.currentKind));
  const one = kinds.size === 1 ? fs[0]!.currentKind : undefined;
  const weightings = new Set(fs.map((f) => f.weighting));
  const weighting = weightings.size === 1 ? fs[0]!.weighting : undefined;
  // Said once for all, unless the assets' differ.
  const shown = { kind: one === undefined || one === 'mixed', weighting: weighting === undefined };
  const assets = fs.map((f) => fundingClause(ctx, f, shown, f.asset === quoted));
  // A separator before every printed clause but the first printed one.
  let printed = 0;
  for (const a of assets) if (!a.quoted) a.sep = printed++ > 0;
  // Among several figures no one gets a word of size: only what they all share is said.
  for (const a of assets) {
    a.sized = printed === 1;
    a.paren = a.aside || (a.sized && a.deeplyNegative);
  }
  const level = (test: (f: FundingFlip) => boolean): boolean => fs.every(test);
  const quotedClause = assets.find((a) => a.quoted);
  return {
    assets,
    ...(quotedClause && printed > 0 ? { asAbove: quotedClause.asset } : {}),
    allCurrent: one === 'current-period',
    allSettled: one === 'settled',
    allWeighted: weighting === 'open-interest',
    allEqual: weighting === 'equal',
    fresh: printed > 0,
    several: printed > 1,
    allNegative: level((f) => f.level === 'slightly_negative' || f.level === 'deeply_negative'),
    allPositive: level((f) => f.level === 'positive' || f.level === 'elevated'),
    allAboutZero: level((f) => f.level === 'about_zero'),
  };
}

/** The headline expiry's contracts (analysis chose it): one range across its venues, as the bullet prints. */
function basisClause(ctx: ComposeContext, f: BasisCompression): BasisClause | undefined {
  const { fmt } = ctx;
  const group = f.tenors.filter((t) => t.expiry === f.headlineExpiry);
  const main = group[0];
  if (!main) return undefined;
  const several = group.length > 1;
  return {
    asset: ctx.ticker(f.asset),
    // A venue's own contract label (Deribit's 28JUN24) says no more than the expiry printed beside it.
    ...(KNOWN_TENORS.has(main.tenor) ? { tenor: md(tenorName(main.tenor, ctx.lang)) } : {}),
    venues: ctx.sources(group.map((t) => t.venue)),
    expiry: fmt.dateOf(main.expiry),
    days: fmt.count(Math.round(main.daysToExpiry)),
    prior: several ? fmt.pctRange(f.priorRange.low, f.priorRange.high) : fmt.pct(main.priorAnnualized),
    current: several ? fmt.pctRange(f.currentRange.low, f.currentRange.high) : fmt.pct(main.currentAnnualized),
  };
}

/** Funding, every asset with a finding: the not-crowded ones in one bulls' point, the crowded in one bears' point. */
/**
 * `quoted`: the asset whose funding bullet the brief prints, when the language does not repeat a
 * bullet's figure in a point (en, the wire wrap: "funding shows no crowded longs" on a one-asset
 * day, the other assets' rates on a market-wide one). zh quotes every asset's rate.
 */
export function fundingPoints(ctx: ComposeContext, quoted?: string): { bulls: Point[]; bears: Point[] } {
  const fundings = ctx.input.snapshot.assets.flatMap((a) => ctx.all('funding_flip', a).slice(0, 1));
  const crowded = fundings.filter((f) => f.level === 'elevated');
  const calm = fundings.filter((f) => f.level !== 'elevated');
  return {
    bulls: calm.length > 0 ? [ctx.cite({ fundingReset: fundingPoint(ctx, calm, quoted) }, ...calm)] : [],
    bears: crowded.length > 0 ? [ctx.cite({ fundingCrowded: fundingPoint(ctx, crowded, quoted) }, ...crowded)] : [],
  };
}

/** The snapshot series of the headline expiry's contracts: the clause prints only those. */
function headlinePaths(ctx: ComposeContext, f: BasisCompression): string[] {
  const contracts = new Set(f.tenors.filter((t) => t.expiry === f.headlineExpiry).map((t) => `${t.venue} ${t.contract}`));
  return ctx.input.snapshot.basis.flatMap((b, i) =>
    b.asset === f.asset && contracts.has(`${b.venue} ${b.contract}`) ? [`basis[${i}].history`] : [],
  );
}

/** Basis, every asset with a finding: compressed ones, then (on a rally) widened ones, each a bears' point. */
export function basisPoints(ctx: ComposeContext, day: Day): Point[] {
  const widen = ctx.input.config.thresholds.basis.compressionMinFraction;
  const cooled: [readonly string[], BasisClause][] = [];
  const rich: [readonly string[], BasisClause][] = [];
  for (const f of ctx.input.snapshot.assets.flatMap((a) => ctx.all('basis_compression', a).slice(0, 1))) {
    const clause = basisClause(ctx, f);
    const main = f.tenors.find((t) => t.expiry === f.headlineExpiry);
    if (!clause || !main) continue;
    if (f.compressed) cooled.push([headlinePaths(ctx, f), clause]);
    // The bullet's "widened" test, on the same contract, so bullet and point agree.
    else if (day.rally && main.currentAnnualized - main.priorAnnualized >= widen) rich.push([headlinePaths(ctx, f), clause]);
  }
  // The clause the basis bullet prints (the lead asset's), whose contract it describes.
  const lead = ctx.one('basis_compression', ctx.primary);
  const bullet = lead ? basisClause(ctx, lead) : undefined;
  const points: Point[] = [];
  if (cooled.length > 0)
    points.push(
      ctx.cite(
        {
          basisCooled: basisPoint(
            cooled.map(([, c]) => c),
            bullet,
          ),
        },
        ...cooled.map(([p]) => p),
      ),
    );
  if (rich.length > 0)
    points.push(
      ctx.cite(
        {
          basisRich: basisPoint(
            rich.map(([, c]) => c),
            bullet,
          ),
        },
        ...rich.map(([p]) => p),
      ),
    );
  return points;
}

/**
 * Several assets quoted on the same contract (tenor, venues, expiry, days left): the contract is
 * `shared`, so a language may name it once and give each asset only its prior → current.
 */
function basisPoint(assets: BasisClause[], bullet: BasisClause | undefined): NonNullable<Point['basisCooled']> {
  const [first, ...rest] = assets;
  if (!first || rest.length === 0) return { assets };
  const same = rest.every(
    (c) => c.tenor === first.tenor && c.venues === first.venues && c.expiry === first.expiry && c.days === first.days,
  );
  if (!same) return { assets };
  const { venues, expiry, days } = first;
  // The basis bullet above already gives this contract's venues, expiry and days: named by its tenor.
  const described = first.tenor !== undefined && bullet !== undefined && bullet.venues === venues && bullet.expiry === expiry;
  return { assets, shared: { ...(first.tenor ? { tenor: first.tenor } : {}), venues, expiry, days, described } };
}
