import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { badUserInput } from './errors.ts';

/** Yuan with at most 2 decimals (分), up to 14 integer digits: what numeric(16,2) holds. */
const YUAN = /^(0|[1-9]\d{0,13})(\.\d{1,2})?$/;

const FLOAT_MARK = 'FLOAT:';

/**
 * Money exactly as the client wrote it: a string stays a string, a whole number becomes its
 * digits, a float is marked so that the field refuses it (requireYuan) with a BAD_USER_INPUT that
 * names the field. Refusing inside the scalar would surface through the gateway as a failed
 * subgraph request instead.
 */
function decimalInput(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'number') return `${FLOAT_MARK}${value}`;
  throw new GraphQLError('Decimal must be a string like "4999.50" or a whole number');
}

/** Parses money exactly: a decimal string ("4999.50") or whole number of yuan, at most 2 decimals. */
export function parseDecimal(value: unknown): string {
  const text = decimalInput(value);
  if (YUAN.test(text)) return text;
  throw new GraphQLError(`"${text}" is not an amount of yuan: give a decimal string with at most 2 decimals, e.g. "4999.50"`, {
    extensions: { code: 'BAD_USER_INPUT', reason: 'MONEY_FORMAT' },
  });
}

/** An input amount of yuan, or BAD_USER_INPUT naming `field`: floats are refused, at most 2 decimals. */
export function requireYuan(value: string, field: string): string {
  if (value.startsWith(FLOAT_MARK)) {
    throw badUserInput(`${field}: ${value.slice(FLOAT_MARK.length)} is a float; money is given as a decimal string, e.g. "4999.50"`, {
      field,
      reason: 'FLOAT_MONEY',
    });
  }
  if (!YUAN.test(value)) {
    throw badUserInput(`${field}: "${value}" is not an amount of yuan (digits, at most 2 decimals, e.g. "4999.50")`, {
      field,
      reason: 'MONEY_FORMAT',
    });
  }
  return value;
}

export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description:
    '金额 Exact decimal number as a string, e.g. "4999.50" (yuan: at most 2 decimals). Input also takes a whole number; a float is refused.',
  serialize: (value) => String(value),
  parseValue: decimalInput,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING) return ast.value.trim();
    if (ast.kind === Kind.INT) return ast.value;
    if (ast.kind === Kind.FLOAT) return `${FLOAT_MARK}${ast.value}`;
    throw new GraphQLError('Decimal must be a string like "4999.50" or a whole number');
  },
});

/** Yuan (decimal string) to 分 as an exact integer. */
export function yuanToFen(yuan: string): bigint {
  const [whole = '0', fraction = ''] = parseDecimal(yuan).split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}

/** 分 to yuan with 2 decimals, e.g. 499950n → "4999.50". */
export function fenToYuan(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** 分 to 万元 with 6 decimals, exactly (1 万元 = 1 000 000 分): what the credit platform takes. */
export function fenToWanYuan(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 1_000_000n}.${String(abs % 1_000_000n).padStart(6, '0')}`;
}

export const yuanToWanYuan = (yuan: string) => fenToWanYuan(yuanToFen(yuan));
