import { countEnterprisesQuery, type EnterprisesDatabase, searchEnterprisesQuery } from '@credit-hub/enterprises';
import { enterpriseAt } from '@credit-hub/seed';
import { sql } from 'drizzle-orm';
import { SUBGRAPHS } from './subgraphs.ts';

const size = Number(process.argv[2]);
const entry = SUBGRAPHS.find((s) => s.name === 'enterprises')!;
const database = (await entry.openDatabase({
  ...process.env,
  DATABASE_URL: `postgres://postgres@127.0.0.1:5432/credithub_bench_${size}`,
})) as EnterprisesDatabase;
const lit = (v: unknown): string =>
  Array.isArray(v) ? `ARRAY[${v.map(lit).join(',')}]::text[]` : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
for (const i of [0, 1, 2]) {
  const e = enterpriseAt(Math.floor((i * 7919) % size));
  const pair = e.name.replace(/^(.{2,3}?)(市|县|区)?/, '').slice(0, 2);
  for (const q of [
    searchEnterprisesQuery(database.db, { nameContains: pair }),
    countEnterprisesQuery(database.db, { nameContains: pair }),
  ]) {
    const text = q.sql.replace(/\$(\d+)/g, (_, n) => lit(q.params[Number(n) - 1]));
    const r = await database.db.execute(sql.raw(`explain (analyze, buffers) ${text}`));
    console.log('---', pair, '\n' + (r as unknown as Record<string, string>[]).map((row) => Object.values(row)[0]).join('\n'));
  }
}
await database.close();
