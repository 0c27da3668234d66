/**
 * vega-lite spec → SVG string, on the server, with no script and no loading.
 *
 * A chart whose shape was drawn before (same spec but for its data, domains, ticks and titles:
 * hoist.ts) skips steps (1) and (2): its parsed dataflow is kept (shape-cache.ts) and a fresh View
 * of it gets the chart's values before its first run.
 *
 * Steps: (1) compile vega-lite → vega; (2) parse the vega spec with `{ast: true}` so
 * expressions stay syntax trees; (3) run a headless `vega.View` (`renderer: 'none'`) with a
 * loader that refuses every URL, a fixed en-US number/time locale, a deterministic text-width
 * estimate and vega-interpreter's `expressionInterpreter` (which evaluates expression trees
 * without `new Function`); (4) `toSVG()`; (5) check the result: any
 * load attempt, `<script`, `javascript:` or `href` fails the chart (RenderError, exit 4).
 */
import * as vega from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { compile, type TopLevelSpec } from 'vega-lite';
import { RenderError } from '../../kernel/errors.js';
import { createRefusingLoader, type RefusingLoader } from './loader.js';
import { hoistSpec, type HoistedSpec } from './hoist.js';
import { estimateTextWidth } from './text-width.js';
import { VEGA_CONFIG_PATCH } from './theme.js';
import { bindTextSignals, ShapeCache, type CachedShape } from './shape-cache.js';

export interface RenderedSvg {
  svg: string;
  width: number;
  height: number;
  /** Warnings vega-lite or vega logged while compiling and running (tests expect none). */
  warnings: string[];
  /** The expression evaluator: always vega-interpreter (no `new Function`). */
  evaluator: 'interpreter';
}

export interface RenderOptions {
  /** A loader to observe (tests pass their own to count attempts); a fresh one by default. Implies a fresh View. */
  loader?: RefusingLoader;
  /** Build a fresh View even if one of this shape is cached (default: reuse). */
  fresh?: boolean;
}

/** Parts of vega's runtime API that vega-typings does not declare. */
interface VegaUntyped {
  textMetrics: { width: (item: { fontSize?: number; limit?: number }, text: unknown) => number };
  locale: (numberSpec: object, timeSpec: object) => vega.LocaleFormatters;
  logger: (
    level: number,
    method: undefined,
    handler: (method: string, level: number, input: readonly unknown[]) => void,
  ) => vega.LoggerInterface;
  Warn: number;
}
const vegaUntyped = vega as unknown as VegaUntyped;

/** d3's en-US conventions, pinned so that neither the machine nor another module changes them. */
const EN_US_NUMBER = { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''], minus: '−' };
const EN_US_TIME = {
  dateTime: '%x, %X',
  date: '%-m/%-d/%Y',
  time: '%-I:%M:%S %p',
  periods: ['AM', 'PM'],
  days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  shortDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** Lets pending I/O callbacks run (e.g. a browser launching alongside); charts are long CPU work. */
const yieldToIo = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Parsed dataflows by chart shape, for the whole process (charts of a run share few shapes). */
const shapes = new ShapeCache();

export async function renderVegaLite(spec: TopLevelSpec, options: RenderOptions = {}): Promise<RenderedSvg> {
  await yieldToIo();
  if (options.loader || options.fresh) return renderFresh(spec, options.loader ?? createRefusingLoader());
  const hoisted = hoistSpec(spec);
  const cached = shapes.obtain(hoisted, () => buildShape(hoisted));
  if (!cached) return renderFresh(spec, createRefusingLoader());
  return renderWith(cached, hoisted);
}

interface Logged {
  logger: vega.LoggerInterface;
  warnings: string[];
}

function collectingLogger(): Logged {
  const warnings: string[] = [];
  const logger = vegaUntyped.logger(vegaUntyped.Warn, undefined, (method, _level, input) => {
    warnings.push(`${method}: ${input.map(String).join(' ')}`.slice(0, 300));
  });
  return { logger, warnings };
}

/** (1) vega-lite → vega, with the vega-only legend layout patched in. */
function compileToVega(spec: TopLevelSpec, logger: vega.LoggerInterface): vega.Spec {
  try {
    const compiled = compile(spec, { logger }).spec as vega.Spec;
    return { ...compiled, config: { ...compiled.config, legend: { ...compiled.config?.legend, ...VEGA_CONFIG_PATCH.legend } } };
  } catch (error) {
    throw new RenderError(`chart spec does not compile: ${errorText(error)}`, { cause: error });
  }
}

/** (2) a headless View of a vega spec: expression trees, refusing loader, fixed locale. */
function headlessView(vegaSpec: vega.Spec, loader: RefusingLoader, logger: vega.LoggerInterface): vega.View {
  return headlessRuntimeView(vega.parse(vegaSpec, undefined, { ast: true }), loader, logger);
}

function headlessRuntimeView(runtime: vega.Runtime, loader: RefusingLoader, logger: vega.LoggerInterface): vega.View {
  // Text widths are estimated (no canvas): the estimator is CJK-aware and the same on every machine.
  vegaUntyped.textMetrics.width = estimateTextWidth;
  return new vega.View(runtime, {
    renderer: 'none',
    loader,
    logger,
    locale: vegaUntyped.locale(EN_US_NUMBER, EN_US_TIME),
    expr: expressionInterpreter,
  });
}

async function renderFresh(spec: TopLevelSpec, loader: RefusingLoader): Promise<RenderedSvg> {
  const { logger, warnings } = collectingLogger();
  const vegaSpec = compileToVega(spec, logger);
  await yieldToIo();
  const view = headlessView(vegaSpec, loader, logger);
  try {
    return { ...(await drawAndCheck(view, loader)), warnings };
  } finally {
    view.finalize();
  }
}

function buildShape(hoisted: HoistedSpec): CachedShape | undefined {
  const { logger, warnings } = collectingLogger();
  const bound = bindTextSignals(compileToVega(hoisted.shape, logger), hoisted);
  if (!bound) return undefined;
  return { runtime: vega.parse(bound, undefined, { ast: true }), compileWarnings: warnings };
}

/** A fresh View of a cached runtime, given this chart's values before its first run. */
async function renderWith(cached: CachedShape, hoisted: HoistedSpec): Promise<RenderedSvg> {
  const { logger, warnings } = collectingLogger();
  const loader = createRefusingLoader();
  const view = headlessRuntimeView(cached.runtime, loader, logger);
  try {
    for (const [name, value] of hoisted.signals) view.signal(name, value);
    for (const [name, rows] of hoisted.datasets) view.data(name, rows as vega.Datum[]);
    const drawn = await drawAndCheck(view, loader);
    return { ...drawn, warnings: [...cached.compileWarnings, ...warnings] };
  } finally {
    view.finalize();
  }
}

/** (3)–(5) run, serialise, and fail closed on anything that would reach outside the SVG. */
async function drawAndCheck(view: vega.View, loader: RefusingLoader): Promise<Omit<RenderedSvg, 'warnings'>> {
  let svg: string;
  try {
    await view.runAsync();
    svg = await view.toSVG();
  } catch (error) {
    throw new RenderError(`chart did not render: ${errorText(error)}`, { cause: error });
  }
  if (loader.attempts.length > 0) {
    const first = loader.attempts[0];
    throw new RenderError(
      `chart tried to load ${loader.attempts.length} resource(s), e.g. ${first?.method} ${JSON.stringify(first?.uri)}; refused`,
    );
  }
  const unsafe = findUnsafeMarkup(svg);
  if (unsafe) throw new RenderError(`chart SVG contains ${JSON.stringify(unsafe)}; refused`);
  const { width, height } = svgSize(svg);
  return { svg, width, height, evaluator: 'interpreter' };
}

/**
 * The first unsafe construct in `svg`, or undefined: a script or foreignObject element, an event
 * handler or href attribute, or a javascript: URL in an attribute. Text content is escaped by
 * vega (`<` → `&lt;`), so every literal `<` starts a real tag and only tags need checking.
 */
export function findUnsafeMarkup(svg: string): string | undefined {
  for (const tag of svg.matchAll(/<[^>]*>/g)) {
    const text = tag[0];
    if (/^<\/?\s*(script|foreignObject|iframe|image|use)\b/i.test(text)) return text.slice(0, 60);
    // Attribute values are double-quoted by vega with `"` escaped, so name="value" pairs parse cleanly.
    for (const [, name = '', value = ''] of text.matchAll(/\s([^\s=/>]+)\s*=\s*"([^"]*)"/g)) {
      if (/^(on|(xlink:)?href$|src$)/i.test(name)) return name;
      if (/javascript:/i.test(value)) return 'javascript:';
    }
  }
  return undefined;
}

function svgSize(svg: string): { width: number; height: number } {
  const root = /^<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\bwidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\bheight="([\d.]+)"/.exec(root)?.[1]);
  if (!(width > 0 && height > 0)) throw new RenderError('chart SVG has no size');
  return { width, height };
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}
