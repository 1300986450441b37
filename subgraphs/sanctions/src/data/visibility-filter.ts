import { and, gte, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import { abnormalOperations, penalties, seriousViolations } from '../db/schema.ts';
import { inRegion } from './region-filter.ts';

/**
 * Who a search runs for: `all` (analysts, admins), a region the caller sees in full (regulators),
 * or only what is public today. Outside its region a regulator sees what the public sees.
 */
export type Audience = { kind: 'all' } | { kind: 'region'; region: string } | { kind: 'public' };

/** The public rule of publication-period.ts, in SQL, for penalties. */
export const publicPenalty = (today: string): SQL =>
  and(
    lte(penalties.publishedOn, today),
    gte(penalties.publicUntil, today),
    inArray(penalties.state, ['IN_FORCE', 'CHANGED']),
    isNull(penalties.repairedOn),
  ) as SQL;

export const publicAbnormal = (today: string): SQL =>
  and(lte(abnormalOperations.listedOn, today), isNull(abnormalOperations.revokedOn), isNull(abnormalOperations.repairedOn)) as SQL;

/** Listing-period end is listed_on + 3 years, so "still public" is listed_on ≥ the earliest day still inside it. */
export const publicSerious = (today: string, earliestPublicListedOn: string): SQL =>
  and(
    lte(seriousViolations.listedOn, today),
    gte(seriousViolations.listedOn, earliestPublicListedOn),
    isNull(seriousViolations.revokedOn),
    isNull(seriousViolations.repairedOn),
  ) as SQL;

export function audienceCondition(audience: Audience, regionColumn: Parameters<typeof inRegion>[0], publicRule: SQL): SQL | undefined {
  if (audience.kind === 'all') return undefined;
  if (audience.kind === 'public') return publicRule;
  return or(inRegion(regionColumn, audience.region), publicRule);
}
