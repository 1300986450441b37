import { definePublicationTimelinessTypes, publicationTimeliness, timelinessScope } from '@credit-hub/subgraph-kit';
import { and, isNull, ne, not, sql } from 'drizzle-orm';
import { builder } from '../builder.ts';
import { penalties } from '../db/schema.ts';
import { publicationDeadlines } from '../rules/publication-period.ts';

const PublicationTimelinessRef = definePublicationTimelinessTypes(builder);

/**
 * Penalties the 双公示 applies to: the SQL form of publicationDecision's NONE cases (市场监督管理
 * 行政处罚信息公示规定 第二条、第十三条) — simple procedure, warning only, withheld by approval.
 */
const subjectToDualPublication = and(
  ne(penalties.procedure, 'SIMPLE'),
  isNull(penalties.withheldReason),
  not(sql`${penalties.penaltyTypes} <@ array['WARNING']::text[]`),
);

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
    resolve: (_root, args, ctx) => {
      const scope = timelinessScope(ctx.caller, args, ctx.today);
      return publicationTimeliness(
        ctx.db,
        {
          table: penalties,
          decidedOn: penalties.decidedOn,
          publishedOn: penalties.publishedOn,
          department: penalties.department,
          regionCode: penalties.regionCode,
          subject: subjectToDualPublication,
        },
        scope,
        (day) => publicationDeadlines(day, ctx.rules).dualPublication,
      );
    },
  }),
);
