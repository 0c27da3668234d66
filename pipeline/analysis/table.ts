/**
 * formatFindingsTable: the findings as a plain-text table for `brief analyze` (without --json).
 * One row per finding: rank, importance, kind, asset, and the key values with their units.
 * Numbers are formatted here without locale lookups so the text is the same on every machine:
 * fractions as percentages ("-4.12%"), USD compactly ("$1.26B"), funding per 8 h ("0.0010%/8h"),
 * times in UTC ("01-03 20:00Z").
 */
import type { Finding, Findings } from './findings.js';

/** A fraction as a signed percentage with `digits` decimals: −0.0412 → "-4.12%". */
export function pct(fraction: number, digits = 2): string {
  let s = (fraction * 100).toFixed(digits);
  if (Number(s) === 0) s = (0).toFixed(digits); // never "-0.00%"
  return `${Number(s) > 0 ? '+' : ''}${s}%`;
}

/** Thousands separators, fixed decimals: 42156.3 → "42,156.3". */
export function num(value: number, digits = 0): string {
  const [int, dec] = Math.abs(value).toFixed(digits).split('.') as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 && Number(value.toFixed(digits)) !== 0 ? '-' : '';
  return `${sign}${grouped}${dec ? `.${dec}` : ''}`;
}

/** USD compactly: 1.262e9 → "$1.26B", 1.6e8 → "$160M", 950 → "$950". */
export function usd(value: number): string {
  const a = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (a >= 1e9) return `${sign}$${(a / 1e9).toFixed(2)}B`;
  if (a >= 1e6) return `${sign}$${(a / 1e6).toFixed(a >= 1e8 ? 0 : 1)}M`;
  if (a >= 1e3) return `${sign}$${(a / 1e3).toFixed(1)}K`;
  return `${sign}$${a.toFixed(0)}`;
}

/** A multiple: 1.6666 → "1.67x". */
export function times(value: number): string {
  return `${value.toFixed(2)}x`;
}

/** An instant as "MM-DD HH:MMZ" (UTC). */
export function utcTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(5, 10)} ${iso.slice(11, 16)}Z`;
}

const per8h = (fraction: number): string => `${pct(fraction, 4)}/8h`;
const rangeOf = (r: { low: number; high: number }, f: (v: number) => string): string =>
  r.low === r.high ? f(r.low) : `${f(r.low)}..${f(r.high)}`;

/** The key values of one finding, with units. */
export function summarize(f: Finding): string {
  switch (f.kind) {
    case 'price_move':
      return `${f.venue} O ${num(f.open, 2)} H ${num(f.high, 2)} (${utcTime(f.highTime)}) L ${num(f.low, 2)} (${utcTime(f.lowTime)}) C ${num(f.close, 2)}; vs prev close ${num(f.prevClose, 2)} ${pct(f.changeFraction)}; high-to-low ${pct(f.drawdownFraction)}; ${f.direction}`;
    case 'price_path':
      return `${f.direction}; steepest hour ${utcTime(f.steepestHour.time)} ${pct(f.steepestHour.changeFraction)}; close ${pct(f.retrace.fromExtremeFraction)} off the extreme, ${pct(f.retrace.shareOfSwing, 0)} of the swing; ${f.shape.concentrated ? `burst ${f.shape.burst.hours}h from ${utcTime(f.shape.burst.start)} ${pct(f.shape.burst.shareOfSwing, 0)} of the swing` : `${f.shape.hoursWithMove}/${f.shape.hours}h ${f.direction}${f.shape.steady ? ' (steady)' : ''}`}${f.prior ? `; prior ${f.prior.days}d ${pct(f.prior.changeFraction)}${f.prior.trend ? ' (trend)' : ''}` : ''}${f.closeSince ? `; close since ${f.closeSince.date}` : ''}${(f.releases ?? []).map((r) => `; ${r.kind} ${utcTime(r.time)}${r.changeFraction !== undefined ? ` ${pct(r.changeFraction)} over ${r.hours}h` : ''}${r.extreme ? ', extreme' : ''}${r.steepest ? ', steepest' : ''}`).join('')}`;
    case 'level_break':
      return `${f.direction} ${num(f.level)} at ${utcTime(f.time)}; ${f.closedBeyond ? 'closed beyond' : 'reclaimed by the close'}`;
    case 'systemic_move':
      return `${f.systemic ? 'systemic' : 'not systemic'} ${f.direction}: ${f.assets.map((a) => `${a.asset} ${pct(a.changeFraction)}`).join(', ')}`;
    case 'historical_rank':
      return `${f.metric} ${pct(f.value)} rank ${f.rank} of ${f.sampleDays} days${f.since ? `; largest since ${f.since.date} (${pct(f.since.value)}, ${f.since.daysAgo} days ago)` : '; largest in sample'}`;
    case 'liquidations':
      return `${f.asset ?? 'all assets'} total ${rangeOf(f.totalRangeUsd, usd)}, long ${rangeOf(f.longFractionRange, (v) => pct(v, 1))}${f.multipleOfMedian !== undefined && f.median30dUsd !== undefined ? `; ${times(f.multipleOfMedian)} the ${f.medianDays ?? 30}-day median ${usd(f.median30dUsd)} (${f.medianSource})` : ''}; ${f.perSource.map((p) => `${p.source} ${usd(p.totalUsd)}${p.coverage === 'lower-bound' ? ' (lower bound)' : ''}`).join(', ')}${f.longDominant ? '; long-dominant' : ''}`;
    case 'liquidation_timing':
      return `${f.side} ${pct(f.shareFraction, 0)} of ${usd(f.sideUsd)} recorded in ${f.hours}h from ${utcTime(f.start)} (${f.venues.join(', ')})`;
    case 'liquidation_cluster':
      return `${f.side} ${num(f.band.low)}-${num(f.band.high)}: ${usd(f.notionalUsd)} in ${f.orderCount} orders, ${pct(f.shareFraction, 1)} of notional`;
    case 'volume_spike':
      return `${f.market} vs prev day ${rangeOf(f.changeVsPrevRange, (v) => pct(v, 0))}; ${f.perVenue.map((v) => `${v.venue} ${usd(v.dayVolumeUsd)} ${pct(v.changeVsPrevFraction, 0)}${v.multipleOf30dAvg !== undefined ? ` ${times(v.multipleOf30dAvg)} 30d avg` : ''}${v.isMonthPeak ? ' month-peak hour' : ''}`).join('; ')}`;
    case 'funding_flip':
      return `${f.state}: ${f.priorDays}d prior ${per8h(f.weightedPriorPer8h)} -> now ${per8h(f.weightedCurrentPer8h)} (${f.weighting}-weighted); ${f.perVenue.map((v) => `${v.venue} ${per8h(v.currentPer8h)}`).join(', ')}`;
    case 'basis_compression':
      return `annualized ${rangeOf(f.priorRange, (v) => pct(v, 1))} -> ${rangeOf(f.currentRange, (v) => pct(v, 1))}${f.compressed ? ', compressed' : ''}${
        f.anyBackwardation
          ? `; backwardation: ${f.tenors
              .filter((x) => x.backwardation)
              .map((x) => x.contract)
              .join(', ')}`
          : ''
      }`;
    case 'open_interest_change':
      return `${usd(f.totalPriorUsd)} -> ${usd(f.totalCurrentUsd)} ${pct(f.changeFraction)}${f.deleveraging ? '; deleveraging' : ''}; ${f.perVenue.map((v) => `${v.venue} ${pct(v.changeFraction)}`).join(', ')}`;
    case 'etf_volume':
      return `${f.date} ${usd(f.totalDollarVolumeUsd)}${f.multipleOf30dAvg !== undefined ? ` ${times(f.multipleOf30dAvg)} 30d avg` : ''}${f.isRecord ? ', record' : ''}${f.priceChangeFraction !== undefined ? `; price ${pct(f.priceChangeFraction)}` : ''}${f.divergence ? '; divergence' : ''}; ${f.tickers.map((x) => x.ticker).join(', ')}`;
    case 'etf_flows':
      return `${f.date} net ${usd(f.netFlowUsd)}, streak ${f.streakDays} days${f.split ? `; ${f.split.against.join('+')} against, ${f.split.restCount} others ${usd(f.split.restNetUsd)}` : ''}`;
    case 'whale_activity':
      return `${f.count} transfers >= ${num(f.thresholdCoins)} ${f.asset}, ${num(f.totalCoins)} ${f.asset}${f.baseline30dAvgCount !== undefined && f.multipleOfBaseline !== undefined ? `; baseline ${num(f.baseline30dAvgCount, 1)}/day (${times(f.multipleOfBaseline)})` : ''}${f.aroundLevel ? `; ${f.aroundLevel.before} before / ${f.aroundLevel.after} after ${num(f.aroundLevel.level)} (${f.aroundLevel.windowHours}h)` : ''}`;
    case 'exchange_flows':
      return `net ${num(f.netCoins, 1)} ${f.asset}; peak inflow ${num(f.peakInflow.coins, 1)} at ${utcTime(f.peakInflow.time)}${f.peakMultipleOfBaseline !== undefined ? ` (${times(f.peakMultipleOfBaseline)} baseline)` : ''}; after peak ${num(f.netAfterPeakCoins, 1)}${f.reversal ? '; reversal' : ''}`;
    case 'implied_vol':
      return `${f.index} ${f.open !== undefined ? `${num(f.open, 1)} -> ` : ''}${num(f.current, 1)} (high ${num(f.dayHigh, 1)}, low ${num(f.dayLow, 1)}) vs 30d avg ${num(f.avg30d, 1)} ${pct(f.changeVsAvgFraction, 1)}${f.elevated ? ', elevated' : ''}`;
    case 'key_levels':
      return `ref ${num(f.reference, 2)}; supports ${f.supports.map((l) => `${num(l.price)} (${l.basis})`).join(', ') || '-'}; resistances ${f.resistances.map((l) => `${num(l.price)} (${l.basis})`).join(', ') || '-'}`;
    case 'data_gap':
      return `${f.family}${f.asset ? `/${f.asset}` : ''} from ${f.source}: ${f.gapKind}, ${f.reason}`;
    case 'day_plan':
      return `${f.dayType}${f.multiAsset ? ' (multi-asset)' : ''}, lead ${f.leadAsset}, ${f.dominantSide} side${f.liquidations ? `; liquidations ${f.liquidations.scope} ${rangeOf(f.liquidations.totalRangeUsd, usd)}${f.liquidations.parts.length ? ` (parts ${f.liquidations.parts.map((p) => `${p.asset} ${usd(p.totalUsd)}`).join(', ')})` : ''}` : ''}; claims ${f.claims.map((c) => `${c.id}${c.asset ? `/${c.asset}` : ''}`).join(', ') || '-'}`;
  }
}

/** The findings as a plain-text table, one row per finding, ending with a newline. */
export function formatFindingsTable(findings: Findings): string {
  const head = ['#', 'imp', 'kind', 'asset', 'values'];
  const rows = findings.findings.map((f, i) => [
    String(i + 1),
    f.importance.toFixed(1),
    f.kind,
    'asset' in f && typeof f.asset === 'string' ? f.asset : '-',
    summarize(f),
  ]);
  const widths = head.slice(0, 4).map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c < 4 ? (c < 2 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)) : cell))
      .join('  ')
      .trimEnd();
  const title = `Findings for ${findings.date} (${findings.timezone}), window ${new Date(findings.start).toISOString()} to ${new Date(findings.end).toISOString()}: ${findings.findings.length} findings`;
  return [title, '', line(head), line(widths.map((w) => '-'.repeat(w)).concat('-'.repeat(6))), ...rows.map(line)].join('\n') + '\n';
}
