/** Reading PDFs in tests with poppler-utils (installed by .ci/setup): text and embedded fonts. */
import { execFileSync } from 'node:child_process';

export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdfFonts(file: string): PdfFont[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      // name, then type (may contain a space: "CID TrueType", "Type 3"), encoding, emb sub uni, object id.
      const match =
        /^(\S+)\s+(CID TrueType|TrueType|Type 3|Type 1C?|CID Type 0C?|Type 1|CID Type 0)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)/.exec(
          line,
        );
      if (!match) throw new Error(`cannot read pdffonts line: ${line}`);
      return { name: match[1]!, type: match[2]!, embedded: match[4] === 'yes' };
    });
}
