export { countEnterprisesQuery, searchEnterprisesQuery, walkSearchNames } from './data/enterprise-store.ts';
export {
  type EnterprisesDatabase,
  type EnterprisesTestDatabase,
  openEnterprisesDatabase,
  openEnterprisesTestDatabase,
} from './db/client.ts';
export { loadEnv, SUBGRAPH_NAME } from './env.ts';
export { schema } from './schema/index.ts';
export { seedEnterprises } from './seed.ts';
export { startEnterprisesSubgraph } from './server.ts';
