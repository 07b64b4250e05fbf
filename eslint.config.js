import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'tests/fixtures/', 'tests/hub/', 'bench-results.json'] },
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
);
