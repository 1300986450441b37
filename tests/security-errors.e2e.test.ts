import { type EnterprisesDatabase, seedEnterprises } from '@credit-hub/enterprises';
import { enterpriseAt } from '@credit-hub/seed';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs } from './support/logs.ts';
import { type Stack, startStack } from './support/stack.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const demo = enterpriseAt(1);
const other = enterpriseAt(2);

async function post(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] },
  };
}

describe('errors and logs', () => {
  let stack: Stack;
  const logs = captureLogs();
  beforeAll(async () => {
    stack = await startStack({ logs: logs.stream, env: { LOG_LEVEL: 'info' } });
    await seedEnterprises(stack.database<EnterprisesDatabase>('enterprises').db, 5);
  });
  afterAll(() => stack?.stop());

  it('logs one line per request with the request id, caller role, operation, status and duration, in every service it reaches', async () => {
    const analyst = await stack.token({ role: 'analyst' });
    const result = await post(
      stack.gatewayUrl,
      'query Lookup($uscc: String!) { enterprise(uscc: $uscc) { name licenses { number } } }',
      { uscc: demo.uscc },
      { 'x-request-id': 'audit-0001', authorization: `Bearer ${analyst}` },
    );
    expect(result.status).toBe(200);
    expect(result.headers.get('x-request-id')).toBe('audit-0001');
    const lines = logs.lines().filter((line) => line.requestId === 'audit-0001' && line.msg === 'request');
    expect(lines).toContainEqual(
      expect.objectContaining({ service: 'gateway', role: 'analyst', operation: 'Lookup', status: 200, durationMs: expect.any(Number) }),
    );
    // Forwarded: the subgraphs' lines carry the caller's id too.
    expect(lines.map((line) => line.service)).toEqual(expect.arrayContaining(['enterprises', 'licenses']));
  });

  it('replaces an implausible request id instead of writing it into the log', async () => {
    const result = await post(stack.gatewayUrl, '{ checkUscc(code: "1") { valid } }', {}, { 'x-request-id': 'x'.repeat(300) });
    expect(result.headers.get('x-request-id')).toMatch(UUID);
    expect(logs.text()).not.toContain('x'.repeat(300));
  });

  it('turns an unexpected fault into INTERNAL_SERVER_ERROR with an error id the log carries, and leaks no SQL, stack or URL', async () => {
    const database = stack.database<EnterprisesDatabase>('enterprises');
    // A database failure nobody planned for: the annual reports table disappears under the service.
    await database.db.execute(sql`alter table annual_reports rename to annual_reports_gone`);
    try {
      const result = await post(stack.gatewayUrl, `{ enterprise(uscc: "${other.uscc}") { name annualReports { year } } }`, {});
      const [error] = result.body.errors ?? [];
      expect(error?.message).toBe('internal error (内部错误)');
      expect(error?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', errorId: expect.stringMatching(UUID) });
      expect(result.text).not.toMatch(/select|annual_reports|Failed query|stacktrace|\bat \w+ \(|https?:\/\/|127\.0\.0\.1/i);
      expect(result.text).not.toContain('params');
      const logged = logs.lines().filter((line) => line.errorId === error?.extensions?.errorId);
      expect(logged).toContainEqual(
        expect.objectContaining({ service: 'enterprises', level: 50, msg: 'unexpected error while executing a request' }),
      );
      const text = logs.text();
      expect(text).not.toMatch(/Failed query|select "|from "annual_reports"|params:/i);
      // The statement's parameter (the code asked for) is in no error line either.
      expect(logged.map((line) => JSON.stringify(line)).join('\n')).not.toContain(other.uscc);
    } finally {
      await database.db.execute(sql`alter table annual_reports_gone rename to annual_reports`);
    }
  });
});
