import { definePublicationTimelinessTypes, timelinessScope } from '@credit-hub/subgraph-kit';
import { builder } from '../builder.ts';
import { penaltyTimeliness } from '../data/penalty-timeliness.ts';

const PublicationTimelinessRef = definePublicationTimelinessTypes(builder);

builder.queryField('penaltyPublicationTimeliness', (t) =>
  t.field({
    type: PublicationTimelinessRef,
    description:
      '处罚双公示及时性 Penalty decisions of a period per producing department against the 双公示 deadline (7 working days, 国市监信发〔2022〕6号): on time, late, unpublished. Decisions never published (simple procedure, warning only, withheld by approval) are not counted. Regulators (their region) and analysts.',
    args: {
      from: t.arg({ type: 'Date', description: '起始日 First decision day (default: the first of the month a year before `to`).' }),
      to: t.arg({ type: 'Date', description: '截止日 Last decision day (default today).' }),
      regionPrefix: t.arg.string({ description: '区划 Party region: 2, 4 or 6 digits (14, 1408…); regulators default to their region.' }),
    },
    resolve: (_root, args, ctx) => penaltyTimeliness(ctx.db, timelinessScope(ctx.caller, args, ctx.today), ctx.rules),
  }),
);
