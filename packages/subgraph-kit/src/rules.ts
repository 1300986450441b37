import type { ObjectRef } from '@pothos/core';
import type { SubgraphBuilder } from './builder.ts';
import type { SubgraphContext } from './context.ts';
import { badUserInput } from './errors.ts';

/** Where a rule comes from: the document (regulation, notice) and its article. */
export interface RuleCitation {
  document: string;
  article: string | null;
}

/**
 * One version of a legal rule: its value, its source and the day from which it applies, for one
 * province (first two digits of the division code) or nationally (province null). A revision is a
 * new version with a later `effectiveFrom`, never an edit, so a record is judged by the version in
 * force on its decision date.
 */
export interface RuleVersion<TValue = unknown> {
  code: string;
  title: string;
  value: TValue;
  /** Unit of `value`: MONTHS, WORKING_DAYS, DAYS, YUAN, TYPES… */
  unit: string | null;
  citation: RuleCitation;
  effectiveFrom: string;
  province: string | null;
  /** What a reader must know, e.g. "(verify)" where the source is weak. */
  note: string | null;
}

/**
 * The version of `code` in force on `on` for `province`: a provincial version beats the national
 * one; among several, the latest that has taken effect. Null when none applies.
 */
export function ruleInForce<TValue>(
  versions: readonly RuleVersion<TValue>[],
  code: string,
  on: string,
  province: string | null,
): RuleVersion<TValue> | null {
  let best: RuleVersion<TValue> | null = null;
  for (const version of versions) {
    if (version.code !== code || version.effectiveFrom > on) continue;
    if (version.province !== null && version.province !== province) continue;
    if (
      best === null ||
      (version.province !== null && best.province === null) ||
      (version.province === best.province && version.effectiveFrom > best.effectiveFrom)
    )
      best = version;
  }
  return best;
}

/** Every rule version in force on `on` for `province` (one per code), sorted by code. */
export function rulesInForce(versions: readonly RuleVersion[], on: string, province: string | null): RuleVersion[] {
  const codes = [...new Set(versions.map((version) => version.code))].sort();
  return codes.map((code) => ruleInForce(versions, code, on, province)).filter((version): version is RuleVersion => version !== null);
}

/** A date (or its absence) the hub computed, with the rule that produced it. */
export interface ComputedDate {
  date: string | null;
  rule: RuleVersion;
  /** Counted through a year whose holiday notice the calendar does not know yet: it may move. */
  provisional: boolean;
  note: string | null;
}

export const computedDate = (date: string | null, rule: RuleVersion, provisional = false, note: string | null = null): ComputedDate => ({
  date,
  rule,
  provisional,
  note,
});

/** A province argument — 35, or a division code like 350000 / 350102 — as its 2 digits; BAD_USER_INPUT otherwise. */
export function parseProvinceArgument(code: string | null | undefined, field: string): string | null {
  if (!code) return null;
  if (!/^(\d{2}|\d{6})$/.test(code)) {
    throw badUserInput(`${field}: give the 2 province digits (35) or a 6-digit division code`, { field, reason: 'FORMAT' });
  }
  return code.slice(0, 2);
}

interface RuleTypes {
  // biome-ignore lint/suspicious/noExplicitAny: keyed by builder instance of any context type
  rule: ObjectRef<any, RuleVersion>;
  // biome-ignore lint/suspicious/noExplicitAny: keyed by builder instance of any context type
  computedDate: ObjectRef<any, ComputedDate>;
}

const ruleTypes = new WeakMap<object, RuleTypes>();

/**
 * The shareable `CreditRule`, `RuleCitation` and `ComputedDate` types: every subgraph that
 * explains its dates declares them, and composition requires the declarations to be identical,
 * so they all come from here.
 */
export function defineRuleTypes<TContext extends SubgraphContext>(builder: SubgraphBuilder<TContext>) {
  type Types = SubgraphBuilder<TContext>['$inferSchemaTypes'];
  const existing = ruleTypes.get(builder);
  if (existing) return existing as { rule: ObjectRef<Types, RuleVersion>; computedDate: ObjectRef<Types, ComputedDate> };
  const citation = builder.objectRef<RuleCitation>('RuleCitation').implement({
    description: '法律依据 Source of a rule: document and article.',
    shareable: true,
    fields: (t) => ({
      document: t.exposeString('document', { description: '文件 Regulation or notice, e.g. 市场监督管理行政处罚信息公示规定.' }),
      article: t.exposeString('article', { nullable: true, description: '条款 Article, e.g. 第十三条; null when the whole document.' }),
    }),
  });
  const rule = builder.objectRef<RuleVersion>('CreditRule').implement({
    description:
      '规则版本 One version of a legal rule the hub applies: value, source and the day it took effect, for one province or nationally. A record is judged by the version in force on its decision date.',
    shareable: true,
    fields: (t) => ({
      code: t.exposeString('code', { description: '规则代码 Stable code of the rule, e.g. PENALTY_PUBLICATION_LONG.' }),
      title: t.exposeString('title', { description: '规则 What the rule says, in one line.' }),
      value: t.string({
        description: '取值 The value as text, e.g. 36, 5000, ORDINARY, FOOD,DRUG,SPECIAL_EQUIPMENT.',
        resolve: (r) => (Array.isArray(r.value) ? r.value.join(',') : String(r.value)),
      }),
      unit: t.exposeString('unit', {
        nullable: true,
        description: '单位 MONTHS, WORKING_DAYS, DAYS, YUAN…; null for a rule without a number.',
      }),
      citation: t.field({ type: citation, description: '依据 Document and article.', resolve: (r) => r.citation }),
      effectiveFrom: t.expose('effectiveFrom', { type: 'Date', description: '施行日期 First day this version applies.' }),
      province: t.exposeString('province', {
        nullable: true,
        description: '省级区划 First two digits of the division code the version applies to; null: national.',
      }),
      note: t.exposeString('note', { nullable: true, description: '说明 What to know, e.g. (verify) when the source is weak.' }),
    }),
  });
  const computed = builder.objectRef<ComputedDate>('ComputedDate').implement({
    description: '计算日期 A date (or state) the hub computed, with the rule, article and effective date that produced it.',
    shareable: true,
    fields: (t) => ({
      date: t.expose('date', {
        type: 'Date',
        nullable: true,
        description: '日期 The computed date; null when the rule gives none (e.g. never published).',
      }),
      rule: t.field({ type: rule, description: '依据规则 The rule version that produced it.', resolve: (c) => c.rule }),
      provisional: t.exposeBoolean('provisional', {
        description: '暂定 Counted through a year whose State Council holiday notice is not loaded yet: the date may move.',
      }),
      note: t.exposeString('note', {
        nullable: true,
        description: '说明 How the rule applied, e.g. which threshold or why a safe reading was taken.',
      }),
    }),
  });
  const refs = { rule, computedDate: computed };
  ruleTypes.set(builder, refs);
  return refs as { rule: ObjectRef<Types, RuleVersion>; computedDate: ObjectRef<Types, ComputedDate> };
}
