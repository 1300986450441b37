import {
  badUserInput,
  claimedRegionFieldOptions,
  conflict,
  IMPORT_BATCH_BOUNDS,
  type ImportRowResult,
  importRowOutcome,
  keyExists,
  notFound,
  requireNumericId,
  requireValidUscc,
  runSetBasedImportBatch,
  TEXT,
  usccsOf,
} from '@credit-hub/subgraph-kit';
import { assertDateWithin, assertOwnsRecord, newRecordOwner, requireText } from '../access.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { getAbnormalOperationsOf, insertAbnormalOperations, type NewAbnormalOperation } from '../data/abnormal-operation-store.ts';
import { abnormalEvents, seriousEvents } from '../data/outbox-events.ts';
import { getPenaltyByDecisionNumber } from '../data/penalty-store.ts';
import {
  getSeriousViolationByDecision,
  hasEscalation,
  hasListingForPenalty,
  insertSeriousViolations,
  type NewSeriousViolation,
} from '../data/serious-violation-store.ts';
import { changeAbnormalOperation, changeSeriousViolation, recordCreations, stateConflict } from '../data/transitions.ts';
import type { SanctionsExecutor } from '../db/client.ts';
import type { AbnormalOperationRow, SeriousViolationRow } from '../db/schema.ts';
import { heavierPenaltyProblem, isDueForEscalation, normalizeDecisionNumber, seriousListedOn } from '../rules/index.ts';
import { abnormalFacts, seriousFacts } from '../views.ts';
import { AbnormalReasonEnum, AbnormalRemovalReasonEnum, SanctionDomainEnum } from './enums.ts';
import { changeMeta, writers } from './penalty-mutations.ts';
import { AbnormalOperationRef, ImportRowRef, SeriousViolationRef } from './refs.ts';

const ListAbnormalOperationInput = builder.inputType('ListAbnormalOperationInput', {
  description: '列入经营异常名录 A listing decision.',
  fields: (t) => ({
    uscc: t.string({ required: true, description: '统一社会信用代码 of the enterprise.', bounds: TEXT.code }),
    regionCode: t.string(claimedRegionFieldOptions),
    reason: t.field({ type: AbnormalReasonEnum, required: true, description: '列入原因 Ground for listing.' }),
    reasonDetail: t.string({ description: '事由说明 e.g. 未按规定报送2023年度年度报告.', bounds: TEXT.text }),
    listedOn: t.field({ type: 'Date', description: '列入日期 Defaults to today.' }),
    authority: t.string({ required: true, description: '作出决定机关 Listing authority.', bounds: TEXT.name }),
    decisionReference: t.string({ description: '列入决定书文号 Reference of the listing decision.', bounds: TEXT.reference }),
  }),
});

const RemovalInput = builder.inputType('ListingRemovalInput', {
  description: '移出 A removal decision.',
  fields: (t) => ({
    removedOn: t.field({ type: 'Date', description: '移出日期 First day no longer listed; defaults to today.' }),
    detail: t.string({ description: '说明 Details of the removal.', bounds: TEXT.text }),
    authority: t.string({ required: true, description: '作出移出决定机关 Removing authority.', bounds: TEXT.name }),
    decisionReference: t.string({ description: '移出决定书文号 Reference of the removal decision.', bounds: TEXT.reference }),
  }),
});

async function loadAbnormalForWrite(ctx: Context, id: string | number) {
  const listing = await ctx.loaders.abnormalOperation.load(requireNumericId(id, 'id'));
  if (!listing) throw notFound(`no abnormal operation listing with id ${id}`, { field: 'id' });
  assertOwnsRecord(ctx, abnormalFacts(listing, ctx), `abnormal operation listing ${id}`, 'id');
  return listing;
}

async function loadSeriousForWrite(ctx: Context, id: string | number) {
  const listing = await ctx.loaders.seriousViolation.load(requireNumericId(id, 'id'));
  if (!listing) throw notFound(`no serious violation listing with id ${id}`, { field: 'id' });
  assertOwnsRecord(ctx, seriousFacts(listing, ctx), `serious violation listing ${id}`, 'id');
  return listing;
}

/**
 * Why the unique indexes refused an abnormal listing, judged on the enterprise's listings on that
 * ground read after the refusal: its natural key (enterprise, ground, day) is stored already — this
 * row re-sent (UNCHANGED), or another department's — or the enterprise is still listed on that ground.
 */
function abnormalRefusal(row: NewAbnormalOperation, existing: readonly AbnormalOperationRow[]): Error {
  const onGround = existing.filter((listing) => listing.uscc === row.uscc && listing.reason === row.reason);
  const same = onGround.find((listing) => listing.listedOn === row.listedOn);
  if (same) {
    return keyExists(`enterprise ${row.uscc} was listed for ${row.reason} on ${row.listedOn} already (已列入)`, {
      field: 'input.listedOn',
      sameRecord: same.department === row.department,
    });
  }
  if (onGround.some((listing) => listing.removedOn === null && listing.revokedOn === null)) {
    return conflict(`enterprise ${row.uscc} is already listed for ${row.reason} (已列入)`, { field: 'input.reason' });
  }
  // The refusing row was removed or revoked between the insert and this read: not the row's fault.
  return new Error(`abnormal listing of ${row.uscc} for ${row.reason} was refused by a row that changed since; retry`);
}

/** Everything listAbnormalOperation checks before it writes, for the form and the bulk import alike: the listing to insert, or the error that refuses it. */
async function prepareAbnormalListing(ctx: Context, input: typeof ListAbnormalOperationInput.$inferInput): Promise<NewAbnormalOperation> {
  const uscc = requireValidUscc(input.uscc, 'input.uscc', ctx.allowList);
  const owner = await newRecordOwner(ctx, uscc, input.regionCode, 'input.regionCode');
  const listedOn = input.listedOn ?? ctx.today;
  assertDateWithin(listedOn, 'input.listedOn', { today: ctx.today });
  return {
    ...owner,
    uscc,
    reason: input.reason,
    reasonDetail: input.reasonDetail?.trim() || null,
    listedOn,
    authority: requireText(input.authority, 'input.authority'),
    decisionReference: input.decisionReference?.trim() || null,
  };
}

/** Inserts prepared listings with their feed events and history, in the caller's transaction; rows a unique index refuses are skipped. */
async function insertAbnormalRecords(ctx: Context, tx: SanctionsExecutor, rows: NewAbnormalOperation[]): Promise<AbnormalOperationRow[]> {
  const inserted = await insertAbnormalOperations(tx, rows);
  const clock = { today: ctx.today, rules: ctx.rules };
  await recordCreations(tx, inserted, {
    kind: 'ABNORMAL_OPERATION',
    action: 'LISTED',
    state: () => 'LISTED',
    events: (row) => abnormalEvents(null, row, clock),
    meta: (row) => changeMeta(ctx, { decisionReference: row.decisionReference, reason: row.reasonDetail }, row.listedOn),
  });
  return inserted;
}

/** One abnormal-operation listing, as the form records it. */
async function listAbnormalOperationRow(ctx: Context, input: typeof ListAbnormalOperationInput.$inferInput) {
  const row = await prepareAbnormalListing(ctx, input);
  const listing = await ctx.db.transaction(async (tx) => {
    const [inserted] = await insertAbnormalRecords(ctx, tx, [row]);
    if (!inserted) throw abnormalRefusal(row, await getAbnormalOperationsOf(tx, [row.uscc]));
    return inserted;
  });
  ctx.loaders.abnormalOperations.clear(row.uscc);
  return listing;
}

/** An abnormal listing's natural key: enterprise, ground, listing day. */
const abnormalKey = (row: { uscc: string; reason: string; listedOn?: string | undefined }) =>
  `${row.uscc}\u0001${row.reason}\u0001${row.listedOn}`;

/**
 * A batch of listings, set-based as importPenalties: every row is checked exactly as
 * listAbnormalOperation checks it, the good ones are inserted in one transaction (one INSERT … ON
 * CONFLICT DO NOTHING, one for the feed events, one for history), and the refused ones are told
 * apart with one read. Rows answer as if sent one after another: a later row on the ground of an
 * earlier one finds it (UNCHANGED on the same day, refused while it stands).
 */
async function importAbnormalBatch(
  ctx: Context,
  inputs: readonly (typeof ListAbnormalOperationInput.$inferInput)[],
): Promise<ImportRowResult[]> {
  const written = new Set<string>();
  const results = await runSetBasedImportBatch(inputs, {
    prefetch: () => ctx.enterpriseFacts.loadMany(usccsOf(inputs, 'uscc')),
    prepare: (input) => prepareAbnormalListing(ctx, input),
    store: (rows) => {
      for (const row of rows) written.add(row.uscc);
      return ctx.db.transaction((tx) => insertAbnormalRecords(ctx, tx, rows));
    },
    keyOfRow: abnormalKey,
    keyOfStored: abnormalKey,
    idOf: (row) => String(row.id),
    async refusals(rows) {
      const existing = await getAbnormalOperationsOf(ctx.db, [...new Set(rows.map((row) => row.uscc))]);
      return (row, index) => importRowOutcome(index, abnormalRefusal(row, existing));
    },
  });
  for (const uscc of written) ctx.loaders.abnormalOperations.clear(uscc);
  return results;
}

builder.mutationField('listAbnormalOperation', (t) =>
  t.field({
    type: AbnormalOperationRef,
    description:
      "列入经营异常名录 Lists an enterprise of the caller's region, under the caller's department. CONFLICT while it is listed for the same reason.",
    authScopes: writers,
    args: { input: t.arg({ type: ListAbnormalOperationInput, required: true, description: 'The listing.' }) },
    resolve: (_root, { input }, ctx) => listAbnormalOperationRow(ctx, input),
  }),
);

builder.mutationField('removeAbnormalOperation', (t) =>
  t.field({
    type: AbnormalOperationRef,
    description:
      '移出经营异常名录 Removes a listing once its cause is cured (producing department only). The listing and its removal stay public until repaired.',
    authScopes: writers,
    args: {
      id: t.arg.id({ required: true, description: 'The listing.' }),
      reason: t.arg({ type: AbnormalRemovalReasonEnum, required: true, description: '移出原因 How the cause was cured.' }),
      removal: t.arg({ type: RemovalInput, required: true, description: 'The removal decision.' }),
    },
    resolve: async (_root, { id, reason, removal }, ctx) => {
      const listing = await loadAbnormalForWrite(ctx, id);
      const removedOn = removal.removedOn ?? ctx.today;
      assertDateWithin(removedOn, 'removal.removedOn', { today: ctx.today, notBefore: listing.listedOn });
      const meta = changeMeta(ctx, { reason: removal.detail ?? reason, decisionReference: removal.decisionReference }, removedOn);
      const updated = await ctx.db.transaction((tx) =>
        changeAbnormalOperation(tx, listing.id, meta, (current) => {
          if (current.removedOn || current.revokedOn) throw stateConflict(`abnormal operation listing ${id} is no longer listed`);
          return {
            action: 'REMOVED',
            patch: {
              removedOn,
              removalReason: reason,
              removalDetail: removal.detail?.trim() || null,
              removalAuthority: requireText(removal.authority, 'removal.authority'),
              removalReference: removal.decisionReference?.trim() || null,
            },
          };
        }),
      );
      ctx.loaders.abnormalOperations.clear(listing.uscc);
      return updated;
    },
  }),
);

const ListSeriousViolationInput = builder.inputType('ListSeriousViolationInput', {
  description: '列入严重违法失信名单 A listing decision, triggered by a heavier penalty or by 3 years on the abnormal list.',
  fields: (t) => ({
    uscc: t.string({ required: true, description: '统一社会信用代码 of the enterprise.', bounds: TEXT.code }),
    regionCode: t.string(claimedRegionFieldOptions),
    domain: t.field({ type: SanctionDomainEnum, required: true, description: '领域 Domain of the violation.' }),
    reason: t.string({ required: true, description: '列入事由 Reason for listing.', bounds: TEXT.text }),
    triggeringPenaltyId: t.id({ description: '据以列入的行政处罚 The penalty that triggered it.' }),
    triggeringPenaltyDecisionNumber: t.string({
      description:
        '据以列入的行政处罚决定书文号 The triggering penalty by its decision number (instead of its id), as provincial tables give it.',
      bounds: TEXT.reference,
    }),
    escalatedFromAbnormalId: t.id({ description: '经营异常名录届满三年 The abnormal listing it escalates (must be due).' }),
    listedOn: t.field({ type: 'Date', description: '列入日期 Defaults to today.' }),
    authority: t.string({ required: true, description: '作出决定机关 Listing authority.', bounds: TEXT.name }),
    decisionReference: t.string({
      description:
        '列入决定书文号 Reference of the listing decision; with the enterprise, the natural key of the listing. Stored respelled as decision numbers are: 〔〕 around the year, full-width parentheses, no spaces (…[2024]1号 → …〔2024〕1号).',
      bounds: TEXT.reference,
    }),
  }),
});

/** The triggering penalty's id, given directly or by its decision number (BAD_USER_INPUT when no such penalty). */
async function triggeringPenaltyIdOf(
  ctx: Context,
  input: { triggeringPenaltyId?: string | number | null; triggeringPenaltyDecisionNumber?: string | null },
): Promise<string | number | null> {
  const decisionNumber = input.triggeringPenaltyDecisionNumber?.trim();
  if (!decisionNumber) return input.triggeringPenaltyId ?? null;
  if (input.triggeringPenaltyId) {
    throw badUserInput('input: give triggeringPenaltyId or triggeringPenaltyDecisionNumber, not both', {
      field: 'input.triggeringPenaltyDecisionNumber',
      reason: 'BOTH',
    });
  }
  const penalty = await getPenaltyByDecisionNumber(ctx.db, normalizeDecisionNumber(decisionNumber));
  if (!penalty) {
    throw badUserInput(`input.triggeringPenaltyDecisionNumber: no penalty is recorded under ${decisionNumber} (处罚决定书文号不存在)`, {
      field: 'input.triggeringPenaltyDecisionNumber',
      reason: 'UNKNOWN_PENALTY',
    });
  }
  return penalty.id;
}

/** A serious listing rests on a penalty of the same enterprise or on an abnormal listing that is due. */
async function checkGrounds(
  ctx: Context,
  uscc: string,
  input: { triggeringPenaltyId?: string | number | null; escalatedFromAbnormalId?: string | number | null },
) {
  if (!input.triggeringPenaltyId && !input.escalatedFromAbnormalId) {
    throw badUserInput('input: give triggeringPenaltyId or escalatedFromAbnormalId (列入依据)', {
      field: 'input.triggeringPenaltyId',
      reason: 'MISSING',
    });
  }
  if (input.triggeringPenaltyId) {
    const penalty = await ctx.loaders.penalty.load(requireNumericId(input.triggeringPenaltyId, 'input.triggeringPenaltyId'));
    if (!penalty || penalty.uscc !== uscc) {
      throw badUserInput('input.triggeringPenaltyId: no penalty of this enterprise has that id', {
        field: 'input.triggeringPenaltyId',
        reason: 'UNKNOWN',
      });
    }
    if (penalty.state === 'REVOKED') {
      throw badUserInput('input.triggeringPenaltyId: the penalty was revoked', { field: 'input.triggeringPenaltyId', reason: 'REVOKED' });
    }
    const notHeavier = heavierPenaltyProblem(penalty, ctx.rules);
    if (notHeavier) {
      throw badUserInput(`input.triggeringPenaltyId: ${notHeavier.message}`, {
        field: 'input.triggeringPenaltyId',
        reason: 'NOT_HEAVIER_PENALTY',
        rule: notHeavier.rule.code,
      });
    }
  }
  if (input.escalatedFromAbnormalId) {
    const listing = await ctx.loaders.abnormalOperation.load(
      requireNumericId(input.escalatedFromAbnormalId, 'input.escalatedFromAbnormalId'),
    );
    if (!listing || listing.uscc !== uscc) {
      throw badUserInput('input.escalatedFromAbnormalId: no abnormal listing of this enterprise has that id', {
        field: 'input.escalatedFromAbnormalId',
        reason: 'UNKNOWN',
      });
    }
    if (!isDueForEscalation(listing, ctx.today, ctx.rules)) {
      throw badUserInput('input.escalatedFromAbnormalId: the listing has not been in force 3 full years without cure', {
        field: 'input.escalatedFromAbnormalId',
        reason: 'NOT_DUE',
      });
    }
  }
}

/**
 * Why the unique indexes refused a serious listing, read after the refusal, in the order the key
 * matters to an import: the (enterprise, decision reference) natural key first — this row re-sent
 * or another department's — then the penalty or abnormal listing that already grounds one.
 */
async function seriousRefusal(
  tx: SanctionsExecutor,
  row: {
    uscc: string;
    decisionReference: string | null;
    triggeringPenaltyId: number | null;
    escalatedFromAbnormalId: number | null;
    department: string;
  },
): Promise<Error> {
  const same = row.decisionReference ? await getSeriousViolationByDecision(tx, row.uscc, row.decisionReference) : null;
  if (same) {
    return keyExists(`enterprise ${row.uscc} is already listed under ${row.decisionReference} (同一决定已列入)`, {
      field: 'input.decisionReference',
      sameRecord: same.department === row.department,
    });
  }
  if (row.triggeringPenaltyId && (await hasListingForPenalty(tx, row.triggeringPenaltyId))) {
    return conflict('the enterprise is already listed for this decision (同一决定已列入)', { field: 'input.triggeringPenaltyId' });
  }
  if (row.escalatedFromAbnormalId && (await hasEscalation(tx, row.escalatedFromAbnormalId))) {
    return conflict('the abnormal listing has already been escalated (已转入)', { field: 'input.escalatedFromAbnormalId' });
  }
  // The refusing listing was revoked between the insert and this read: not the row's fault.
  return new Error(`serious listing of ${row.uscc} was refused by a row that changed since; retry`);
}

/** Everything listSeriousViolation checks before it writes, for the form and the bulk import alike: the listing to insert, or the error that refuses it. */
async function prepareSeriousListing(ctx: Context, input: typeof ListSeriousViolationInput.$inferInput): Promise<NewSeriousViolation> {
  const uscc = requireValidUscc(input.uscc, 'input.uscc', ctx.allowList);
  const owner = await newRecordOwner(ctx, uscc, input.regionCode, 'input.regionCode');
  const listedOn = input.listedOn ?? ctx.today;
  assertDateWithin(listedOn, 'input.listedOn', { today: ctx.today });
  const grounds = { ...input, triggeringPenaltyId: await triggeringPenaltyIdOf(ctx, input) };
  await checkGrounds(ctx, uscc, grounds);
  return {
    ...owner,
    uscc,
    domain: input.domain,
    reason: requireText(input.reason, 'input.reason'),
    triggeringPenaltyId: grounds.triggeringPenaltyId ? requireNumericId(grounds.triggeringPenaltyId, 'input.triggeringPenaltyId') : null,
    escalatedFromAbnormalId: input.escalatedFromAbnormalId
      ? requireNumericId(input.escalatedFromAbnormalId, 'input.escalatedFromAbnormalId')
      : null,
    listedOn,
    authority: requireText(input.authority, 'input.authority'),
    decisionReference: seriousReferenceOf(input.decisionReference),
  };
}

/**
 * 列入决定书文号 is the serious listing's natural key (with the enterprise), so it is kept in the one
 * spelling decision numbers have (〔〕 around the year, full-width parentheses, no spaces): a listing
 * typed into the form as …[2024]1号 and the same row of a provincial table, which the reader sends
 * as …〔2024〕1号, are one listing (migration 0006 respelled the rows stored before).
 */
function seriousReferenceOf(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? normalizeDecisionNumber(trimmed) : null;
}

/** Inserts prepared listings with their feed events and history, in the caller's transaction; rows a unique index refuses are skipped. */
async function insertSeriousRecords(ctx: Context, tx: SanctionsExecutor, rows: NewSeriousViolation[]): Promise<SeriousViolationRow[]> {
  const inserted = await insertSeriousViolations(tx, rows);
  const clock = { today: ctx.today, rules: ctx.rules };
  await recordCreations(tx, inserted, {
    kind: 'SERIOUS_VIOLATION',
    action: 'LISTED',
    state: () => 'LISTED',
    events: (row) => seriousEvents(null, row, clock),
    meta: (row) => changeMeta(ctx, { reason: row.reason, decisionReference: row.decisionReference }, row.listedOn),
  });
  return inserted;
}

/** The listing refused in place of `row`, as seriousRefusal reads it. */
const refusalFacts = (row: NewSeriousViolation) => ({
  uscc: row.uscc,
  decisionReference: row.decisionReference ?? null,
  triggeringPenaltyId: row.triggeringPenaltyId ?? null,
  escalatedFromAbnormalId: row.escalatedFromAbnormalId ?? null,
  department: row.department,
});

/** One serious-violation listing, as the form records it. */
async function listSeriousViolationRow(ctx: Context, input: typeof ListSeriousViolationInput.$inferInput) {
  const row = await prepareSeriousListing(ctx, input);
  const listing = await ctx.db.transaction(async (tx) => {
    const [inserted] = await insertSeriousRecords(ctx, tx, [row]);
    if (!inserted) throw await seriousRefusal(tx, refusalFacts(row));
    return inserted;
  });
  ctx.loaders.seriousViolations.clear(row.uscc);
  return listing;
}

/**
 * A serious listing's identity among the rows of one batch: its decision reference when it has
 * one (the natural key), else what a unique index allows only once (the triggering penalty, the
 * escalated abnormal listing).
 */
const seriousKey = (row: {
  uscc: string;
  decisionReference?: string | null;
  triggeringPenaltyId?: number | null;
  escalatedFromAbnormalId?: number | null;
}) =>
  row.decisionReference
    ? `reference\u0001${row.uscc}\u0001${row.decisionReference}`
    : row.triggeringPenaltyId
      ? `penalty\u0001${row.triggeringPenaltyId}`
      : `escalation\u0001${row.escalatedFromAbnormalId}`;

/**
 * A batch of serious listings, set-based as importPenalties: every row is checked exactly as
 * listSeriousViolation checks it, the good ones are inserted in one transaction, and each refused
 * one is told apart as the form tells it (the listing under that reference, else the penalty or
 * abnormal listing that already grounds one).
 */
async function importSeriousBatch(
  ctx: Context,
  inputs: readonly (typeof ListSeriousViolationInput.$inferInput)[],
): Promise<ImportRowResult[]> {
  const written = new Set<string>();
  const results = await runSetBasedImportBatch(inputs, {
    prefetch: () => ctx.enterpriseFacts.loadMany(usccsOf(inputs, 'uscc')),
    prepare: (input) => prepareSeriousListing(ctx, input),
    store: (rows) => {
      for (const row of rows) written.add(row.uscc);
      return ctx.db.transaction((tx) => insertSeriousRecords(ctx, tx, rows));
    },
    keyOfRow: seriousKey,
    keyOfStored: seriousKey,
    idOf: (row) => String(row.id),
    async refusals(rows) {
      // Refused rows are few except on a re-run; each is read as the form reads it.
      const refusals = new Map<NewSeriousViolation, Error>();
      for (const row of rows) refusals.set(row, await seriousRefusal(ctx.db, refusalFacts(row)));
      return (row, index) => importRowOutcome(index, refusals.get(row));
    },
  });
  for (const uscc of written) ctx.loaders.seriousViolations.clear(uscc);
  return results;
}

builder.mutationField('listSeriousViolation', (t) =>
  t.field({
    type: SeriousViolationRef,
    description: "列入严重违法失信名单 Lists an enterprise of the caller's region for 3 years, under the caller's department.",
    authScopes: writers,
    args: { input: t.arg({ type: ListSeriousViolationInput, required: true, description: 'The listing.' }) },
    resolve: (_root, { input }, ctx) => listSeriousViolationRow(ctx, input),
  }),
);

builder.mutationField('removeSeriousViolation', (t) =>
  t.field({
    type: SeriousViolationRef,
    description:
      '移出严重违法失信名单 Removes a listing before its period ends on other legal grounds (producing department only). Early removal after repair happens through decideCreditRepair; the 3-year end is automatic.',
    authScopes: writers,
    args: {
      id: t.arg.id({ required: true, description: 'The listing.' }),
      removal: t.arg({ type: RemovalInput, required: true, description: 'The removal decision; `detail` states the legal grounds.' }),
    },
    resolve: async (_root, { id, removal }, ctx) => {
      const listing = await loadSeriousForWrite(ctx, id);
      const removedOn = removal.removedOn ?? ctx.today;
      assertDateWithin(removedOn, 'removal.removedOn', { today: ctx.today, notBefore: listing.listedOn });
      const detail = requireText(removal.detail ?? '', 'removal.detail');
      const meta = changeMeta(ctx, { reason: detail, decisionReference: removal.decisionReference }, removedOn);
      const updated = await ctx.db.transaction((tx) =>
        changeSeriousViolation(tx, listing.id, meta, (current) => {
          if (!seriousListedOn(current, removedOn, ctx.rules))
            throw stateConflict(`serious violation listing ${id} is not listed on ${removedOn}`);
          return {
            action: 'REMOVED',
            patch: {
              removedOn,
              removalReason: 'OTHER',
              removalDetail: detail,
              removalAuthority: requireText(removal.authority, 'removal.authority'),
              removalReference: removal.decisionReference?.trim() || null,
            },
          };
        }),
      );
      ctx.loaders.seriousViolations.clear(listing.uscc);
      return updated;
    },
  }),
);

builder.mutationField('importAbnormalOperations', (t) =>
  t.field({
    type: [ImportRowRef],
    description:
      '批量导入经营异常名录 Records up to 500 abnormal-operation listings, each exactly as listAbnormalOperation would, and answers every row: CREATED, UNCHANGED when the enterprise is already listed on that day for that ground by the same department, REJECTED with field and reason; an internal failure fails the whole call, which may be sent again (rows already stored then answer UNCHANGED).',
    authScopes: writers,
    args: {
      inputs: t.arg({
        type: [ListAbnormalOperationInput],
        required: true,
        description: 'The listings, in file order.',
        bounds: IMPORT_BATCH_BOUNDS,
      }),
    },
    // At most MAX_IMPORT_BATCH inputs: IMPORT_BATCH_BOUNDS is checked before the resolver runs.
    resolve: (_root, { inputs }, ctx) => importAbnormalBatch(ctx, inputs),
  }),
);

builder.mutationField('importSeriousViolations', (t) =>
  t.field({
    type: [ImportRowRef],
    description:
      '批量导入严重违法失信名单 Records up to 500 serious-violation listings, each exactly as listSeriousViolation would (the triggering penalty may be named by its decision number), and answers every row: CREATED, UNCHANGED when the enterprise is already listed under that decision reference by the same department, REJECTED with field and reason; an internal failure fails the whole call, which may be sent again (rows already stored then answer UNCHANGED).',
    authScopes: writers,
    args: {
      inputs: t.arg({
        type: [ListSeriousViolationInput],
        required: true,
        description: 'The listings, in file order.',
        bounds: IMPORT_BATCH_BOUNDS,
      }),
    },
    // At most MAX_IMPORT_BATCH inputs: IMPORT_BATCH_BOUNDS is checked before the resolver runs.
    resolve: (_root, { inputs }, ctx) => importSeriousBatch(ctx, inputs),
  }),
);
