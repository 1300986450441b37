/**
 * Codes arrive pasted from PDFs, spreadsheets and Chinese IMEs: inner spaces, ideographic spaces
 * (U+3000), zero-width characters, full-width letters and digits, lower case.
 */
export function normalizeUscc(input: string): string {
  return String(input ?? '')
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, '')
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}
