import { selectValues } from '@credit-hub/db';
import { type BulkRows, bulkRowsOf } from '@credit-hub/subgraph-kit';
import { and, asc, gt, isNotNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { SanctionsDb } from '../db/client.ts';
import { type PenaltyRow, penalties } from '../db/schema.ts';
import { maskIdNumber, penaltyPublication } from '../rules/index.ts';
import { PUBLIC_PENALTY_COLUMNS, PUBLIC_PENALTY_FIELDS } from './outbox-events.ts';
import { publicPenalty } from './visibility-filter.ts';

/** A page request of the service-only bulk routes: decision numbers after `after`, in order. */
export interface PenaltyBulkRequest {
  after: string | null;
  limit: number;
  today: string;
}

const afterKey = (after: string | null): SQL[] => (after === null ? [] : [gt(penalties.decisionNumber, after)]);

/** Only the columns the public shape needs: a 1 M-row export decodes no timestamps nor internal fields. */
const PUBLIC_SELECTION = Object.fromEntries(PUBLIC_PENALTY_COLUMNS.map((column) => [column, penalties[column]])) as {
  [Column in (typeof PUBLIC_PENALTY_COLUMNS)[number]]: (typeof penalties)[Column];
};
const ID_NUMBER_AT = PUBLIC_PENALTY_COLUMNS.indexOf('partyIdNumber');

/**
 * Published penalties as the platform sees them today (the public rule, in SQL), in decision
 * number order (its unique index): the fields of the feed's `penalty.published` (publicPenalty),
 * as bulk rows. Read as arrays of values and sent as they come, but for the ID number masked in
 * place: mapping each row to an object and back cost about half of the subgraph's CPU per row.
 */
export async function readPublicPenaltyPage(db: SanctionsDb, request: PenaltyBulkRequest): Promise<BulkRows> {
  const query = db
    .select(PUBLIC_SELECTION)
    .from(penalties)
    .where(and(publicPenalty(request.today), ...afterKey(request.after)))
    .orderBy(asc(penalties.decisionNumber))
    .limit(request.limit);
  const rows = await selectValues(db, query, 'bulk-penalties');
  for (const row of rows) {
    const idNumber = row[ID_NUMBER_AT];
    if (idNumber !== null) row[ID_NUMBER_AT] = maskIdNumber(idNumber as string);
  }
  return { columns: PUBLIC_PENALTY_FIELDS, rows };
}

/** An entry of the withdrawal list (撤销/修复清单) as the bulk route serves it. */
export interface PenaltyWithdrawal {
  reference: string;
  uscc: string;
  /** Why it left publication: WITHDRAWN (revoked), REPAIRED or PERIOD_ENDED, as on the feed. */
  reason: string;
  on: string;
}

const WITHDRAWAL_COLUMNS: (keyof PenaltyWithdrawal)[] = ['reference', 'uscc', 'reason', 'on'];

const withdrawnOn = (row: PenaltyRow, reason: string | null): string =>
  reason === 'REPAIRED'
    ? (row.repairedOn ?? row.decidedOn)
    : reason === 'PERIOD_ENDED'
      ? (row.publicUntil ?? row.decidedOn)
      : (row.stateChangedOn ?? row.decidedOn);

/**
 * Penalties once published that the platform must take down today: revoked, repaired or past
 * their publication period. The platform learns this from the list, never from a missing row.
 */
export async function readPenaltyWithdrawalPage(db: SanctionsDb, request: PenaltyBulkRequest): Promise<BulkRows> {
  const { today } = request;
  const rows = await db
    .select()
    .from(penalties)
    .where(
      and(
        isNotNull(penalties.publishedOn),
        lte(penalties.publishedOn, today),
        or(sql`${penalties.state} = 'REVOKED'`, lte(penalties.repairedOn, today), lt(penalties.publicUntil, today)),
        ...afterKey(request.after),
      ),
    )
    .orderBy(asc(penalties.decisionNumber))
    .limit(request.limit);
  return bulkRowsOf(
    WITHDRAWAL_COLUMNS,
    rows.map((row): PenaltyWithdrawal => {
      const reason = penaltyPublication(row, row.publicUntil, today).reasonHidden ?? 'WITHDRAWN';
      return { reference: row.decisionNumber, uscc: row.uscc, reason, on: withdrawnOn(row, reason) };
    }),
  );
}
