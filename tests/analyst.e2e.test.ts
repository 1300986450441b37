import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { loadGatewayEnv, startGateway } from '@credit-hub/gateway';
import { classifyDemoMonth, classifyMonth, gatewayReaderFromEnv, loadEnv, loadModelFile, type RiskDatabase } from '@credit-hub/risk';
import { enterpriseAt } from '@credit-hub/seed';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack, TEST_ENV } from './support/stack.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = new URL('./artifacts/analyst/', import.meta.url).pathname;
const DEMO_ENTERPRISES = '300';
const CHARTS = ['risk-by-region', 'risk-movements', 'sanctions-trend', 'expiring-licences', 'publication-timeliness'];

const BAD_CHECK_DIGIT = '91350100M000100Y4X';
const TOO_SHORT = '9135010';
const previousMonthOf = (month: string) => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
};
const todayInChina = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

async function readWorkbook(body: ArrayBuffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body);
  const rows: string[][] = [];
  workbook.worksheets[0]?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? '')));
  });
  return rows;
}

describe('analyst workspace: insights, batch check, GraphiQL examples', () => {
  let stack: Stack;
  let base: string;
  let analyst: string;
  const demo = [enterpriseAt(0), enterpriseAt(1), enterpriseAt(2)];

  beforeAll(async () => {
    stack = await startStack({ env: { SEED_DEMO: 'true', SEED_ENTERPRISES: DEMO_ENTERPRISES } });
    base = stack.gatewayUrl.replace(/\/graphql$/, '');
    const today = todayInChina();
    await classifyDemoMonth({ database: stack.database<RiskDatabase>('risk'), env: { ...TEST_ENV }, gatewayUrl: stack.gatewayUrl, today });
    // The month before too, so movements have something to compare with.
    const riskEnv = loadEnv({ ...TEST_ENV });
    await classifyMonth({
      db: stack.database<RiskDatabase>('risk').db,
      reader: gatewayReaderFromEnv(riskEnv, stack.gatewayUrl),
      versions: loadModelFile(riskEnv.RISK_MODEL_FILE),
      month: previousMonthOf(today.slice(0, 7)),
      today,
      startedBy: 'test',
    });
    analyst = await stack.token({ role: 'analyst' });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 180_000);
  afterAll(() => stack?.stop());

  const batchCheck = async (body: string | Buffer, token?: string) => {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    // A copy as a plain Uint8Array: a Buffer is not a BodyInit once the DOM lib is in the program.
    const started = await fetch(`${base}/batch-check`, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    const job = (await started.json()) as { job: string; total: number; error?: string };
    if (started.status !== 202) return { status: started.status, error: job.error, rows: [] };
    for (;;) {
      const status = (await (await fetch(`${base}/batch-check/status?job=${job.job}`, { headers })).json()) as { state: string };
      if (status.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const result = await fetch(`${base}/batch-check/result?job=${job.job}`, { headers });
    return { status: result.status, rows: await readWorkbook(await result.arrayBuffer()) };
  };

  it('batch-checks a CSV of codes and names: one row per input, reasons for bad codes, classes for an analyst', async () => {
    const csv = ['统一社会信用代码', demo[0]?.uscc, BAD_CHECK_DIGIT, TOO_SHORT, demo[1]?.name, demo[2]?.uscc.toLowerCase()].join('\r\n');
    const { status, rows } = await batchCheck(`\uFEFF${csv}`, analyst);
    expect(status).toBe(200);
    const [header, ...body] = rows;
    expect(header?.[0]).toContain('输入');
    expect(body.map((row) => row[0])).toEqual([demo[0]?.uscc, BAD_CHECK_DIGIT, TOO_SHORT, demo[1]?.name, demo[2]?.uscc.toLowerCase()]);
    expect(body[0]?.slice(1, 5)).toEqual([demo[0]?.uscc, '是', '', demo[0]?.name]);
    expect(body[1]?.[2]).toBe('否');
    expect(body[1]?.[3]).toMatch(/check/i);
    expect(body[2]?.[3]).not.toBe('');
    expect(body[3]?.[1]).toBe(demo[1]?.uscc);
    expect(body[4]?.[1]).toBe(demo[2]?.uscc);
    expect(body[0]?.[10]).toMatch(/^[ABCD]$/);
  });

  it('leaves the risk class empty for an anonymous batch check, and bounds uploads', async () => {
    const { rows } = await batchCheck(`${demo[0]?.uscc}\n`);
    expect(rows[1]?.[4]).toBe(demo[0]?.name);
    expect(rows[1]?.[10]).toBe('');
    expect(rows[1]?.[11]).toMatch(/不可见/);
    const tooMany = Array.from({ length: 10_001 }, () => demo[0]?.uscc).join('\n');
    expect(await batchCheck(tooMany, analyst)).toMatchObject({ status: 400, error: expect.stringContaining('10000') });
    expect(await batchCheck('\n\n', analyst)).toMatchObject({ status: 400 });
    const unknownJob = await fetch(`${base}/batch-check/result?job=nope`);
    expect(unknownJob.status).toBe(404);
  });

  it('counts class transitions in one aggregate that agrees with riskChanges, for supervisors only', async () => {
    const TRANSITIONS =
      'query($p: String) { riskTransitions(regionPrefix: $p) { previousClass riskClass count } riskDistribution(regionPrefix: $p) { total } }';
    const CHANGES = 'query($p: String) { riskChanges(regionPrefix: $p, direction: ANY, first: 500) { uscc } }';
    type Transitions = {
      riskTransitions: { previousClass: string; riskClass: string; count: number }[];
      riskDistribution: { total: number };
    };
    const all = await stack.countStatements(() => stack.query<Transitions>(TRANSITIONS, {}, { token: analyst }));
    const shanxi = await stack.countStatements(() => stack.query<Transitions>(TRANSITIONS, { p: '14' }, { token: analyst }));
    expect(shanxi.statements.risk).toBe(all.statements.risk);
    const transitions = shanxi.result.data?.riskTransitions ?? [];
    expect(transitions.reduce((sum, t) => sum + t.count, 0)).toBe(shanxi.result.data?.riskDistribution.total);
    const moved = transitions.filter((t) => t.previousClass !== t.riskClass).reduce((sum, t) => sum + t.count, 0);
    const changes = await stack.query<{ riskChanges: unknown[] }>(CHANGES, { p: '14' }, { token: analyst });
    expect(moved).toBe(changes.data?.riskChanges.length);
    const anonymous = await stack.query(TRANSITIONS, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps /insights and /batch-check where GraphiQL is off, and each has its own switch', async () => {
    const withoutGraphiql = await startGateway({ port: 0, env: loadGatewayEnv({ NODE_ENV: 'test', GRAPHIQL_ENABLED: 'false' }) });
    try {
      for (const path of ['/insights', '/insights/echarts.min.js', '/batch-check']) {
        expect((await fetch(`${withoutGraphiql.url}${path}`)).status, path).toBe(200);
      }
      expect((await fetch(`${withoutGraphiql.url}/graphiql/export-plugin.js`)).status).toBe(404);
    } finally {
      await withoutGraphiql.stop();
    }
    const off = await startGateway({
      port: 0,
      env: loadGatewayEnv({ NODE_ENV: 'test', INSIGHTS_ENABLED: 'false', BATCH_CHECK_ENABLED: 'false' }),
    });
    try {
      for (const path of ['/insights', '/insights/echarts.min.js', '/batch-check']) {
        expect((await fetch(`${off.url}${path}`)).status, path).toBe(404);
      }
      expect((await fetch(`${off.url}/graphiql`)).status).toBe(200);
    } finally {
      await off.stop();
    }
  });

  it('scores 双公示 timeliness per department from the seed: some on time, some late or overdue, for supervisors only', async () => {
    const QUERY = `query { licensePublicationTimeliness { departments { department total onTime late pendingOverdue pendingInTime } }
      penaltyPublicationTimeliness { departments { department total onTime late pendingOverdue pendingInTime } } }`;
    type Row = { total: number; onTime: number; late: number; pendingOverdue: number; pendingInTime: number };
    type Answer = { licensePublicationTimeliness: { departments: Row[] }; penaltyPublicationTimeliness: { departments: Row[] } };
    const result = await stack.query<Answer>(QUERY, {}, { token: analyst });
    expect(result.errors).toBeUndefined();
    const sum = (rows: Row[], key: keyof Row) => rows.reduce((total, row) => total + row[key], 0);
    const licences = result.data?.licensePublicationTimeliness.departments ?? [];
    const penalties = result.data?.penaltyPublicationTimeliness.departments ?? [];
    for (const rows of [licences, penalties]) {
      expect(sum(rows, 'total')).toBeGreaterThan(0);
      expect(sum(rows, 'onTime')).toBeGreaterThan(0);
      for (const row of rows) expect(row.onTime + row.late + row.pendingOverdue + row.pendingInTime).toBe(row.total);
    }
    expect(penalties.length).toBeGreaterThan(1);
    expect(sum([...licences, ...penalties], 'late') + sum([...licences, ...penalties], 'pendingOverdue')).toBeGreaterThan(0);
    const anonymous = await stack.query(QUERY, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('serves the insights page with a strict policy and every asset from its own origin', async () => {
    const page = await fetch(`${base}/insights`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-eval');
    const html = await page.text();
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
    for (const reference of references) {
      expect(reference.startsWith('/'), reference).toBe(true);
      expect((await fetch(`${base}${reference}`)).status, reference).toBe(200);
    }
    expect(html).not.toMatch(/https?:\/\//);
  });

  describe.skipIf(!existsSync(CHROMIUM))('in a browser', () => {
    let browser: Browser;
    beforeAll(async () => {
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({
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
    });
    afterAll(() => browser?.close());

    const openPage = async () => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1800 }, acceptDownloads: true });
      const page = await context.newPage();
      const requests: string[] = [];
      const violations: string[] = [];
      page.on('console', (message) => {
        if (message.text().includes('Content Security Policy')) violations.push(message.text());
      });
      page.on('request', (request) => requests.push(request.url()));
      await page.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.protocol === 'blob:' || url.protocol === 'data:')
          return route.continue();
        return route.abort();
      });
      const outside = () => requests.filter((url) => !url.startsWith(base) && !url.startsWith('blob:') && !url.startsWith('data:'));
      return { page, context, outside, violations };
    };

    it('renders every chart with data from the hub alone, drills into Yuncheng and opens a chart in GraphiQL', async () => {
      const { page, context, outside, violations } = await openPage();
      await page.goto(`${base}/insights?region=14`);
      await page.fill('#token', analyst);
      await page.click('#load');
      for (const chart of CHARTS) {
        const section = page.locator(`section[data-chart="${chart}"]`);
        await expect.poll(() => section.getAttribute('data-state'), { timeout: 30_000 }).toBe('rendered');
        expect(Number(await section.getAttribute('data-points')), chart).toBeGreaterThan(0);
        await section.screenshot({ path: `${ARTIFACTS}${chart}.png` });
      }
      expect(await page.locator('section[data-chart="risk-by-region"] h2').textContent()).toContain('山西');
      // Drill: the city bars of Shanxi; Yuncheng is one of them in the seed's counties.
      const regionChart = page.locator('section[data-chart="risk-by-region"] .canvas');
      // In the page: where the bar of 运城市 is, from the chart's own coordinate system.
      const yuncheng = (await page.evaluate(`(() => {
        const element = document.querySelector('section[data-chart="risk-by-region"] .canvas');
        const chart = echarts.getInstanceByDom(element);
        const index = chart.getOption().xAxis[0].data.indexOf('运城市');
        return index >= 0 ? chart.convertToPixel({ xAxisIndex: 0, yAxisIndex: 0 }, [index, 0]) : null;
      })()`)) as [number, number] | null;
      expect(yuncheng, '运城市 among the bars of Shanxi').not.toBeNull();
      if (!yuncheng) return;
      await regionChart.click({ position: { x: yuncheng[0], y: yuncheng[1] - 3 } });
      await expect.poll(() => page.locator('section[data-chart="risk-by-region"] h2').textContent(), { timeout: 15_000 }).toContain('运城');
      await expect.poll(() => page.locator('section[data-chart="risk-by-region"]').getAttribute('data-state')).toBe('rendered');
      await page.locator('section[data-chart="risk-by-region"]').screenshot({ path: `${ARTIFACTS}risk-by-region-yuncheng.png` });
      const link = await page.locator('section[data-chart="risk-by-region"] details a').getAttribute('href');
      expect(link).toMatch(/^\/graphiql\?query=/);
      const graphiql = await context.newPage();
      await graphiql.goto(`${base}${link}`);
      await expect.poll(() => graphiql.locator('.graphiql-query-editor').textContent(), { timeout: 15_000 }).toContain('RiskByRegion');
      expect(outside()).toEqual([]);
      expect(violations).toEqual([]);
      await context.close();
    }, 90_000);

    const exportFromGraphiql = async (query: string, format: 'csv' | 'xlsx') => {
      const { page, context, outside, violations } = await openPage();
      // GraphiQL's persisted headers pane, as an analyst who pasted a token once has it.
      await context.addInitScript({
        content: `localStorage.setItem('graphiql:headers', ${JSON.stringify(JSON.stringify({ Authorization: `Bearer ${analyst}` }))});`,
      });
      await page.goto(`${base}/graphiql?${new URLSearchParams({ query })}`);
      await page.locator('.graphiql-execute-button').click();
      await expect.poll(() => page.locator('.result-window').textContent(), { timeout: 15_000 }).toContain('"data"');
      await page
        .getByRole('button', { name: /导出 Export/ })
        .first()
        .click();
      await page.locator('input[type=number]').fill('1000');
      const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`button[data-export="${format}"]`).click()]);
      const path = `${ARTIFACTS}export.${format}`;
      await file.saveAs(path);
      await page.screenshot({ path: `${ARTIFACTS}graphiql-export-${format}.png` });
      expect(outside()).toEqual([]);
      expect(violations).toEqual([]);
      await context.close();
      return path;
    };

    it('exports the A-class enterprises of Shanxi from GraphiQL to XLSX, paging past the first page, with Chinese headers', async () => {
      const all = await stack.query<{ riskEnterprises: { uscc: string; enterprise: { name: string } }[] }>(
        'query { riskEnterprises(riskClass: A, regionPrefix: "14", first: 500) { uscc riskClass enterprise { name } } }',
        {},
        { token: analyst },
      );
      const expected = all.data?.riskEnterprises ?? [];
      expect(expected.length).toBeGreaterThan(5);
      const path = await exportFromGraphiql(
        'query AClass { riskEnterprises(riskClass: A, regionPrefix: "14", first: 5) { uscc riskClass enterprise { name } } }',
        'xlsx',
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      const rows: string[][] = [];
      workbook.worksheets[0]?.eachRow((row) => {
        rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? '')));
      });
      const [header, ...body] = rows;
      expect(
        header?.every((cell) => /[\u4e00-\u9fff]/.test(cell)),
        JSON.stringify(header),
      ).toBe(true);
      expect(body.map((row) => [row[0], row[2]])).toEqual(expected.map((e) => [e.uscc, e.enterprise.name]));
    }, 60_000);

    it('exports a connection to CSV through its pages', async () => {
      const all = await stack.query<{ searchEnterprises: { totalCount: number } }>(
        'query { searchEnterprises(filter: { regionCode: "14" }, first: 0) { totalCount } }',
        {},
        { token: analyst },
      );
      const path = await exportFromGraphiql(
        'query Shanxi { searchEnterprises(filter: { regionCode: "14" }, first: 7) { totalCount edges { node { uscc name status } } pageInfo { hasNextPage endCursor } } }',
        'csv',
      );
      const lines = readFileSync(path, 'utf8')
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r\n/);
      expect(lines[0]).toMatch(/^统一社会信用代码,/);
      expect(lines.length - 1).toBe(all.data?.searchEnterprises.totalCount);
    }, 60_000);

    it('runs a batch check from the upload page with a progress bar and offers the workbook', async () => {
      const { page, context, outside, violations } = await openPage();
      await page.goto(`${base}/batch-check`);
      await page.fill('#token', analyst);
      const csv = Buffer.from([demo[0]?.uscc, BAD_CHECK_DIGIT].join('\n'));
      await page.setInputFiles('#file', { name: '同事的名单.csv', mimeType: 'text/csv', buffer: csv });
      await page.click('#start');
      const download = page.locator('#download');
      await expect.poll(() => download.isVisible(), { timeout: 30_000 }).toBe(true);
      expect(await page.locator('#progress').evaluate((element) => (element as unknown as { value: number }).value)).toBe(1);
      const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
      const path = `${ARTIFACTS}batch-check.xlsx`;
      await file.saveAs(path);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      const sheet = workbook.worksheets[0];
      expect(sheet?.getRow(2).getCell(5).text).toBe(demo[0]?.name);
      expect(sheet?.getRow(3).getCell(3).text).toBe('否');
      expect(sheet?.getRow(3).getCell(4).text).not.toBe('');
      await page.screenshot({ path: `${ARTIFACTS}batch-check.png` });
      expect(outside()).toEqual([]);
      expect(violations).toEqual([]);
      await context.close();
    }, 60_000);
  });
});
