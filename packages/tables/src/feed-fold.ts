import { addMonths } from '@credit-hub/workdays';
import type { PartyCategory, PenaltyExportRecord, WithdrawalKind, WithdrawalRecord } from './export-rows.ts';
import { PENALTY_TYPES } from './vocabulary.ts';

/** A change event of the exchange's merged feed (public audience), as `changes` serves it. */
export interface FeedEvent {
  id: string;
  kind: string;
  uscc: string;
  occurredAt: string;
  effectiveOn: string | null;
  /** The record as the public sees it (JSON), or the withdrawal `{ id, reference, reason }`. */
  payload: Record<string, unknown>;
  cursor: string;
}

/** A penalty as the sanctions subgraph publishes it on the feed (`publicPenalty`). */
export interface PublicPenalty {
  id: number;
  decisionNumber: string;
  uscc: string;
  violationType: string;
  factsSummary: string;
  legalBasis: string;
  penaltyTypes: string[];
  fineAmountYuan: string | null;
  confiscationAmountYuan: string | null;
  partyType: 'ORGANISATION' | 'NATURAL_PERSON' | 'INDIVIDUAL_BUSINESS_SINGLE';
  /** Already masked by the subgraph; masked again on export all the same. */
  partyIdNumber: string | null;
  restrictionMonths: number | null;
  decidedOn: string;
  authority: string;
  publishedOn: string | null;
  publicUntil: string | null;
}

/** Why a record left publication (withdrawal payload `reason`) → 撤销类型 of the withdrawal list. */
const WITHDRAWAL_KINDS: Record<string, WithdrawalKind> = {
  REPAIRED: '修复',
  REVOKED: '撤销',
  WITHDRAWN: '撤销',
  CHANGED: '变更',
  PERIOD_ENDED: '公示期满',
};

/** A withdrawal as a subgraph's bulk route serves it → an entry of the withdrawal list. */
export function withdrawalRecord(
  dataset: WithdrawalRecord['dataset'],
  entry: { reference: string; uscc: string | null; reason: string | null; on: string },
): WithdrawalRecord {
  return {
    dataset,
    reference: entry.reference,
    uscc: entry.uscc,
    kind: WITHDRAWAL_KINDS[entry.reason ?? ''] ?? '撤销',
    on: entry.on,
    note: entry.reason,
  };
}

/**
 * Folds the feed's penalty events into what the platform must hold after them: the penalties
 * published or updated (latest version per decision number) and the withdrawal list. A penalty
 * withdrawn after it was published in the same range is on the withdrawal list only; one
 * published again after a withdrawal is a data row again.
 */
export function foldPenaltyEvents(events: Iterable<FeedEvent>) {
  const published = new Map<string, { penalty: PublicPenalty; sharedOn: string }>();
  const withdrawn = new Map<string, WithdrawalRecord>();
  for (const event of events) {
    if (event.kind === 'penalty.published' || event.kind === 'penalty.updated') {
      const penalty = event.payload as unknown as PublicPenalty;
      const previous = published.get(penalty.decisionNumber);
      published.set(penalty.decisionNumber, { penalty, sharedOn: previous?.sharedOn ?? event.occurredAt.slice(0, 10) });
      withdrawn.delete(penalty.decisionNumber);
    } else if (event.kind === 'penalty.withdrawn') {
      const payload = event.payload as { reference?: string | null; reason?: string | null };
      const reference = payload.reference ?? '';
      published.delete(reference);
      withdrawn.set(reference, {
        dataset: 'CF',
        reference,
        uscc: event.uscc,
        kind: WITHDRAWAL_KINDS[payload.reason ?? ''] ?? '撤销',
        on: event.effectiveOn ?? event.occurredAt.slice(0, 10),
        note: payload.reason ?? null,
      });
    }
  }
  return { published, withdrawn };
}

const PARTY_CATEGORY: Record<PublicPenalty['partyType'], PartyCategory> = {
  ORGANISATION: '法人及非法人组织',
  NATURAL_PERSON: '自然人',
  INDIVIDUAL_BUSINESS_SINGLE: '个体工商户',
};

const TYPE_NAMES = new Map<string, string>();
for (const [name, value] of Object.entries(PENALTY_TYPES)) if (!TYPE_NAMES.has(value)) TYPE_NAMES.set(value, name);

export interface ExportSource {
  /** 数据来源单位 and its code: the bureau that runs the hub and supplies the data. */
  sourceName: string;
  sourceCode: string | null;
  /** 处罚机关 name → its unified social credit code, where known. */
  authorityCodes?: Record<string, string>;
}

/** A published penalty in the export's shape; the party's name and legal representative come from the enterprises subgraph. */
export function penaltyExportRecord(
  penalty: PublicPenalty,
  party: { name: string; legalRepresentative: string | null } | null,
  source: ExportSource,
): PenaltyExportRecord {
  const names = penalty.penaltyTypes.map((type) => TYPE_NAMES.get(type) ?? type);
  const content = names
    .map((name, index) => {
      const type = penalty.penaltyTypes[index];
      if (type === 'FINE' && penalty.fineAmountYuan) return `${name}人民币${penalty.fineAmountYuan}元`;
      if (type?.startsWith('CONFISCATE') && penalty.confiscationAmountYuan) return `${name}人民币${penalty.confiscationAmountYuan}元`;
      return name;
    })
    .join('，');
  return {
    decisionNumber: penalty.decisionNumber,
    partyName: party?.name ?? '',
    partyCategory: PARTY_CATEGORY[penalty.partyType] ?? '法人及非法人组织',
    uscc: penalty.uscc,
    legalRepresentative: party?.legalRepresentative ?? null,
    partyIdNumber: penalty.partyIdNumber,
    violationType: penalty.violationType,
    facts: penalty.factsSummary,
    legalBasis: penalty.legalBasis,
    penaltyCategories: names.join(';'),
    content,
    fineYuan: penalty.fineAmountYuan,
    confiscatedYuan: penalty.confiscationAmountYuan,
    suspendedLicences: null,
    decidedOn: penalty.decidedOn,
    // 处罚有效期: the end of a restriction; a penalty without one has no end (长期).
    effectiveUntil: penalty.restrictionMonths ? addMonths(penalty.decidedOn, penalty.restrictionMonths) : null,
    publicUntil: penalty.publicUntil,
    authority: penalty.authority,
    authorityCode: source.authorityCodes?.[penalty.authority] ?? null,
    sourceName: source.sourceName,
    sourceCode: source.sourceCode,
    note: null,
  };
}
