/**
 * Narrative: findings and editorial notes → bilingual brief models → Markdown via the
 * analysts' Handlebars templates (templates/zh, templates/en).
 */
export { composeBrief, type ComposeInput } from './compose.js';
export { loadTemplates, renderBriefMarkdown, DEFAULT_TEMPLATES_DIR, type TemplateSet } from './engine.js';
export { lintTemplates, type LintIssue } from './lint.js';
export { loadNotes, parseNotes, findNotesFor } from './notes-load.js';
export { checkNotesAgainstMarket } from './notes-market.js';
export { NotesSchema, type Notes, type Note } from './notes.js';
export { BriefModelSchema, type BriefModel } from './model.js';
export { md, mdUrl, type Md } from './markdown-escape.js';
export { compileLanguage, readTemplateFiles, type CompiledLanguage, type TemplateFile } from './engine.js';
export { lintLanguage } from './lint.js';
export { LAYOUT_FILES, lintLayout } from './layout-lint.js';
