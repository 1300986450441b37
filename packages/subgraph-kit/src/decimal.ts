import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** Yuan with at most 2 decimals (分), up to 14 integer digits: what numeric(16,2) holds. */
const YUAN = /^(0|[1-9]\d{0,13})(\.\d{1,2})?$/;

const refuse = (shown: string) =>
  new GraphQLError(`"${shown}" is not an amount of yuan: give a decimal string with at most 2 decimals, e.g. "4999.50"`, {
    extensions: { code: 'BAD_USER_INPUT', reason: 'MONEY_FORMAT' },
  });

/**
 * Parses money exactly: a decimal string ("4999.50") or a whole number (4999). Floating-point
 * input is refused, so an amount can never arrive rounded.
 */
export function parseDecimal(value: unknown): string {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && YUAN.test(value.trim())) return value.trim();
  throw refuse(String(value));
}

export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description:
    '金额 Exact decimal number as a string, e.g. "4999.50" (yuan: at most 2 decimals). Input also takes a whole number; never a float.',
  serialize: (value) => String(value),
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING) return parseDecimal(ast.value);
    if (ast.kind === Kind.INT) return parseDecimal(Number(ast.value));
    throw refuse(ast.kind === Kind.FLOAT ? ast.value : ast.kind);
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
