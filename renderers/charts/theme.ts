/**
 * The look shared by every chart: size, font, and a palette that survives greyscale printing.
 *
 * Series that must be told apart (longs vs shorts, before vs now) differ in lightness, not only
 * in hue, and lines also differ in dash pattern. The font stack names the page's web font first
 * (the HTML page serves "Noto Sans SC" from @fontsource/noto-sans-sc) so Chinese labels render.
 */
import type { Config } from 'vega-lite';

export const CHART_FONT = '"Noto Sans SC", "Noto Sans CJK SC", sans-serif';

/** Overall size of every chart, CSS px, padding included (fits an A4 text column). */
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 260;

/**
 * Colours, each with its approximate greyscale luminance (0 black … 1 white) so that pairs used
 * together stay distinct when printed in black and white.
 */
export const COLORS = {
  /** Main series (price, current values): dark slate blue, luminance ≈ 0.25. */
  ink: '#1f3a5f',
  /** Longs liquidated / falling: deep red-brown, luminance ≈ 0.28. */
  long: '#8c2d19',
  /** Shorts liquidated: light sand, luminance ≈ 0.72. */
  short: '#e3b778',
  /** Earlier values (before, averages): mid grey, luminance ≈ 0.55. */
  muted: '#8a8f98',
  /** Light fills (ranges, ordinary bars): pale blue-grey, luminance ≈ 0.80. */
  pale: '#c9d3e0',
  /** Support levels: dark green, luminance ≈ 0.30. */
  support: '#2e6b3a',
  /** Resistance levels: dark orange-brown, luminance ≈ 0.38. */
  resistance: '#9a5b13',
  /** Grid and zero lines. */
  grid: '#e2e5ea',
  zero: '#555a62',
  text: '#222222',
} as const;

/** Dash patterns for lines that must be told apart without colour. */
export const DASHES: number[][] = [[], [6, 3], [2, 2], [8, 3, 2, 3], [1, 3]];

/** Series colours for categorical lines (exchanges): distinct lightness steps. */
export const SERIES_COLORS = ['#1f3a5f', '#b5651d', '#6b8fb5', '#3d3d3d', '#c9a227'];

/** The vega-lite config every chart starts from. */
export function baseConfig(): Config {
  return {
    font: CHART_FONT,
    // No per-mark ARIA descriptions: the page gives each chart a title and alt text, and the SVG stays small.
    aria: false,
    background: '#ffffff',
    padding: { left: 8, right: 16, top: 8, bottom: 8 },
    view: { stroke: null },
    title: { fontSize: 14, fontWeight: 'bold', anchor: 'start', color: COLORS.text, offset: 10 },
    axis: {
      labelFontSize: 11,
      titleFontSize: 11,
      titleFontWeight: 'normal',
      labelColor: COLORS.text,
      titleColor: COLORS.text,
      gridColor: COLORS.grid,
      domainColor: COLORS.zero,
      tickColor: COLORS.zero,
    },
    // The y axis title (a unit) sits horizontally above the axis, so CJK units read upright.
    axisY: { titleAngle: 0, titleAlign: 'left', titleAnchor: 'end', titleBaseline: 'bottom', titleX: -6, titleY: -8 },
    legend: {
      labelFontSize: 11,
      titleFontSize: 11,
      orient: 'top',
      direction: 'horizontal',
      columnPadding: 18,
      symbolStrokeWidth: 2,
      offset: 14,
    },
    text: { fontSize: 10, color: COLORS.text },
    // Locale-free number formats: d3-format's built-in en-US conventions, never the machine's.
    numberFormat: ',.4~g',
  };
}

/**
 * vega (not vega-lite) config applied after compiling: top legends sit at the right end, clear
 * of the y-axis unit drawn at the top left. vega-lite's types do not expose vega's legend layout.
 */
export const VEGA_CONFIG_PATCH = { legend: { layout: { top: { anchor: 'end' } } } } as const;
