/** Regenerates packages/tables/samples/ (committed): `npm run samples -w @credit-hub/tables`. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeSampleTable } from '../src/sample-files.ts';
import { SAMPLE_TABLES } from '../src/sample-tables.ts';

const directory = join(import.meta.dirname, '..', 'samples');
const expected: Record<string, Record<number, string[]>> = {};
for (const table of SAMPLE_TABLES()) {
  await writeSampleTable(directory, table);
  expected[table.file] = table.expectedRejects;
  console.log(`${table.file}: ${table.rows.length} rows, ${Object.keys(table.expectedRejects).length} bad`);
}
await writeFile(join(directory, 'expected-rejects.json'), `${JSON.stringify(expected, null, 2)}\n`);
