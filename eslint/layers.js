// Who may import whom: the layer picture of the README ("Layers"), enforced on every relative
// import. A stage depends on the kernel and on the stages below it, never on one above; the
// orchestration (fetch, render, preview, publish, check) and the command line sit on top.
// eslint's own no-restricted-imports matches import strings, not the files they resolve to,
// and the resolver-based plugins need packages with install scripts: hence this small rule.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** Layer of a file, by its path in the repository (first match wins). */
const LAYERS = [
  ['kernel', 'kernel/'],
  ['sources', 'sources/'],
  ['analysis', 'pipeline/analysis/'],
  ['narrative', 'pipeline/narrative/'],
  ['renderers', 'renderers/'],
  ['check', 'pipeline/check/'],
  ['fetch', 'pipeline/fetch/'],
  ['render', 'pipeline/render/'],
  ['preview', 'pipeline/preview/'],
  ['orchestration', 'pipeline/'],
  ['cli', 'pipeline/cli/'],
];
// pipeline/cli/ is matched before the catch-all pipeline/ below.
LAYERS.sort((a, b) => b[1].length - a[1].length);

/** What each layer may import besides itself. */
export const ALLOWED = {
  kernel: [],
  sources: ['kernel'],
  analysis: ['kernel'],
  narrative: ['kernel', 'analysis'],
  renderers: ['kernel', 'analysis'],
  check: ['kernel', 'analysis', 'narrative'],
  fetch: ['kernel', 'sources'],
  render: ['kernel', 'analysis', 'narrative', 'renderers', 'check'],
  preview: ['kernel', 'analysis', 'narrative', 'renderers', 'check', 'render'],
  orchestration: ['kernel', 'sources', 'analysis', 'narrative', 'renderers', 'check', 'fetch', 'render'],
  cli: ['kernel', 'sources', 'analysis', 'narrative', 'renderers', 'check', 'fetch', 'render', 'preview', 'orchestration'],
};

/**
 * The public entry another layer must import a file through: its folder's index.ts (the layer's
 * own for a stage; a sub-folder's for the kernel, the renderers and the collector), or undefined
 * when the file is itself public (an index.ts, or a single-file module at the top of kernel/ or
 * pipeline/). Type-only imports follow the same path: the index is the folder's whole surface.
 */
export function entryOf(file, root = ROOT) {
  const parts = relative(root, file).split(sep);
  if (parts.at(-1) === 'index.ts') return undefined;
  const [top, sub] = parts;
  if ((top === 'kernel' || top === 'pipeline') && parts.length === 2) return undefined;
  if (top === 'kernel') return `kernel/${sub}/index.ts`;
  if (top === 'renderers') return parts.length === 2 ? 'renderers/index.ts' : `renderers/${sub}/index.ts`;
  if (top === 'sources') return sub === 'collector' && parts.length > 2 ? 'sources/collector/index.ts' : 'sources/index.ts';
  if (top === 'pipeline') return `pipeline/${sub}/index.ts`;
  return undefined;
}

export function layerOf(file, root = ROOT) {
  const path = relative(root, file).split(sep).join('/');
  return LAYERS.find(([, prefix]) => path.startsWith(prefix))?.[0];
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'imports follow the layers: kernel ← stages ← orchestration ← cli' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      wrongWay: '{{from}} may not import {{to}} ({{spec}}): a stage depends only on the kernel and the stages below it (README, "Layers")',
      bypass: '{{spec}} reaches inside {{to}}: import it through {{entry}} (README, "Layers")',
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? ROOT;
    const from = layerOf(context.filename, root);
    if (!from) return {};
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = resolve(dirname(context.filename), source.value).replace(/\.js$/, '.ts');
      const to = layerOf(target, root);
      if (!to || to === from) return;
      if (!ALLOWED[from].includes(to)) {
        context.report({ node: source, messageId: 'wrongWay', data: { from, to, spec: source.value } });
        return;
      }
      const entry = entryOf(target, root);
      if (entry) context.report({ node: source, messageId: 'bypass', data: { to, spec: source.value, entry } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export default { rules: { layers: rule } };
