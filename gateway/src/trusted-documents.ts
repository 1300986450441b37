import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApolloServerPlugin } from '@apollo/server';
import { type Caller, codedError } from '@credit-hub/subgraph-kit';

/** Where the committed manifests live: one JSON file per departmental app. */
export const TRUSTED_DOCUMENTS_DIR = fileURLToPath(new URL('../trusted-documents/', import.meta.url));

/** A registered operation: its text and the app that registered it. */
export interface TrustedDocument {
  app: string;
  text: string;
}

/** `{ "app": "…", "documents": { "<sha256 of the text>": "<operation text>" } }` */
interface Manifest {
  app?: unknown;
  documents?: unknown;
}

export const documentHash = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Reads every `*.json` manifest in `directory`. A key that is not the SHA-256 of its text, or one
 * id registered twice with different texts, stops the gateway at start-up: an app must never get
 * an operation other than the one it registered.
 */
export function loadTrustedDocuments(directory: string = TRUSTED_DOCUMENTS_DIR): Map<string, TrustedDocument> {
  const documents = new Map<string, TrustedDocument>();
  let files: string[];
  try {
    files = readdirSync(directory).filter((file) => file.endsWith('.json'));
  } catch {
    return documents;
  }
  for (const file of files.sort()) {
    const manifest = JSON.parse(readFileSync(join(directory, file), 'utf8')) as Manifest;
    const app = typeof manifest.app === 'string' && manifest.app ? manifest.app : file.replace(/\.json$/, '');
    if (!manifest.documents || typeof manifest.documents !== 'object')
      throw new Error(`${file}: "documents" must map hashes to operations`);
    for (const [hash, text] of Object.entries(manifest.documents as Record<string, unknown>)) {
      if (typeof text !== 'string' || documentHash(text) !== hash) {
        throw new Error(`${file}: document ${hash} is not the SHA-256 of its text`);
      }
      const known = documents.get(hash);
      if (known && known.text !== text) throw new Error(`${file}: document ${hash} registered twice`);
      if (!known) documents.set(hash, { app, text });
    }
  }
  return documents;
}

/**
 * Apollo's persisted-query cache over the manifests, read-only: an id the apps registered resolves
 * to its text (Apollo then keys its parsed-and-validated document store, and the gateway its
 * query-plan cache, by that id, so a trusted document is parsed, validated and planned once per
 * process); a client sending text with a hash registers nothing.
 */
export function trustedDocumentCache(documents: Map<string, TrustedDocument>) {
  return {
    // Apollo prefixes every persisted-query key with "apq:" (PrefixingKeyValueCache).
    get: async (key: string) => documents.get(key.startsWith('apq:') ? key.slice(4) : key)?.text,
    set: async () => {},
    delete: async () => false,
  };
}

/**
 * The GraphQL-over-HTTP trusted-documents form, `{"documentId": "sha256:<hex>"}` (or the bare
 * hex), becomes Apollo's persisted-query extension; anything else passes unchanged.
 */
export function documentIdToPersistedQuery(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const { documentId, ...rest } = body as { documentId?: unknown; extensions?: Record<string, unknown> };
  if (typeof documentId !== 'string') return body;
  const sha256Hash = documentId.startsWith('sha256:') ? documentId.slice('sha256:'.length) : documentId;
  return { ...rest, extensions: { ...rest.extensions, persistedQuery: { version: 1, sha256Hash } } };
}

export interface TrustedDocumentsPolicy {
  documents: Map<string, TrustedDocument>;
  /** Refuse operations that are not registered (for callers outside `openRoles`). */
  only: boolean;
  /** Roles that may still send any operation (analysts exploring in GraphiQL). */
  openRoles: ReadonlySet<string>;
}

/**
 * With `only` on, an operation whose hash no app registered is refused (FORBIDDEN, HTTP 403,
 * reason UNREGISTERED_OPERATION) before any subgraph is called, unless the caller's role is open.
 * Text identical to a registered document counts as registered (it has the same hash).
 */
export function trustedDocumentsPlugin<TContext extends { caller: Caller }>(policy: TrustedDocumentsPolicy): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      if (!policy.only) return;
      return {
        async didResolveOperation({ queryHash, contextValue }) {
          if (policy.documents.has(queryHash) || policy.openRoles.has(contextValue.caller.role)) return;
          throw codedError('FORBIDDEN', 'only registered operations are served to this caller (仅受理已登记的操作)', {
            reason: 'UNREGISTERED_OPERATION',
            http: { status: 403 },
          });
        },
      };
    },
  };
}
