/**
 * A LIKE / ILIKE pattern matching `fragment` anywhere, with the caller's `%`, `_` and `\` taken
 * literally: a search for "100%" must not match everything, nor "\" end the pattern early.
 */
export function containsPattern(fragment: string): string {
  return `%${fragment.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
