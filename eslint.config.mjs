import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'node_modules/**', 'data/**', 'bench-data/**', 'db/migrations/**', 'next-env.d.ts'],
  },
  {
    // Reader pages navigate with plain links: full HTML documents that the page cache can answer,
    // without the client router's prefetch requests or its JavaScript.
    rules: { '@next/next/no-html-link-for-pages': 'off' },
  },
  {
    // The data layer is asynchronous (db/tx.ts): a promise nobody awaits is a write that may land
    // after its caller answered, or an error nobody sees. These rules need the type checker.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // Components are presentational: they receive view objects and never reach into the database.
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      // Type-only imports of the view objects db/ returns are the contract, and allowed.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/db/*', '**/db/*'], message: 'components never import db/', allowTypeImports: true },
          ],
        },
      ],
    },
  },
];

export default config;
