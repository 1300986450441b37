/**
 * Value formats of the national 双公示 data standard (行政许可、行政处罚等信用信息数据归集标准), as
 * DOMAIN.md records them: dates `YYYY/MM/DD` in tables and `yyyy-MM-dd` in JSON exchanges,
 * `2099/12/31` for 长期 (no end), amounts in 万元 with up to six decimals, and natural persons' ID
 * numbers masked (行政处罚信息公示规定 第五–六条).
 */

/** The standard's stand-in for "no end date" (长期). */
export const LONG_TERM_DATE = '2099-12-31';

export type DateStyle = 'table' | 'json';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2024-03-05` → `2024/03/05` (tables) or unchanged (JSON); null → '' unless it means 长期. */
export function formatDate(iso: string | null | undefined, style: DateStyle, options: { longTerm?: boolean } = {}): string {
  const value = iso ?? (options.longTerm ? LONG_TERM_DATE : null);
  if (!value) return '';
  if (!ISO_DATE.test(value)) throw new Error(`not an ISO date: ${value}`);
  // Fixed positions (the pattern was just checked): cheaper than a replace, twice per exported row.
  return style === 'table' ? `${value.slice(0, 4)}/${value.slice(5, 7)}/${value.slice(8, 10)}` : value;
}

const YUAN = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Yuan (exact decimal string, at most 2 decimals: 分) → 万元 with six decimals, exactly: a shift
 * of the decimal point by four places, done on digits so that no float ever rounds a fine.
 */
export function yuanToWanyuan(yuan: string | null | undefined): string {
  if (yuan == null || yuan === '') return '';
  const match = YUAN.exec(yuan.trim());
  if (!match) throw new Error(`not a yuan amount: ${yuan}`);
  // 1 万元 = 1 000 000 分, so six decimals of 万元 are exactly the digits of the amount in 分:
  // the decimal point moves on the digit string, with no number type that could round.
  const fen = `${match[2] ?? '0'}${(match[3] ?? '').padEnd(2, '0')}`.replace(/^0+/, '').padStart(7, '0');
  const zero = /^0+$/.test(fen);
  return `${match[1] && !zero ? '-' : ''}${fen.slice(0, -6)}.${fen.slice(-6)}`;
}

const WANYUAN = /^(\d+)(?:\.(\d{1,6}))?$/;

/** 万元 text → yuan with two decimals; null when it is not a plain amount or finer than 1 分. */
export function wanyuanToYuan(text: string): string | null {
  const match = WANYUAN.exec(text.trim().replaceAll(',', ''));
  if (!match) return null;
  const fraction = (match[2] ?? '').padEnd(6, '0');
  const fen = BigInt(match[1] ?? '0') * 1_000_000n + BigInt(fraction);
  return `${fen / 100n}.${(fen % 100n).toString().padStart(2, '0')}`;
}

const YUAN_TEXT = /^(\d+)(?:\.(\d{1,2}))?$/;

/** Yuan text as written in provincial tables (commas allowed) → exact decimal string, or null. */
export function parseYuan(text: string): string | null {
  const match = YUAN_TEXT.exec(text.trim().replaceAll(',', '').replace(/元$/, ''));
  if (!match) return null;
  return `${BigInt(match[1] ?? '0')}.${(match[2] ?? '').padEnd(2, '0')}`;
}

/**
 * 居民身份证号码 masked for publication: the birth date (positions 7–14) hidden, the issuing
 * division and the last four kept so that a party can still recognise its own record.
 * Anything that is not an 18- or 15-character ID number is masked entirely but for the last 4.
 */
export function maskIdNumber(idNumber: string | null | undefined): string {
  const value = (idNumber ?? '').trim().toUpperCase();
  if (!value) return '';
  if (/^\d{17}[\dX]$/.test(value)) return `${value.slice(0, 6)}********${value.slice(14)}`;
  if (/^\d{15}$/.test(value)) return `${value.slice(0, 6)}******${value.slice(12)}`;
  return `${'*'.repeat(Math.max(0, value.length - 4))}${value.slice(-4)}`;
}

const DATE_PATTERNS: readonly RegExp[] = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** Excel's day 0 is 1899-12-30 (with the 1900 leap-year bug folded in). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A date as provinces write it in tables: 2024/3/5, 2024-03-05, 2024.03.05, 2024年3月5日,
 * 20240305, an Excel serial number, or 长期. Returns the ISO date, or null when it is none of
 * these or not a day of the calendar (2024/02/30).
 */
export function parseTableDate(text: string): string | null {
  const value = text.trim();
  if (value === '长期' || value === '永久') return LONG_TERM_DATE;
  if (/^\d{5}(\.0+)?$/.test(value)) {
    return new Date(EXCEL_EPOCH_MS + Number.parseInt(value, 10) * 86_400_000).toISOString().slice(0, 10);
  }
  for (const pattern of DATE_PATTERNS) {
    const match = pattern.exec(value);
    if (!match) continue;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
    return date.toISOString().slice(0, 10);
  }
  return null;
}
