import type { RiskDatabase } from '../db/client.ts';
import { loadEnv } from '../env.ts';
import { loadModelFile } from '../rules/model-file.ts';
import { hasClassifications } from '../seed.ts';
import { type ClassifyOutcome, classifyMonth } from './classify-month.ts';
import { gatewayReaderFromEnv } from './hub-reader.ts';

/**
 * `npm start`: classifies the current month on the demo data once the gateway is up, the first
 * time only (later starts keep what is there; `npm run classify` re-runs a month).
 */
export async function classifyDemoMonth(options: {
  database: RiskDatabase;
  env: Record<string, string | undefined>;
  gatewayUrl: string;
  today: string;
}): Promise<ClassifyOutcome | null> {
  if (await hasClassifications(options.database.db)) return null;
  const env = loadEnv(options.env);
  return classifyMonth({
    db: options.database.db,
    reader: gatewayReaderFromEnv(env, options.gatewayUrl),
    versions: loadModelFile(env.RISK_MODEL_FILE),
    month: options.today.slice(0, 7),
    today: options.today,
    startedBy: 'npm start (demo)',
    batchSize: env.RISK_BATCH_SIZE,
  });
}
