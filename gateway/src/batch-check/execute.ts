import type { IncomingMessage } from 'node:http';
import type { ApolloServer, BaseContext } from '@apollo/server';
import type { Execute } from './run-check.ts';

/**
 * Operations of a batch check run in this gateway as the uploading caller: the context is built
 * once from the upload request (token verified, limits and rate limits charged to that caller).
 */
export function executeAsCaller<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  context: (request: IncomingMessage) => Promise<TContext>,
): (request: IncomingMessage) => Promise<Execute> {
  return async (request) => {
    const contextValue = await context(request);
    return async (query, variables) => {
      const response = await apollo.executeOperation({ query, variables }, { contextValue: { ...contextValue } });
      if (response.body.kind !== 'single') throw new Error('batch check operations answer in one part');
      const { data, errors } = response.body.singleResult;
      return { data: (data as Record<string, unknown> | null | undefined) ?? null, errors: errors ?? [] };
    };
  };
}
