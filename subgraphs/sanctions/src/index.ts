export { openSanctionsDatabase, openSanctionsTestDatabase, type SanctionsDatabase, type SanctionsTestDatabase } from './db/client.ts';
export { loadEnv, SUBGRAPH_NAME } from './env.ts';
export { schema } from './schema/index.ts';
export { boundaryCaseFor, SANCTION_BOUNDARY_CASES, type SeedSanctions, sanctionsFor } from './seed/records.ts';
export { seedSanctions } from './seed.ts';
export { startSanctionsSubgraph } from './server.ts';
