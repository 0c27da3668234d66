/**
 * ETF flows: net creations minus redemptions on the ETF day (USD, negative = outflow), per
 * ticker where the source splits them, and the streak of same-sign days. When no flow source
 * has the day, there is no finding here; the data-gaps signal reports the absence.
 *
 * - ETF day: the latest flow date closed before the brief window ends (util/us-market.ts).
 * - Of several flow sources for one asset, the first (by source name) holding that day is used.
 * - Streak: consecutive listed days back from the ETF day with the same sign (0 on a zero day).
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
    });
  }
  return out;
};
