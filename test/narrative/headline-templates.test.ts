/**
 * The headline in the template tree (issue 18 item 3): templates/<lang>/headline/ words the
 * headline model, a team's folder overrides any of its files with the rest taken from the
 * package, `brief lint` checks them like the brief's, and the title stays plain text that every
 * HTML output escapes.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../kernel/config.js';
import { InputError } from '../../kernel/errors.js';
import { loadSnapshot, type Snapshot } from '../../kernel/snapshot/index.js';
import { analyze, type Findings } from '../../pipeline/analysis/index.js';
import { bundledHeadline, compileHeadline } from '../../pipeline/narrative/headline-templates.js';
import type { HeadlineFacts } from '../../pipeline/narrative/headline.js';
import { findNotesFor, lintTemplates, loadNotes, loadTemplates, type Notes } from '../../pipeline/narrative/index.js';
import { loadRenderAssets, renderBrief, type RenderedBrief } from '../../pipeline/render/render-briefs.js';
import { overlayTemplates } from '../../pipeline/render/templates-overlay.js';
import { BUNDLED_SNAPSHOT, TEMPLATES } from '../support/render-bundled.js';

const work = mkdtempSync(join(tmpdir(), 'brief-headline-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let snapshot: Snapshot;
let findings: Findings;
let notes: Notes | undefined;
beforeAll(async () => {
  snapshot = await loadSnapshot(BUNDLED_SNAPSHOT);
  findings = analyze(snapshot, DEFAULT_CONFIG.thresholds);
  const notesFile = findNotesFor(BUNDLED_SNAPSHOT);
  notes = notesFile ? await loadNotes(notesFile) : undefined;
});

/** A team folder holding only `files` (relative path → text), over the package's templates. */
async function renderWithTeamFolder(name: string, files: Record<string, string>, lang: 'zh' | 'en'): Promise<RenderedBrief> {
  const mine = join(work, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(mine, path, '..'), { recursive: true });
    writeFileSync(join(mine, path), text);
  }
  const overlay = await overlayTemplates(mine, TEMPLATES);
  try {
    // Only the team's files are its own: the rest of the headline folder comes from the package.
    expect(overlay.fallback).toContain(`${lang}/headline/description.hbs`);
    return await renderBrief(snapshot, findings, notes, lang, DEFAULT_CONFIG, await loadRenderAssets(overlay.dir));
  } finally {
    overlay.dispose();
  }
}

/** A copy of the package's templates with `file` replaced by `source`. */
function templatesWith(file: string, source: string): string {
  const dir = mkdtempSync(join(work, 'tree-'));
  cpSync(TEMPLATES, dir, { recursive: true });
  writeFileSync(join(dir, file), source);
  return dir;
}

const htmlTitle = (html: string): string => /<title>([^<]*)<\/title>/.exec(html)![1]!;

describe('the bundled headline templates (2024-01-04: BTC closed below $43,000, $1.26 billion liquidated market-wide, flush licensed)', () => {
  it('word the title and description exactly as before they moved out of TypeScript', async () => {
    const assets = await loadRenderAssets(TEMPLATES);
    const zh = await renderBrief(snapshot, findings, notes, 'zh', DEFAULT_CONFIG, assets);
    const en = await renderBrief(snapshot, findings, notes, 'en', DEFAULT_CONFIG, assets);
    expect(zh.model.title).toBe('BTC 跌破 4.3 万美元：全网爆仓约 12.6 亿美元，杠杆多头集中出清');
    expect(zh.model.description).toBe('1 月 4 日，BTC 跌破 4.3 万美元，全网爆仓约 12.6 亿美元，杠杆多头集中出清。');
    expect(en.model.title).toBe('Bitcoin slides below $43,000; $1.26 billion of positions liquidated market-wide, mostly leveraged longs');
    expect(en.model.description).toBe(
      'On 4 January bitcoin fell 3.8% to $42,874 and $1.26 billion of positions were liquidated in 24 hours, 73% of them longs.',
    );
    expect(htmlTitle(en.html)).toBe(
      'Bitcoin slides below $43,000; $1.26 billion of positions liquidated market-wide, mostly leveraged longs',
    );
  });
});

describe('a team folder overrides a headline file; the other files come from the package', () => {
  it('en: "sinks below" in event.hbs reaches the model title, the description stays, and the HTML <title> shows it', async () => {
    const event = readFileSync(join(TEMPLATES, 'en/headline/event.hbs'), 'utf8');
    expect(event).toContain('slides below');
    const brief = await renderWithTeamFolder('en-event', { 'en/headline/event.hbs': event.replace('slides below', 'sinks below') }, 'en');
    const title = 'Bitcoin sinks below $43,000; $1.26 billion of positions liquidated market-wide, mostly leveraged longs';
    expect(brief.model.title).toBe(title);
    expect(brief.meta.title).toBe(title);
    expect(htmlTitle(brief.html)).toBe(title);
    // The body's heading prints the same title (Markdown-escaped: "$" needs none).
    expect(brief.markdown.split('\n')[0]).toBe(`# ${title}`);
    expect(brief.model.description).toBe(
      'On 4 January bitcoin fell 3.8% to $42,874 and $1.26 billion of positions were liquidated in 24 hours, 73% of them longs.',
    );
  });

  it('zh: a changed judgement partial words both the title and the description (they share it)', async () => {
    const judgement = readFileSync(join(TEMPLATES, 'zh/headline/judgement.hbs'), 'utf8');
    const brief = await renderWithTeamFolder(
      'zh-judgement',
      { 'zh/headline/judgement.hbs': judgement.replace('杠杆多头集中出清', '杠杆多头集中离场') },
      'zh',
    );
    expect(brief.model.title).toBe('BTC 跌破 4.3 万美元：全网爆仓约 12.6 亿美元，杠杆多头集中离场');
    expect(brief.model.description).toBe('1 月 4 日，BTC 跌破 4.3 万美元，全网爆仓约 12.6 亿美元，杠杆多头集中离场。');
    expect(htmlTitle(brief.html)).toBe('BTC 跌破 4.3 万美元：全网爆仓约 12.6 亿美元，杠杆多头集中离场');
  });

  it('markup in the title is plain text: escaped in the page <title> and the body, never a tag', async () => {
    const brief = await renderWithTeamFolder(
      'hostile',
      { 'en/headline/title.hbs': '<script>alert("x")</script> & <b>{{> event}}</b>{{> judgement}}\n' },
      'en',
    );
    expect(brief.model.title.startsWith('<script>alert("x")</script> & <b>Bitcoin slides below $43,000</b>;')).toBe(true);
    expect(htmlTitle(brief.html)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Bitcoin slides below $43,000&lt;/b&gt;; $1.26 billion of positions liquidated market-wide, mostly leveraged longs',
    );
    expect(brief.html).not.toMatch(/<script|<b>Bitcoin/);
    expect(brief.html).toContain('&lt;script&gt;');
  });
});

describe('a hostile asset name (as a future names table or ticker could bring) stays text', () => {
  it('the title prints it raw (plain text) and the page escapes it', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const facts: HeadlineFacts = {
      lang: 'en',
      date: '2024-01-04',
      when: '4 January',
      crash: true,
      rally: false,
      range: false,
      tight: false,
      down: true,
      multiAssetCrash: false,
      asset: 'BTC',
      name: hostile,
      nameInText: hostile,
      change: '3.8%',
      drawdown: '6.9%',
      close: '$42,874',
      band: '$41,000–45,000',
      level: { price: '$43,000', closedBeyond: true },
      assets: [],
      liquidations: {
        total: '$1.26 billion',
        longShare: '73%',
        hours: '24 hours',
        market: false,
        sum: true,
        floor: false,
        belowMedian: false,
        assetList: `BTC and ${hostile}`,
      },
      flush: false,
      longsDominant: true,
      shortsSqueezed: false,
      etfInflow: false,
    };
    const { title, description } = bundledHeadline('en').render(facts);
    expect(title).toBe(`${hostile} slides below $43,000; $1.26 billion of BTC and ${hostile} positions liquidated, mostly leveraged longs`);
    expect(description).toBe(
      `On 4 January ${hostile} fell 3.8% to $42,874 and $1.26 billion of BTC and ${hostile} positions were liquidated in 24 hours, 73% of them longs.`,
    );
    const { layout } = await loadRenderAssets(TEMPLATES);
    const page = layout.render({ lang: 'en', title, description, publicationName: 'P', dateLabel: 'D', bodyHtml: '<p>body</p>' });
    expect(page).not.toContain('<img');
    expect(htmlTitle(page)).toBe(
      '&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; slides below $43,000; $1.26 billion of BTC and &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; positions liquidated, mostly leveraged longs',
    );
  });
});

describe('plain text: a line break and the indentation after it are not printed', () => {
  it('joins the lines, keeps spaces inside a line, still honours ~, and spaces zh as the brief does', () => {
    const files = [
      {
        name: 'headline:title',
        file: '/t/title.hbs',
        source: '{{!-- note --}}\n{{#if crash}}\n  {{asset}} 跌破\n  {{close}}\n{{else}}\n  none\n{{/if}}\n  x {{~asset}}  y\n',
      },
      { name: 'headline:description', file: '/t/description.hbs', source: '{{when}}\n。\n' },
      { name: 'headline:move', file: '/t/move.hbs', source: '{{asset}} 跌 {{change}}\n' },
    ];
    const templates = compileHeadline('zh', files);
    const facts = {
      lang: 'zh',
      crash: true,
      asset: 'BTC',
      close: '42,874 美元',
      when: '1 月 4 日',
      assets: [],
    } as unknown as HeadlineFacts;
    // Joined and trimmed as written ('跌破42,874 美元xBTC  y'), then spaced as the brief's zh text is.
    expect(templates.render(facts)).toEqual({ title: 'BTC 跌破 42,874 美元 xBTC  y', description: '1 月 4 日。' });
  });

  it('lists the assets of a multi-asset day through the locale: zh 、, en "A, B and C"', () => {
    const moves = (lang: 'zh' | 'en') =>
      ({
        lang,
        assets: [
          { asset: 'BTC', name: 'Bitcoin', nameInText: 'bitcoin', change: '6.9%' },
          { asset: 'ETH', name: 'Ether', nameInText: 'ether', change: '10.4%' },
          { asset: 'BNB', name: 'BNB', nameInText: 'BNB', change: '12.6%' },
        ],
      }) as unknown as HeadlineFacts;
    const files = (lang: 'zh' | 'en') => [
      { name: 'headline:title', file: '/t/title.hbs', source: '{{moves}}' },
      { name: 'headline:description', file: '/t/description.hbs', source: '-' },
      { name: 'headline:move', file: '/t/move.hbs', source: readFileSync(join(TEMPLATES, lang, 'headline/move.hbs'), 'utf8') },
    ];
    expect(compileHeadline('zh', files('zh')).render(moves('zh')).title).toBe('BTC 跌 6.9%、ETH 跌 10.4%、BNB 跌 12.6%');
    expect(compileHeadline('en', files('en')).render(moves('en')).title).toBe('bitcoin down 6.9%, ether down 10.4% and BNB down 12.6%');
  });
});

describe('brief lint and loading check the headline files', () => {
  it('the package headline files lint clean and load in both languages', async () => {
    const set = await loadTemplates();
    for (const lang of ['zh', 'en'] as const) {
      expect(set[lang].files.filter((f) => f.name.startsWith('headline:')).map((f) => f.name)).toEqual([
        'headline:description',
        'headline:event',
        'headline:judgement',
        'headline:liquidated',
        'headline:move',
        'headline:scope',
        'headline:title',
      ]);
    }
    expect(await lintTemplates()).toEqual([]);
  });

  it('a digit typed into a headline template is refused with its file and line', async () => {
    const source = readFileSync(join(TEMPLATES, 'zh/headline/judgement.hbs'), 'utf8').replace('日内回撤 {{drawdown}}', '日内回撤 5%');
    const dir = templatesWith('zh/headline/judgement.hbs', source);
    const line = source.split('\n').findIndex((l) => l.includes('日内回撤 5%')) + 1;
    expect(await lintTemplates(dir)).toEqual([
      {
        file: join(dir, 'zh/headline/judgement.hbs'),
        line,
        message: 'a number typed into the template ("5%"): figures come from the brief model, never from template text',
      },
    ]);
  });

  it('a field the headline model lacks, a missing partial and an unused one, each with its file', async () => {
    const dir = templatesWith('en/headline/event.hbs', '{{name}} {{levle.price}}\n{{> nope}}\n');
    writeFileSync(join(dir, 'en/headline/orphan.hbs'), 'x');
    const issues = (await lintTemplates(dir)).map((i) => `${i.file.replace(dir, '')}:${i.line}: ${i.message}`);
    expect(issues).toContain(
      `/en/headline/event.hbs:1: levle.price: the brief model has no field "levle" at the root (fields: lang, date, when, crash, rally, range, tight, down, multiAssetCrash, asset, name, nameInText, change, drawdown, close, band, level, assets, moves, liquidations, flush, longsDominant, shortsSqueezed, etfInflow)`,
    );
    expect(issues).toContain('/en/headline/event.hbs:2: partial "nope" does not exist (expected headline/nope.hbs)');
    expect(issues).toContain('/en/headline/orphan.hbs:1: partial "orphan" is never used');
  });

  it("titleGivesTotal is the description's alone: the title cannot print it", async () => {
    const dir = templatesWith('zh/headline/title.hbs', '{{#if titleGivesTotal}}x{{/if}}{{> event}}：{{> judgement}}\n');
    const issues = (await lintTemplates(dir)).map((i) => i.message);
    expect(issues.some((m) => m.startsWith('titleGivesTotal: the brief model has no field "titleGivesTotal"'))).toBe(true);
  });

  it('a tree without headline/title.hbs does not load, and names the file it expected', async () => {
    const dir = mkdtempSync(join(work, 'tree-'));
    cpSync(TEMPLATES, dir, { recursive: true });
    rmSync(join(dir, 'en/headline/title.hbs'));
    const error = await loadTemplates(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).file).toBe(join(dir, 'en/headline/title.hbs'));
    expect((error as InputError).message).toContain('missing headline template (expected en/headline/title.hbs');
  });
});
