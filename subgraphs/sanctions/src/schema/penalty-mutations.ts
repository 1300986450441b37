import {
  badUserInput,
  claimedRegionFieldOptions,
  IMPORT_BATCH_BOUNDS,
  type ImportRowResult,
  keyExists,
  keyExistsOutcome,
  notFound,
  requireNumericId,
  requireValidUscc,
  requireYuan,
  runSetBasedImportBatch,
  TEXT,
  usccsOf,
  yuanToFen,
} from '@credit-hub/subgraph-kit';
import { assertDateWithin, assertOwnsRecord, newRecordOwner, requireText } from '../access.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { penaltyEvents } from '../data/outbox-events.ts';
import {
  getPenaltyByDecisionNumber,
  getPenaltyHoldersByDecisionNumbers,
  insertPenalties,
  type NewPenalty,
  type PenaltyHolder,
} from '../data/penalty-store.ts';
import { type ChangeMeta, changePenalty, recordCreations, stateConflict } from '../data/transitions.ts';
import type { SanctionsExecutor } from '../db/client.ts';
import type { PenaltyRow } from '../db/schema.ts';
import {
  checkDecisionNumber,
  normalizeDecisionNumber,
  type PartyType,
  type PenaltyFacts,
  type PenaltyType,
  type Procedure,
  penaltyPublicUntil,
  publicationClass,
  RESTRICTION_TYPES,
  type SanctionDomain,
} from '../rules/index.ts';
import { penaltyFacts } from '../views.ts';
import { PartyTypeEnum, PenaltyTypeEnum, ProcedureEnum, SanctionDomainEnum } from './enums.ts';
import { ImportRowRef, PenaltyRef } from './refs.ts';

export const writers = { $any: { regulator: true, admin: true } } as const;

interface PenaltyContent {
  violationType: string;
  factsSummary: string;
  legalBasis: string;
  penaltyTypes: PenaltyType[];
  /** Yuan, exact decimal strings. */
  fineAmount: string | null;
  confiscationAmount: string | null;
  caseDomain: SanctionDomain;
  procedure: Procedure;
  partyType: PartyType;
  partyIdNumber: string | null;
  restrictionMonths: number | null;
  heavyDiscretion: boolean;
}

/** 居民身份证号码 (GB 11643): 17 digits and a check character. */
const ID_NUMBER = /^\d{17}[\dX]$/;

const CONFISCATIONS: readonly PenaltyType[] = ['CONFISCATE_ILLEGAL_GAINS', 'CONFISCATE_ILLEGAL_PROPERTY'];

/** The content rules every write of a penalty obeys; each failure names its field. */
function validateContent(input: PenaltyContent, prefix: string): PenaltyContent {
  const fail = (field: string, reason: string, message: string) => {
    throw badUserInput(`${prefix}.${field}: ${message}`, { field: `${prefix}.${field}`, reason });
  };
  // A change may send null for any field; these have no "empty" value, so null is refused by name.
  for (const field of ['caseDomain', 'procedure', 'partyType', 'heavyDiscretion'] as const) {
    if (input[field] == null) fail(field, 'EMPTY', `${field} cannot be empty`);
  }
  const fineAmount = input.fineAmount == null ? null : requireYuan(input.fineAmount, `${prefix}.fineAmount`);
  const confiscationAmount =
    input.confiscationAmount == null ? null : requireYuan(input.confiscationAmount, `${prefix}.confiscationAmount`);
  const types = [...new Set(input.penaltyTypes ?? [])];
  if (types.length === 0) fail('penaltyTypes', 'EMPTY', 'a decision has at least one penalty type');
  const fined = types.includes('FINE');
  if (fined && !(fineAmount != null && yuanToFen(fineAmount) > 0n)) fail('fineAmount', 'MISSING', 'a fine needs a positive amount');
  if (!fined && fineAmount != null) fail('fineAmount', 'UNEXPECTED', 'an amount needs the FINE penalty type');
  const confiscates = types.some((type) => CONFISCATIONS.includes(type));
  if (confiscationAmount != null && !confiscates) {
    fail('confiscationAmount', 'UNEXPECTED', 'a confiscated amount needs a confiscation type');
  }
  const restricts = types.some((type) => RESTRICTION_TYPES.has(type));
  const months = input.restrictionMonths;
  if (months != null && !restricts)
    fail('restrictionMonths', 'UNEXPECTED', 'a restriction length needs RESTRICT_EMPLOYMENT or RESTRICT_OPERATION');
  if (months != null && !(Number.isInteger(months) && months >= 1 && months <= 1200)) {
    fail('restrictionMonths', 'OUT_OF_RANGE', 'a restriction lasts 1–1200 whole months');
  }
  const idNumber = input.partyIdNumber?.trim().toUpperCase() || null;
  if (idNumber && input.partyType === 'ORGANISATION') fail('partyIdNumber', 'UNEXPECTED', 'an ID number belongs to a natural-person party');
  if (idNumber && !ID_NUMBER.test(idNumber)) fail('partyIdNumber', 'FORMAT', 'an ID number is 17 digits and a check digit or X');
  if (input.heavyDiscretion && !fined) fail('heavyDiscretion', 'UNEXPECTED', 'heavy discretion describes a fine');
  // Written out, not spread: see preparePenalty.
  return {
    violationType: requireText(input.violationType, `${prefix}.violationType`),
    factsSummary: requireText(input.factsSummary, `${prefix}.factsSummary`),
    legalBasis: requireText(input.legalBasis, `${prefix}.legalBasis`),
    penaltyTypes: types,
    fineAmount,
    confiscationAmount,
    caseDomain: input.caseDomain,
    procedure: input.procedure,
    partyType: input.partyType,
    partyIdNumber: idNumber,
    restrictionMonths: input.restrictionMonths,
    heavyDiscretion: input.heavyDiscretion,
  };
}

const contentFields = <Required extends boolean>(
  t: Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0],
  required: Required,
) => ({
  violationType: t.string({
    required,
    description: '违法行为类型 Type of violation, e.g. 生产经营不符合食品安全标准的食品.',
    bounds: TEXT.line,
  }),
  factsSummary: t.string({ required, description: '违法事实 Summary of the facts.', bounds: TEXT.longText }),
  legalBasis: t.string({
    required,
    description: '处罚依据 Legal basis, e.g. 《中华人民共和国食品安全法》第一百二十四条.',
    bounds: TEXT.text,
  }),
  penaltyTypes: t.field({ type: [PenaltyTypeEnum], required, description: '处罚种类 One or more penalty types.' }),
  fineAmount: t.field({
    type: 'Decimal',
    description:
      '罚款金额（元） Fine in yuan as a decimal string ("4999.50") or whole number, at most 2 decimals; required with FINE, refused without it.',
  }),
  confiscationAmount: t.field({
    type: 'Decimal',
    description: '没收金额（元） Confiscated amount in yuan (decimal string, at most 2 decimals), with a confiscation type.',
  }),
  procedure: t.field({
    type: ProcedureEnum,
    description: '处罚程序 ORDINARY (default) or SIMPLE: simple-procedure decisions are never published.',
  }),
  partyType: t.field({
    type: PartyTypeEnum,
    description: '当事人类别 Default ORGANISATION; decides the provincial lower-fine threshold.',
  }),
  partyIdNumber: t.string({ description: '身份证号码 ID number of a natural-person party; masked in what the public sees.' }),
  restrictionMonths: t.int({
    description: '限制期限（月） Length of a restriction of employment or operation; longer than 36 months is published as long.',
  }),
  heavyDiscretion: t.boolean({
    description: '从重处罚 The fine is at the heavy end of the discretion benchmark (a heavier penalty: grounds for a serious listing).',
  }),
  caseDomain: t.field({
    type: SanctionDomainEnum,
    required,
    description: '案件领域 Domain of the case (food, drug, special equipment wait a year for repair).',
  }),
});

const WithholdPublicationInput = builder.inputType('WithholdPublicationInput', {
  description: '不予公示审批 Approval to withhold a decision from publication.',
  fields: (t) => ({
    reason: t.string({ required: true, description: '理由 Why it is not published (e.g. 涉及国家秘密).' }),
    approvedBy: t.string({ required: true, description: '批准人 Who approved, e.g. 局长 张某.' }),
  }),
});

const RecordPenaltyInput = builder.inputType('RecordPenaltyInput', {
  description: '行政处罚录入 A penalty decision, recorded by the deciding department.',
  fields: (t) => ({
    uscc: t.string({ required: true, description: '统一社会信用代码 of the penalised enterprise.', bounds: TEXT.code }),
    regionCode: t.string(claimedRegionFieldOptions),
    decisionNumber: t.string({
      required: true,
      description: '决定书文号, e.g. 晋市监处罚〔2024〕12号; the year must be the year of the decision.',
      bounds: TEXT.reference,
    }),
    decidedOn: t.field({ type: 'Date', required: true, description: '处罚决定日期 Day of the decision.' }),
    authority: t.string({ required: true, description: '处罚机关 Deciding authority, e.g. 运城市市场监督管理局.', bounds: TEXT.name }),
    publishedOn: t.field({
      type: 'Date',
      description: '公示日期 Day publication began; defaults to today. Not allowed for a warning-only decision (never published).',
    }),
    withheld: t.field({
      type: WithholdPublicationInput,
      description: '经批准不予公示 Withhold publication by approval (行政处罚信息公示规定 第六条), with the reason and approver recorded.',
    }),
    ...contentFields(t, true),
  }),
});

const PenaltyChangesInput = builder.inputType('PenaltyChangesInput', {
  description: '处罚决定变更 New content of a changed decision; omitted fields stay as they are.',
  fields: (t) => contentFields(t, false),
});

const ChangeDecisionInput = builder.inputType('ChangeDecisionInput', {
  description: '变更/撤销决定 The decision behind a change: when, why and its reference.',
  fields: (t) => ({
    effectiveOn: t.field({ type: 'Date', description: '决定日期 Day of the decision; defaults to today.' }),
    reason: t.string({ required: true, description: '理由 Why.', bounds: TEXT.text }),
    decisionReference: t.string({
      required: true,
      description: '决定书文号 Reference of the change or revocation decision.',
      bounds: TEXT.reference,
    }),
  }),
});

export const changeMeta = (
  ctx: Context,
  input: { reason?: string | null; decisionReference?: string | null },
  effectiveOn: string,
): ChangeMeta => ({
  actor: ctx.caller.sub,
  department: ctx.caller.dept,
  reason: input.reason ? requireText(input.reason, 'input.reason') : null,
  decisionReference: input.decisionReference?.trim() || null,
  effectiveOn,
  clock: { today: ctx.today, rules: ctx.rules },
});

export async function loadPenaltyForWrite(ctx: Context, id: string | number): Promise<PenaltyRow> {
  const penalty = await ctx.loaders.penalty.load(requireNumericId(id, 'id'));
  if (!penalty) throw notFound(`no penalty with id ${id} (处罚记录不存在)`, { field: 'id' });
  assertOwnsRecord(ctx, penaltyFacts(penalty, ctx), `penalty ${id}`, 'id');
  return penalty;
}

/** A changed decision: content replaced, state CHANGED, publication period recomputed from the original start. */
export function changedPenaltyPatch(
  ctx: Context,
  current: PenaltyRow,
  changes: Partial<PenaltyContent>,
  effectiveOn: string,
  prefix: string,
) {
  if (current.state === 'REVOKED' || current.state === 'REPAIRED') {
    throw stateConflict(`penalty ${current.decisionNumber} is ${current.state} and can no longer be changed`);
  }
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<PenaltyContent>;
  const before: PenaltyContent = {
    violationType: current.violationType,
    factsSummary: current.factsSummary,
    legalBasis: current.legalBasis,
    penaltyTypes: current.penaltyTypes,
    fineAmount: current.fineAmount,
    confiscationAmount: current.confiscationAmount,
    caseDomain: current.caseDomain,
    procedure: current.procedure,
    partyType: current.partyType,
    partyIdNumber: current.partyIdNumber,
    restrictionMonths: current.restrictionMonths,
    heavyDiscretion: current.heavyDiscretion,
  };
  const next = validateContent({ ...before, ...defined }, prefix);
  const facts = { ...current, ...next };
  const publishedOn = publicationClass(facts, ctx.rules) === 'NONE' ? null : current.publishedOn;
  return {
    patch: {
      ...next,
      publishedOn,
      publicUntil: penaltyPublicUntil(facts, publishedOn, ctx.rules),
      state: 'CHANGED' as const,
      stateChangedOn: effectiveOn,
    },
    action: 'CHANGED',
    before,
  };
}

export function revokedPenaltyPatch(current: PenaltyRow, effectiveOn: string) {
  if (current.state === 'REVOKED') throw stateConflict(`penalty ${current.decisionNumber} is already revoked`);
  return { patch: { state: 'REVOKED' as const, stateChangedOn: effectiveOn }, action: 'REVOKED' };
}

/** Everything recordPenalty checks before it writes, for the form and the bulk import alike: the row to insert, or the error that refuses it. */
async function preparePenalty(ctx: Context, input: typeof RecordPenaltyInput.$inferInput): Promise<NewPenalty> {
  const uscc = requireValidUscc(input.uscc, 'input.uscc', ctx.allowList);
  const decisionNumber = normalizeDecisionNumber(input.decisionNumber);
  const problem = checkDecisionNumber(decisionNumber, input.decidedOn);
  if (problem) {
    const message =
      problem === 'YEAR_MISMATCH'
        ? 'the year in 〔〕 must be the year of the decision'
        : 'expected text with the year in brackets and a number before 号, e.g. 晋市监处罚〔2024〕12号 or 运市监罚字〔2024〕3号';
    throw badUserInput(`input.decisionNumber: ${message}`, { field: 'input.decisionNumber', reason: problem });
  }
  assertDateWithin(input.decidedOn, 'input.decidedOn', { today: ctx.today });
  const content = validateContent(
    {
      violationType: input.violationType,
      factsSummary: input.factsSummary,
      legalBasis: input.legalBasis,
      penaltyTypes: input.penaltyTypes,
      fineAmount: input.fineAmount ?? null,
      confiscationAmount: input.confiscationAmount ?? null,
      caseDomain: input.caseDomain,
      procedure: input.procedure ?? 'ORDINARY',
      partyType: input.partyType ?? 'ORGANISATION',
      partyIdNumber: input.partyIdNumber ?? null,
      restrictionMonths: input.restrictionMonths ?? null,
      heavyDiscretion: input.heavyDiscretion ?? false,
    },
    'input',
  );
  const withheldReason = input.withheld ? requireText(input.withheld.reason, 'input.withheld.reason') : null;
  const withheldApprovedBy = input.withheld ? requireText(input.withheld.approvedBy, 'input.withheld.approvedBy') : null;
  // Whether a decision is published at all does not depend on the region (only its period does).
  // The facts are written out, not spread: a bulk import prepares 500 rows a call, and spreading
  // these records into one another cost more than the rules they feed.
  const facts: PenaltyFacts = {
    penaltyTypes: content.penaltyTypes,
    fineAmount: content.fineAmount,
    decidedOn: input.decidedOn,
    regionCode: uscc.slice(2, 8),
    procedure: content.procedure,
    partyType: content.partyType,
    restrictionMonths: content.restrictionMonths,
    withheldReason,
  };
  const neverPublished = publicationClass(facts, ctx.rules) === 'NONE';
  if (neverPublished && input.publishedOn) {
    throw badUserInput('input.publishedOn: this decision is never published (warning only, simple procedure, or withheld by approval)', {
      field: 'input.publishedOn',
      reason: 'NOT_PUBLISHABLE',
    });
  }
  const publishedOn = neverPublished ? null : (input.publishedOn ?? ctx.today);
  if (publishedOn) assertDateWithin(publishedOn, 'input.publishedOn', { today: ctx.today, notBefore: input.decidedOn });
  const owner = await newRecordOwner(ctx, uscc, input.regionCode, 'input.regionCode');
  const authority = requireText(input.authority, 'input.authority');
  facts.regionCode = owner.regionCode;
  return {
    regionCode: owner.regionCode,
    department: owner.department,
    recordedBy: owner.recordedBy,
    violationType: content.violationType,
    factsSummary: content.factsSummary,
    legalBasis: content.legalBasis,
    penaltyTypes: content.penaltyTypes,
    fineAmount: content.fineAmount,
    confiscationAmount: content.confiscationAmount,
    caseDomain: content.caseDomain,
    procedure: content.procedure,
    partyType: content.partyType,
    partyIdNumber: content.partyIdNumber,
    restrictionMonths: content.restrictionMonths,
    heavyDiscretion: content.heavyDiscretion,
    withheldReason,
    withheldApprovedBy,
    uscc,
    decisionNumber,
    decidedOn: input.decidedOn,
    authority,
    publishedOn,
    publicUntil: penaltyPublicUntil(facts, publishedOn, ctx.rules),
  };
}

/** Inserts prepared penalties with their feed events and history, in the caller's transaction; a decision number already stored is skipped. */
async function insertPenaltyRecords(ctx: Context, tx: SanctionsExecutor, rows: NewPenalty[]): Promise<PenaltyRow[]> {
  const inserted = await insertPenalties(tx, rows);
  const clock = { today: ctx.today, rules: ctx.rules };
  await recordCreations(tx, inserted, {
    kind: 'PENALTY',
    action: 'RECORDED',
    state: (row) => row.state,
    events: (row) => penaltyEvents(null, row, clock),
    meta: (row) => changeMeta(ctx, { decisionReference: row.decisionNumber }, row.decidedOn),
  });
  return inserted;
}

/**
 * A decision number already stored: this very record again (unchanged) or another one's
 * (KEY_TAKEN). The arguments of `keyExists` (the form's CONFLICT) and of `keyExistsOutcome` (an
 * imported row's outcome).
 */
function decisionNumberExists(row: NewPenalty, existing: PenaltyHolder | null | undefined) {
  const sameRecord = existing?.uscc === row.uscc && existing.department === row.department;
  return [
    sameRecord
      ? `penalty ${row.decisionNumber} is already recorded (文号已存在)`
      : `decision number ${row.decisionNumber} is already recorded for another enterprise or department (文号已被其他记录使用)`,
    { field: 'input.decisionNumber', sameRecord },
  ] as const;
}

/** One penalty decision, as the form records it. */
async function recordPenaltyRow(ctx: Context, input: typeof RecordPenaltyInput.$inferInput) {
  const row = await preparePenalty(ctx, input);
  const penalty = await ctx.db.transaction(async (tx) => {
    const [inserted] = await insertPenaltyRecords(ctx, tx, [row]);
    if (!inserted) throw keyExists(...decisionNumberExists(row, await getPenaltyByDecisionNumber(tx, row.decisionNumber)));
    return inserted;
  });
  ctx.loaders.penalties.clear(row.uscc);
  return penalty;
}

/**
 * A batch of decisions, set-based: every row is checked exactly as recordPenalty checks it, the
 * good ones are inserted in one transaction (one INSERT … ON CONFLICT DO NOTHING, one for the feed
 * events, one for history), and decision numbers already stored are told apart by one lookup.
 */
async function importPenaltyBatch(ctx: Context, inputs: readonly (typeof RecordPenaltyInput.$inferInput)[]): Promise<ImportRowResult[]> {
  const written = new Set<string>();
  const results = await runSetBasedImportBatch(inputs, {
    prefetch: () => ctx.enterpriseFacts.loadMany(usccsOf(inputs, 'uscc')),
    prepare: (input) => preparePenalty(ctx, input),
    store: (rows) => {
      for (const row of rows) written.add(row.uscc);
      return ctx.db.transaction((tx) => insertPenaltyRecords(ctx, tx, rows));
    },
    keyOfRow: (row) => row.decisionNumber,
    keyOfStored: (row) => row.decisionNumber,
    idOf: (row) => String(row.id),
    async refusals(rows) {
      const stored = await getPenaltyHoldersByDecisionNumbers(
        ctx.db,
        rows.map((row) => row.decisionNumber),
      );
      const existing = new Map(stored.map((row) => [row.decisionNumber, row]));
      return (row, index) => keyExistsOutcome(index, ...decisionNumberExists(row, existing.get(row.decisionNumber)));
    },
  });
  for (const uscc of written) ctx.loaders.penalties.clear(uscc);
  return results;
}

builder.mutationField('recordPenalty', (t) =>
  t.field({
    type: PenaltyRef,
    description:
      "录入行政处罚 Records a penalty decision for an enterprise of the caller's region, under the caller's department. CONFLICT when the decision number exists.",
    authScopes: writers,
    args: { input: t.arg({ type: RecordPenaltyInput, required: true, description: 'The decision.' }) },
    resolve: (_root, { input }, ctx) => recordPenaltyRow(ctx, input),
  }),
);

builder.mutationField('importPenalties', (t) =>
  t.field({
    type: [ImportRowRef],
    description:
      '批量导入行政处罚 Records up to 500 penalty decisions, each checked exactly as recordPenalty checks it (every rule and permission), the good ones inserted together in one transaction, and answers every row: CREATED, UNCHANGED when the decision number is already recorded for the same enterprise and department, REJECTED with field and reason; an internal failure fails the whole call, which may be sent again (rows already stored then answer UNCHANGED).',
    authScopes: writers,
    args: {
      inputs: t.arg({
        type: [RecordPenaltyInput],
        required: true,
        description: 'The decisions, in file order.',
        bounds: IMPORT_BATCH_BOUNDS,
      }),
    },
    // At most MAX_IMPORT_BATCH inputs: IMPORT_BATCH_BOUNDS is checked before the resolver runs.
    resolve: (_root, { inputs }, ctx) => importPenaltyBatch(ctx, inputs),
  }),
);

builder.mutationField('changePenalty', (t) =>
  t.field({
    type: PenaltyRef,
    description:
      '变更行政处罚 Records a decision changing a penalty (producing department only). The changed content is published; the old one is withdrawn within 3 working days.',
    authScopes: writers,
    args: {
      id: t.arg.id({ required: true, description: 'The penalty.' }),
      changes: t.arg({ type: PenaltyChangesInput, required: true, description: 'The new content.' }),
      decision: t.arg({ type: ChangeDecisionInput, required: true, description: 'The change decision.' }),
    },
    resolve: async (_root, { id, changes, decision }, ctx) => {
      const penalty = await loadPenaltyForWrite(ctx, id);
      const effectiveOn = decision.effectiveOn ?? ctx.today;
      assertDateWithin(effectiveOn, 'decision.effectiveOn', { today: ctx.today, notBefore: penalty.decidedOn });
      const meta = changeMeta(ctx, decision, effectiveOn);
      const updated = await ctx.db.transaction((tx) =>
        changePenalty(tx, penalty.id, meta, (current) =>
          changedPenaltyPatch(ctx, current, changes as Partial<PenaltyContent>, effectiveOn, 'changes'),
        ),
      );
      ctx.loaders.penalties.clear(penalty.uscc);
      return updated;
    },
  }),
);

builder.mutationField('revokePenalty', (t) =>
  t.field({
    type: PenaltyRef,
    description:
      '撤销行政处罚 Records the revocation of a penalty (producing department only): withdrawn from publication at once (the law allows 3 working days), and serious listings it triggered are revoked with it.',
    authScopes: writers,
    args: {
      id: t.arg.id({ required: true, description: 'The penalty.' }),
      decision: t.arg({ type: ChangeDecisionInput, required: true, description: 'The revocation decision.' }),
    },
    resolve: async (_root, { id, decision }, ctx) => {
      const penalty = await loadPenaltyForWrite(ctx, id);
      const effectiveOn = decision.effectiveOn ?? ctx.today;
      assertDateWithin(effectiveOn, 'decision.effectiveOn', { today: ctx.today, notBefore: penalty.decidedOn });
      const meta = changeMeta(ctx, decision, effectiveOn);
      const updated = await ctx.db.transaction((tx) =>
        changePenalty(tx, penalty.id, meta, (current) => revokedPenaltyPatch(current, effectiveOn)),
      );
      ctx.loaders.penalties.clear(penalty.uscc);
      ctx.loaders.seriousViolations.clear(penalty.uscc);
      return updated;
    },
  }),
);

export { ChangeDecisionInput, PenaltyChangesInput, type PenaltyContent };
