import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/**
 * `cache-control: no-store` on every GraphQL answer, as Apollo's cache-control plugin answered
 * for this hub's schemas (no `@cacheControl` hints, default max-age 0). That plugin is turned off
 * in the subgraphs (ApolloServerPluginCacheControlDisabled) because it wraps every resolver of
 * the schema and runs a hook per resolved field: a 500-row batch answer or lookup resolves
 * thousands of fields, each paying for a cache policy nothing reads. A header set before (none
 * is, today) is kept, as the plugin kept one it could not parse.
 */
export function noStorePlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
