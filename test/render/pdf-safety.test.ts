import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PdfPrinter } from '../../renderers/pdf/printer.js';
import { finishPrintPage } from '../../renderers/pdf/fonts.js';
import { printCss } from '../../renderers/pdf/page-decorations.js';
import { pdfFonts, pdfText } from '../support/pdf-tools.js';

let printer: PdfPrinter;
let hits = 0;
const server = createServer((_req, res) => {
  hits += 1;
  res.end('PWNED-FROM-NETWORK');
});
let origin = '';
const dir = mkdtempSync(join(tmpdir(), 'brief-pdf-'));

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  printer = await PdfPrinter.launch();
});
afterAll(async () => {
  await printer.close();
  server.close();
});

const decorations = { headerTitle: '页眉标题', footerLabel: '页脚', pageLabel: { before: '第 ', middle: ' 页,共 ', after: ' 页' } };

describe('PDF printing is sealed off', () => {
  it('fetches nothing a page asks for and runs no script', async () => {
    const hostile = finishPrintPage(`<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="${origin}/style.css"><meta http-equiv="refresh" content="0;url=${origin}/refresh">
<style>${printCss(decorations)} @font-face { font-family: X; src: url(${origin}/font.woff2); } body { font-family: X, 'Noto Sans SC'; }</style></head>
<body><p>正文 body</p><img src="${origin}/pixel.png"><iframe src="${origin}/frame"></iframe><iframe src="file:///etc/passwd"></iframe>
<script>document.body.innerHTML = 'PWNED'; fetch('${origin}/xhr');</script></body></html>`);
    const pdf = await printer.print(hostile);
    const file = join(dir, 'hostile.pdf');
    writeFileSync(file, pdf);
    const text = pdfText(file);
    expect(text).toContain('正文 body');
    expect(text).not.toContain('PWNED');
    expect(text).not.toContain('root:');
    expect(hits).toBe(0);
    const blocked = printer.stats.blockedRequests.filter((url) => url.startsWith(origin) || url.startsWith('file:'));
    expect(blocked.length).toBeGreaterThanOrEqual(3);
    expect(blocked.every((url) => !url.startsWith('https://fonts.brief.invalid'))).toBe(true);
  });

  it('embeds the CJK web font by name, header and footer included, with no Type 3 fallback', async () => {
    const html =
      finishPrintPage(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>${printCss(decorations)} body { font-family: 'Noto Sans SC'; }</style></head>
<body><h1>比特币跌破四万二</h1><p>杠杆多头集中爆仓,资金费率转为接近零。</p></body></html>`);
    const file = join(dir, 'cjk.pdf');
    writeFileSync(file, await printer.print(html));
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.name).toMatch(/^[A-Z]{6}\+NotoSansSC/);
      expect(font.type).toBe('CID TrueType');
      expect(font.embedded).toBe(true);
    }
    const text = pdfText(file);
    expect(text).toContain('比特币跌破四万二');
    expect(text).toContain('页眉标题');
    expect(text).toMatch(/第 1 页,共 1 页/);
    // The font warm-up block is laid out on screen only: its run of distinct characters
    // (its Chinese part starts "万中为二…", code point order) is not printed; the headline once.
    expect(html).toContain('<div class="font-warmup" aria-hidden="true">');
    expect(text.split('比特币跌破四万二').length - 1).toBe(1);
    expect(html).toContain('万中为二仓共四');
    expect(text).not.toContain('万中为二');
  });
});
