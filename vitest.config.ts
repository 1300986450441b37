import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

/**
 * Node resolves `graphql` to its CommonJS build (no exports map), and @apollo/subgraph and Pothos
 * load it with require. Vite would pick the ES module build for imports, and a schema built with
 * one build fails the other's "same realm" checks, so tests resolve it exactly as Node does.
 */
const graphqlEntry = createRequire(import.meta.url).resolve('graphql');

/**
 * Two projects: `unit` (packages, subgraphs, gateway: *.test.ts beside the code or in test/) and
 * `e2e` (tests/: every subgraph and the gateway on free ports). `npm test` runs both.
 */
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'subgraphs/*/test/**/*.test.ts', 'gateway/test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
