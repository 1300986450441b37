import { appendEvents, badUserInput, notFound, requireNumericId, requireValidUscc, TEXT } from '@credit-hub/subgraph-kit';
import { assertDateWithin, assertOwnsRecord, newRecordOwner, recordFacts, requireText, seesFull } from '../access.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { getCommitmentById, insertCommitment, lockCommitment, saveCommitment } from '../data/commitment-store.ts';
import { appendHistory } from '../data/history-store.ts';
import { historyEntry, stateConflict } from '../data/transitions.ts';
import type { CommitmentKind, CommitmentStatus, CreditCommitmentRow } from '../db/schema.ts';
import { historyOf } from '../views.ts';
import { changeMeta, writers } from './penalty-mutations.ts';
import { CreditCommitmentRef, EnterpriseRef, HistoryEntryRef } from './refs.ts';

/**
 * 承诺不实 is published: "核查发现企业承诺不实的，……纳入信用记录并通过公示系统公示"
 * (闽市监综〔2021〕154号 《推进重点领域信用监管工作方案》（四）, 2021; 湘市监信〔2021〕108号 5, 2021).
 * So the public sees BROKEN commitments; pending and kept ones stay with regulators of the region.
 */
const PUBLICATION_BASIS = '闽市监综〔2021〕154号（四）; 湘市监信〔2021〕108号 5';

const CommitmentKindEnum = builder.enumType('VerifiableCommitmentKind', {
  description: '信用承诺类型 What the commitment was made for.',
  values: {
    REPAIR: { description: '信用修复承诺 Made when applying for credit repair (信用修复).' },
    OTHER: { description: '其他信用承诺 Any other commitment a department records (e.g. in registration or approval).' },
  } satisfies Record<CommitmentKind, unknown>,
});

const CommitmentStatusEnum = builder.enumType('VerifiableCommitmentStatus', {
  description: '信用承诺状态 Verification state of a commitment.',
  values: {
    PENDING: { description: '待核查 Not yet verified.' },
    KEPT: { description: '履行承诺 Verified as kept.' },
    BROKEN: { description: `承诺不实 Verified as broken: on the credit record and published (${PUBLICATION_BASIS}).` },
  } satisfies Record<CommitmentStatus, unknown>,
});

/** The public sees broken commitments only; regulators of the region, analysts and admins all. */
const visibleTo = (ctx: Context, row: CreditCommitmentRow) => row.status === 'BROKEN' || seesFull(ctx, row);

CreditCommitmentRef.implement({
  description:
    '待核查信用承诺 A credit commitment (信用承诺, e.g. made for credit repair) a department verifies by an inspection of kind 核查 by its deadline; broken ones are on the credit record. (The enterprises subgraph’s CreditCommitment is the register of commitments with their fulfilment; this one carries the verification.)',
  fields: (t) => ({
    id: t.exposeID('id', { description: '承诺编号 Identifier of the commitment.' }),
    uscc: t.exposeString('uscc', { description: '统一社会信用代码 The committing enterprise.' }),
    enterprise: t.field({ type: EnterpriseRef, description: '承诺人 The committing enterprise.', resolve: (c) => ({ uscc: c.uscc }) }),
    kind: t.expose('kind', { type: CommitmentKindEnum, description: '承诺类型 Repair commitment or other.' }),
    content: t.exposeString('content', { description: '承诺内容 What the enterprise committed to.' }),
    madeOn: t.expose('madeOn', { type: 'Date', description: '承诺日期 Day the commitment was made.' }),
    verifyBy: t.expose('verifyBy', { type: 'Date', description: '核查期限 Day by which it is to be verified.' }),
    department: t.exposeString('department', { description: '受理部门 Department that recorded it and verifies it.' }),
    regionCode: t.exposeString('regionCode', { description: '登记机关区划 Registered region of the enterprise.' }),
    status: t.expose('status', { type: CommitmentStatusEnum, description: '状态 Pending, kept or broken.' }),
    verifiedOn: t.expose('verifiedOn', { type: 'Date', nullable: true, description: '核查日期 Day of the verification.' }),
    inspectionId: t.exposeInt('inspectionId', {
      nullable: true,
      description: '核查记录 The inspection (kind 核查) in the inspections subgraph that verified it.',
    }),
    findings: t.exposeString('findings', { nullable: true, description: '核查情况 What the verification found.' }),
    history: t.field({
      type: [HistoryEntryRef],
      nullable: true,
      description: '变更记录 Recording and verification; regulators of the region, analysts and admins only.',
      resolve: (c, _a, ctx) => (seesFull(ctx, c) ? historyOf(ctx, c.uscc, 'CREDIT_COMMITMENT', c.id) : null),
    }),
  }),
});

builder.objectField(EnterpriseRef, 'verifiableCommitments', (t) =>
  t.field({
    type: [CreditCommitmentRef],
    description: `待核查信用承诺 Commitments under verification, oldest first. The public sees broken ones (承诺不实, ${PUBLICATION_BASIS}); regulators of the region, analysts and admins see all.`,
    resolve: async (e, _args, ctx) => (await ctx.loaders.creditCommitments.load(e.uscc)).filter((row) => visibleTo(ctx, row)),
  }),
);

const RecordCreditCommitmentInput = builder.inputType('RecordVerifiableCommitmentInput', {
  description: '信用承诺登记 A commitment an enterprise made, recorded by the receiving department.',
  fields: (t) => ({
    uscc: t.string({ required: true, description: '统一社会信用代码 of the enterprise.', bounds: TEXT.code }),
    kind: t.field({ type: CommitmentKindEnum, required: true, description: '承诺类型 Repair commitment or other.' }),
    content: t.string({ required: true, description: '承诺内容 What the enterprise commits to.', bounds: TEXT.text }),
    madeOn: t.field({ type: 'Date', description: '承诺日期 Defaults to today.' }),
    verifyBy: t.field({ type: 'Date', required: true, description: '核查期限 Day by which it is to be verified (not before madeOn).' }),
  }),
});

builder.mutationField('recordVerifiableCommitment', (t) =>
  t.field({
    type: CreditCommitmentRef,
    description:
      '登记信用承诺 Records a commitment (the caller’s department, in the enterprise’s registered region as the enterprises subgraph knows it; admins). It stays PENDING until verified.',
    authScopes: writers,
    args: { input: t.arg({ type: RecordCreditCommitmentInput, required: true, description: 'The commitment.' }) },
    resolve: async (_root, { input }, ctx) => {
      const uscc = requireValidUscc(input.uscc, 'input.uscc', ctx.allowList);
      const content = requireText(input.content, 'input.content');
      const madeOn = input.madeOn ?? ctx.today;
      assertDateWithin(madeOn, 'input.madeOn', { today: ctx.today });
      if (input.verifyBy < madeOn) {
        throw badUserInput(`input.verifyBy: cannot be before ${madeOn}`, { field: 'input.verifyBy', reason: 'BEFORE_EARLIER_FACT' });
      }
      const owner = await newRecordOwner(ctx, uscc, null, 'input.uscc');
      const row = await ctx.db.transaction(async (tx) => {
        const inserted = await insertCommitment(tx, { ...owner, uscc, kind: input.kind, content, madeOn, verifyBy: input.verifyBy });
        await appendHistory(
          tx,
          historyEntry(
            { uscc, kind: 'CREDIT_COMMITMENT', id: inserted.id },
            'RECORDED',
            { from: null, to: 'PENDING' },
            changeMeta(ctx, {}, madeOn),
          ),
        );
        return inserted;
      });
      ctx.loaders.creditCommitments.clear(uscc);
      ctx.loaders.history.clear(uscc);
      return row;
    },
  }),
);

builder.mutationField('recordCreditCommitmentVerification', (t) =>
  t.field({
    type: CreditCommitmentRef,
    description: `承诺核查结果 Records the verification of a pending commitment (the recording department in the enterprise's region; admins), normally written by the inspections subgraph with the inspector's own token. Broken → on the credit record, published (${PUBLICATION_BASIS}), and a regulator event commitment.broken in the same transaction. CONFLICT when already verified.`,
    authScopes: writers,
    args: {
      id: t.arg.id({ required: true, description: '承诺编号 The commitment.' }),
      kept: t.arg.boolean({ required: true, description: '是否履行 True: kept; false: broken (承诺不实).' }),
      inspectionId: t.arg.int({ required: true, description: '核查记录 The inspection (kind 核查) that verified it.' }),
      findings: t.arg.string({ required: true, description: '核查情况 What the verification found.', bounds: TEXT.text }),
      verifiedOn: t.arg({ type: 'Date', description: '核查日期 Defaults to today; not before the commitment was made.' }),
    },
    resolve: async (_root, args, ctx) => {
      const existing = await getCommitmentById(ctx.db, requireNumericId(args.id, 'id'));
      if (!existing) throw notFound(`no credit commitment with id ${args.id}`, { field: 'id' });
      assertOwnsRecord(ctx, recordFacts(existing, existing.status === 'BROKEN'), `credit commitment ${args.id}`, 'id');
      const findings = requireText(args.findings, 'findings');
      const verifiedOn = args.verifiedOn ?? ctx.today;
      assertDateWithin(verifiedOn, 'verifiedOn', { today: ctx.today, notBefore: existing.madeOn });
      if (args.inspectionId <= 0) throw badUserInput('inspectionId: must be positive', { field: 'inspectionId', reason: 'INVALID' });
      const saved = await ctx.db.transaction(async (tx) => {
        const current = await lockCommitment(tx, existing.id);
        if (current?.status !== 'PENDING') throw stateConflict(`credit commitment ${args.id} is already verified`);
        const row = await saveCommitment(tx, current.id, {
          status: args.kept ? 'KEPT' : 'BROKEN',
          verifiedOn,
          inspectionId: args.inspectionId,
          findings,
          verifiedBy: ctx.caller.sub,
        });
        await appendHistory(
          tx,
          historyEntry(
            { uscc: row.uscc, kind: 'CREDIT_COMMITMENT', id: row.id },
            'VERIFIED',
            { from: 'PENDING', to: row.status },
            changeMeta(ctx, { reason: findings, decisionReference: `inspection ${args.inspectionId}` }, verifiedOn),
          ),
        );
        if (row.status === 'BROKEN') {
          await appendEvents(tx, [
            {
              uscc: row.uscc,
              region: row.regionCode,
              effectiveOn: verifiedOn,
              audience: 'regulator',
              kind: 'commitment.broken',
              payload: row,
            },
          ]);
        }
        return row;
      });
      ctx.loaders.creditCommitments.clear(saved.uscc);
      ctx.loaders.history.clear(saved.uscc);
      return saved;
    },
  }),
);
