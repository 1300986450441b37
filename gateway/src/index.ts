export { loadGatewayEnv } from './env.ts';
export { EXAMPLE_USCC, type GraphiqlOptions } from './graphiql.ts';
export { startGateway } from './server.ts';
export { composeSupergraph, loadSupergraph, SUBGRAPH_DEFAULTS, SUPERGRAPH_FILE } from './supergraph.ts';
export { documentHash, loadTrustedDocuments, TRUSTED_DOCUMENTS_DIR } from './trusted-documents.ts';
