import type { BulkRows } from '@credit-hub/subgraph-kit';
import type { PublicPenalty } from '@credit-hub/tables';

/**
 * Reads the rows of a `/bulk/penalties` page as penalties: each field taken at its column's
 * position, found once for the page, into objects of one literal shape (cheaper to build and read
 * than objects keyed by the page's column names, a million times in a snapshot). One row at a
 * time, as it is written: a whole page of them alive at once outlived the young generation and
 * grew the exchange's heap.
 */
export function publicPenaltyReader(columns: BulkRows['columns']): (row: unknown[]) => PublicPenalty {
  const at = (field: keyof PublicPenalty) => {
    const index = columns.indexOf(field);
    if (index < 0) throw new Error(`bulk penalties lack the column ${field}`);
    return index;
  };
  const id = at('id');
  const decisionNumber = at('decisionNumber');
  const uscc = at('uscc');
  const violationType = at('violationType');
  const factsSummary = at('factsSummary');
  const legalBasis = at('legalBasis');
  const penaltyTypes = at('penaltyTypes');
  const fineAmountYuan = at('fineAmountYuan');
  const confiscationAmountYuan = at('confiscationAmountYuan');
  const partyType = at('partyType');
  const partyIdNumber = at('partyIdNumber');
  const restrictionMonths = at('restrictionMonths');
  const decidedOn = at('decidedOn');
  const authority = at('authority');
  const publishedOn = at('publishedOn');
  const publicUntil = at('publicUntil');
  return (row): PublicPenalty => ({
    id: row[id] as number,
    decisionNumber: row[decisionNumber] as string,
    uscc: row[uscc] as string,
    violationType: row[violationType] as string,
    factsSummary: row[factsSummary] as string,
    legalBasis: row[legalBasis] as string,
    penaltyTypes: row[penaltyTypes] as string[],
    fineAmountYuan: row[fineAmountYuan] as string | null,
    confiscationAmountYuan: row[confiscationAmountYuan] as string | null,
    partyType: row[partyType] as PublicPenalty['partyType'],
    partyIdNumber: row[partyIdNumber] as string | null,
    restrictionMonths: row[restrictionMonths] as number | null,
    decidedOn: row[decidedOn] as string,
    authority: row[authority] as string,
    publishedOn: row[publishedOn] as string | null,
    publicUntil: row[publicUntil] as string | null,
  });
}
