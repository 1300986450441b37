/**
 * npm run seed -- --enterprises 100000 [--seed 20240601] [--reference-date 2026-11-21] [--only enterprises,licenses]
 *
 * Loads the deterministic synthetic population into every subgraph's own database (PostgreSQL when
 * DATABASE_URL is set, else the PGlite directories under .data/). Each subgraph loads only its own
 * records, derived from the same seed, so the data agree without any subgraph reading another's.
 * Existing rows are kept; seeding the same range twice inserts nothing new for enterprises.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { SUBGRAPHS } from './subgraphs.ts';

async function main() {
  const { values } = parseArgs({
    options: {
      enterprises: { type: 'string', default: '2000' },
      seed: { type: 'string' },
      'reference-date': { type: 'string' },
      only: { type: 'string' },
    },
  });
  const count = Number(values.enterprises);
  if (!Number.isInteger(count) || count < 1) throw new Error('--enterprises must be a positive whole number');
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  const referenceDate = values['reference-date'];
  if (referenceDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)) throw new Error('--reference-date must be YYYY-MM-DD');
  const only = values.only?.split(',').map((name) => name.trim());
  const targets = only ? SUBGRAPHS.filter((subgraph) => only.includes(subgraph.name)) : SUBGRAPHS;
  if (only && targets.length !== only.length) throw new Error(`--only: unknown subgraph in ${values.only}`);

  const options = { ...(seed === undefined ? {} : { seed }), ...(referenceDate === undefined ? {} : { referenceDate }) };
  const started = Date.now();
  for (const subgraph of targets) {
    const database = await subgraph.openDatabase(process.env);
    try {
      const t0 = Date.now();
      await subgraph.seed(database, count, options);
      // Fresh statistics, so the planner picks the indexes for the new data size straight away.
      await database.db.execute(sql`analyze`);
      console.log(
        `${subgraph.name.padEnd(12)} ${count} enterprises' records in ${((Date.now() - t0) / 1000).toFixed(1)} s (${database.kind})`,
      );
    } finally {
      await database.close();
    }
  }
  console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: Error) => {
  console.error(`seed: ${error.message}`);
  process.exit(1);
});
