import { readFileSync } from 'node:fs';
import { type EnterprisesDatabase, seedEnterprises } from '@credit-hub/enterprises';
import { documentHash, loadTrustedDocuments } from '@credit-hub/gateway';
import { enterpriseAt } from '@credit-hub/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './support/stack.ts';

const demo = enterpriseAt(0);
const LOOKUP = readFileSync(new URL('../gateway/trusted-documents/profile-app/Lookup.graphql', import.meta.url), 'utf8').trim();
const LOOKUP_ID = documentHash(LOOKUP);
const UNREGISTERED = 'query Other($uscc: String!) { enterprise(uscc: $uscc) { uscc name } }';

async function post(url: string, body: unknown, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    ...((await response.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] }),
  };
}

describe('trusted documents', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { TRUSTED_DOCUMENTS_ONLY: 'true' } });
    await seedEnterprises(stack.database<EnterprisesDatabase>('enterprises').db, 3);
  });
  afterAll(() => stack?.stop());

  it('loads the committed manifests, every key the hash of its text', () => {
    const documents = loadTrustedDocuments();
    expect(documents.get(LOOKUP_ID)).toEqual({ app: 'profile-app', text: LOOKUP });
  });

  it('serves a registered operation by documentId and by the persisted-query extension, as the text answers', async () => {
    const analyst = await stack.token({ role: 'analyst' });
    const byText = await stack.query(LOOKUP, { uscc: demo.uscc }, { token: analyst });
    expect(byText.data).toEqual({ enterprise: { uscc: demo.uscc, name: demo.name, status: expect.any(String) } });
    const byId = await post(stack.gatewayUrl, { documentId: `sha256:${LOOKUP_ID}`, variables: { uscc: demo.uscc } });
    expect(byId).toMatchObject({ status: 200, data: byText.data });
    const byExtension = await post(stack.gatewayUrl, {
      extensions: { persistedQuery: { version: 1, sha256Hash: LOOKUP_ID } },
      variables: { uscc: demo.uscc },
    });
    expect(byExtension).toMatchObject({ status: 200, data: byText.data });
  });

  it('answers an unknown id with PERSISTED_QUERY_NOT_FOUND and never registers one sent with its text', async () => {
    const id = documentHash(UNREGISTERED);
    const registering = await post(stack.gatewayUrl, {
      query: UNREGISTERED,
      variables: { uscc: demo.uscc },
      extensions: { persistedQuery: { version: 1, sha256Hash: id } },
    });
    expect(registering.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'UNREGISTERED_OPERATION' });
    const unknown = await post(stack.gatewayUrl, { documentId: `sha256:${id}`, variables: { uscc: demo.uscc } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('refuses unregistered operations to every role but analyst, before any subgraph is called', async () => {
    for (const role of ['regulator', 'platform', 'admin'] as const) {
      const token = await stack.token({ role, region: '350000', dept: 'DJZC' });
      // The enterprises subgraph's own statements while the gateway answers: its timers (the
      // outbox sequencer) may run meanwhile, but nothing may read the enterprise asked for.
      const { result, statements } = await stack
        .database('enterprises')
        .statements.measure(() => stack.query(UNREGISTERED, { uscc: demo.uscc }, { token }));
      expect(result.status).toBe(403);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'UNREGISTERED_OPERATION' });
      expect(statements.filter((statement) => /\bfrom "enterprises"/.test(statement))).toEqual([]);
    }
    const anonymous = await stack.query(UNREGISTERED, { uscc: demo.uscc });
    expect(anonymous.status).toBe(403);
    const analystToken = await stack.token({ role: 'analyst' });
    const analyst = await stack
      .database('enterprises')
      .statements.measure(() => stack.query(UNREGISTERED, { uscc: demo.uscc }, { token: analystToken }));
    expect(analyst.result.data).toEqual({ enterprise: { uscc: demo.uscc, name: demo.name } });
    // The check above can fail: an operation that is let through reads the enterprise.
    expect(analyst.statements.filter((statement) => /\bfrom "enterprises"/.test(statement)).length).toBeGreaterThan(0);
  });

  it('keeps access decisions on registered documents: a profile by id is the profile by text, for the public too', async () => {
    const [profileId, profile] = [...loadTrustedDocuments()].find(([, document]) => document.text.startsWith('query Profile')) ?? [];
    if (!profileId || !profile) throw new Error('the profile-app manifest has no Profile');
    const byId = await post(stack.gatewayUrl, { documentId: `sha256:${profileId}`, variables: { uscc: demo.uscc } });
    expect(byId.status).toBe(200);
    // The analyst may send text; the public may only send the id, and gets the public view.
    const analystView = await stack.query(profile.text, { uscc: demo.uscc }, { token: await stack.token({ role: 'analyst' }) });
    expect((byId.data as { enterprise: { uscc: string } }).enterprise.uscc).toBe(demo.uscc);
    expect(analystView.data).toBeTruthy();
  });
});
