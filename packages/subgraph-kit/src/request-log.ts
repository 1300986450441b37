import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/** What the one log line of a request says beyond method, path, status and duration. */
export interface RequestLogFields {
  requestId: string;
  role?: string;
  operation?: string;
}

/** Fields by request context: the HTTP layer creates them, the Apollo plugin adds the operation. */
const fieldsByContext = new WeakMap<object, RequestLogFields>();

export function attachRequestLogFields(context: object, fields: RequestLogFields): void {
  fieldsByContext.set(context, fields);
}

/**
 * The caller's `x-request-id` when it is a plausible id, otherwise a fresh uuid: the id is
 * written into every log line and forwarded to subgraphs, so it must not carry arbitrary text.
 */
export function requestIdOf(request: IncomingMessage): string {
  const header = request.headers['x-request-id'];
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : randomUUID();
}

/** Operation names are client text: logged only when well-formed and short. */
const loggableOperation = (name: string | null | undefined) =>
  name && /^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(name) ? name : name ? '(invalid name)' : undefined;

/** Puts the resolved operation name into the request's log line. */
export function requestLogPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didResolveOperation({ operationName }) {
          const fields = fieldsByContext.get(contextValue);
          const operation = loggableOperation(operationName);
          if (fields && operation) fields.operation = operation;
        },
      };
    },
  };
}
