import { definePublicationTimelinessTypes, publicationTimeliness, timelinessScope } from '@credit-hub/subgraph-kit';
import { builder } from '../builder.ts';
import { licenses } from '../db/schema.ts';
import { deadline } from '../rules/publication-rules.ts';

const PublicationTimelinessRef = definePublicationTimelinessTypes(builder);

/**
 * 双公示 timeliness of licence decisions (grants and renewals: `issued_on` is the latest decision,
 * `published_on` the day it was published, which is when the public outbox event is appended).
 */
builder.queryField('licensePublicationTimeliness', (t) =>
  t.field({
    type: PublicationTimelinessRef,
    description:
      '许可双公示及时性 Licence decisions (grants, renewals) of a period per producing department against the 双公示 deadline (7 working days, 国市监信发〔2022〕6号): on time, late, unpublished. Regulators (their region) and analysts.',
    args: {
      from: t.arg({ type: 'Date', description: '起始日 First decision day (default: the first of the month a year before `to`).' }),
      to: t.arg({ type: 'Date', description: '截止日 Last decision day (default today).' }),
      regionPrefix: t.arg.string({ description: '区划 Holder region: 2, 4 or 6 digits (14, 1408…); regulators default to their region.' }),
    },
    resolve: (_root, args, ctx) => {
      const scope = timelinessScope(ctx.caller, args, ctx.today);
      return publicationTimeliness(
        ctx.db,
        {
          table: licenses,
          decidedOn: licenses.issuedOn,
          publishedOn: licenses.publishedOn,
          department: licenses.department,
          regionCode: licenses.regionCode,
        },
        scope,
        (day) => deadline('DUAL_PUBLICATION_DEADLINE', day, ctx.rules),
      );
    },
  }),
);
