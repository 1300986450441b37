import { assertCanWrite, badUserInput, notFound, registeredRegionOf, requireValidUscc, TEXT } from '@credit-hub/subgraph-kit';
import { assertChanges, mayRead } from '../access.ts';
import { builder } from '../builder.ts';
import { getTalk, insertTalk, recordTalkOutcome } from '../data/talk-store.ts';
import type { AdmonitionTalkRow } from '../db/schema.ts';
import { requireId } from './plan.ts';
import { EnterpriseRef } from './refs.ts';

const fail = (field: string, reason: string, message: string): never => {
  throw badUserInput(`${field}: ${message}`, { field, reason });
};

/** A talk is the enterprise's internal credit record: supervisors of its region only. */
const talkFacts = (talk: Pick<AdmonitionTalkRow, 'regionCode' | 'department'>) => ({
  region: talk.regionCode,
  owner: talk.department,
  published: false,
  supervisionOnly: true,
});

const TalkKindEnum = builder.enumType('AdmonitionTalkKind', {
  description: '约谈类型 Kind of admonition talk (晋政办发〔2020〕10号 13).',
  values: {
    PROMPT: { description: '提示约谈 Reminder talk.' },
    WARNING: { description: '警示约谈 Warning talk.' },
  } as const,
});
const ListingKindEnum = builder.enumType('TalkListingKind', {
  description: '认定依据 The listing that made the enterprise 失信 (sanctions subgraph).',
  values: {
    ABNORMAL: { description: '经营异常名录 Abnormal-operations listing.' },
    SERIOUS: { description: '严重违法失信名单 Serious violation listing.' },
  } as const,
});
const TalkOutcomeEnum = builder.enumType('AdmonitionTalkOutcome', {
  description: '整改结果 Outcome of the talk.',
  values: {
    PENDING: { description: '整改中 Rectification deadline not reached or not assessed.' },
    RECTIFIED: { description: '已整改 Rectified.' },
    NOT_RECTIFIED: { description: '未整改 Not rectified by the deadline.' },
  } as const,
});

const TalkRef = builder.objectRef<AdmonitionTalkRow>('AdmonitionTalk').implement({
  description:
    '约谈记录 An admonition talk held by the department that listed the enterprise (谁认定、谁约谈). Supervisors of the region only.',
  fields: (t) => ({
    id: t.exposeInt('id', { description: '编号 Id.' }),
    uscc: t.string({ description: '统一社会信用代码.', resolve: (talk) => talk.uscc.trim() }),
    department: t.exposeString('department', { description: '约谈部门 The listing department.' }),
    kind: t.field({ type: TalkKindEnum, description: '类型 PROMPT or WARNING.', resolve: (talk) => talk.kind }),
    listingKind: t.field({ type: ListingKindEnum, description: '认定依据 Listing kind.', resolve: (talk) => talk.listingKind }),
    listingId: t.exposeInt('listingId', { description: '名单记录 Id of the listing in the sanctions subgraph.' }),
    heldOn: t.expose('heldOn', { type: 'Date', description: '约谈日期 Held on.' }),
    reason: t.exposeString('reason', { description: '约谈事由 Reason.' }),
    rectificationDeadline: t.expose('rectificationDeadline', { type: 'Date', description: '整改期限 Rectify by.' }),
    outcome: t.field({ type: TalkOutcomeEnum, description: '结果 Outcome.', resolve: (talk) => talk.outcome }),
    outcomeOn: t.expose('outcomeOn', { type: 'Date', nullable: true, description: '结果日期 When the outcome was assessed.' }),
  }),
});

builder.objectField(EnterpriseRef, 'admonitionTalks', (t) =>
  t.field({
    type: [TalkRef],
    nullable: true,
    description: '约谈记录 Admonition talks, newest first; supervisors of the region only (empty for others).',
    resolve: async (e, _a, ctx) => (await ctx.loaders.talksByUscc.load(e.uscc)).filter((talk) => mayRead(ctx.caller, talkFacts(talk))),
  }),
);

const RecordTalkInput = builder.inputType('RecordAdmonitionTalkInput', {
  description: '约谈录入 A talk held by the department that listed the enterprise.',
  fields: (t) => ({
    uscc: t.string({ required: true, description: '统一社会信用代码.', bounds: TEXT.code }),
    kind: t.field({ type: TalkKindEnum, required: true, description: '类型 PROMPT or WARNING.' }),
    listingKind: t.field({ type: ListingKindEnum, required: true, description: '认定依据 The listing.' }),
    listingId: t.int({ required: true, description: '名单记录 Id of the listing; it must be the caller’s department’s and current.' }),
    heldOn: t.field({ type: 'Date', required: true, description: '约谈日期 Not in the future.' }),
    reason: t.string({ required: true, description: '约谈事由 Reason.', bounds: TEXT.text }),
    rectificationDeadline: t.field({ type: 'Date', required: true, description: '整改期限 After the talk.' }),
  }),
});

builder.mutationField('recordAdmonitionTalk', (t) =>
  t.field({
    type: TalkRef,
    description:
      '录入约谈 Records a 提示约谈 / 警示约谈: only the department that listed the enterprise (谁认定、谁约谈, checked against the sanctions subgraph), in its region, while the listing is current.',
    authScopes: { $any: { regulator: true, admin: true } },
    args: { input: t.arg({ type: RecordTalkInput, required: true, description: 'The talk.' }) },
    resolve: async (_root, { input }, ctx) => {
      const uscc = requireValidUscc(input.uscc, 'input.uscc');
      if (input.heldOn > ctx.today) fail('input.heldOn', 'IN_FUTURE', `after today (${ctx.today})`);
      if (input.rectificationDeadline <= input.heldOn) fail('input.rectificationDeadline', 'BEFORE_TALK', 'after the talk');
      const reason = input.reason.trim() || fail('input.reason', 'EMPTY', 'cannot be empty');
      const regionCode = await registeredRegionOf(ctx.enterpriseFacts, uscc, 'input.uscc');
      const listing = (await ctx.listings(uscc)).find((l) => l.kind === input.listingKind && l.id === input.listingId);
      if (!listing) throw notFound('input.listingId: the enterprise has no such listing (记录不存在)', { field: 'input.listingId' });
      if (!listing.currentlyListed) fail('input.listingId', 'NOT_LISTED', 'the enterprise is no longer on that list');
      // 谁认定、谁约谈: the talk belongs to the listing department; the policy checks it is the caller's, in its region.
      assertCanWrite(ctx.caller, { region: regionCode, owner: listing.department, published: false }, 'recordAdmonitionTalk');
      return insertTalk(ctx.db, {
        uscc,
        regionCode,
        department: listing.department,
        kind: input.kind,
        listingKind: input.listingKind,
        listingId: input.listingId,
        heldOn: input.heldOn,
        reason,
        rectificationDeadline: input.rectificationDeadline,
        outcome: 'PENDING',
        recordedBy: ctx.caller.sub,
      });
    },
  }),
);

builder.mutationField('recordAdmonitionTalkOutcome', (t) =>
  t.field({
    type: TalkRef,
    description: '录入整改结果 RECTIFIED or NOT_RECTIFIED, once, by the department that held the talk.',
    authScopes: { $any: { regulator: true, admin: true } },
    args: {
      id: t.arg.int({ required: true, description: '编号 Talk id.' }),
      outcome: t.arg({ type: TalkOutcomeEnum, required: true, description: '结果 RECTIFIED or NOT_RECTIFIED.' }),
      on: t.arg({ type: 'Date', description: '日期 Default today.' }),
    },
    resolve: async (_root, args, ctx) => {
      const talk = await getTalk(ctx.db, requireId(args.id, 'id'));
      if (!talk) throw notFound('talk not found (记录不存在)', { field: 'id' });
      assertChanges(ctx.caller, talkFacts(talk), 'admonition talk', 'id');
      if (args.outcome === 'PENDING') fail('outcome', 'NOT_AN_OUTCOME', 'RECTIFIED or NOT_RECTIFIED');
      const on = args.on ?? ctx.today;
      if (on > ctx.today) fail('on', 'IN_FUTURE', `after today (${ctx.today})`);
      if (on < talk.heldOn) fail('on', 'BEFORE_TALK', `the talk was on ${talk.heldOn}`);
      return recordTalkOutcome(ctx.db, talk.id, args.outcome as 'RECTIFIED' | 'NOT_RECTIFIED', on);
    },
  }),
);
