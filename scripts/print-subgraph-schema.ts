/**
 * Prints a subgraph's SDL from code (never fetched from a running server) into
 * subgraphs/<name>/schema.graphql. `npm run generate` runs it for every subgraph, then composes.
 */
import { writeFileSync } from 'node:fs';
import { printSubgraphSchema } from '@apollo/subgraph';
import { SUBGRAPHS } from './subgraphs.ts';

export async function printSchemaOf(name: string): Promise<string> {
  const entry = SUBGRAPHS.find((subgraph) => subgraph.name === name);
  if (!entry) throw new Error(`unknown subgraph ${name}; known: ${SUBGRAPHS.map((s) => s.name).join(', ')}`);
  return `${printSubgraphSchema(await entry.loadSchema()).trim()}\n`;
}

async function main(names: string[]) {
  for (const name of names.length ? names : SUBGRAPHS.map((s) => s.name)) {
    const entry = SUBGRAPHS.find((subgraph) => subgraph.name === name);
    if (!entry) throw new Error(`unknown subgraph ${name}`);
    writeFileSync(entry.schemaFile, await printSchemaOf(name));
    console.log(`printed ${entry.schemaFile.pathname}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
