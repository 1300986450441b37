import { defineRuleTypes, parseProvinceArgument } from '@credit-hub/subgraph-kit';
import { builder } from '../builder.ts';

export const { rule: CreditRuleRef, computedDate: ComputedDateRef } = defineRuleTypes(builder);

builder.queryField('creditRules', (t) =>
  t.field({
    type: [CreditRuleRef],
    description:
      '信用监管规则（处罚与名单） The sanction rule versions in force for a province on a day — publication periods, lower-fine thresholds, repair waits and exclusions, listing periods, deadlines — each with its citation and effective date. Licence rules: licenseRules.',
    args: {
      province: t.arg.string({ description: '省级区划 Two digits (35 Fujian) or a 6-digit division code; omitted: national rules only.' }),
      on: t.arg({ type: 'Date', description: '日期 Day the rules apply to (default today).' }),
    },
    resolve: (_root, args, ctx) => {
      return ctx.rules.inForce(args.on ?? ctx.today, parseProvinceArgument(args.province, 'province'));
    },
  }),
);
