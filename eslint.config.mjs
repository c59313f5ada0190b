import { readFileSync } from 'node:fs';
import nx from '@nx/eslint-plugin';
import security from 'eslint-plugin-security';

/**
 * Module boundaries are the architecture, so they are enforced here rather than described.
 * A context sees itself and the shared scope; layers only point inwards (app → infrastructure →
 * application → domain → kernel); the domain and application stay free of frameworks.
 */
const frameworks = ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', 'zod', 'fastify', 'pino', 'rxjs'];

/** The bounded contexts, from the one declaration of them (a new context needs no edit here). */
const contexts = JSON.parse(readFileSync(new URL('./docker/provisioning/stack.json', import.meta.url), 'utf8')).contexts.map((context) => context.name);

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', 'tmp/**', '.stack/**', '**/webpack.config.cjs', '**/vite.config.mts'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            ...contexts.map((context) => ({
              sourceTag: `scope:${context}`,
              onlyDependOnLibsWithTags: [`scope:${context}`, 'scope:shared'],
            })),
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // The back-office console talks to the services over HTTP only: no context's code, no shared lib.
            { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:console'] },
            // The legacy billing stand-in plays a system we do not own: nothing of ours goes into it.
            { sourceTag: 'scope:legacy-billing', onlyDependOnLibsWithTags: ['scope:legacy-billing'] },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:infrastructure', 'type:application', 'type:domain', 'type:platform', 'type:contract', 'type:kernel'],
            },
            {
              sourceTag: 'type:infrastructure',
              onlyDependOnLibsWithTags: ['type:application', 'type:domain', 'type:platform', 'type:contract', 'type:kernel'],
            },
            {
              sourceTag: 'type:application',
              onlyDependOnLibsWithTags: ['type:domain', 'type:kernel'],
              bannedExternalImports: frameworks,
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:kernel'],
              bannedExternalImports: ['*'],
            },
            { sourceTag: 'type:kernel', onlyDependOnLibsWithTags: [], bannedExternalImports: ['*'] },
            { sourceTag: 'type:contract', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:contract', 'type:kernel'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contract', 'type:platform'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Security rules on production code (SAST that runs in `npm test`; CodeQL runs in GitHub CI).
    // detect-object-injection is off: it flags every typed `record[key]`, which TypeScript already checks.
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts', 'apps/system-e2e/**', 'libs/platform/testing/**', 'tools/**'],
    plugins: { security },
    rules: {
      ...Object.fromEntries(Object.keys(security.configs.recommended.rules).map((rule) => [rule, 'error'])),
      'security/detect-object-injection': 'off',
    },
  },
  {
    files: ['**/*.spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
