/**
 * The brief model's figures, each with the quantity it states. The model is where every printed
 * figure comes from (templates carry no digits: `brief lint`), so a figure's path in the model
 * is its identity: `sections[0].bullets[0].liquidations.total` and `lead.liquidations.total`
 * are both the day's liquidation total and must print one value.
 */
import type { BriefModel } from '../narrative/index.js';
import { parseFigures, type Figure } from './figures.js';

export interface ModelFigure extends Figure {
  /** Where it sits in the model, e.g. `sections[0].bullets[2].funding.current`. */
  path: string;
  /** The quantity it states, e.g. `funding.current`; undefined for words that only hold a digit. */
  quantity: string | undefined;
}

/**
 * Paths (indices dropped) that state the same quantity. A path not listed is its own quantity,
 * named by its last two segments (`volume.change`), which already joins a bullet field with the
 * same field of a bullet in another section.
 */
const SAME_QUANTITY: [RegExp, string][] = [
  [/(^|\.)(lead\.)?liquidations\.total$|\.flushed\.total$|\.squeezed\.total$|\.longsLiquidated\.total$/, 'liquidations.total'],
  [/(^|\.)liquidations\.longShare$|\.flushed\.longShare$|\.longsLiquidated\.longShare$/, 'liquidations.longShare'],
  [/(^|\.)liquidations\.shortShare$|\.squeezed\.shortShare$/, 'liquidations.shortShare'],
  [/\.funding\.current$|\.fundingReset\.assets\.current$|\.fundingCrowded\.assets\.current$/, 'funding.current'],
  [/\.deleveraging\.oiChange$|\.openInterest\.change$|\.oiDown\.change$|\.oiReset\.change$|\.oiUp\.change$/, 'openInterest.change'],
  [/\.basis\.current$|\.basisCooled\.assets\.current$|\.basisRich\.assets\.current$/, 'basis.current'],
  [/\.basis\.prior$|\.basisCooled\.assets\.prior$|\.basisRich\.assets\.prior$/, 'basis.prior'],
  [/\.volatility\.current$|\.volElevated\.current$/, 'volatility.current'],
  [/\.etfRecord\.total$|\.etfVolume\.total$/, 'etfVolume.total'],
  [/\.etfInflow\.net$|\.etfOutflow\.net$|\.etfFlows\.net$/, 'etfFlows.net'],
  [/\.exchangeFlows\.after$|\.exchangeOutflow\.after$/, 'exchangeFlows.after'],
  [/\.exchangeFlows\.net$|\.exchangeInflow\.net$/, 'exchangeFlows.net'],
  // The primary asset's close-to-close change in the brief's zone: lead, macro paragraph, outlook.
  [/^lead\.change$|\.macro\.change$|^lead\.others\.change$|\.crossAsset\.change$|\.priceDrop\.change$/, 'price.change'],
  [/^lead\.close$|\.outlook\.reference$|\.closedNearLow\.close$/, 'price.close'],
  [/^lead\.low$|\.closedNearLow\.low$/, 'price.low'],
];

/** Paths whose digits are names, dates, times or labels rather than quantities. */
const NOT_QUANTITY =
  /(\.|^)(date|time|lowTime|highTime|expiry|tenor|index|label|asOf|endpoint|offset|src|url|name|text|entity|speaker|products|venues?|sources?|window|days|priorDays|avgDays|sampleDays|since|interval|hours|baselineDays|streak|weekday|provider|what|why|headline|title|description|publication|publicationName|alt|cite|label)$/;

/**
 * The quantity a model path states. `qpath` is the path as a quantity: section and bullet
 * positions dropped (the same bullet field in two places is one quantity), and a list item that
 * names what it is about (`asset`, `venue`, `ticker`, `source`) keyed by that name instead of its
 * position: the funding rate `venues[@Binance].rate`, the change `crossAsset.change@ETH`.
 */
function quantityOf(path: string, qpath: string, about: string | undefined, primary: string): string | undefined {
  const bare = path.replace(/\[\d+\]/g, '');
  if (NOT_QUANTITY.test(bare)) return undefined;
  // A joined quantity without an asset of its own (a bull point, the lead's ETF record) is about
  // the brief's asset, like the bullet it repeats.
  for (const [pattern, id] of SAME_QUANTITY) if (pattern.test(bare)) return `${id}@${about ?? primary}`;
  // Inside an object that names its asset (a cross-asset bullet), the field is about that asset.
  return about && !qpath.includes('@') ? `${qpath}@${about}` : qpath;
}

/** Fields that say what an object is about; a list item may need several (a venue's contract). */
const ABOUT_KEYS = ['asset', 'venue', 'ticker', 'source', 'contract', 'instrument'] as const;

/** What the object's figures are about, if it names it; else undefined (its parent's applies). */
function aboutOf(value: Record<string, unknown>): string | undefined {
  const names = ABOUT_KEYS.map((key) => value[key]).filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length < 40);
  return names.length > 0 ? names.join(' ') : undefined;
}

/** Every figure in every string of the model, with its path and quantity. */
export function modelFigures(model: BriefModel): ModelFigure[] {
  const out: ModelFigure[] = [];
  const primary = String(model.lead.asset);
  const walk = (value: unknown, path: string, qpath: string, about: string | undefined): void => {
    if (typeof value === 'string') {
      const figures = parseFigures(value);
      // A quantity field holds one figure ("12.6 亿美元"); a range ("10.3%—11.7%") holds two, each
      // a bound of the same quantity.
      for (const f of figures) out.push({ ...f, path, quantity: quantityOf(path, qpath, about, primary) });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        const own = v && typeof v === 'object' ? aboutOf(v as Record<string, unknown>) : undefined;
        const positional = /^sections(\[\d+\]\.bullets)?$/.test(path);
        walk(v, `${path}[${i}]`, positional ? '' : `${qpath}[${own ? `@${own}` : i}]`, about);
      });
    } else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      // The en wire wrap's points are the same objects as the positioning's bulls and bears: read once.
      if (path.endsWith('.positioning')) {
        const { wire: _wire, ...rest } = record;
        for (const [k, v] of Object.entries(rest)) walk(v, `${path}.${k}`, `${qpath}.${k}`, aboutOf(record) ?? about);
        return;
      }
      // An object that names an asset or a venue: its figures are about that one.
      const here = aboutOf(record) ?? about;
      for (const [k, v] of Object.entries(record)) walk(v, path ? `${path}.${k}` : k, qpath ? `${qpath}.${k}` : k, here);
    }
  };
  walk(model, '', '', undefined);
  return out;
}
