/**
 * Rendering safety and determinism (reliability.md R08, B13): hostile data strings end up
 * escaped text, never markup or expressions; the loader sees zero requests; the same data gives
 * the same bytes, whatever the process time zone.
 */
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { RenderError } from '../../kernel/errors.js';
import { SnapshotSchema } from '../../kernel/snapshot/schema.js';
import { createRefusingLoader, findUnsafeMarkup, planCharts, renderCharts, renderVegaLite } from '../../renderers/charts/index.js';
import { fixtureFindings, fixtureSnapshot, fixtureSnapshotInput } from './fixture.js';

const INJECTION = "BTC' || event.view.alert(1) || '";
const SCRIPT = '<script>alert(1)</script>';
const AMP_QUOTE = 'A&B "quoted"';

function hostileSnapshot() {
  const input = fixtureSnapshotInput();
  input.funding[0]!.venue = INJECTION;
  input.funding[1]!.venue = SCRIPT;
  input.basis[0]!.venue = AMP_QUOTE;
  input.whaleTransfers[0]!.source = SCRIPT;
  for (const order of input.liquidations.orders[0]!.orders) order.venue = INJECTION;
  return SnapshotSchema.parse(input);
}

/** Every string in `value` at a key that vega evaluates as an expression, with its path. */
function expressionStrings(value: unknown, path = ''): Array<[string, string]> {
  const keys = new Set(['expr', 'signal', 'update', 'test', 'calculate', 'labelExpr', 'filter', 'init', 'react']);
  if (Array.isArray(value)) return value.flatMap((v, i) => expressionStrings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) =>
      keys.has(key) && typeof v === 'string' ? [[`${path}.${key}`, v] as [string, string]] : expressionStrings(v, `${path}.${key}`),
    );
  }
  return [];
}

describe('hostile data strings', () => {
  const snapshot = hostileSnapshot();
  const findings = fixtureFindings();

  it('enter specs only as data values, never as expressions', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const plan of planCharts(snapshot, findings, lang)) {
        const vegaSpec = compile(plan.spec).spec;
        const json = JSON.stringify(vegaSpec);
        for (const [path, expression] of expressionStrings(vegaSpec)) {
          expect(expression, `${plan.id} ${path}`).not.toContain('event.view');
          expect(expression, `${plan.id} ${path}`).not.toContain('<script');
          expect(expression, `${plan.id} ${path}`).not.toContain('A&B');
        }
        expect(expressionStrings(vegaSpec).length).toBeGreaterThan(0); // the walk does find expressions
        if (plan.id === 'funding') expect(json).toContain('event.view.alert'); // the string did get in, as a value
      }
    }
  });

  it('are escaped in the SVG, and no chart loads anything', async () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const plan of planCharts(snapshot, findings, lang)) {
        const loader = createRefusingLoader();
        const { svg, warnings } = await renderVegaLite(plan.spec, { loader });
        expect(loader.attempts).toEqual([]);
        expect(warnings).toEqual([]);
        expect(svg).not.toMatch(/<script/i);
        expect(findUnsafeMarkup(svg)).toBeUndefined();
        // Every tag's quotes pair up: no attribute was broken open by a data string.
        for (const tag of svg.match(/<[^>]*>/g) ?? []) expect((tag.match(/"/g) ?? []).length % 2, tag).toBe(0);
        if (plan.id === 'funding') {
          expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
          expect(svg).toContain("BTC' || event.view.alert(1) || '");
        }
        if (plan.id === 'basis') expect(svg).toContain('A&amp;B');
        if (plan.id === 'whale-transfers') expect(svg).toContain('&lt;script&gt;');
      }
    }
  });
});

describe('the refusing loader', () => {
  it('refuses a data URL and fails the chart', async () => {
    const loader = createRefusingLoader();
    const spec: TopLevelSpec = {
      data: { url: 'file:///etc/passwd', format: { type: 'csv' } },
      mark: 'point',
      encoding: { x: { field: 'a', type: 'quantitative' } },
    };
    await expect(renderVegaLite(spec, { loader })).rejects.toBeInstanceOf(RenderError);
    expect(loader.attempts).toEqual([{ method: 'load', uri: 'file:///etc/passwd' }]);
  });

  it('refuses an image mark URL and fails the chart', async () => {
    const loader = createRefusingLoader();
    const spec: TopLevelSpec = {
      data: { values: [{ a: 1, u: 'http://169.254.169.254/latest' }] },
      mark: { type: 'image', width: 10, height: 10 },
      encoding: { x: { field: 'a', type: 'quantitative' }, url: { field: 'u', type: 'nominal' } },
    };
    await expect(renderVegaLite(spec, { loader })).rejects.toBeInstanceOf(RenderError);
    expect(loader.attempts.map((a) => a.uri)).toEqual(['http://169.254.169.254/latest']);
  });

  it('records every method it is asked through', async () => {
    const loader = createRefusingLoader();
    await expect(loader.http('http://x/', {})).rejects.toThrow(/refused http/);
    await expect(loader.file('/etc/passwd')).rejects.toThrow(/refused file/);
    expect(loader.attempts.map((a) => a.method)).toEqual(['http', 'file']);
  });
});

describe('unsafe markup detection', () => {
  it('finds scripts, handlers, hrefs and javascript: URLs in tags, not in escaped text', () => {
    expect(findUnsafeMarkup('<svg><script>x</script></svg>')).toBe('<script>');
    expect(findUnsafeMarkup('<svg><g onload="x()"></g></svg>')).toBe('onload');
    expect(findUnsafeMarkup('<svg><a xlink:href="http://x"></a></svg>')).toBe('xlink:href');
    expect(findUnsafeMarkup('<svg><g class="javascript:x"></g></svg>')).toBe('javascript:');
    expect(findUnsafeMarkup('<svg><text>&lt;script&gt; onload="x" javascript:</text></svg>')).toBeUndefined();
  });
});

describe('determinism', () => {
  it('renders the same bytes twice, and under another process time zone', async () => {
    const snapshot = fixtureSnapshot();
    const findings = fixtureFindings();
    const first = await renderCharts(snapshot, findings, 'zh');
    const second = await renderCharts(snapshot, findings, 'zh');
    expect(second.map((c) => c.svg)).toEqual(first.map((c) => c.svg));
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(new Date(0).getHours()).toBe(16); // the zone change took effect: 00:00 UTC is 16:00 the day before
      const elsewhere = await renderCharts(snapshot, findings, 'zh');
      expect(elsewhere.map((c) => c.svg)).toEqual(first.map((c) => c.svg));
    } finally {
      process.env.TZ = saved;
    }
  });

  it('returns titles, alt text and sizes with each SVG', async () => {
    const charts = await renderCharts(fixtureSnapshot(), fixtureFindings(), 'en');
    expect(charts.map((c) => [c.id, c.width, c.height])).toEqual([
      ['price', 640, 260],
      ['liquidations', 640, 260],
      ['funding', 640, 260],
      ['basis', 640, 260],
      ['etf-volume', 640, 260],
      ['whale-transfers', 640, 260],
    ]);
    expect(charts[0]!.title).toBe('BTC price (UTC+8)');
    expect(charts[0]!.svg).toContain('>BTC price (UTC+8)</text>');
    expect(charts[0]!.svg).toContain('font-family="&quot;Noto Sans SC&quot;, &quot;Noto Sans CJK SC&quot;, sans-serif"');
    expect(charts[5]!.alt).toBe(
      'On-chain transfers of at least 1,000 BTC per hour on 2024-01-04 (UTC+8): 4 transfers, 5,700 BTC in total.',
    );
  });
});
