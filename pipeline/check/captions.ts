/**
 * Chart captions state figures too (the alt text a reader sees beside the chart). Each chart id
 * has a caption the chart renderer writes; these readers give its figures the quantity of the
 * bullet they repeat, so a caption and a bullet with two values for one thing are caught.
 */
import type { BriefModel } from '../narrative/index.js';
import { parseFigures, type Figure } from './figures.js';
import type { ModelFigure } from './model-figures.js';

export interface CaptionFigure extends Figure {
  chart: string;
  caption: string;
  quantity: string;
}

/** Every chart the model places, with its id (from `charts/<id>.svg`) and caption. */
export function chartsOf(model: BriefModel): { id: string; caption: string }[] {
  const charts = [...model.leadCharts, ...model.sections.flatMap((s) => s.charts)];
  return charts.flatMap((c) => {
    const id = /charts\/(?:[a-z]+\/)?([a-z0-9-]+)\.svg$/.exec(String(c.src))?.[1];
    return id ? [{ id, caption: String(c.alt) }] : [];
  });
}

/** The quantity of the model figure at a path matching `suffix` (bare, indices dropped), if any. */
function quantityAt(figures: readonly ModelFigure[], suffix: RegExp, about?: string): string | undefined {
  const hit = figures.find(
    (f) => f.quantity && suffix.test(f.path.replace(/\[\d+\]/g, '')) && (!about || f.quantity.includes(`@${about}`)),
  );
  return hit?.quantity;
}

export function captionFigures(model: BriefModel, figures: readonly ModelFigure[]): CaptionFigure[] {
  const out: CaptionFigure[] = [];
  for (const { id, caption } of chartsOf(model)) {
    const push = (f: Figure, quantity: string | undefined): void => {
      if (quantity) out.push({ ...f, chart: id, caption, quantity });
    };
    if (id === 'funding') {
      // "…最新结算：Binance 0.0030%，OKX −0.0049%" / "latest settlements: Binance 0.0030%, …"
      const tail = caption.split(/最新结算[：:]|latest settlements?:/)[1] ?? '';
      for (const m of tail.matchAll(/([A-Za-z][A-Za-z.]*)\s+([−-]?\d[\d.]*%)/g)) {
        const f = parseFigures(m[2]!)[0];
        if (f) push(f, quantityAt(figures, /\.funding\.venues\.rate$/, m[1]));
      }
    } else if (id === 'etf-volume') {
      const usd = parseFigures(caption).filter((f) => f.unit === 'usd');
      if (usd[0]) push(usd[0], quantityAt(figures, /\.etfVolume\.total$/));
      if (usd[1]) push(usd[1], quantityAt(figures, /\.etfVolume\.average\.value$/));
    } else if (id === 'whale-transfers') {
      const tail = caption.split(/[：:]/).slice(-1)[0] ?? '';
      const [count, total] = parseFigures(tail);
      if (count) push(count, quantityAt(figures, /\.whales\.count$/));
      if (total) push(total, quantityAt(figures, /\.whales\.total$/));
    }
  }
  return out;
}

/** The liquidation chart's longs and shorts, summed: a part of the day's liquidation total. */
export function liquidationChartSum(model: BriefModel): { sum: number; tolerance: number; caption: string } | undefined {
  const chart = chartsOf(model).find((c) => c.id === 'liquidations');
  if (!chart) return undefined;
  const usd = parseFigures(chart.caption.split(/[：:]/).slice(-1)[0] ?? '').filter((f) => f.unit === 'usd');
  if (usd.length !== 2) return undefined;
  return { sum: usd[0]!.value + usd[1]!.value, tolerance: usd[0]!.tolerance + usd[1]!.tolerance, caption: chart.caption };
}
