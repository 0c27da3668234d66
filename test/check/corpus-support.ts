/** The corpus days' briefs as the check stage sees them (model and Markdown per language). */
import { join } from 'node:path';
import { analyze } from '../../pipeline/analysis/index.js';
import type { CheckedBrief } from '../../pipeline/check/index.js';
import { DEFAULT_CONFIG } from '../../kernel/config.js';
import { findNotesFor, loadNotes } from '../../pipeline/narrative/index.js';
import { renderBrief, type RenderAssets } from '../../pipeline/render/render-briefs.js';
import { loadSnapshot } from '../../kernel/snapshot/index.js';
import { ROOT } from '../narrative/brief-cases.js';

export async function checkedOf(file: string, assets: RenderAssets): Promise<CheckedBrief[]> {
  const path = join(ROOT, file);
  const snapshot = await loadSnapshot(path);
  const notesFile = findNotesFor(path);
  const notes = notesFile ? await loadNotes(notesFile) : undefined;
  const findings = analyze(snapshot, DEFAULT_CONFIG.thresholds);
  const briefs: CheckedBrief[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const brief = await renderBrief(snapshot, findings, notes, lang, DEFAULT_CONFIG, assets);
    briefs.push({ lang, model: brief.model, markdown: brief.markdown });
  }
  return briefs;
}
