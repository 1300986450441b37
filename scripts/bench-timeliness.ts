/**
 * npx tsx scripts/bench-timeliness.ts [--rows 200000] [--runs 5]
 *   penaltyPublicationTimeliness's one statement over synthetic penalties on PostgreSQL
 *   (DATABASE_URL, else PGlite): 12 months, all regions and one city. Prints the median time.
 */
import { parseArgs } from 'node:util';
import { insertInChunks } from '@credit-hub/db';
import { type Caller, timelinessScope } from '@credit-hub/subgraph-kit';
import { addDays } from '@credit-hub/workdays';
import { penaltyTimeliness } from '../subgraphs/sanctions/src/data/penalty-timeliness.ts';
import { openSanctionsTestDatabase } from '../subgraphs/sanctions/src/db/client.ts';
import { penalties } from '../subgraphs/sanctions/src/db/schema.ts';
import { DEFAULT_RULE_BOOK } from '../subgraphs/sanctions/src/rules/rule-book.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '200000' }, runs: { type: 'string', default: '5' } } });
const rows = Number(values.rows);
const TODAY = '2026-11-21';
const REGIONS = ['140802', '140105', '140202', '350102', '430102'];
const DEPARTMENTS = ['ZFJC', 'SPSC', 'TSSB', 'XYJG'];
const analyst: Caller = { sub: 'bench', role: 'analyst', dept: null, region: null, scopes: [] };

const database = await openSanctionsTestDatabase(process.env.DATABASE_URL ? 'postgres' : 'pglite');
try {
  const records = Array.from({ length: rows }, (_, i) => {
    const decidedOn = addDays(TODAY, -(i % 1000));
    const delay = i % 23;
    const publishedOn = i % 50 === 0 ? null : addDays(decidedOn, delay);
    return {
      uscc: '91140802MA0TEST00X',
      regionCode: REGIONS[i % REGIONS.length] as string,
      department: DEPARTMENTS[i % DEPARTMENTS.length] as string,
      recordedBy: 'bench',
      decisionNumber: `bench-${i}`,
      violationType: '—',
      factsSummary: '—',
      legalBasis: '—',
      penaltyTypes: ['FINE' as const],
      fineAmount: '20000.00',
      decidedOn,
      authority: '—',
      caseDomain: 'FOOD' as const,
      publishedOn: publishedOn && publishedOn <= TODAY ? publishedOn : null,
    };
  });
  await insertInChunks(database.db, penalties, records);
  for (const regionPrefix of [null, '1408']) {
    const times: number[] = [];
    let departments = 0;
    for (let run = 0; run < Number(values.runs); run += 1) {
      const started = performance.now();
      const answer = await penaltyTimeliness(database.db, timelinessScope(analyst, { regionPrefix }, TODAY), DEFAULT_RULE_BOOK);
      times.push(performance.now() - started);
      departments = answer.departments.length;
    }
    times.sort((a, b) => a - b);
    console.log(
      `${rows} penalties, 12 months, region ${regionPrefix ?? 'all'}: median ${times[Math.floor(times.length / 2)]?.toFixed(0)} ms (${departments} departments)`,
    );
  }
} finally {
  await database.close();
}
