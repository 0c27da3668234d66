/**
 * ETF flows: net creations minus redemptions on the ETF day (USD, negative = outflow), per
 * ticker where the source splits them, and the streak of same-sign days. When no flow source
 * has the day, there is no finding here; the data-gaps signal reports the absence.
 *
 * - ETF day: the latest flow date closed before the brief window ends (util/us-market.ts).
 * - Of several flow sources for one asset, the first (by source name) holding that day is used.
 * - Streak: consecutive listed days back from the ETF day with the same sign (0 on a zero day).
 * - Split: the funds against the net and the rest added up (splitOf).
 */
import { roundSignificant } from '../util/stats.js';
import type { Signal } from '../context.js';
import type { Finding } from '../findings.js';
import { importanceOf, thresholdRatio } from '../importance.js';
import { etfDayFor } from '../util/us-market.js';

export const etfFlowsSignal: Signal = (snapshot, thresholds) => {
  const t = thresholds.etf;
  const out: Finding[] = [];
  for (const asset of snapshot.assets) {
    const candidates = snapshot.etfFlows
      .map((s, index) => ({ s, index }))
      .filter(({ s }) => s.asset === asset && s.daily.length > 0)
      .sort((a, b) => (a.s.source < b.s.source ? -1 : a.s.source > b.s.source ? 1 : a.index - b.index));
    const date = etfDayFor(
      candidates.flatMap(({ s }) => s.daily.map((d) => d.date)),
      snapshot.window.end,
    );
    if (date === undefined) continue;
    const chosen = candidates.find(({ s }) => s.daily.some((d) => d.date === date));
    if (!chosen) continue;

    const days = chosen.s.daily.filter((d) => d.date <= date).sort((a, b) => (a.date < b.date ? -1 : 1));
    const today = days[days.length - 1]!;
    const sign = Math.sign(today.netFlowUsd);
    let streakDays = 0;
    let streakNetUsd = 0;
    if (sign !== 0)
      for (let i = days.length - 1; i >= 0 && Math.sign(days[i]!.netFlowUsd) === sign; i--) {
        streakDays++;
        streakNetUsd += days[i]!.netFlowUsd;
      }
    const ratio = thresholdRatio(today.netFlowUsd, t.netFlowNotableUsd);

    out.push({
      kind: 'etf_flows',
      importance: importanceOf('etf_flows', ratio),
      sources: [chosen.s.provenance.provider],
      paths: [`etfFlows[${chosen.index}].daily`],
      ...(ratio >= 1 ? { threshold: { name: 'etf.netFlowNotableUsd', value: t.netFlowNotableUsd, unit: 'usd' as const } } : {}),
      asset,
      date,
      netFlowUsd: today.netFlowUsd,
      perTicker: today.perTicker.map((p) => ({ ticker: p.ticker, netFlowUsd: p.netFlowUsd })),
      streakDays,
      streakNetUsd: roundSignificant(streakNetUsd, 12),
      ...splitOf(today.netFlowUsd, today.perTicker, t.againstShareMin),
    });
  }
  return out;
};

/** Per-fund flows "add up" to the net within this share of it: the provider rounds each fund to $0.1 million. */
const ADDS_UP_TOLERANCE = 0.01;

/**
 * The funds that moved against the net, and the rest added up: on the spot ETFs' first day GBTC's
 * outflow hid that the other four took in $642 million. See the schema for when.
 */
function splitOf(net: number, perTicker: readonly { ticker: string; netFlowUsd: number }[], againstShareMin: number) {
  const sign = Math.sign(net);
  const against = perTicker.filter((p) => Math.sign(p.netFlowUsd) === -sign);
  const rest = perTicker.filter((p) => Math.sign(p.netFlowUsd) === sign);
  const sum = (list: readonly { netFlowUsd: number }[]): number => list.reduce((total, p) => total + p.netFlowUsd, 0);
  if (sign === 0 || against.length === 0 || rest.length < 2) return {};
  if (Math.abs(sum(perTicker) - net) > ADDS_UP_TOLERANCE * Math.abs(net)) return {};
  if (Math.abs(sum(against)) < againstShareMin * Math.abs(net)) return {};
  return { split: { against: against.map((p) => p.ticker), restCount: rest.length, restNetUsd: roundSignificant(sum(rest), 12) } };
}
