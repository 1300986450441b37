import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type EnterprisesDatabase, seedEnterprises } from '@credit-hub/enterprises';
import { loadGatewayEnv, startGateway } from '@credit-hub/gateway';
import { enterpriseAt } from '@credit-hub/seed';
import type { RunningService } from '@credit-hub/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs } from './support/logs.ts';
import { type Stack, startStack, TEST_ENV } from './support/stack.ts';

const demo = enterpriseAt(0);
const PROFILE = `query Profile($uscc: String!) {
  enterprise(uscc: $uscc) { uscc name licenses { number } penalties { decisionNumber } abnormalOperations { listedOn } }
}`;

/** A TCP server the test controls: `answer` decides what happens to each request. */
async function fakeSubgraph(answer: (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => void) {
  let hits = 0;
  const server = createServer((request, response) => {
    hits += 1;
    answer(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    hits: () => hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (connections are refused). */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    body: JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: { extensions?: Record<string, unknown> }[] },
  };
}

describe('subgraph faults', () => {
  let stack: Stack;
  const logs = captureLogs();
  const gateways: RunningService[] = [];
  const gatewayWith = async (overrides: Record<string, string>, env: Record<string, string> = {}) => {
    const gateway = await startGateway({
      port: 0,
      env: loadGatewayEnv({ ...TEST_ENV, ...env }),
      subgraphUrls: { ...stack.subgraphUrls, ...overrides },
      logger: (await import('@credit-hub/subgraph-kit')).createLogger({ level: 'info', destination: logs.stream }),
    });
    gateways.push(gateway);
    return `${gateway.url}/graphql`;
  };

  beforeAll(async () => {
    stack = await startStack();
    await seedEnterprises(stack.database<EnterprisesDatabase>('enterprises').db, 5);
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.stop();
    await stack?.stop();
  });

  it('answers SUBGRAPH_UNAVAILABLE naming a stopped subgraph, with the other subgraphs’ data and no address', async () => {
    const port = await closedPort();
    const url = await gatewayWith({ sanctions: `http://127.0.0.1:${port}/graphql` });
    const result = await post(url, PROFILE, { uscc: demo.uscc });
    expect(result.status).toBe(200);
    expect(result.body.data?.enterprise).toMatchObject({ uscc: demo.uscc, name: demo.name, licenses: [], penalties: null });
    const unavailable = result.body.errors?.filter((error) => error.extensions?.code === 'SUBGRAPH_UNAVAILABLE') ?? [];
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.every((error) => error.extensions?.subgraph === 'sanctions')).toBe(true);
    expect(result.body.errors?.every((error) => error.extensions?.code === 'SUBGRAPH_UNAVAILABLE')).toBe(true);
    expect(result.text).not.toContain(String(port));
    expect(result.text).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED|https?:\/\//);
    // The operator still learns what happened, from the log.
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({ msg: 'subgraph unavailable', subgraph: 'sanctions', outcome: 'refused' }),
    );
  });

  it('cuts off a hung subgraph at the timeout and still answers the rest of the profile', async () => {
    const hung = await fakeSubgraph(() => {
      // Never answers.
    });
    try {
      const url = await gatewayWith({ licenses: hung.url }, { SUBGRAPH_TIMEOUT_MS: '800' });
      const started = Date.now();
      const result = await post(url, PROFILE, { uscc: demo.uscc });
      const elapsed = Date.now() - started;
      expect(elapsed).toBeLessThan(3000);
      expect(result.body.data?.enterprise).toMatchObject({ name: demo.name, licenses: null, penalties: [] });
      expect(result.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'licenses' } })]);
      expect(result.text).not.toContain(String(hung.port));
      expect(hung.hits()).toBe(1);
      expect(logs.lines()).toContainEqual(
        expect.objectContaining({ msg: 'subgraph unavailable', subgraph: 'licenses', outcome: 'timeout' }),
      );
    } finally {
      await hung.close();
    }
  });

  it('retries a query once on a reset connection, and never a mutation', async () => {
    const resetting = await fakeSubgraph((request) => request.socket.destroy());
    try {
      const url = await gatewayWith({ enterprises: resetting.url });
      const query = await post(url, '{ checkUscc(code: "91350100M000100Y43") { valid } }');
      expect(query.body.errors?.[0]?.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'enterprises' });
      expect(resetting.hits()).toBe(2);

      const before = resetting.hits();
      const admin = await stack.token({ role: 'admin' });
      const mutation = await post(url, `mutation { updateEnterprise(uscc: "${demo.uscc}", input: { name: "改名" }) { name } }`, {}, admin);
      expect(mutation.body.errors?.[0]?.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'enterprises' });
      expect(resetting.hits() - before).toBe(1);
    } finally {
      await resetting.close();
    }
    // Nothing was written to the real subgraph either.
    const profile = await stack.query<{ enterprise: { name: string } }>(PROFILE, { uscc: demo.uscc });
    expect(profile.data?.enterprise.name).toBe(demo.name);
  });

  it('hides the body and address of a subgraph that answers an HTTP error page', async () => {
    const broken = await fakeSubgraph((_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html>Bad gateway at 10.0.0.7:4003 — nginx</html>');
    });
    try {
      const url = await gatewayWith({ sanctions: broken.url });
      const result = await post(url, PROFILE, { uscc: demo.uscc });
      expect(result.body.data?.enterprise).toMatchObject({ name: demo.name, penalties: null });
      expect(result.body.errors?.[0]?.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'sanctions' });
      expect(result.text).not.toMatch(/nginx|10\.0\.0\.7|502|127\.0\.0\.1/);
    } finally {
      await broken.close();
    }
  });
});
