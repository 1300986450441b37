/**
 * Codes arrive pasted from PDFs, spreadsheets and Chinese IMEs: inner spaces, ideographic spaces
 * (U+3000), zero-width characters, full-width letters and digits, lower case.
 */
/** Already normal: upper-case ASCII letters and digits only (nearly every code a system sends). */
const NORMAL = /^[0-9A-Z]*$/;

export function normalizeUscc(input: string): string {
  if (typeof input === 'string' && NORMAL.test(input)) return input;
  return String(input ?? '')
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, '')
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}
