/**
 * graphql-js appends "Did you mean …?" to unknown field, argument, type and enum value errors,
 * which lets anyone map a schema with introspection turned off. GraphQL Armor's
 * block-field-suggestions does this for Envelop only, and its Apollo adapter's pattern misses
 * enum values ("Did you mean the enum value …?"), so the kit strips every form itself.
 */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export function hideSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}
