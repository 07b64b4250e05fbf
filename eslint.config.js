import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.output/',
      '.wxt/',
      'node_modules/',
      'tests/fixtures/',
      'tests/hub/',
      'tests/cloud/',
      'bench-results.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    // Type-aware rules: a promise nobody awaits loses its error silently (the panel would just stop).
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Preact hooks follow React's rules; effect dependencies are checked, not hand-trimmed.
    files: ['entrypoints/**/*.tsx', 'entrypoints/**/use-*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['lib/**', 'entrypoints/**', 'models/**'],
    rules: {
      // lib/ is reached through each folder's index.ts; deep imports across folders bypass it.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/lib/*/*'], message: 'Import from the folder (its index.ts).', allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    // Chrome gives the offscreen document only chrome.runtime, so i18n.t would throw in code
    // that runs there: the engine, device choice, cloud requests and the port mux's host side.
    files: ['lib/engine/**', 'lib/device/**', 'lib/cloud/**', 'lib/messaging/port-mux.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@/lib/i18n', message: 'No chrome.i18n in the offscreen document: return plain text or a code.' },
          ],
          patterns: [
            { group: ['@/lib/*/*'], message: 'Import from the folder (its index.ts).', allowTypeImports: true },
          ],
        },
      ],
    },
  },
);
