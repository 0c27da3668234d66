/**
 * The check stage, between compose and render: a day's briefs (every language) against the
 * copy desk's rules (rules.ts). `render`, `rerender`, `run` and `preview` call it through
 * render-briefs.ts; `brief check` runs it alone.
 */
import { RenderError } from '../../kernel/errors.js';
import { DEFAULT_CONFIG } from '../../kernel/config.js';
import { formatLength, measure, type BriefLength, type LengthCount } from './length.js';
import { checkOne, parity, RULES, type CheckedBrief, type CheckFailure, type RuleId } from './rules.js';

export { RULES, type CheckedBrief, type CheckFailure, type RuleId } from './rules.js';
export { countEnWords, countZhZi, formatLength, measure, withinLimits, type BriefLength, type LengthCount } from './length.js';

export interface CheckReport {
  date: string;
  failures: CheckFailure[];
  /** Per language (and "zh/en" for parity): each rule passed or failed. */
  rules: { lang: string; rule: RuleId; passed: boolean }[];
  /** Each brief's length (en words, zh 字) and day kind; judged against config.briefLength by the report and the corpus test. */
  lengths: LengthCount[];
}

export function checkDay(date: string, briefs: readonly CheckedBrief[]): CheckReport {
  const failures: CheckFailure[] = [];
  const rules: CheckReport['rules'] = [];
  const lengths = briefs.flatMap((b) => (b.lang === 'zh' || b.lang === 'en' ? [measure(b.lang, b.markdown, b.model.day)] : []));
  for (const brief of briefs) {
    const found = checkOne(brief);
    failures.push(...found);
    for (const rule of RULES) if (rule !== 'parity') rules.push({ lang: brief.lang, rule, passed: !found.some((f) => f.rule === rule) });
  }
  const zh = briefs.find((b) => b.lang === 'zh');
  const en = briefs.find((b) => b.lang === 'en');
  if (zh && en) {
    const found = parity(zh, en);
    failures.push(...found);
    rules.push({ lang: 'zh/en', rule: 'parity', passed: found.length === 0 });
  }
  return { date, failures, rules, lengths };
}

/** One line per failure: rule, language, what is wrong, the figures and the sentence. */
export function formatFailure(f: CheckFailure): string {
  const figures = f.figures.length > 0 ? ` [${f.figures.join(', ')}]` : '';
  return `check ${f.rule} (${f.lang}): ${f.message}${figures}${f.sentence ? ` — “${f.sentence}”` : ''}`;
}

/** `brief check --report`: per brief, the rules passed and failed, and its length against the house limits. */
export function formatReport(report: CheckReport, limits: BriefLength = DEFAULT_CONFIG.briefLength): string {
  const byLang = new Map<string, string[]>();
  for (const r of report.rules) byLang.set(r.lang, [...(byLang.get(r.lang) ?? []), `${r.passed ? 'pass' : 'FAIL'} ${r.rule}`]);
  for (const c of report.lengths) byLang.set(c.lang, [...(byLang.get(c.lang) ?? []), formatLength(limits, c)]);
  return [...byLang].map(([lang, lines]) => `${report.date} ${lang}: ${lines.join(', ')}`).join('\n');
}

/** A failed check stops the render (exit 4) naming every failure. */
export class CheckFailedError extends RenderError {
  constructor(readonly report: CheckReport) {
    super(
      `the ${report.date} brief failed ${report.failures.length} check(s) (--allow-check-failures renders anyway):\n${report.failures.map(formatFailure).join('\n')}`,
    );
  }
}
