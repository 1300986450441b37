import { insertInChunks } from '@credit-hub/db';
import { generateEnterprisesIn, randomFor, type SeedOptions, seedCounties } from '@credit-hub/seed';
import { addDays } from '@credit-hub/workdays';
import { count } from 'drizzle-orm';
import { confirmDraw, storeDraftDraw } from './data/draw-store.ts';
import type { InspectionsDb } from './db/client.ts';
import { inspections, inspectors, plans, tasks } from './db/schema.ts';
import { type Candidate, drawEnterprises } from './rules/draw.ts';
import type { InspectionResult } from './rules/vocabulary.ts';

const DEPARTMENT = 'TSSB';
const REGION = '140000';
const SEED_ACTOR = 'seed';

export const hasInspections = async (db: InspectionsDb) => ((await db.select({ n: count() }).from(plans))[0]?.n ?? 0) > 0;

/**
 * Demo data: the Shanxi special-equipment department's plan for this year, inspectors in eight
 * counties, one task over the demo enterprises of Shanxi, its confirmed draw (the seed stored
 * with it: re-running it gives the same list) and a published result for each drawn enterprise.
 * Classes are not known yet when the hub seeds (the risk subgraph classifies once everything is
 * up), so the demo draws from the unclassified group at the task's ratio.
 */
export async function seedInspections(db: InspectionsDb, enterpriseCount: number, options: SeedOptions & { today: string }): Promise<void> {
  if (await hasInspections(db)) return;
  const today = options.today;
  const shanxiCounties = seedCounties()
    .filter((division) => division.code.startsWith('14'))
    .slice(0, 8);
  const staff = await db
    .insert(inspectors)
    .values(
      shanxiCounties.flatMap((county, index) => [
        {
          name: `检查员${index * 2 + 1}`,
          department: DEPARTMENT,
          regionCode: county.code,
          certificate: `14${String(index * 2 + 1).padStart(6, '0')}`,
        },
        {
          name: `检查员${index * 2 + 2}`,
          department: DEPARTMENT,
          regionCode: county.code,
          certificate: `14${String(index * 2 + 2).padStart(6, '0')}`,
        },
      ]),
    )
    .returning();
  const [plan] = await db
    .insert(plans)
    .values({
      year: Number(today.slice(0, 4)),
      name: `${today.slice(0, 4)}年特种设备双随机抽查计划`,
      department: DEPARTMENT,
      regionCode: REGION,
    })
    .returning();
  if (!plan) throw new Error('insert returned no row');
  const windowFrom = `${today.slice(0, 4)}-01-01`;
  const [task] = await db
    .insert(tasks)
    .values({
      planId: plan.id,
      name: '特种设备使用单位监督抽查',
      item: '特种设备使用登记、定期检验、安全管理人员配备',
      kind: 'INSPECTION',
      filter: { regionPrefix: '14', keyDomain: null, industryCode: null, licenseKind: null, equipmentUsers: false },
      ratios: { A: 100, B: 300, C: 1000, D: 3000, UNCLASSIFIED: 300 },
      windowFrom,
      windowTo: `${today.slice(0, 4)}-12-31`,
      inspectorsPerEnterprise: 2,
      department: DEPARTMENT,
      regionCode: REGION,
    })
    .returning();
  if (!task) throw new Error('insert returned no row');
  const pool: Candidate[] = [];
  for (const enterprise of generateEnterprisesIn('14', enterpriseCount, options)) {
    if (enterprise.status === 'ACTIVE')
      pool.push({ uscc: enterprise.uscc, regionCode: enterprise.regionCode, riskClass: null, keySupervision: false });
  }
  const seed = 20_261_101;
  const outcome = drawEnterprises({ pool, ratios: task.ratios, inspectors: staff, perEnterprise: 2, seed });
  const draw = await storeDraftDraw(db, task.id, seed, outcome, SEED_ACTOR);
  await confirmDraw(db, draw.id, SEED_ACTOR);
  const span = Math.max(1, Math.floor((Date.parse(today) - Date.parse(windowFrom)) / 86_400_000) - 30);
  await insertInChunks(
    db,
    inspections,
    outcome.entries.map((entry, index) => {
      const random = randomFor(seed, 'inspection', index);
      const inspectedOn = addDays(windowFrom, random.int(0, span));
      const result: InspectionResult = random.chance(0.1)
        ? 'PROBLEM_CORRECTION_ORDERED'
        : random.chance(0.03)
          ? 'UNREACHABLE'
          : 'NO_PROBLEM';
      return {
        taskId: task.id,
        uscc: entry.uscc,
        regionCode: entry.regionCode,
        department: DEPARTMENT,
        kind: 'INSPECTION' as const,
        result,
        inspectedOn,
        inspectorIds: entry.inspectorIds,
        findings: result === 'NO_PROBLEM' ? null : '安全管理人员未持证上岗',
        rectificationDeadline: result === 'PROBLEM_CORRECTION_ORDERED' ? addDays(inspectedOn, 30) : null,
        publishedOn: addDays(inspectedOn, random.int(1, 10)),
        recordedBy: SEED_ACTOR,
      };
    }),
  );
}
