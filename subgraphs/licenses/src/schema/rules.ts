import { defineRuleTypes, parseProvinceArgument } from '@credit-hub/subgraph-kit';
import { builder } from '../builder.ts';
import { licenseRulesInForce } from '../rules/catalogue.ts';

export const { rule: CreditRuleRef, computedDate: ComputedDateRef } = defineRuleTypes(builder);

builder.queryField('licenseRules', (t) =>
  t.field({
    type: [CreditRuleRef],
    description:
      '信用监管规则（许可） The licence rule versions in force on a day — publication deadlines, validity, renewal lead times, use-registration deadline — each with its citation and effective date. Sanction rules: creditRules.',
    args: {
      province: t.arg.string({ description: '省级区划 Two digits or a 6-digit division code; licence rules are national today.' }),
      on: t.arg({ type: 'Date', description: '日期 Day the rules apply to (default today).' }),
    },
    resolve: (_root, args, ctx) => licenseRulesInForce(ctx.rules, args.on ?? ctx.today, parseProvinceArgument(args.province, 'province')),
  }),
);
