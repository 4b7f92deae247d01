// Lint catches the expensive mistakes: floating promises, non-exhaustive switches, loose equality,
// and imports across boundaries (web never imports server; modules, on the server and in the web,
// meet only through their index.ts).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NO_WEB = { group: ['**/web/**'], message: 'The server never imports the web app.' };
const MODULE_MESSAGE = 'Modules import each other only through modules/<x>/index.ts (or meet through domain events).';
/** modules/<x>/<anything but index>, from anywhere on the server. */
const NO_MODULE_INSIDES = { regex: '(^|/)modules/[^/]+/(?!index$)[^/]+', message: MODULE_MESSAGE };
const WEB_NOT_SERVER = {
  group: ['**/server/**', '**/cli/**', 'kysely', 'fastify', 'pg'],
  message: 'The web app talks to the server over HTTP only; share types through src/contracts.',
};
// The app shell, lib and ui reach a module only through its index.ts (or the list, modules/index.ts).
const WEB_SHELL_TO_MODULES = {
  regex: '(^|/)modules/[^/]+/(?!index$).+',
  message: 'Import a web module only through its index.ts (src/web/modules/<x>/index.ts).',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'scratch/**', 'coverage/**', 'bench/results/**', 'bench/tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['src/server/**/*.ts', 'src/cli/**/*.ts', 'src/domain/**/*.ts', 'src/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NO_WEB, NO_MODULE_INSIDES] }],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**', '**/web/**', 'kysely', 'fastify', 'pg', '@electric-sql/*'], message: 'Domain rules and contracts are pure: no I/O, no framework.' }] },
      ],
    },
  },
  {
    files: ['src/web/**/*.ts', 'src/web/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [WEB_NOT_SERVER, WEB_SHELL_TO_MODULES] }],
    },
  },
  // A web module imports another web module only through its index.ts (`../../lists`, never
  // `../../lists/components/…`); one block per folder depth, as the imports are relative.
  ...['src/web/modules/*', 'src/web/modules/*/*', 'src/web/modules/*/*/*'].map((dir, depth) => ({
    files: [`${dir}/*.ts`, `${dir}/*.tsx`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            WEB_NOT_SERVER,
            WEB_SHELL_TO_MODULES,
            {
              regex: `^${'\\.\\./'.repeat(depth + 1)}(?!\\.\\.)[^/]+/(?!index$).+`,
              message: 'A web module imports another web module only through its index.ts (src/web/modules/<x>/index.ts).',
            },
          ],
        },
      ],
    },
  })),
  {
    // A file inside a module (modules/<name>/…) reaches another module only through its index.ts.
    files: ['src/server/modules/*/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NO_WEB, NO_MODULE_INSIDES, { regex: '^\\.\\./(?!\\.)[^/]+/(?!index$).+$', message: MODULE_MESSAGE }] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { ...globals.node } },
  },
);
