// Lint: TypeScript strict rules, React hooks, and the architecture's boundaries.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import importX, { createNodeResolver } from 'eslint-plugin-import-x'
import globals from 'globals'

const features = [
  'home',
  'plan-editor',
  'settings',
  'trash',
  'import-export',
  'grab-pack',
  'drills',
  'incidents',
  'suppliers',
  'readiness',
  'templates',
  'sync',
]
// An incident is run by the drills' engine (clock, log, steps, findings -> actions, report parts).
const sharedWith = { incidents: ['./drills'] }

export default tseslint.config(
  { ignores: ['dist', 'dev-dist', 'node_modules', '.size-probe'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })] },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      // Dropping a field by destructuring (`const { planId: _p, ...rest } = row`) is intended.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, varsIgnorePattern: '^_', argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'error',
      'import-x/no-cycle': 'error',
      // Dependencies flow one way: domain <- db <- ui <- entities <- features <- app; features never import each other.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/domain',
              from: ['./src/db', './src/ui', './src/entities', './src/features', './src/app', './src/templates'],
              message: 'domain is the headless core',
            },
            { target: './src/templates', from: ['./src/db', './src/ui', './src/entities', './src/features', './src/app'] },
            { target: './src/db', from: ['./src/ui', './src/entities', './src/features', './src/app'] },
            { target: './src/ui', from: ['./src/entities', './src/features', './src/app'] },
            { target: './src/entities', from: ['./src/features', './src/app'], message: 'entities are shared by features, not made of them' },
            { target: './src/features', from: './src/app' },
            ...features.map((f) => ({
              target: `./src/features/${f}`,
              from: './src/features',
              except: [`./${f}`, ...(sharedWith[f] ?? [])],
              message: 'features do not import each other',
            })),
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/db/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'dexie', message: 'Only src/db talks to Dexie; call a repository function.' }] }],
    },
  },
  {
    // One way to write: rows go through their table's gateway (src/db/writes.ts), which checks
    // them against their schema and stamps updatedAt.
    files: ['src/db/**/*.ts'],
    // Settings, keyed by name, are checked by writeSetting in settings-repository.ts.
    ignores: ['src/db/gateway.ts', 'src/db/settings-repository.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.object.type='MemberExpression'][callee.object.object.name='db'][callee.property.name=/^(add|put|update|bulkAdd|bulkPut|bulkUpdate|delete|bulkDelete|clear)$/]",
          message: "Write through the table's gateway in src/db/writes.ts: it checks the row and stamps updatedAt.",
        },
      ],
    },
  },
  {
    // Links are built by the route table (src/ui/routes.ts), which also encodes ids.
    files: ['src/app/**/*.tsx', 'src/features/**/*.{ts,tsx}', 'src/ui/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          'JSXAttribute[name.name=/^(href|to|path)$/] > Literal[value=/^\\//]',
          'JSXAttribute[name.name=/^(href|to|path)$/] > JSXExpressionContainer > TemplateLiteral',
          'CallExpression[callee.name=/^(navigate|setLocation)$/] > :matches(Literal[value=/^\\//], TemplateLiteral)',
          "CallExpression[callee.object.name='window'][callee.property.name='open'][arguments.0.type='TemplateLiteral']",
          "CallExpression[callee.object.name='window'][callee.property.name='open'][arguments.0.value=/^\\//]",
        ].map((selector) => ({ selector, message: 'Build links with href.* from src/ui/routes.ts.' })),
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/templates/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['dexie', 'react', 'react-dom', 'dexie-react-hooks', 'zustand'].map((name) => ({
            name,
            message: 'domain is plain TypeScript: no React, no Dexie',
          })),
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx,mjs}', 'bench/**/*.mjs', 'scripts/**/*.mjs', '*.config.{js,ts}', '.ci/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
)
