import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEnterpriseFactsLoader, createRemoteEnterpriseDirectory, registeredRegionOf } from './enterprise-directory.ts';

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A stand-in enterprises subgraph answering each request with `answer`. */
async function serve(answer: (body: { variables: { usccs: string[] } }, headers: Record<string, unknown>) => unknown): Promise<string> {
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const reply = answer(JSON.parse(Buffer.concat(chunks).toString()), request.headers);
    if (reply === 'hang') return;
    if (reply === 'stall' || reply === 'cut') {
      response.writeHead(200, { 'content-type': 'application/json' }).write('{"data":{"enterprises":[');
      if (reply === 'cut') setTimeout(() => response.destroy(), 20);
      return;
    }
    if (reply === 'error') {
      response.writeHead(500).end('boom at 10.0.0.7:5432');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(typeof reply === 'string' ? reply : JSON.stringify(reply));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

const token = async () => 'service-token';

describe('enterprise directory (the enterprises subgraph as a client)', () => {
  it('looks a batch up in one call with the service token, keeping order and nulls', async () => {
    const calls: string[][] = [];
    const url = await serve((body, headers) => {
      calls.push(body.variables.usccs);
      expect(headers.authorization).toBe('Bearer service-token');
      return {
        data: {
          enterprises: body.variables.usccs.map((uscc) => (uscc === 'B' ? null : { uscc, status: 'ACTIVE', region: { code: '140802' } })),
        },
      };
    });
    const loader = createEnterpriseFactsLoader(createRemoteEnterpriseDirectory({ url, token, timeoutMs: 1000 }));
    const [a, b, c] = await Promise.all(['A', 'B', 'C'].map((code) => loader.load(code)));
    expect(calls).toEqual([['A', 'B', 'C']]);
    expect([a?.regionCode, b, c?.regionCode]).toEqual(['140802', null, '140802']);
  });

  it('refuses a claimed region that is not the registered one, and an unknown enterprise', async () => {
    const url = await serve((body) => ({
      data: {
        enterprises: body.variables.usccs.map((uscc) => (uscc === 'KNOWN' ? { uscc, status: 'ACTIVE', region: { code: '140802' } } : null)),
      },
    }));
    const loader = createEnterpriseFactsLoader(createRemoteEnterpriseDirectory({ url, token, timeoutMs: 1000 }));
    expect(await registeredRegionOf(loader, 'KNOWN', 'input.uscc', { value: '140802', field: 'input.regionCode' })).toBe('140802');
    await expect(registeredRegionOf(loader, 'KNOWN', 'input.uscc', { value: '350102', field: 'input.regionCode' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.regionCode', reason: 'REGION_MISMATCH' },
    });
    await expect(registeredRegionOf(loader, 'GHOST', 'input.uscc')).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND', field: 'input.uscc' },
    });
  });

  it.each([
    ['a server error', 'error' as const],
    ['an answer of the wrong shape', { data: { enterprises: [{ uscc: 'A' }] } }],
    ['a GraphQL error instead of data', { errors: [{ message: 'x' }] }],
    ['a body that is not JSON', 'not json'],
    ['no answer within the timeout', 'hang' as const],
    ['an answer whose body stalls after the headers', 'stall' as const],
    ['an answer cut off mid-body', 'cut' as const],
  ])('fails closed with SUBGRAPH_UNAVAILABLE on %s, naming no address', async (_label, reply) => {
    const url = await serve(() => reply);
    const directory = createRemoteEnterpriseDirectory({ url, token, timeoutMs: 200 });
    const failure = await directory.lookup(['A']).catch((error: unknown) => error);
    expect(failure).toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'enterprises' } });
    expect(JSON.stringify(failure) + String((failure as Error).message)).not.toMatch(/127\.0\.0\.1|10\.0\.0\.7/);
  });

  it('fails closed when nothing listens at the address', async () => {
    const directory = createRemoteEnterpriseDirectory({ url: 'http://127.0.0.1:9/graphql', token, timeoutMs: 500 });
    await expect(directory.lookup(['A'])).rejects.toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
  });
});
