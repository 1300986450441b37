import { badUserInput, parseRegionPrefix, TEXT } from '@credit-hub/subgraph-kit';
import { builder } from '../builder.ts';
import { type EnterpriseFilter, listEnterpriseCodes } from '../data/enterprise-store.ts';
import { EnterpriseFilterInput } from './enterprise.ts';

/** The largest page: 3 000 codes keep the static cost (first × fields) under the default limit. */
const MAX_CODES = 3000;

interface CodePage {
  codes: string[];
  regionCodes: string[];
  endCursor: string | null;
  hasNextPage: boolean;
}

const CodePageRef = builder.objectRef<CodePage>('EnterpriseCodePage').implement({
  description: '企业代码页 A page of codes only, ordered by code.',
  fields: (t) => ({
    codes: t.exposeStringList('codes', { description: '统一社会信用代码 Codes of the page.' }),
    regionCodes: t.exposeStringList('regionCodes', {
      description: '登记区划 Registered region (6 digits) of each code, in the same order: the draw pool needs no second read for it.',
    }),
    endCursor: t.exposeString('endCursor', { nullable: true, description: 'The last code: pass it as `after` for the next page.' }),
    hasNextPage: t.exposeBoolean('hasNextPage', { description: 'More codes follow.' }),
  }),
});

builder.queryField('enterpriseCodes', (t) =>
  t.field({
    type: CodePageRef,
    description:
      '企业代码清单 Codes of the enterprises matching a filter, up to 3 000 per page, keyset by code: the lean list services read a whole region with (the 双随机 draw pool) instead of 100-row searchEnterprises pages. Supervisors and services only.',
    authScopes: { supervisor: true },
    args: {
      filter: t.arg({ type: EnterpriseFilterInput, description: 'Conditions (as searchEnterprises); none returns all enterprises.' }),
      first: t.arg.int({ description: 'Page size, 1–3000 (default 1000).' }),
      after: t.arg.string({ description: 'The previous page’s endCursor (a code).', bounds: TEXT.code }),
    },
    resolve: async (_root, args, ctx) => {
      const size = args.first ?? 1000;
      if (size < 1 || size > MAX_CODES) throw badUserInput(`first: 1–${MAX_CODES}`, { field: 'first', reason: 'OUT_OF_RANGE' });
      const input = args.filter ?? {};
      const filter: EnterpriseFilter = {
        nameContains: input.nameContains?.trim() || undefined,
        regionPrefix: parseRegionPrefix(input.regionCode, 'filter.regionCode'),
        statuses: input.statuses,
        keyDomains: input.keyDomains,
        industryCode: input.industryCode,
        establishedFrom: input.establishedFrom,
        establishedTo: input.establishedTo,
        registrationNumber: input.registrationNumber,
      };
      const rows = await listEnterpriseCodes(ctx.db, filter, { limit: size + 1, afterUscc: args.after ?? undefined });
      const page = rows.slice(0, size);
      return {
        codes: page.map((row) => row.uscc),
        regionCodes: page.map((row) => row.regionCode),
        endCursor: page.at(-1)?.uscc ?? null,
        hasNextPage: rows.length > size,
      };
    },
  }),
);
