import { type ComputedDate, defineImportRowType } from '@credit-hub/subgraph-kit';
import { builder } from '../builder.ts';
import type {
  AbnormalOperationRow,
  CreditCommitmentRow,
  CreditRepairRow,
  ObjectionRow,
  PenaltyRow,
  RecordHistoryRow,
  SeriousViolationRow,
} from '../db/schema.ts';
import type { Publication, RepairEligibility } from '../rules/index.ts';

/**
 * Every object type of the subgraph, declared before any is implemented, so that type files can
 * refer to each other (a repair to its penalty, a penalty to its repairs) without import cycles.
 */
export const EnterpriseRef = builder.externalRef('Enterprise', builder.selection<{ uscc: string }>('uscc'));
export const PenaltyRef = builder.objectRef<PenaltyRow>('Penalty');
export const AbnormalOperationRef = builder.objectRef<AbnormalOperationRow>('AbnormalOperation');
export const SeriousViolationRef = builder.objectRef<SeriousViolationRow>('SeriousViolation');
export const CreditRepairRef = builder.objectRef<CreditRepairRow>('CreditRepair');
export const CreditCommitmentRef = builder.objectRef<CreditCommitmentRow>('VerifiableCommitment');
export const ObjectionRef = builder.objectRef<ObjectionRow>('Objection');
export const HistoryEntryRef = builder.objectRef<RecordHistoryRow>('SanctionHistoryEntry');
export const ImportRowRef = defineImportRowType(builder);

export type PublicationView = Publication & {
  dualPublicationDeadline?: string | null;
  nationalPublicationDeadline?: string | null;
  withdrawalDeadline?: string | null;
  publicUntilExplanation?: ComputedDate | null;
  dualPublicationDeadlineExplanation?: ComputedDate | null;
  nationalPublicationDeadlineExplanation?: ComputedDate | null;
  withdrawalDeadlineExplanation?: ComputedDate | null;
};
export const PublicationRef = builder.objectRef<PublicationView>('SanctionPublication');
export const RepairEligibilityRef = builder.objectRef<RepairEligibility>('RepairEligibility');
