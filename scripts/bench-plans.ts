import { countEnterprisesQuery, type EnterprisesDatabase, searchEnterprisesQuery, walkSearchNames } from '@credit-hub/enterprises';
import { enterpriseAt } from '@credit-hub/seed';
import { sql } from 'drizzle-orm';
import { SUBGRAPHS } from './subgraphs.ts';

/**
 * EXPLAIN (no execution) of the reads behind the README's example queries, on a seeded benchmark
 * database: the profile's lookups by code in each subgraph's schema and the name search with its
 * bounded count (and the walk of a name-only search). Returns one line per query whose plan scans a whole table instead of an index.
 */
export async function planProblems(url: string): Promise<{ checked: number; problems: string[] }> {
  const uscc = enterpriseAt(7).uscc;
  const lookups: [schema: string, table: string, column: string][] = [
    ['enterprises', 'enterprises', 'uscc'],
    ['enterprises', 'annual_reports', 'uscc'],
    ['enterprises', 'former_names', 'uscc'],
    ['enterprises', 'credit_commitments', 'uscc'],
    ['licenses', 'licenses', 'holder_uscc'],
    ['licenses', 'equipment_registrations', 'user_uscc'],
    ['sanctions', 'penalties', 'uscc'],
    ['sanctions', 'abnormal_operations', 'uscc'],
    ['sanctions', 'serious_violations', 'uscc'],
    ['sanctions', 'credit_repairs', 'uscc'],
  ];
  const statements = lookups.map(([schema, table, column]) => ({
    label: `${table} by ${column}`,
    // As the loaders send it (anyOfKeys): one array of the column's own type, char(18).
    text: `explain select * from "${schema}"."${table}" where "${column}" = any('{${uscc}}'::char(18)[])`,
    table,
  }));
  const entry = SUBGRAPHS.find((subgraph) => subgraph.name === 'enterprises');
  if (!entry) throw new Error('no enterprises subgraph');
  const database = (await entry.openDatabase({ ...process.env, DATABASE_URL: url })) as EnterprisesDatabase;
  try {
    // The README's search (食品 in Linfen, active) and two characters of a real trade name, as the bench types.
    for (const filter of [{ nameContains: '食品', regionPrefix: '1408', statuses: ['ACTIVE' as const] }, { nameContains: '食品' }]) {
      for (const [kind, query] of [
        ['search', searchEnterprisesQuery(database.db, filter)],
        ['bounded count', countEnterprisesQuery(database.db, filter)],
        // A name-only search with many matches walks the codes on the index carrying the names.
        ...(Object.keys(filter).length === 1
          ? ([['walk', walkSearchNames(database.db, filter.nameContains, { limit: 21 }).toSQL()]] as const)
          : []),
      ] as const) {
        const inlined = query.sql.replace(/\$(\d+)/g, (_, n) => literal(query.params[Number(n) - 1]));
        statements.push({ label: `${kind} ${JSON.stringify(filter)}`, text: `explain ${inlined}`, table: 'enterprises' });
      }
    }
    const problems: string[] = [];
    for (const { label, text, table } of statements) {
      const result = await database.db.execute(sql.raw(text));
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
      const plan = rows.map((row) => Object.values(row)[0]).join('\n');
      if (new RegExp(`Seq Scan on ${table}\\b`).test(plan)) problems.push(`${label}: ${plan.replace(/\s+/g, ' ').slice(0, 200)}`);
    }
    return { checked: statements.length, problems };
  } finally {
    await database.close();
  }
}

/** A bound parameter written into the SQL, so EXPLAIN plans it as the literal it will be. */
function literal(value: unknown): string {
  if (Array.isArray(value)) return `ARRAY[${value.map(literal).join(',')}]::text[]`;
  if (typeof value === 'number') return String(value);
  return `'${String(value).replace(/'/g, "''")}'`;
}
