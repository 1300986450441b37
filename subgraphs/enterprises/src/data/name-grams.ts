/**
 * Index terms for Chinese name search: every character and every pair of adjacent characters.
 * A fragment of n ≥ 2 characters must contain all of its bigrams, so `name_grams @> bigrams(q)`
 * narrows rows through the GIN index before the exact LIKE recheck; one character uses unigrams.
 */
export function nameGrams(...names: string[]): string[] {
  const grams = new Set<string>();
  for (const name of names) {
    const chars = [...normalizeForSearch(name)];
    chars.forEach((char, index) => {
      grams.add(char);
      const next = chars[index + 1];
      if (next !== undefined) grams.add(char + next);
    });
  }
  return [...grams];
}

/** The grams a fragment must all have: its bigrams, or the character itself. */
export function fragmentGrams(fragment: string): string[] {
  const chars = [...normalizeForSearch(fragment)];
  if (chars.length <= 1) return chars;
  return [...new Set(chars.slice(0, -1).map((char, index) => char + chars[index + 1]))];
}

/** Full-width to half-width, Latin upper case, whitespace dropped: what users paste varies. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}
