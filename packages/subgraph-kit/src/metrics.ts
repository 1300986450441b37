import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Seconds: from a cached lookup (a few ms) to a subgraph timeout (10 s). */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const KNOWN_ERROR_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'SUBGRAPH_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Operation names are chosen by clients, so as metric labels they are bounded: a well-formed
 * name gets its own series until `max` distinct names have been seen, everything after that (and
 * anything ill-formed) is counted as `other`; operations without a name are `anonymous`.
 */
export class OperationLabels {
  private readonly seen = new Set<string>();

  constructor(private readonly max = 200) {}

  label(operationName: string | null | undefined): string {
    if (!operationName) return 'anonymous';
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(operationName)) return 'other';
    if (this.seen.has(operationName)) return operationName;
    if (this.seen.size >= this.max) return 'other';
    this.seen.add(operationName);
    return operationName;
  }
}

/**
 * Prometheus metrics of one service through prom-client: its own Registry (several services run
 * in one process under `npm start` and in tests, and must not share series), the default process
 * metrics, GraphQL requests and latency per operation, and errors per code.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly operations: OperationLabels;
  private readonly requests: Counter<'operation' | 'outcome'>;
  private readonly duration: Histogram<'operation'>;
  private readonly errors: Counter<'code'>;

  constructor(service: string, options: { maxOperations?: number } = {}) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.operations = new OperationLabels(options.maxOperations);
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'credit_hub_graphql_requests_total',
      help: 'GraphQL requests handled, by operation name and outcome (ok or error).',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.duration = new Histogram({
      name: 'credit_hub_graphql_request_duration_seconds',
      help: 'GraphQL request duration by operation name.',
      labelNames: ['operation'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.errors = new Counter({
      name: 'credit_hub_graphql_errors_total',
      help: 'GraphQL errors returned, by extensions.code.',
      labelNames: ['code'],
      registers,
    });
  }

  /** The bounded label for a client-chosen operation name. */
  operationLabel(operationName: string | null | undefined): string {
    return this.operations.label(operationName);
  }

  observe(operationName: string | null | undefined, seconds: number, errorCodes: string[]): void {
    const operation = this.operations.label(operationName);
    this.requests.inc({ operation, outcome: errorCodes.length > 0 ? 'error' : 'ok' });
    this.duration.observe({ operation }, seconds);
    for (const code of errorCodes) this.errors.inc({ code: KNOWN_ERROR_CODES.has(code) ? code : 'other' });
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  plugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
    const metrics = this;
    return {
      async requestDidStart() {
        const started = process.hrtime.bigint();
        return {
          async willSendResponse({ response, operationName, request }) {
            const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
            const codes = errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
            metrics.observe(operationName ?? request.operationName, Number(process.hrtime.bigint() - started) / 1e9, codes);
          },
        };
      },
    };
  }
}
