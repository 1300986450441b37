import { checkUscc, MAX_USCC_INPUT_LENGTH, type UsccCheck, type UsccProblem } from '@credit-hub/uscc';
import { builder } from '../builder.ts';

export const UsccRuleEnum = builder.enumType('UsccRule', {
  description: '校验规则 Rule of GB 32100-2015 / GB 11714 a code can break.',
  values: {
    EMPTY: { description: 'Nothing was given.' },
    LENGTH: { description: '长度错误 Not 18 characters.' },
    ILLEGAL_CHARACTER: { description: '非法字符 A character outside 0-9 and A-Y without I, O, S, V, Z.' },
    UNKNOWN_AUTHORITY: { description: '登记管理部门代码错误 Position 1 is not a registration authority code.' },
    UNKNOWN_ENTITY_TYPE: { description: '机构类别代码错误 Position 2 is not an entity type of that authority.' },
    UNKNOWN_DIVISION: {
      description:
        '行政区划码错误 Positions 3–8 are not a known GB/T 2260 division (a warning when only the county is unknown: it may be historical).',
    },
    ORGANIZATION_CODE_CHECK: { description: '组织机构代码校验码错误 Position 17 does not match the GB 11714 check.' },
    CHECK_CHARACTER: { description: '校验码错误 Position 18 does not match the GB 32100 check.' },
    ALLOW_LISTED: { description: '白名单放行 An issued code that fails a check, accepted by the operator allow-list.' },
  },
});

export const UsccProblemRef = builder.objectRef<UsccProblem>('UsccProblem').implement({
  description: '校验问题 One problem found in a unified social credit code.',
  fields: (t) => ({
    rule: t.field({ type: UsccRuleEnum, description: 'The rule broken.', resolve: (p) => p.rule }),
    message: t.exposeString('message', { description: 'What is wrong, in words, e.g. "expected 6, got 7".' }),
    position: t.exposeInt('position', { nullable: true, description: '1-based character position, when the problem has one.' }),
    severity: t.string({ description: '"error" makes the code invalid; "warning" does not.', resolve: (p) => p.severity }),
  }),
});

type Parts = NonNullable<UsccCheck['parts']>;
const UsccPartsRef = builder.objectRef<Parts>('UsccParts').implement({
  description: '代码结构 The parts of an 18-character code.',
  fields: (t) => ({
    authority: t.string({
      nullable: true,
      description: '登记管理部门 Registration authority (position 1), e.g. 工商.',
      resolve: (p) => p.authority?.name ?? null,
    }),
    authorityCode: t.string({ description: 'Position 1.', resolve: (p) => p.authority?.code ?? '' }),
    entityType: t.string({
      nullable: true,
      description: '机构类别 Entity type (position 2), e.g. 企业.',
      resolve: (p) => p.entityType?.name ?? null,
    }),
    entityTypeCode: t.string({ description: 'Position 2.', resolve: (p) => p.entityType?.code ?? '' }),
    regionCode: t.exposeString('regionCode', { description: '登记管理机关行政区划码 Positions 3–8.' }),
    regionName: t.string({
      nullable: true,
      description: 'Full name of the division, e.g. 山西省运城市盐湖区.',
      resolve: (p) => p.division?.fullName ?? null,
    }),
    organizationCode: t.exposeString('organizationCode', {
      description: '组织机构代码 Positions 9–17 (GB 11714, with its own check character).',
    }),
    checkCharacter: t.exposeString('checkCharacter', { description: '校验码 Position 18.' }),
  }),
});

const UsccCheckRef = builder.objectRef<UsccCheck>('UsccCheck').implement({
  description: '代码校验结果 Result of checking a unified social credit code. Never an error: problems are data.',
  fields: (t) => ({
    input: t.exposeString('input', { description: `What was given (its first ${MAX_USCC_INPUT_LENGTH} characters and … when longer).` }),
    normalized: t.exposeString('normalized', {
      description: `Trimmed, spaces removed, full-width to half-width, upper case; empty for input over ${MAX_USCC_INPUT_LENGTH} characters.`,
    }),
    valid: t.exposeBoolean('valid', { description: 'No error-level problem (or allow-listed).' }),
    allowListed: t.exposeBoolean('allowListed', { description: 'Accepted only because an operator allow-listed it.' }),
    problems: t.field({ type: [UsccProblemRef], description: 'Every problem found, in position order.', resolve: (c) => c.problems }),
    parts: t.field({
      type: UsccPartsRef,
      nullable: true,
      description: 'The parsed parts; null unless 18 characters.',
      resolve: (c) => c.parts,
    }),
  }),
});

builder.queryField('checkUscc', (t) =>
  t.field({
    type: UsccCheckRef,
    description: '校验统一社会信用代码 Checks a code against GB 32100-2015 and GB 11714 and explains every problem.',
    args: {
      code: t.arg.string({
        required: true,
        description: `The code as pasted; spaces and lower case are fine. Over ${MAX_USCC_INPUT_LENGTH} characters answers one LENGTH problem.`,
        // Any text is an answerable question here: problems are data, never an error.
        bounds: 'unchecked',
      }),
    },
    resolve: (_root, { code }, ctx) => checkUscc(code, { allowList: ctx.allowList }),
  }),
);
