/**
 * Shared types of the chart renderer: which charts exist, what a rendered chart is, and the
 * shape every chart module follows (typed data → vega-lite spec).
 */
import type { TopLevelSpec } from 'vega-lite';

export type ChartId = 'price' | 'liquidations' | 'funding' | 'basis' | 'etf-volume' | 'whale-transfers';

export type { Lang } from '../../kernel/lang.js';

/** A chart rendered to a self-contained SVG string (no script, no external reference). */
export interface ChartSvg {
  id: ChartId;
  /** The chart's title in the brief's language (also drawn inside the SVG). */
  title: string;
  /** A one-sentence text alternative for readers who cannot see the chart. */
  alt: string;
  svg: string;
  /** Size of the SVG in CSS pixels. */
  width: number;
  height: number;
}

/** What a chart module produces before rendering: the spec plus its title and alt text. */
export interface ChartPlan {
  id: ChartId;
  title: string;
  alt: string;
  spec: TopLevelSpec;
}
