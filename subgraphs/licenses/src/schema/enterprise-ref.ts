import { builder } from '../builder.ts';

/**
 * The enterprise entity owned by the enterprises subgraph; this subgraph only adds fields to it.
 * Its reference is the key itself, so resolving it costs no SQL.
 */
export const EnterpriseRef = builder.externalRef('Enterprise', builder.selection<{ uscc: string }>('uscc'));
