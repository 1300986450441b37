import { registerModelVersions } from './data/model-store.ts';
import { latestClassifiedMonth } from './data/run-store.ts';
import type { RiskDb } from './db/client.ts';
import type { RiskModelVersion } from './rules/model.ts';

/**
 * The risk subgraph holds no synthetic records of its own: its results are computed from the
 * other subgraphs' data, which only the running hub can serve (`npm start` classifies the current
 * month once the gateway is up; `npm run classify` any month). Seeding stores the model versions.
 */
export async function seedRisk(db: RiskDb, versions: readonly RiskModelVersion[]): Promise<void> {
  await registerModelVersions(db, versions);
}

/** Whether any month has been classified (the demo classifies once, on first start). */
export const hasClassifications = async (db: RiskDb) => (await latestClassifiedMonth(db)) !== null;
