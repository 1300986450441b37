/**
 * `npm run generate` (gateway step): composes the committed subgraph SDLs into the static
 * gateway/supergraph.graphql. The gateway never introspects subgraphs at start-up.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { composeSupergraph, SUBGRAPH_DEFAULTS, SUPERGRAPH_FILE } from '../src/supergraph.ts';

export function composeFromFiles(): string {
  return composeSupergraph(
    SUBGRAPH_DEFAULTS.map(({ name, url }) => ({
      name,
      url,
      sdl: readFileSync(new URL(`../../subgraphs/${name}/schema.graphql`, import.meta.url), 'utf8'),
    })),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    writeFileSync(SUPERGRAPH_FILE, composeFromFiles());
    console.log(`composed ${SUPERGRAPH_FILE.pathname}`);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
