/**
 * Headers on every response of every service. The API answers JSON only, so its policy allows
 * nothing to load or frame it; the GraphiQL page sends its own, wider Content-Security-Policy.
 */
export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};
