import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { previewText } from './text-preview.ts';

/**
 * Refuses a document whose operation cannot be chosen (two operations and no `operationName`, or
 * a name it does not contain) with 400 OPERATION_RESOLUTION_FAILURE. Apollo Server does this itself
 * when it executes, but hands such a request to a gateway's executor, which throws a plain error
 * that would come out as INTERNAL_SERVER_ERROR with status 500.
 */
export function operationResolutionPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, document }) {
          if (operation) return;
          const operations = document.definitions.filter((definition) => definition.kind === 'OperationDefinition').length;
          const message =
            typeof request.operationName === 'string'
              ? `the document has no operation named "${previewText(request.operationName)}" (未找到该操作)`
              : operations > 1
                ? 'the document holds several operations: send operationName to choose one (需指定 operationName)'
                : 'the document holds no operation to run (没有可执行的操作)';
          throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
        },
      };
    },
  };
}
