import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/** What the one log line of a request says beyond method, path, status and duration. */
export interface RequestLogFields {
  requestId: string;
  role?: string;
  operation?: string;
}

/**
 * The fields ride on the request context under a symbol: the HTTP layer creates them, the Apollo
 * plugin adds the operation. Apollo hands plugins a shallow copy of the context, which keeps the
 * symbol property (and the same fields object), where a WeakMap keyed by the context would not.
 */
const REQUEST_LOG = Symbol('credit-hub request log fields');

export function attachRequestLogFields(context: object, fields: RequestLogFields): void {
  Object.defineProperty(context, REQUEST_LOG, { value: fields, enumerable: true });
}

const fieldsOf = (context: object): RequestLogFields | undefined => (context as { [REQUEST_LOG]?: RequestLogFields })[REQUEST_LOG];

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
          const fields = fieldsOf(contextValue);
          const operation = loggableOperation(operationName);
          if (fields && operation) fields.operation = operation;
        },
      };
    },
  };
}
