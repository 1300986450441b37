import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { Caller } from '../auth/caller.ts';
import { codedError } from '../errors.ts';
import { checkOperation, type LimitCheck } from './check.ts';
import { INTROSPECTION_ROLES, type LimitName, type QueryLimits } from './config.ts';
import { hideSuggestions } from './suggestions.ts';

export interface QueryLimitsPluginOptions<TContext> {
  limits: QueryLimits;
  /** Production refuses introspection to callers outside INTROSPECTION_ROLES. */
  production: boolean;
  /**
   * Called with every checked operation before it is refused or run: the gateway's rate limiter
   * charges the cost here. May throw (RATE_LIMITED) to refuse an operation that is within limits.
   */
  charge?: (check: LimitCheck, context: TContext) => void;
}

export const queryTooComplex = (limit: LimitName, maximum: number) =>
  codedError('QUERY_TOO_COMPLEX', `query too complex: over the ${limit} limit of ${maximum} (查询过于复杂)`, {
    limit,
    maximum,
    http: { status: 400 },
  });

/**
 * Apollo Server options and plugin that bound every operation before it is planned or executed,
 * identical in the gateway and in each subgraph: the parser stops at `maxTokens`, then depth,
 * aliases, directives and cost are checked (QUERY_TOO_COMPLEX, HTTP 400); in production,
 * introspection is refused to the public and the platform; "Did you mean …" suggestions never
 * leave the service, whatever the mode.
 */
export function queryLimits<TContext extends BaseContext & { caller: Caller }>(options: QueryLimitsPluginOptions<TContext>) {
  const { limits } = options;
  const tooManyTokens = new RegExp(`^Syntax Error: Document contains more th(?:at|an) ${limits.maxTokens} tokens`);
  const plugin: ApolloServerPlugin<TContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const check = checkOperation(schema, document, operation, request.variables, limits);
          if (check.exceeded) {
            options.charge?.(check, contextValue);
            throw queryTooComplex(check.exceeded.limit, check.exceeded.maximum);
          }
          if (check.introspection && options.production && !INTROSPECTION_ROLES.has(contextValue.caller.role)) {
            throw codedError('FORBIDDEN', 'introspection is not available to this caller (不提供架构查询)', { http: { status: 403 } });
          }
          options.charge?.(check, contextValue);
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            // The parser's token limit surfaces as a syntax error; Apollo offers no hook to replace it.
            if (tooManyTokens.test(error.message)) relabel(error, queryTooComplex('tokens', limits.maxTokens));
            error.message = hideSuggestions(error.message);
          }
        },
      };
    },
  };
  return { parseOptions: { maxTokens: limits.maxTokens }, plugin };
}

function relabel(error: GraphQLError, replacement: GraphQLError): void {
  error.message = replacement.message;
  Object.assign(error.extensions, replacement.extensions);
}
