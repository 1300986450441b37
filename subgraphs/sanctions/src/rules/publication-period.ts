import { addWorkingDays } from '@credit-hub/workdays';
import { periodEnd } from './calendar-periods.ts';
import type { SanctionRules } from './config.ts';
import type { PenaltyType } from './penalty-types.ts';

/** How long a penalty is published: never (警告 only), 3 months, or 3 years. */
export type PublicationClass = 'NONE' | 'SHORT' | 'LONG';

/** Why the public does not see a record today (null: it does). */
export type HiddenReason = 'NEVER_PUBLISHED' | 'NOT_YET_PUBLISHED' | 'PERIOD_ENDED' | 'WITHDRAWN' | 'REPAIRED';

export type PenaltyState = 'IN_FORCE' | 'CHANGED' | 'REVOKED' | 'REPAIRED';

export interface PenaltyFacts {
  penaltyTypes: readonly PenaltyType[];
  /** 罚款金额, yuan; null without a fine. */
  fineAmount: number | null;
  decidedOn: string;
  publishedOn: string | null;
  state: PenaltyState;
  repairedOn: string | null;
}

/** 仅警告: a decision whose only penalty is a warning, never published. */
export const isWarningOnly = (types: readonly PenaltyType[]) => types.every((type) => type === 'WARNING');

const SHORT_TYPES: ReadonlySet<PenaltyType> = new Set(['CIRCULATED_CRITICISM', 'FINE']);

/**
 * 市场监督管理行政处罚信息公示规定: a penalty that is only a 警告 is not published; one that is
 * only 通报批评 and/or a low fine is published 3 months; everything else 3 years. A 警告 beside
 * other types does not lengthen or shorten the period: it is itself never published.
 */
export function publicationClass(types: readonly PenaltyType[], fineAmount: number | null, rules: SanctionRules): PublicationClass {
  if (isWarningOnly(types)) return 'NONE';
  const published = types.filter((type) => type !== 'WARNING');
  const onlyLight = published.every((type) => SHORT_TYPES.has(type));
  const lowFine = !published.includes('FINE') || (fineAmount ?? 0) <= rules.lowFineThreshold;
  return onlyLight && lowFine ? 'SHORT' : 'LONG';
}

/** Last day the penalty is published (inclusive), or null when it is never published. */
export function penaltyPublicUntil(
  publishedOn: string | null,
  types: readonly PenaltyType[],
  fineAmount: number | null,
  rules: SanctionRules,
): string | null {
  const kind = publicationClass(types, fineAmount, rules);
  if (kind === 'NONE' || !publishedOn) return null;
  return periodEnd(publishedOn, kind === 'SHORT' ? rules.shortPublicationMonths : rules.longPublicationMonths);
}

/** Latest publication dates the law allows: 双公示 (7 working days) and the national system (20). */
export function publicationDeadlines(decidedOn: string, rules: SanctionRules) {
  return {
    dualPublication: addWorkingDays(decidedOn, rules.dualPublicationWorkingDays),
    national: addWorkingDays(decidedOn, rules.nationalPublicationWorkingDays),
  };
}

/** A changed or revoked penalty must leave publication by this day. */
export const withdrawalDeadline = (changedOn: string, rules: SanctionRules) => addWorkingDays(changedOn, rules.withdrawalWorkingDays);

export interface Publication {
  publishedOn: string | null;
  publicUntil: string | null;
  visibleToPublic: boolean;
  reasonHidden: HiddenReason | null;
}

/** Whether the public sees a penalty today, and if not, why. */
export function penaltyPublication(penalty: PenaltyFacts, publicUntil: string | null, today: string): Publication {
  const reasonHidden: HiddenReason | null =
    penalty.state === 'REVOKED'
      ? 'WITHDRAWN'
      : penalty.repairedOn && penalty.repairedOn <= today
        ? 'REPAIRED'
        : isWarningOnly(penalty.penaltyTypes)
          ? 'NEVER_PUBLISHED'
          : !penalty.publishedOn || penalty.publishedOn > today
            ? 'NOT_YET_PUBLISHED'
            : publicUntil !== null && today > publicUntil
              ? 'PERIOD_ENDED'
              : null;
  return { publishedOn: penalty.publishedOn, publicUntil, visibleToPublic: reasonHidden === null, reasonHidden };
}

/** In force on `day`: decided by then and not revoked (撤销 voids a decision from the start). */
export const penaltyInForceOn = (penalty: Pick<PenaltyFacts, 'decidedOn' | 'state'>, day: string) =>
  penalty.decidedOn <= day && penalty.state !== 'REVOKED';

/**
 * What the public could see for `day`: in force and published that day, and not repaired by
 * `today` (a repair removes the record from every public view, past days included).
 */
export function penaltyPublicOn(penalty: PenaltyFacts, publicUntil: string | null, day: string, today: string): boolean {
  if (!penaltyInForceOn(penalty, day) || (penalty.repairedOn && penalty.repairedOn <= today)) return false;
  if (!penalty.publishedOn || publicUntil === null) return false;
  return penalty.publishedOn <= day && day <= publicUntil && penalty.publishedOn <= today;
}

/** Penalties decided within the 3 years up to `today` count in the risk summary. */
export const decidedWithinYears = (decidedOn: string, today: string, years: number) =>
  decidedOn <= today && periodEnd(decidedOn, years * 12) >= today;
