/**
 * The register each language's brief is written in. zh is the long-form desk brief (AiCoin's
 * manner: every reading said, 2,000–3,000 字 on a sharp day). en is a wire market wrap (≤ 900
 * words): it leaves out what restates a printed figure's reading and what the chart already
 * shows, and keeps what is news. One table, so that compose decides it once per language and the
 * templates print what the model holds.
 */
import type { Lang } from '../../kernel/lang.js';

export const WIRE_WRAP: Readonly<Record<Lang, boolean>> = { zh: false, en: true };
