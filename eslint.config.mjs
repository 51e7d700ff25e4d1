import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const apps = ['user', 'course', 'payment', 'quiz', 'quiz-result', 'notification', 'projection', 'bff-web'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // The import rules of ARCHITECTURE.md: libs never import apps, apps never import each other.
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/apps/**'], message: 'libs/ never imports an app' }] },
      ],
    },
  },
  {
    files: ['libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['@quizbook/*', '**/apps/**'], message: 'contracts imports nothing of ours' }],
        },
      ],
    },
  },
  // Specs and journey kits may boot several apps together; runtime code never crosses apps.
  ...apps.map((app) => ({
    files: [`apps/${app}/**/*.ts`],
    ignores: ['**/*.spec.ts', '**/journeys/**', '**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: apps
                .filter((other) => other !== app)
                .flatMap((other) => [`**/apps/${other}/**`, `**/${other}/src/**`]),
              message: 'an app imports libs/, never another app',
            },
          ],
        },
      ],
    },
  })),
);
