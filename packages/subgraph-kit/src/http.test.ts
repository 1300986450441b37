import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { createHttpService, listen } from './http.ts';
import { createLogger } from './logger.ts';
import { stopHttp } from './server.ts';

describe('draining on stop', () => {
  it('lets a request in progress finish, even when its client has gone, before stop resolves', async () => {
    const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }', stopOnTerminationSignals: false });
    await apollo.start();
    const events: string[] = [];
    const server = createHttpService({
      apollo,
      context: async () => ({}),
      logger: createLogger({ level: 'silent' }),
      routes: {
        '/slow': async (_request, response) => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          events.push('handler finished');
          response.end('done');
        },
      },
    });
    const url = await listen(server, 0, '127.0.0.1');
    const abandoned = new AbortController();
    const slow = fetch(`${url}/slow`, { signal: abandoned.signal }).catch(() => 'aborted');
    await new Promise((resolve) => setTimeout(resolve, 50));
    abandoned.abort();
    await stopHttp(server, 5_000);
    events.push('stopped');
    await apollo.stop();
    expect(await slow).toBe('aborted');
    expect(events).toEqual(['handler finished', 'stopped']);
  });
});
