import { ServiceMetrics } from '@credit-hub/subgraph-kit';
import { Counter, Gauge, Histogram } from 'prom-client';

/** The exchange's own metrics beside the kit's request metrics: deliveries, failures, lag. */
export class ExchangeMetrics {
  readonly service = new ServiceMetrics('exchange');
  private readonly deliveries = new Counter({
    name: 'exchange_webhook_deliveries_total',
    help: 'Webhook delivery attempts by outcome (DELIVERED, PENDING = failed and retried, DEAD).',
    labelNames: ['outcome'],
    registers: [this.service.registry],
  });
  private readonly latency = new Histogram({
    name: 'exchange_webhook_delivery_lag_seconds',
    help: 'From the delivery being queued to a successful attempt.',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 30, 300, 3600, 86_400],
    registers: [this.service.registry],
  });
  readonly feedEvents = new Counter({
    name: 'exchange_feed_events_total',
    help: 'Events streamed through /feed.',
    registers: [this.service.registry],
  });
  readonly pending = new Gauge({
    name: 'exchange_webhook_pending',
    help: 'Deliveries waiting for a first or further attempt.',
    registers: [this.service.registry],
  });

  recordDelivery(outcome: string, queuedAt: Date): void {
    this.deliveries.inc({ outcome });
    if (outcome === 'DELIVERED') this.latency.observe((Date.now() - queuedAt.getTime()) / 1000);
  }
}
