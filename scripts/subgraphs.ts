import type { RunningService } from '@credit-hub/subgraph-kit';

/**
 * Every subgraph of the hub: its name (as in the supergraph), default port, printed schema and
 * how to start it in-process. `npm start`, `npm run generate` and the end-to-end tests read this
 * one list, so adding a subgraph is one entry here.
 */
export interface SubgraphEntry {
  name: string;
  defaultPort: number;
  schemaFile: URL;
  loadSchema: () => Promise<import('graphql').GraphQLSchema>;
  start: (options: { port?: number; env?: Record<string, string | undefined> }) => Promise<RunningService>;
}

export const SUBGRAPHS: SubgraphEntry[] = [
  {
    name: 'enterprises',
    defaultPort: 4001,
    schemaFile: new URL('../subgraphs/enterprises/schema.graphql', import.meta.url),
    loadSchema: async () => (await import('@credit-hub/enterprises')).schema,
    start: async ({ port, env }) => {
      const { startEnterprisesSubgraph, loadEnv } = await import('@credit-hub/enterprises');
      return startEnterprisesSubgraph({ env: loadEnv(env ?? process.env), ...(port === undefined ? {} : { port }) });
    },
  },
];
