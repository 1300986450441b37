/**
 * npm run classify -- --month 2026-11 [--gateway http://127.0.0.1:4000/graphql]
 *
 * Classifies every enterprise for the month through the running hub (the gateway, with the risk
 * subgraph's service token), with a progress bar; re-running a month replaces it atomically.
 */
import { parseArgs } from 'node:util';
import { todayInChina } from '@credit-hub/subgraph-kit';
import { SingleBar } from 'cli-progress';
import { openRiskDatabase } from '../db/client.ts';
import { loadEnv } from '../env.ts';
import { loadModelFile } from '../rules/model-file.ts';
import { classifyMonth } from './classify-month.ts';
import { gatewayReaderFromEnv } from './hub-reader.ts';

async function main() {
  const { values } = parseArgs({ options: { month: { type: 'string' }, gateway: { type: 'string' } } });
  const today = todayInChina();
  const month = values.month ?? today.slice(0, 7);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`--month must be YYYY-MM, not ${month}`);
  const env = loadEnv();
  const database = await openRiskDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const bar = new SingleBar({
    format: `classify ${month} [{bar}] {percentage}% {value}/{total} enterprises, {eta}s left`,
    hideCursor: true,
  });
  let started = false;
  try {
    const outcome = await classifyMonth({
      db: database.db,
      reader: gatewayReaderFromEnv(env, values.gateway ?? env.GATEWAY_URL),
      versions: loadModelFile(env.RISK_MODEL_FILE),
      month,
      today,
      startedBy: `cli:${process.env.USER ?? 'unknown'}`,
      batchSize: env.RISK_BATCH_SIZE,
      onProgress: (done, total) => {
        if (!started) {
          bar.start(total, done);
          started = true;
        } else bar.update(done);
      },
    });
    bar.stop();
    const { A, B, C, D } = outcome.counts;
    console.log(
      `run ${outcome.runId}: ${month} with model ${outcome.modelVersion} in ${(outcome.durationMs / 1000).toFixed(1)} s — A ${A}  B ${B}  C ${C}  D ${D}`,
    );
  } finally {
    bar.stop();
    await database.close();
  }
}

main().catch((error) => {
  console.error('classify failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
