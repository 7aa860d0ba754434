// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeIo = [
  'fs',
  'path',
  'http',
  'https',
  'net',
  'child_process',
  'os',
  'worker_threads',
  'stream',
  'crypto',
];
const ioPatterns = nodeIo.flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`]);

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      '.lantu/**',
      'drizzle/**',
      'src/web/tools/**',
      'bin/**',
      // The parsing worker's entry is plain JavaScript (it registers the TypeScript loader).
      'src/importers/worker/*.mjs',
      // Preloads that tests and benches give `node --import` (plain JavaScript, loaded before tsx).
      'test/support/*.mjs',
      'eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // The domain is pure: no I/O, no knowledge of the outer layers.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeIo.flatMap((m) => [m, `node:${m}`]),
          patterns: [
            {
              group: [
                '**/db/**',
                '**/server/**',
                '**/web/**',
                '**/cli/**',
                '**/importers/**',
                '**/reports/**',
              ],
              message: 'src/domain must not import outer layers',
            },
            { group: ioPatterns, message: 'src/domain must not do I/O' },
            {
              group: ['pg', '@electric-sql/*', 'drizzle-orm', 'drizzle-orm/*', 'hono', 'hono/*'],
              message: 'src/domain must not do I/O',
            },
          ],
        },
      ],
    },
  },
  {
    // The web workspace shares the server's zod schemas as types only; its ui/ kit knows no feature.
    files: ['src/web/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/db/**', '**/cli/**'],
              allowTypeImports: true,
              message: 'src/web imports server code as types only',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/modules/**', '**/pages/**'], message: 'src/web/ui must not import features' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    // Tests read JSON responses field by field; the assertions are the type check there.
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
