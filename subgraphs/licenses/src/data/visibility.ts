import { type Caller, canRead, type RecordFacts } from '@credit-hub/subgraph-kit';
import { divisionPrefix } from '@credit-hub/uscc';

/** Published (公示) on or before today; a publication dated in the future is not public yet. */
export const isPublic = (publicSince: string | null, today: string) => publicSince !== null && publicSince <= today;

/** What the kit's access policy judges a licence or registration by. */
export const recordFacts = (
  record: { regionCode: string; department?: string },
  publicSince: string | null,
  today: string,
): RecordFacts => ({
  region: record.regionCode,
  owner: record.department ?? null,
  published: isPublic(publicSince, today),
});

/** The public and other regions see published records; supervisors of the region see all of them. */
export const callerSeesRecord = (caller: Caller, record: { regionCode: string }, publicSince: string | null, today: string) =>
  canRead(caller, recordFacts(record, publicSince, today)).allowed;

/** What a search may return, as SQL needs it: everything, published only, or published + one region. */
export type VisibilityScope = { kind: 'all' } | { kind: 'published' } | { kind: 'publishedOrRegion'; regionPrefix: string };

export function visibilityScopeOf(caller: Caller): VisibilityScope {
  // The roles the kit's policy lets read everything (its READS_EVERYTHING): the hub's services too.
  if (caller.role === 'admin' || caller.role === 'analyst' || caller.role === 'service') return { kind: 'all' };
  if (caller.role === 'regulator' && caller.region && /^\d{6}$/.test(caller.region)) {
    return { kind: 'publishedOrRegion', regionPrefix: divisionPrefix(caller.region) };
  }
  return { kind: 'published' };
}
