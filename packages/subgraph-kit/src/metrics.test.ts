import { describe, expect, it } from 'vitest';
import { OperationLabels, ServiceMetrics } from './metrics.ts';

describe('metrics', () => {
  it('bounds client-chosen operation names: well-formed names up to the limit, the rest "other"', () => {
    const labels = new OperationLabels(3);
    expect(labels.label(undefined)).toBe('anonymous');
    expect(labels.label('Profile')).toBe('Profile');
    expect(labels.label('x'.repeat(65))).toBe('other');
    expect(labels.label('drop table; --')).toBe('other');
    expect(labels.label('Search')).toBe('Search');
    expect(labels.label('Batch')).toBe('Batch');
    expect(labels.label('Fourth')).toBe('other');
    expect(labels.label('Profile')).toBe('Profile');
  });

  it('keeps each service in its own registry and counts requests, latency and errors by code', async () => {
    const one = new ServiceMetrics('one');
    const two = new ServiceMetrics('two');
    one.observe('Profile', 0.02, []);
    one.observe('Profile', 0.3, ['FORBIDDEN', 'MADE_UP_CODE']);
    const text = await one.render();
    expect(text).toContain('credit_hub_graphql_requests_total{operation="Profile",outcome="ok",service="one"} 1');
    expect(text).toContain('credit_hub_graphql_requests_total{operation="Profile",outcome="error",service="one"} 1');
    expect(text).toContain('credit_hub_graphql_errors_total{code="FORBIDDEN",service="one"} 1');
    expect(text).toContain('credit_hub_graphql_errors_total{code="other",service="one"} 1');
    expect(text).toMatch(/credit_hub_graphql_request_duration_seconds_count\{[^}]*operation="Profile"[^}]*\} 2/);
    expect(text).toContain('process_resident_memory_bytes{service="one"}');
    expect(await two.render()).not.toContain('operation="Profile"');
  });
});
