import { mulberry32 } from '@credit-hub/seed';
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

/** The seed package's generator: deterministic, so a failing case reproduces from its seed. */
export const seededRandom = mulberry32;

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** Characters that broke or could break text handling: controls, surrogates, invisible and reordering marks. */
const ODD_UNICODE = [
  '\u0000',
  '\u0007',
  '\u001B',
  '\u007F',
  '\u0085',
  '\ud800',
  '\udfff',
  '\u200B',
  '\u200D',
  '\uFEFF',
  '\u202E',
  '\u2066',
  '\u0301',
  '\u0336',
  '９１',
  'ＡＢ',
  '\u3000',
  '😀',
  '👨‍👩‍👧',
  '\uFFFF',
  '𠀀',
  '\n',
  '\t',
  '\r\n',
];
const TRICKY_TEXT = ["' OR 1=1 --", '%', '_', '\\', '%_\\%', '$' + '{x}', '<script>', '../../etc/passwd', ' ', '', 'null', '-1', '1e308'];

function randomString(random: Random, length: number): string {
  let text = '';
  while (text.length < length) {
    const roll = random();
    if (roll < 0.5) text += String.fromCharCode(32 + Math.floor(random() * 95));
    else if (roll < 0.7) text += String.fromCharCode(0x4e00 + Math.floor(random() * 0x5000));
    else text += pick(random, ODD_UNICODE);
  }
  return text;
}

/** A value that is wrong for a `String`/`ID` input: odd text, huge text, or another JSON type. */
function badText(random: Random): unknown {
  const roll = random();
  if (roll < 0.08) return 'x'.repeat(100_000 + Math.floor(random() * 2_000));
  if (roll < 0.14) return randomString(random, 3_000);
  if (roll < 0.45) return randomString(random, 1 + Math.floor(random() * 40));
  if (roll < 0.6) return `${pick(random, TRICKY_TEXT)}${pick(random, ODD_UNICODE)}`;
  return wrongType(random);
}

function wrongType(random: Random): unknown {
  return pick(random, [null, 0, -1, 2 ** 53, 1.5, 1e308, true, {}, { a: 1 }, [], ['x'], [null], [[1]], 'x'.repeat(10)]);
}

function badNumber(random: Random): unknown {
  return pick(random, [-1, 0, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e308, -1e308, 1.5, 'NaN', '1', null, {}, [1]]);
}

function badDate(random: Random): unknown {
  return pick(random, [
    '2026-02-30',
    '2026-13-01',
    '0000-01-01',
    '99999-01-01',
    '1899-12-31',
    '2200-01-01',
    '2024-02-29T00:00:00Z',
    '2024-1-1',
    '２０２４-０１-０１',
    'today',
    '2024-01-01\u0000',
    randomString(random, 10),
    20240101,
    null,
    {},
  ]);
}

/** A bad value for an input of `type`. */
export function badValue(type: GraphQLInputType, random: Random): unknown {
  const named = getNamedType(type);
  if (isListType(isNonNullType(type) ? type.ofType : type) && random() < 0.15) {
    return Array.from({ length: pick(random, [101, 501, 2_000]) }, () => 'x');
  }
  if (isScalarType(named)) {
    if (named.name === 'String' || named.name === 'ID') return badText(random);
    if (named.name === 'Int' || named.name === 'Float') return badNumber(random);
    if (named.name === 'Date' || named.name === 'DateTime') return badDate(random);
    return wrongType(random);
  }
  if (isEnumType(named)) return pick(random, ['NOT_A_VALUE', 'active', 0, null, [], randomString(random, 8)]);
  return pick(random, [{}, { unknownField: 1 }, 'x', 1, [], [{}], null]);
}

/** Valid-looking values for required inputs, so that the bad value of one input reaches its resolver. */
export interface ValidDefaults {
  uscc: string;
  regionCode: string;
}

export function validValue(type: GraphQLInputType, name: string, defaults: ValidDefaults): unknown {
  if (isNonNullType(type)) return validValue(type.ofType, name, defaults);
  if (isListType(type)) return [validValue(type.ofType, name, defaults)];
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = validValue(field.type, field.name, defaults);
    }
    return value;
  }
  if (isEnumType(type)) return type.getValues()[0]?.value;
  switch (type.name) {
    case 'Int':
      return name === 'first' ? 5 : name === 'year' ? 2024 : 1;
    case 'Float':
      return 1000;
    case 'Boolean':
      return false;
    case 'Date':
      return '2025-03-03';
    case 'DateTime':
      return '2025-03-03T08:00:00Z';
    case 'ID':
      return '1';
    default:
      if (/uscc/i.test(name)) return defaults.uscc;
      if (/regionCode/.test(name)) return defaults.regionCode;
      return `测试${name}`;
  }
}

/** One place a bad value can go: an argument, or a field inside an input object argument. */
export interface FuzzTarget {
  operation: 'query' | 'mutation';
  /** The root field, then (maybe) a field of its result: Enterprise.penalties(asOf:) through enterprise(uscc:). */
  fields: readonly GraphQLField<unknown, unknown>[];
  /** Which field of `fields` carries the bad value, in which argument, at which input-field path inside it. */
  at: { level: number; argument: string; inputPath: string[]; type: GraphQLInputType };
}

export const describeTarget = (target: FuzzTarget) =>
  `${target.operation} ${target.fields.map((field) => field.name).join('.')}(${[target.at.argument, ...target.at.inputPath].join('.')})`;

function inputPaths(type: GraphQLInputType, seen: Set<string>): { path: string[]; type: GraphQLInputType }[] {
  const named = getNamedType(type);
  if (!isInputObjectType(named) || seen.has(named.name)) return [];
  const paths: { path: string[]; type: GraphQLInputType }[] = [];
  for (const field of Object.values(named.getFields())) {
    paths.push({ path: [field.name], type: field.type });
    for (const inner of inputPaths(field.type, new Set(seen).add(named.name)))
      paths.push({ path: [field.name, ...inner.path], type: inner.type });
  }
  return paths;
}

function targetsOfField(operation: FuzzTarget['operation'], fields: GraphQLField<unknown, unknown>[]): FuzzTarget[] {
  const level = fields.length - 1;
  const targets: FuzzTarget[] = [];
  for (const argument of fields[level]?.args ?? []) {
    targets.push({ operation, fields, at: { level, argument: argument.name, inputPath: [], type: argument.type } });
    for (const inner of inputPaths(argument.type, new Set())) {
      targets.push({ operation, fields, at: { level, argument: argument.name, inputPath: inner.path, type: inner.type } });
    }
  }
  return targets;
}

/**
 * Every argument and input field of every query and mutation, plus the arguments of the fields
 * of each query's result type.
 */
export function fuzzTargets(schema: GraphQLSchema): FuzzTarget[] {
  const targets: FuzzTarget[] = [];
  for (const [operation, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(root?.getFields() ?? {}) as GraphQLField<unknown, unknown>[]) {
      if (field.name.startsWith('_')) continue;
      targets.push(...targetsOfField(operation, [field]));
      const result = getNamedType(field.type) as GraphQLNamedType;
      if (operation !== 'query' || !isObjectType(result)) continue;
      for (const child of Object.values(result.getFields()) as GraphQLField<unknown, unknown>[]) {
        if (child.args.length > 0) targets.push(...targetsOfField(operation, [field, child]));
      }
    }
  }
  return targets;
}

function setAt(value: unknown, path: string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  if (Array.isArray(value)) return [setAt(value[0], path, replacement)];
  const [head, ...rest] = path as [string, ...string[]];
  const base = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return { ...base, [head]: setAt(base[head], rest, replacement) };
}

/** The operation and variables that put `bad` where `target` says, with valid values elsewhere. */
export function buildCase(
  target: FuzzTarget,
  bad: unknown,
  defaults: ValidDefaults,
): { query: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  const definitions: string[] = [];
  const callOf = (level: number): string => {
    const field = target.fields[level] as GraphQLField<unknown, unknown>;
    const given: string[] = [];
    for (const argument of field.args) {
      const name = `v${level}_${argument.name}`;
      const isTarget = level === target.at.level && argument.name === target.at.argument;
      if (!isTarget && !isNonNullType(argument.type)) continue;
      const valid = validValue(argument.type, argument.name, defaults);
      definitions.push(`$${name}: ${argument.type.toString()}`);
      variables[name] = isTarget ? setAt(valid, target.at.inputPath, bad) : valid;
      given.push(`${argument.name}: $${name}`);
    }
    const call = `${field.name}${given.length ? `(${given.join(', ')})` : ''}`;
    const composite =
      isObjectType(getNamedType(field.type)) || (!isScalarType(getNamedType(field.type)) && !isEnumType(getNamedType(field.type)));
    const inner = level + 1 < target.fields.length ? callOf(level + 1) : '__typename';
    return composite ? `${call} { ${inner} }` : call;
  };
  const body = callOf(0);
  return { query: `${target.operation} Fuzz${definitions.length ? `(${definitions.join(', ')})` : ''} { ${body} }`, variables };
}
