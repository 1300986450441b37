export { type ClassifyOutcome, classifyMonth } from './classify/classify-month.ts';
export { classifyDemoMonth } from './classify/demo.ts';
export { createGatewayReader, gatewayReaderFromEnv, type HubReader } from './classify/hub-reader.ts';
export { openRiskDatabase, openRiskTestDatabase, type RiskDatabase } from './db/client.ts';
export { loadEnv, SUBGRAPH_NAME } from './env.ts';
export { loadModelFile, parseModelFile } from './rules/model-file.ts';
export { schema } from './schema/index.ts';
export { seedRisk } from './seed.ts';
export { startRiskSubgraph } from './server.ts';
