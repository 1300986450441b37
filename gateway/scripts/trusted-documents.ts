/**
 * Writes `trusted-documents/<app>.json` from the operations in `trusted-documents/<app>/*.graphql`
 * (one operation per file, text as written): the manifest of hashes an app registers. The app sends
 * `{"documentId": "sha256:<hash>", "variables": …}`; the gateway loads every manifest at start.
 *   npm run trusted-documents -w @credit-hub/gateway            (every app directory)
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { documentHash, TRUSTED_DOCUMENTS_DIR } from '../src/trusted-documents.ts';

for (const app of readdirSync(TRUSTED_DOCUMENTS_DIR).filter((entry) => statSync(join(TRUSTED_DOCUMENTS_DIR, entry)).isDirectory())) {
  const documents: Record<string, string> = {};
  for (const file of readdirSync(join(TRUSTED_DOCUMENTS_DIR, app))
    .filter((name) => name.endsWith('.graphql'))
    .sort()) {
    const text = readFileSync(join(TRUSTED_DOCUMENTS_DIR, app, file), 'utf8').trim();
    parse(text); // a syntax error fails here, not at the first request
    documents[documentHash(text)] = text;
  }
  writeFileSync(join(TRUSTED_DOCUMENTS_DIR, `${app}.json`), `${JSON.stringify({ app, documents }, null, 2)}\n`);
  console.log(`${app}: ${Object.keys(documents).length} documents`);
}
