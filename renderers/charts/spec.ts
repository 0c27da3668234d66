/**
 * The frame every chart spec shares: size, title with a source line, config, and the layer type.
 * Chart modules put their data into layers as `data: { values }` only: never URLs, and never
 * into expression strings.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { LayerSpec, UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import { baseConfig, CHART_HEIGHT, CHART_WIDTH, COLORS } from './theme.js';

export type Layer = UnitSpec<Field> | LayerSpec<Field>;

export interface FrameOptions {
  title: string;
  /** One line under the title: the source and what was measured. */
  subtitle?: string;
  layers: Layer[];
  /** Overall height, px (padding, title and axes included). */
  height?: number;
}

/**
 * A layered chart of a fixed overall size: `autosize: fit` with `contains: padding` makes the
 * SVG exactly CHART_WIDTH × height whatever the labels measure.
 */
export function layeredChart(options: FrameOptions): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH,
    height: options.height ?? CHART_HEIGHT,
    autosize: { type: 'fit', contains: 'padding' },
    title: {
      text: options.title,
      ...(options.subtitle ? { subtitle: options.subtitle, subtitleFontSize: 10, subtitleColor: COLORS.zero, subtitlePadding: 4 } : {}),
    },
    config: baseConfig(),
    layer: options.layers,
  };
}
