import { TEXT } from '@credit-hub/subgraph-kit';
import { builder } from '../builder.ts';
import type { AbnormalOperationRow, SeriousViolationRow } from '../db/schema.ts';

/** State shown for a listing; the 3-year end of a serious listing counts as a removal. */
export function listingState(row: AbnormalOperationRow | SeriousViolationRow, effectiveRemoval: string | null, today: string) {
  if (row.revokedOn) return 'REVOKED' as const;
  if (row.repairedOn) return 'REPAIRED' as const;
  if (effectiveRemoval && effectiveRemoval <= today) return 'REMOVED' as const;
  return 'LISTED' as const;
}

export const ListingFilterInput = builder.inputType('ListingFilter', {
  description: '名单检索条件 Filters for listing searches; all given filters must hold.',
  fields: (t) => ({
    regionCode: t.string({ description: '区划 Division code or prefix: 14 / 140000, 1408 / 140800, 140802.', bounds: TEXT.code }),
    authorityContains: t.string({ description: '作出决定机关 Fragment of the listing authority.', bounds: TEXT.name }),
    listedFrom: t.field({ type: 'Date', description: '列入日期起 Listed on or after.' }),
    listedTo: t.field({ type: 'Date', description: '列入日期止 Listed on or before.' }),
    currentOnly: t.boolean({ description: '仅列入中 Only listings in force today.' }),
  }),
});
