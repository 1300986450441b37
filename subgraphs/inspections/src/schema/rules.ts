import { defineRuleTypes, rulesInForce } from '@credit-hub/subgraph-kit';
import { builder } from '../builder.ts';
import { INSPECTION_RULES } from '../rules/catalogue.ts';

export const { rule: CreditRuleRef, computedDate: ComputedDateRef } = defineRuleTypes(builder);

builder.queryField('inspectionRules', (t) =>
  t.field({
    type: [CreditRuleRef],
    description:
      '抽查检查规则 Rule versions in force on a day: publication deadlines, key supervision; each with citation and effective date.',
    args: { on: t.arg({ type: 'Date', description: '日期 Day (default today).' }) },
    resolve: (_root, args, ctx) => rulesInForce(INSPECTION_RULES, args.on ?? ctx.today, null),
  }),
);
