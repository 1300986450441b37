import { TEXT } from '@credit-hub/subgraph-kit';
import { assertMayRead, assertReadsClasses, classFacts } from '../access.ts';
import { builder } from '../builder.ts';
import { effectiveByMonth } from './credit-risk.ts';
import { RiskClassEnum } from './enums.ts';

/** 3 000 codes × (item + two fields) = 9 000, under the default static cost limit of 15 000. */
const MAX_CODES = 3000;

interface CodeClass {
  uscc: string;
  riskClass: 'A' | 'B' | 'C' | 'D';
}

const CodeClassRef = builder.objectRef<CodeClass>('RiskClassOfCode').implement({
  description: '企业类别 One enterprise’s latest class (as `Enterprise.creditRisk` without a month).',
  fields: (t) => ({
    uscc: t.exposeString('uscc', { description: '统一社会信用代码 Unified social credit code.' }),
    riskClass: t.field({ type: RiskClassEnum, description: '类别 Class.', resolve: (row) => row.riskClass }),
  }),
});

builder.queryField('riskClassesOf', (t) =>
  t.field({
    type: [CodeClassRef],
    description:
      '批量类别 The latest class of up to 3 000 enterprises by code, classified ones only (in code order): the lean read a 双随机 draw joins its pool with, instead of a federated profile per 500. Same rule per enterprise as `Enterprise.creditRisk` (FORBIDDEN for the whole request if any class is outside the caller’s region). Audited with the codes returned.',
    args: {
      usccs: t.arg.stringList({ required: true, description: 'Codes to look up.', bounds: { ...TEXT.code, maxItems: MAX_CODES } }),
    },
    resolve: async (_root, args, ctx) => {
      assertReadsClasses(ctx.caller, 'riskClassesOf');
      const codes = [...new Set(args.usccs)].sort();
      const found: CodeClass[] = [];
      for (const rows of await ctx.loaders.results.loadMany(codes)) {
        if (rows instanceof Error) throw rows;
        const latest = [...effectiveByMonth(rows).values()].sort((a, b) => b.month.localeCompare(a.month))[0];
        if (!latest) continue;
        assertMayRead(ctx.caller, classFacts(latest.regionCode), 'riskClassesOf');
        found.push({ uscc: latest.uscc, riskClass: latest.riskClass });
      }
      await ctx.audit({ action: 'ENTERPRISES', usccs: found.map((row) => row.uscc), detail: { query: 'riskClassesOf' } });
      return found;
    },
  }),
);
