import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubClient } from './hub-client.ts';

/** A stand-in gateway: each path answers one way a real one (or the proxy before it) can. */
function standInGateway(): Promise<Server> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      switch (request.url) {
        case '/ok':
          response.setHeader('content-type', 'application/json');
          response.end(JSON.stringify({ data: { hello: 'world' } }));
          return;
        case '/subgraph-error':
          response.setHeader('content-type', 'application/json');
          response.end(
            JSON.stringify({
              errors: [{ message: 'sanctions did not answer', extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'sanctions' } }],
            }),
          );
          return;
        case '/forbidden':
          response.setHeader('content-type', 'application/json');
          response.end(
            JSON.stringify({ errors: [{ message: 'not your region', extensions: { code: 'FORBIDDEN', field: 'input.uscc' } }] }),
          );
          return;
        case '/proxy-502':
          response.statusCode = 502;
          response.setHeader('content-type', 'text/html');
          response.end('<html><body>Bad Gateway</body></html>');
          return;
        case '/empty':
          response.statusCode = 503;
          response.end();
          return;
        case '/json-not-graphql':
          response.statusCode = 413;
          response.setHeader('content-type', 'application/json');
          response.end('"payload too large"');
          return;
        case '/hang':
          return; // never answers
        default:
          response.statusCode = 404;
          response.end();
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('createHubClient', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = await standInGateway();
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  const client = (path: string, timeoutMs = 2000) =>
    createHubClient({
      url: `${base}${path}`,
      token: async () => 'token',
      timeoutMs,
      purpose: 'reading indicators',
      passThroughCodes: ['FORBIDDEN'],
    });
  /** The error a call fails with, as (code, message, subgraph). */
  const failure = async (path: string, timeoutMs?: number) => {
    try {
      await client(path, timeoutMs)('{ hello }', {});
    } catch (error) {
      const { extensions, message } = error as { extensions?: Record<string, unknown>; message: string };
      return { code: extensions?.code, message, subgraph: extensions?.subgraph };
    }
    throw new Error(`${path} did not fail`);
  };

  it('answers the GraphQL result', async () => {
    expect(await client('/ok')('{ hello }', {})).toEqual({ data: { hello: 'world' } });
  });

  it('fails an answer with errors as SUBGRAPH_UNAVAILABLE naming the subgraph, and passes through the codes it is told to', async () => {
    expect(await failure('/subgraph-error')).toEqual({
      code: 'SUBGRAPH_UNAVAILABLE',
      message: 'reading indicators failed: sanctions did not answer',
      subgraph: 'sanctions',
    });
    expect(await failure('/forbidden')).toEqual({ code: 'FORBIDDEN', message: 'reading indicators: not your region', subgraph: undefined });
  });

  it('names the gateway when it answers no GraphQL result: an HTML 502, an empty 503, a JSON string', async () => {
    expect(await failure('/proxy-502')).toEqual({
      code: 'SUBGRAPH_UNAVAILABLE',
      message: 'reading indicators failed: the gateway answered HTTP 502 with a body that is not JSON',
      subgraph: 'gateway',
    });
    expect(await failure('/empty')).toEqual({
      code: 'SUBGRAPH_UNAVAILABLE',
      message: 'reading indicators failed: the gateway answered HTTP 503 without a GraphQL result',
      subgraph: 'gateway',
    });
    expect((await failure('/json-not-graphql')).message).toBe(
      'reading indicators failed: the gateway answered HTTP 413 without a GraphQL result',
    );
  });

  it('names the gateway when it hangs past the deadline or cannot be reached', async () => {
    expect(await failure('/hang', 200)).toEqual({
      code: 'SUBGRAPH_UNAVAILABLE',
      message: 'reading indicators failed: the gateway did not answer within 200 ms',
      subgraph: 'gateway',
    });
    const closed = await standInGateway();
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = createHubClient({ url: `http://127.0.0.1:${port}/`, token: async () => 't', timeoutMs: 2000, purpose: 'drawing' });
    await expect(unreachable('{ hello }', {})).rejects.toMatchObject({
      message: 'drawing failed: the gateway could not be reached',
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'gateway' },
    });
  });
});
