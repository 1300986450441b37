import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export const SUPERGRAPH_FILE = new URL('../supergraph.graphql', import.meta.url);

/** Subgraphs composed into the supergraph, with the URL each has when run with `npm start`. */
export const SUBGRAPH_DEFAULTS = [
  { name: 'enterprises', url: 'http://127.0.0.1:4001/graphql' },
  { name: 'licenses', url: 'http://127.0.0.1:4002/graphql' },
  { name: 'sanctions', url: 'http://127.0.0.1:4003/graphql' },
  { name: 'inspections', url: 'http://127.0.0.1:4004/graphql' },
  { name: 'risk', url: 'http://127.0.0.1:4005/graphql' },
  { name: 'exchange', url: 'http://127.0.0.1:4006/graphql' },
] as const;
export const SUBGRAPH_NAMES: string[] = SUBGRAPH_DEFAULTS.map((subgraph) => subgraph.name);

/**
 * Composes printed subgraph SDLs into a supergraph with Apollo's own composition, failing with
 * every composition error listed (an incompatible change shows up at `npm run generate`, not at
 * the first query).
 */
export function composeSupergraph(subgraphs: { name: string; url: string; sdl: string }[]): string {
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) throw new Error(`composition failed:\n${result.errors.map((error) => `  ${error.message}`).join('\n')}`);
  return result.supergraphSdl;
}

/** The committed static supergraph: no introspection or polling at start-up. */
export function loadSupergraph(): string {
  return readFileSync(SUPERGRAPH_FILE, 'utf8');
}
