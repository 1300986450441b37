import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Minimal Prometheus text exposition for one service: request and error counts and latency
 * buckets. Enough for a scrape and an alert, without a metrics library in every subgraph.
 */
export class ServiceMetrics {
  private requests = 0;
  private errors = 0;
  private readonly buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
  private readonly bucketCounts = new Array<number>(this.buckets.length).fill(0);
  private durationSum = 0;

  constructor(private readonly service: string) {}

  observe(seconds: number, failed: boolean): void {
    this.requests += 1;
    if (failed) this.errors += 1;
    this.durationSum += seconds;
    this.buckets.forEach((bound, index) => {
      if (seconds <= bound) this.bucketCounts[index] = (this.bucketCounts[index] ?? 0) + 1;
    });
  }

  render(): string {
    const label = `service="${this.service}"`;
    const lines = [
      '# HELP credit_hub_graphql_requests_total GraphQL requests handled.',
      '# TYPE credit_hub_graphql_requests_total counter',
      `credit_hub_graphql_requests_total{${label}} ${this.requests}`,
      '# HELP credit_hub_graphql_errors_total GraphQL requests that returned errors.',
      '# TYPE credit_hub_graphql_errors_total counter',
      `credit_hub_graphql_errors_total{${label}} ${this.errors}`,
      '# HELP credit_hub_graphql_duration_seconds GraphQL request duration.',
      '# TYPE credit_hub_graphql_duration_seconds histogram',
      ...this.buckets.map(
        (bound, index) => `credit_hub_graphql_duration_seconds_bucket{${label},le="${bound}"} ${this.bucketCounts[index]}`,
      ),
      `credit_hub_graphql_duration_seconds_bucket{${label},le="+Inf"} ${this.requests}`,
      `credit_hub_graphql_duration_seconds_sum{${label}} ${this.durationSum}`,
      `credit_hub_graphql_duration_seconds_count{${label}} ${this.requests}`,
    ];
    return `${lines.join('\n')}\n`;
  }

  plugin(): ApolloServerPlugin {
    const metrics = this;
    return {
      async requestDidStart() {
        const started = process.hrtime.bigint();
        return {
          async willSendResponse({ response }) {
            const failed = response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0;
            metrics.observe(Number(process.hrtime.bigint() - started) / 1e9, failed);
          },
        };
      },
    };
  }
}
