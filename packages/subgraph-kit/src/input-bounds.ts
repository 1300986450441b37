import { badUserInput } from './errors.ts';

/**
 * What a text input may hold. Every `String` and `ID` argument and input field is checked against
 * its bounds before its resolver runs (input-bounds-plugin.ts); the field declares tighter ones.
 */
export interface TextBounds {
  /** Longest value, in characters (Unicode code points). */
  maxLength: number;
  /** Free text: tab and line breaks allowed. Other strings are one line. */
  multiline?: boolean;
  /** Most items of a list argument or field. */
  maxItems?: number;
}

/** Bounds for each kind of text, so that one word means one limit everywhere. */
export const TEXT = {
  /** Codes as typed, before normalising: USCC, division, industry, department and authority codes, phone numbers. */
  code: { maxLength: 64 },
  /** Short identifiers: department, authority and registration codes. */
  identifier: { maxLength: 32 },
  /** Reference numbers: decision numbers (文号), licence, certificate and registration numbers. */
  reference: { maxLength: 100 },
  /** Names: enterprises, people, authorities, categories, models, addresses of one line. */
  name: { maxLength: 200 },
  /** One line of text: an address, an e-mail, a search fragment. */
  line: { maxLength: 500 },
  /** Free text: reasons, notes, facts (line breaks allowed). */
  text: { maxLength: 2000, multiline: true },
  /** Long free text: business scope, decision content, statements (line breaks allowed). */
  longText: { maxLength: 5000, multiline: true },
} as const satisfies Record<string, TextBounds>;

/** Bounds of a `String` that declares none. */
export const DEFAULT_STRING_BOUNDS: TextBounds = { maxLength: 2000 };
/** Bounds of an `ID` that declares none. */
export const DEFAULT_ID_BOUNDS: TextBounds = { maxLength: 100 };
/**
 * Largest magnitude of a `Float` input: amounts are stored as numeric(16, 2), and a value past it
 * (or 1e308) would fail in PostgreSQL instead of being refused.
 */
export const MAX_FLOAT_INPUT = 99_999_999_999_999;
/** Most items of a list input that declares no `maxItems`. */
export const DEFAULT_MAX_ITEMS = 100;

export type TextProblemReason = 'TOO_LONG' | 'CONTROL_CHARACTER' | 'INVALID_UNICODE' | 'BIDI_CONTROL';

export interface TextProblem {
  reason: TextProblemReason;
  message: string;
}

// C0 controls (NUL, which PostgreSQL refuses in text, among them), DEL and C1 controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// A surrogate half without its partner: not a character, and not encodable as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Embedding, override and isolate controls reorder what a reader sees ("Trojan source" spoofing).
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

// Any character one of the three patterns above could match (surrogates as halves, paired or not):
// most text has none, and one test then stands for three.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const SUSPECT = /[\u0000-\u001F\u007F-\u009F\uD800-\uDFFF\u202A-\u202E\u2066-\u2069]/;

const codePoint = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Code points of `text`, but no more than `limit + 1` of them are counted. */
function lengthUpTo(text: string, limit: number): number {
  if (text.length <= limit) return text.length;
  if (text.length > limit * 2) return limit + 1;
  let count = 0;
  for (const _ of text) if (++count > limit) break;
  return count;
}

/** The first rule `text` breaks, or null. Never repeats the text itself. */
export function checkText(text: string, bounds: TextBounds): TextProblem | null {
  if (lengthUpTo(text, bounds.maxLength) > bounds.maxLength) {
    return { reason: 'TOO_LONG', message: `at most ${bounds.maxLength} characters, got ${text.length} (超出长度限制)` };
  }
  if (!SUSPECT.test(text)) return null;
  const control = (bounds.multiline ? CONTROL_MULTILINE : CONTROL_SINGLE_LINE).exec(text);
  if (control) {
    return {
      reason: 'CONTROL_CHARACTER',
      message: `control character ${codePoint(control[0])} at position ${control.index + 1} is not allowed (含控制字符)`,
    };
  }
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) {
    return { reason: 'INVALID_UNICODE', message: `unpaired surrogate at position ${surrogate.index + 1} (无效字符)` };
  }
  const bidi = BIDI_CONTROL.exec(text);
  if (bidi) {
    return {
      reason: 'BIDI_CONTROL',
      message: `bidirectional control ${codePoint(bidi[0])} at position ${bidi.index + 1} is not allowed (含方向控制字符)`,
    };
  }
  return null;
}

/** Throws BAD_USER_INPUT naming `field` when `text` breaks `bounds`; returns it otherwise. */
export function requireText(text: string, field: string, bounds: TextBounds): string {
  const problem = checkText(text, bounds);
  if (problem) throw textError(problem, field, bounds);
  return text;
}

/** The BAD_USER_INPUT for a text that broke its bounds, naming `field`. */
export function textError(problem: TextProblem, field: string, bounds: TextBounds) {
  return badUserInput(`${field}: ${problem.message}`, { field, reason: problem.reason, maxLength: bounds.maxLength });
}

/** Whether a `Float` input is within the storable range. */
export const isStorableNumber = (value: number) => Number.isFinite(value) && Math.abs(value) <= MAX_FLOAT_INPUT;

/** Throws BAD_USER_INPUT naming `field` when a `Float` input is out of the storable range. */
export function requireStorableNumber(value: number, field: string): number {
  if (!isStorableNumber(value)) {
    throw badUserInput(`${field}: at most ${MAX_FLOAT_INPUT} in magnitude (超出数值范围)`, { field, reason: 'OUT_OF_RANGE' });
  }
  return value;
}

/** The sentence appended to a field's description so the bounds show in GraphiQL and the SDL. */
export function describeBounds(bounds: TextBounds, list: boolean): string {
  const items = list ? `At most ${bounds.maxItems ?? DEFAULT_MAX_ITEMS} items of ` : 'At most ';
  return `${items}${bounds.maxLength} characters${bounds.multiline ? ', line breaks allowed' : ', one line'}.`;
}
