import type { HardRuleDefinition } from '../model.ts';
import { abnormalList } from './abnormal-list.ts';
import { licenceRevoked } from './licence-revoked.ts';
import { seriousList } from './serious-list.ts';

/** The hard rules a model file may switch on, each with the minimum class it imposes. */
export const HARD_RULES: ReadonlyMap<string, HardRuleDefinition> = new Map(
  [seriousList, licenceRevoked, abnormalList].map((rule) => [rule.key, rule]),
);
