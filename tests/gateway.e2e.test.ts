import { existsSync } from 'node:fs';
import { type EnterprisesDatabase, seedEnterprises } from '@credit-hub/enterprises';
import { enterpriseAt } from '@credit-hub/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './support/stack.ts';

const CHROMIUM = '/usr/bin/chromium';
const demo = enterpriseAt(0);

describe('gateway', () => {
  let stack: Stack;
  let base: string;
  beforeAll(async () => {
    stack = await startStack({ graphiql: { exampleUscc: demo.uscc } });
    await seedEnterprises(stack.database<EnterprisesDatabase>('enterprises').db, 10);
    base = stack.gatewayUrl.replace(/\/graphql$/, '');
  });
  afterAll(() => stack?.stop());

  it('reports not ready while a subgraph is unreachable', async () => {
    const { startGateway, loadGatewayEnv } = await import('@credit-hub/gateway');
    const orphan = await startGateway({
      port: 0,
      env: loadGatewayEnv({ NODE_ENV: 'test' }),
      subgraphUrls: { enterprises: 'http://127.0.0.1:9/graphql' },
    });
    try {
      const ready = await fetch(`${orphan.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { subgraphs: unknown[] }).subgraphs).toContainEqual({ name: 'enterprises', ready: false });
    } finally {
      await orphan.stop();
    }
  });

  it('answers health, readiness and metrics', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
    await stack.query('query Health { checkUscc(code: "1") { valid } }');
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/credit_hub_graphql_requests_total\{operation="Health",outcome="ok",service="gateway"\} 1/);
    expect(metrics).toMatch(/credit_hub_subgraph_fetch_duration_seconds_count\{service="gateway",subgraph="enterprises",outcome="ok"\} 1/);
    expect(metrics).toContain('process_resident_memory_bytes{service="gateway"}');
  });

  it('refuses over-deep or over-aliased operations with QUERY_TOO_COMPLEX before calling subgraphs', async () => {
    const aliases = Array.from({ length: 61 }, (_, i) => `a${i}: checkUscc(code: "1") { valid }`).join(' ');
    const result = await stack.query(`{ ${aliases} }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(result.data).toBeUndefined();
  });

  it('serves GraphiQL entirely from its own origin', async () => {
    const html = await (await fetch(`${base}/graphiql`)).text();
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(references.length).toBeGreaterThanOrEqual(4);
    for (const reference of references) {
      expect(reference.startsWith('/'), reference).toBe(true);
      const asset = await fetch(`${base}${reference}`);
      expect(asset.status, reference).toBe(200);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(300);
    }
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1|localhost)/);
  });

  it.skipIf(!existsSync(CHROMIUM))('runs the example profile query in GraphiQL in a browser with no network beyond localhost', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage();
      const blocked: string[] = [];
      page.on('console', (message) => {
        if (message.text().includes('Content Security Policy')) blocked.push(message.text());
      });
      const external: string[] = [];
      await page.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
        external.push(url.href);
        return route.abort();
      });
      await page.goto(`${base}/graphiql`);
      await page.locator('.graphiql-execute-button').click();
      await page.getByRole('menuitem', { name: 'Profile' }).click();
      await expect.poll(() => page.locator('.result-window').textContent(), { timeout: 15_000 }).toContain(demo.name);
      expect(external).toEqual([]);
      expect(blocked).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
