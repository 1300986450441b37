import { bulkLoad, insertInChunks, writeBehind } from '@credit-hub/db';
import { generateEnterprises, type SeedOptions } from '@credit-hub/seed';
import { count, max, sql } from 'drizzle-orm';
import type { NewHistoryEntry } from './data/history-store.ts';
import type { SanctionsDb } from './db/client.ts';
import { abnormalOperations, creditRepairs, penalties, recordHistory, seriousViolations } from './db/schema.ts';
import { DEFAULT_RULE_BOOK, penaltyPublicUntil, type RuleBook } from './rules/index.ts';
import { type SeedSanctions, sanctionsFor } from './seed/records.ts';

const BATCH = 5_000;
const SEED_ACTOR = 'seed';

type Rows = {
  penalties: (typeof penalties.$inferInsert)[];
  abnormal: (typeof abnormalOperations.$inferInsert)[];
  serious: (typeof seriousViolations.$inferInsert)[];
  repairs: (typeof creditRepairs.$inferInsert)[];
  history: NewHistoryEntry[];
};

/**
 * Ids are assigned here rather than by the sequences, so that records of one enterprise can point
 * at each other (a serious listing at its penalty, a repair at its record) within multi-row
 * inserts; the sequences are moved past them afterwards.
 */
class IdCounter {
  constructor(private readonly next: { penalty: number; abnormal: number; serious: number; repair: number }) {}
  take(kind: 'penalty' | 'abnormal' | 'serious' | 'repair'): number {
    return this.next[kind]++;
  }
}

async function nextIds(db: SanctionsDb): Promise<IdCounter> {
  const next = async (table: typeof penalties | typeof abnormalOperations | typeof seriousViolations | typeof creditRepairs) => {
    const [row] = await db.select({ top: max(table.id) }).from(table);
    return (row?.top ?? 0) + 1;
  };
  return new IdCounter({
    penalty: await next(penalties),
    abnormal: await next(abnormalOperations),
    serious: await next(seriousViolations),
    repair: await next(creditRepairs),
  });
}

const history = (
  uscc: string,
  recordKind: NewHistoryEntry['recordKind'],
  recordId: number,
  action: string,
  states: [string | null, string],
  effectiveOn: string,
  decisionReference: string | null = null,
): NewHistoryEntry => ({
  uscc,
  recordKind,
  recordId,
  action,
  fromState: states[0],
  toState: states[1],
  effectiveOn,
  decisionReference,
  reason: null,
  actor: SEED_ACTOR,
  department: null,
});

/** Rows of one enterprise, with ids and links resolved and every state change in the history. */
function rowsFor(uscc: string, regionCode: string, records: SeedSanctions, ids: IdCounter, rules: RuleBook, rows: Rows): void {
  const owned = (department: string) => ({ uscc, regionCode, department, recordedBy: SEED_ACTOR });
  const penaltyIds = new Map<string, number>();
  const abnormalIds = new Map<string, number>();
  const seriousIds = new Map<string, number>();
  for (const p of records.penalties) {
    const id = ids.take('penalty');
    penaltyIds.set(p.key, id);
    const { key: _key, ...facts } = p;
    rows.penalties.push({
      id,
      ...owned(p.department),
      ...facts,
      publicUntil: penaltyPublicUntil({ ...p, regionCode }, p.publishedOn, rules),
    });
    rows.history.push(history(uscc, 'PENALTY', id, 'RECORDED', [null, 'IN_FORCE'], p.decidedOn, p.decisionNumber));
    if (p.stateChangedOn) rows.history.push(history(uscc, 'PENALTY', id, p.state, ['IN_FORCE', p.state], p.stateChangedOn));
    if (p.repairedOn) rows.history.push(history(uscc, 'PENALTY', id, 'REPAIRED', ['IN_FORCE', 'REPAIRED'], p.repairedOn));
  }
  for (const a of records.abnormalOperations) {
    const id = ids.take('abnormal');
    abnormalIds.set(a.key, id);
    const { key: _key, ...facts } = a;
    rows.abnormal.push({ id, ...owned(a.department), ...facts });
    rows.history.push(history(uscc, 'ABNORMAL_OPERATION', id, 'LISTED', [null, 'LISTED'], a.listedOn, a.decisionReference));
    if (a.removedOn) rows.history.push(history(uscc, 'ABNORMAL_OPERATION', id, 'REMOVED', ['LISTED', 'REMOVED'], a.removedOn));
    if (a.repairedOn) rows.history.push(history(uscc, 'ABNORMAL_OPERATION', id, 'REPAIRED', ['REMOVED', 'REPAIRED'], a.repairedOn));
  }
  for (const s of records.seriousViolations) {
    const id = ids.take('serious');
    seriousIds.set(s.key, id);
    const { key: _key, triggeringPenaltyKey, escalatedFromAbnormalKey, ...facts } = s;
    rows.serious.push({
      id,
      ...owned(s.department),
      ...facts,
      triggeringPenaltyId: triggeringPenaltyKey ? (penaltyIds.get(triggeringPenaltyKey) ?? null) : null,
      escalatedFromAbnormalId: escalatedFromAbnormalKey ? (abnormalIds.get(escalatedFromAbnormalKey) ?? null) : null,
    });
    rows.history.push(history(uscc, 'SERIOUS_VIOLATION', id, 'LISTED', [null, 'LISTED'], s.listedOn, s.decisionReference));
  }
  const targets = { PENALTY: penaltyIds, ABNORMAL_OPERATION: abnormalIds, SERIOUS_VIOLATION: seriousIds };
  for (const r of records.creditRepairs) {
    const targetId = targets[r.targetKind].get(r.targetKey);
    if (targetId === undefined) continue;
    const department = r.targetKind === 'PENALTY' ? (records.penalties.find((p) => p.key === r.targetKey)?.department ?? 'ZFJC') : 'XYJG';
    const id = ids.take('repair');
    const { targetKey: _key, ...facts } = r;
    rows.repairs.push({ id, ...owned(department), ...facts, targetId, decidedBy: r.decidedOn ? SEED_ACTOR : null });
    rows.history.push(history(uscc, 'CREDIT_REPAIR', id, 'FILED', [null, 'PENDING'], r.appliedOn));
    if (r.decidedOn)
      rows.history.push(history(uscc, 'CREDIT_REPAIR', id, r.status, ['PENDING', r.status], r.decidedOn, r.decisionReference));
  }
}

/**
 * Loads the sanction records of the first `total` synthetic enterprises in multi-row batches.
 * Enterprises that already have records are skipped, so seeding again (or a larger range) only
 * adds what is missing.
 */
export async function seedSanctions(
  database: SanctionsDb,
  total: number,
  options: SeedOptions & { rules?: RuleBook } = {},
): Promise<number> {
  // The loader writes through `db`: the database, or the load's transaction when indexes are deferred.
  let db = database;
  const rules = options.rules ?? DEFAULT_RULE_BOOK;
  const ids = await nextIds(db);
  const seeded = new Set((await db.selectDistinct({ uscc: recordHistory.uscc }).from(recordHistory)).map((row) => row.uscc));
  const empty = (): Rows => ({ penalties: [], abnormal: [], serious: [], repairs: [], history: [] });
  const store = async (rows: Rows) => {
    await insertInChunks(db, penalties, rows.penalties, { copy: true });
    await insertInChunks(db, abnormalOperations, rows.abnormal, { copy: true });
    await insertInChunks(db, seriousViolations, rows.serious, { copy: true });
    await insertInChunks(db, creditRepairs, rows.repairs, { copy: true });
    await insertInChunks(db, recordHistory, rows.history, { copy: true });
  };
  const load = async () => {
    // The next batch is generated while the previous one is stored.
    const writer = writeBehind();
    let rows = empty();
    let pending = 0;
    const flush = async () => {
      const full = rows;
      rows = empty();
      pending = 0;
      await writer.write(() => store(full));
    };
    for (const enterprise of generateEnterprises(total, options)) {
      if (seeded.has(enterprise.uscc)) continue;
      rowsFor(enterprise.uscc, enterprise.regionCode, sanctionsFor(enterprise, options), ids, rules, rows);
      if (++pending === BATCH) await flush();
    }
    await flush();
    await writer.drain();
  };
  // A first large load builds the secondary indexes once after the rows, in one transaction.
  await bulkLoad(database, [penalties, abnormalOperations, seriousViolations, creditRepairs, recordHistory], total, async (target) => {
    db = target;
    await load();
  });
  for (const table of ['penalties', 'abnormal_operations', 'serious_violations', 'credit_repairs']) {
    await db.execute(
      sql.raw(`select setval(pg_get_serial_sequence('${table}', 'id'), coalesce((select max(id) from ${table}), 0) + 1, false)`),
    );
  }
  return total;
}

/** Every seeded record writes history, so an empty history means nothing was seeded yet. */
export async function countSeededRecords(db: SanctionsDb): Promise<number> {
  const [row] = await db.select({ total: count() }).from(recordHistory);
  return row?.total ?? 0;
}
