import { builder } from '../builder.ts';
import type { CurrentResult } from '../data/result-store.ts';
import type { RunView } from '../data/run-store.ts';

/** Every object type, declared before any is implemented, so type files can refer to each other. */
export const EnterpriseRef = builder.externalRef('Enterprise', builder.selection<{ uscc: string }>('uscc'));

/** A class as read: the chosen result and the enterprise's effective results of every month. */
export interface CreditRiskView {
  result: CurrentResult;
  byMonth: Map<string, CurrentResult>;
}
export const CreditRiskRef = builder.objectRef<CreditRiskView>('CreditRisk');
export const RiskRunRef = builder.objectRef<RunView>('RiskRun');
