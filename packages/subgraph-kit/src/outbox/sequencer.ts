import { sql } from 'drizzle-orm';
import { type OutboxExecutor, rowsOf } from './append.ts';

// biome-ignore lint/suspicious/noExplicitAny: any database of any table set
type TransactionalDb = OutboxExecutor & { transaction<T>(work: (tx: any) => Promise<T>): Promise<T> };

const SEQUENCER_LOCK = 'credit-hub:outbox-sequencer';
const BATCH = 5_000;

/**
 * Numbers committed outbox rows (the "commit out of order" problem): a transaction that started
 * first may commit last, so ids or insert order are not a safe feed order — a reader that moved
 * past a later row would skip the earlier one forever. Positions are therefore handed out here,
 * AFTER commit: one sequencer at a time (transaction-scoped advisory lock plus the state row
 * lock), numbering only the rows it can see — committed ones — with no position yet, in id
 * order, continuing from the last position. A row that commits late simply gets a later
 * position. Readers only ever see positions whose sequencer transaction committed, and those
 * commit in position order, so `position > cursor` never misses a row.
 */
export async function sequenceOutbox(db: TransactionalDb): Promise<number> {
  return db.transaction(async (tx: OutboxExecutor) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${SEQUENCER_LOCK}, 0))`);
    await tx.execute(sql`insert into outbox_state (id) values (1) on conflict (id) do nothing`);
    const [state] = rowsOf<{ last_position: string | number }>(
      await tx.execute(sql`select last_position from outbox_state where id = 1 for update`),
    );
    const last = Number(state?.last_position ?? 0);
    const numbered = rowsOf<{ position: string | number }>(
      await tx.execute(sql`
        with pending as (
          select id, row_number() over (order by id) as n
          from (select id from outbox where position is null order by id limit ${BATCH}) p
        )
        update outbox o set position = ${last} + pending.n, sequenced_at = now()
        from pending where o.id = pending.id
        returning o.position`),
    );
    if (numbered.length === 0) return 0;
    await tx.execute(sql`update outbox_state set last_position = ${last + numbered.length} where id = 1`);
    return numbered.length;
  });
}

/** Sequences until nothing is pending (more than one batch after a burst). */
export async function sequenceAll(db: TransactionalDb): Promise<number> {
  return sequenceUpTo(db, Number.POSITIVE_INFINITY);
}

/**
 * Sequences batch after batch until nothing is pending or at least `wanted` rows were numbered:
 * a reader asking for a page of `wanted` events after a burst gets a full page, not one batch's
 * worth, and a `follow=false` read does not stop at a head that only trails the burst.
 */
export async function sequenceUpTo(db: TransactionalDb, wanted: number): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await sequenceOutbox(db);
    total += count;
    if (count < BATCH || total >= wanted) return total;
  }
}

/**
 * Drops sequenced events older than `retentionDays` (a prefix by position, so the feed never has
 * holes) and records how far it pruned: a cursor before that answers "take a snapshot".
 */
export async function pruneOutbox(db: TransactionalDb, retentionDays: number): Promise<number> {
  return db.transaction(async (tx: OutboxExecutor) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${SEQUENCER_LOCK}, 0))`);
    const [edge] = rowsOf<{ through: string | number | null }>(
      await tx.execute(sql`
        select max(position) as through from outbox
        where position is not null and sequenced_at < now() - make_interval(days => ${retentionDays})`),
    );
    const through = edge?.through == null ? null : Number(edge.through);
    if (through === null) return 0;
    const deleted = rowsOf(await tx.execute(sql`delete from outbox where position <= ${through} returning position`));
    await tx.execute(sql`insert into outbox_state (id) values (1) on conflict (id) do nothing`);
    await tx.execute(sql`update outbox_state set pruned_through = greatest(pruned_through, ${through}) where id = 1`);
    return deleted.length;
  });
}

export type { TransactionalDb };
