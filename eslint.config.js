// Lint: typescript-eslint's recommended type-aware rules, plus the project's safety rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './eslint/layers.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'site', '.site-releases/', '.scratch/', '.cache/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Data never reaches a code path that evaluates strings.
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      // Stripping control characters from untrusted text is deliberate.
      'no-control-regex': 'off',
    },
  },
  {
    // Who may import whom (eslint/layers.js, README "Layers").
    files: ['kernel/**/*.ts', 'sources/**/*.ts', 'pipeline/**/*.ts', 'renderers/**/*.ts'],
    plugins: { brief: layers },
    rules: { 'brief/layers': 'error' },
  },
  {
    files: ['bin/**/*.js', '**/*.mjs', 'eslint.config.js', 'eslint/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { process: 'readonly', URL: 'readonly' } },
  },
);
