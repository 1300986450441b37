export { type LicensesDatabase, type LicensesTestDatabase, openLicensesDatabase, openLicensesTestDatabase } from './db/client.ts';
export { loadEnv, rulesFromEnv, SUBGRAPH_NAME } from './env.ts';
export { schema } from './schema/index.ts';
export { equipmentRegistrationsFor, licensesFor } from './seed/records.ts';
export { seedLicenses } from './seed.ts';
export { startLicensesSubgraph } from './server.ts';
