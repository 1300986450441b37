export { type InspectionsDatabase, openInspectionsDatabase, openInspectionsTestDatabase } from './db/client.ts';
export { type CandidateSource, createGatewayCandidateSource } from './draw/candidate-source.ts';
export { loadEnv, SUBGRAPH_NAME } from './env.ts';
export { type Candidate, drawEnterprises } from './rules/draw.ts';
export { schema } from './schema/index.ts';
export { seedInspections } from './seed.ts';
export { startInspectionsSubgraph } from './server.ts';
