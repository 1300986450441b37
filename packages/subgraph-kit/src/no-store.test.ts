import { ApolloServer, type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { describe, expect, it } from 'vitest';
import { noStorePlugin } from './no-store.ts';

/** A plugin that sets the header before noStorePlugin sees the answer (hooks start in plugin order). */
const presetting = (value: string): ApolloServerPlugin => ({
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', value);
      },
    };
  },
});

async function answer(query: string, presetHeader?: string) {
  const apollo = new ApolloServer({
    typeDefs: 'type Query { ok: Boolean }',
    resolvers: { Query: { ok: () => true } },
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginCacheControlDisabled(), ...(presetHeader ? [presetting(presetHeader)] : []), noStorePlugin()],
  });
  await apollo.start();
  try {
    return await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers: new HeaderMap([['content-type', 'application/json']]), search: '', body: { query } },
      context: async () => ({}),
    });
  } finally {
    await apollo.stop();
  }
}

describe('noStorePlugin', () => {
  it('says no-store on answers and on errors, as the cache-control plugin did for an unhinted schema', async () => {
    expect((await answer('{ ok }')).headers.get('cache-control')).toBe('no-store');
    expect((await answer('{ nope }')).headers.get('cache-control')).toBe('no-store');
  });

  it('keeps a header set before it', async () => {
    expect((await answer('{ ok }', 'private, max-age=5')).headers.get('cache-control')).toBe('private, max-age=5');
  });
});
