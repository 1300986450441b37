import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { boundMessage, codedError, LATENCY_BUCKETS, type Logger, type ServiceMetrics, subgraphUnavailable } from '@credit-hub/subgraph-kit';
import { type GraphQLError, Kind, OperationTypeNode } from 'graphql';
import fetch from 'node-fetch';
import { Histogram } from 'prom-client';
import type { GatewayContext } from './auth.ts';
import { clientErrorFromSubgraph } from './subgraph-errors.ts';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];
type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

export interface SubgraphFetchSettings {
  /** Milliseconds one subgraph fetch may take, response body included. */
  timeoutMs: number;
  /** Open connections kept per subgraph. */
  maxSockets: number;
}

/** Why a fetch failed, as a metric label and in the log line (never the URL). */
type Outcome = 'ok' | 'errors' | 'timeout' | 'refused' | 'reset' | 'http_error' | 'failed';

/** Errors a subgraph answers with a non-2xx status that are the caller's business (401, 400…). */
const PASSED_THROUGH_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'QUERY_TOO_COMPLEX', 'RATE_LIMITED']);

class SubgraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly passedThrough: GraphQLError | undefined,
  ) {
    super(`subgraph answered HTTP ${status}`);
  }
}

/** Fetch-duration histogram per subgraph and outcome, in the gateway's registry. */
export function subgraphFetchHistogram(metrics: ServiceMetrics) {
  return new Histogram({
    name: 'credit_hub_subgraph_fetch_duration_seconds',
    help: 'Gateway fetches to a subgraph by subgraph and outcome (ok, errors, timeout, refused, reset, http_error, failed).',
    labelNames: ['subgraph', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [metrics.registry],
  });
}

/**
 * One subgraph as the gateway sees it: keep-alive connections, a deadline on every fetch, one
 * retry when a query's connection was reset or refused (a keep-alive socket the subgraph closed,
 * a restart), never for a mutation, which may already have been applied. A subgraph that fails,
 * times out or answers garbage becomes SUBGRAPH_UNAVAILABLE naming it, so the other subgraphs'
 * fields still resolve; its URL and the driver's message go to the log only.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    settings: SubgraphFetchSettings,
    private readonly logger: Logger,
    private readonly fetches: Histogram<'subgraph' | 'outcome'>,
  ) {
    super({ url });
    this.fetcher = keepAliveFetcher(url, settings);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if (context.forwardToken) request.http?.headers.set('authorization', `Bearer ${context.forwardToken}`);
    if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const started = process.hrtime.bigint();
    const mutation = isMutation(options);
    let outcome: Outcome = 'ok';
    try {
      const response = await this.processWithRetry(options, mutation);
      if (response.errors?.length) outcome = 'errors';
      return response;
    } catch (error) {
      outcome = classify(error);
      if (error instanceof SubgraphHttpError && error.passedThrough) throw error.passedThrough;
      this.logger.warn(
        {
          subgraph: this.subgraph,
          requestId: 'requestId' in options.context ? options.context.requestId : undefined,
          outcome,
          mutation,
          err: error,
        },
        'subgraph unavailable',
      );
      throw subgraphUnavailable(this.subgraph);
    } finally {
      this.fetches.observe({ subgraph: this.subgraph, outcome }, Number(process.hrtime.bigint() - started) / 1e9);
    }
  }

  private async processWithRetry(options: GraphQLDataSourceProcessOptions<GatewayContext>, mutation: boolean) {
    try {
      return await super.process(options);
    } catch (error) {
      const outcome = classify(error);
      if (mutation || (outcome !== 'reset' && outcome !== 'refused')) throw error;
      this.logger.debug({ subgraph: this.subgraph, outcome }, 'retrying a query once after a connection failure');
      return await super.process(options);
    }
  }

  /** Replaces Apollo's error, which carries the subgraph's URL and raw body in its extensions. */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    let passedThrough: GraphQLError | undefined;
    try {
      const body = (await response.json()) as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
      // A 400 the subgraph gives a bad argument (e.g. an impossible Date the gateway's schema cannot
      // see) keeps its field and reason; other public codes keep their message.
      passedThrough = clientErrorFromSubgraph(response.status, body) ?? undefined;
      const first = body.errors?.[0];
      const code = first?.extensions?.code;
      if (!passedThrough && typeof code === 'string' && PASSED_THROUGH_CODES.has(code) && typeof first?.message === 'string') {
        passedThrough = codedError(code as Parameters<typeof codedError>[0], boundMessage(first.message));
      }
    } catch {
      // Not a GraphQL answer (a proxy's error page): the subgraph counts as unavailable.
    }
    return new SubgraphHttpError(response.status, passedThrough) as unknown as GraphQLError;
  }
}

function isMutation(options: GraphQLDataSourceProcessOptions<GatewayContext>): boolean {
  const document = 'document' in options ? options.document : undefined;
  if (document) {
    return document.definitions.some(
      (definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.MUTATION,
    );
  }
  // Without the parsed plan node, read the operation keyword; anything unclear counts as a mutation.
  return !/^\s*(query\b|\{)/.test(options.request.query ?? '');
}

function classify(error: unknown): Outcome {
  if (error instanceof SubgraphHttpError) return 'http_error';
  const { name, code, type } = error as { name?: string; code?: string; type?: string };
  if (name === 'AbortError' || type === 'aborted' || name === 'TimeoutError') return 'timeout';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') return 'reset';
  return 'failed';
}

/**
 * node-fetch over a keep-alive agent (Apollo's default fetcher adds an HTTP cache the gateway has
 * no use for), with the deadline as an abort signal so a hung subgraph is cut off mid-body too.
 */
function keepAliveFetcher(url: string, settings: SubgraphFetchSettings): Fetcher {
  const options = { keepAlive: true, maxSockets: settings.maxSockets, maxFreeSockets: settings.maxSockets, scheduling: 'lifo' as const };
  const agent = url.startsWith('https:') ? new HttpsAgent(options) : new HttpAgent(options);
  return (target, init) =>
    fetch(target, {
      ...init,
      agent,
      // Subgraphs never compress (they sit next to the gateway): no Accept-Encoding asked, no
      // decompression stream set up per response.
      compress: false,
      signal: AbortSignal.timeout(settings.timeoutMs),
    }) as unknown as Promise<FetcherResponse>;
}
