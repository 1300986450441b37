import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { createHttpService, listen } from './http.ts';
import { createLogger } from './logger.ts';
import { ServiceMetrics } from './metrics.ts';
import { healthRoutes, stopHttp } from './server.ts';

describe('/readyz details', () => {
  it.each([
    [
      'with a details hook',
      () => ({ warnings: ['holiday calendar: 2027 is unknown'] }),
      { details: { warnings: ['holiday calendar: 2027 is unknown'] } },
    ],
    ['without one', undefined, {}],
  ] as const)('reports readiness %s', async (_label, details, extra) => {
    const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }', stopOnTerminationSignals: false });
    await apollo.start();
    const logger = createLogger({ level: 'silent' });
    const routes = healthRoutes('test', async () => {}, new ServiceMetrics('test'), logger, details);
    const server = createHttpService({ apollo, context: async () => ({}), routes, logger });
    const url = await listen(server, 0, '127.0.0.1');
    try {
      const response = await fetch(`${url}/readyz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ready', service: 'test', ...extra });
    } finally {
      await stopHttp(server, 1_000);
      await apollo.stop();
    }
  });
});
