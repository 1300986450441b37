import { and, asc, gt, isNotNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { SanctionsDb } from '../db/client.ts';
import { type PenaltyRow, penalties } from '../db/schema.ts';
import { penaltyPublication } from '../rules/index.ts';
import { PUBLIC_PENALTY_COLUMNS, publicPenalty as publicPenaltyPayload } from './outbox-events.ts';
import { publicPenalty } from './visibility-filter.ts';

/** A page request of the service-only bulk routes: decision numbers after `after`, in order. */
export interface PenaltyBulkRequest {
  after: string | null;
  limit: number;
  today: string;
}

const afterKey = (after: string | null): SQL[] => (after === null ? [] : [gt(penalties.decisionNumber, after)]);

/**
 * Published penalties as the platform sees them today (the public rule, in SQL), in decision
 * number order (its unique index), each in the shape the feed's `penalty.published` carries.
 */
/** Only the columns the public shape needs: a 1 M-row export decodes no timestamps nor internal fields. */
const PUBLIC_SELECTION = Object.fromEntries(PUBLIC_PENALTY_COLUMNS.map((column) => [column, penalties[column]])) as {
  [Column in (typeof PUBLIC_PENALTY_COLUMNS)[number]]: (typeof penalties)[Column];
};

export async function readPublicPenaltyPage(db: SanctionsDb, request: PenaltyBulkRequest) {
  const rows = await db
    .select(PUBLIC_SELECTION)
    .from(penalties)
    .where(and(publicPenalty(request.today), ...afterKey(request.after)))
    .orderBy(asc(penalties.decisionNumber))
    .limit(request.limit);
  return rows.map(publicPenaltyPayload);
}

/** An entry of the withdrawal list (撤销/修复清单) as the bulk route serves it. */
export interface PenaltyWithdrawal {
  reference: string;
  uscc: string;
  /** Why it left publication: WITHDRAWN (revoked), REPAIRED or PERIOD_ENDED, as on the feed. */
  reason: string;
  on: string;
}

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
export async function readPenaltyWithdrawalPage(db: SanctionsDb, request: PenaltyBulkRequest): Promise<PenaltyWithdrawal[]> {
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
  return rows.map((row) => {
    const reason = penaltyPublication(row, row.publicUntil, today).reasonHidden ?? 'WITHDRAWN';
    return { reference: row.decisionNumber, uscc: row.uscc, reason, on: withdrawnOn(row, reason) };
  });
}
