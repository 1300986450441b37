import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RouteHandler } from '@credit-hub/subgraph-kit';
import { listDivisions } from '@credit-hub/uscc';

const require = createRequire(import.meta.url);
const packageFile = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/package.json`)), file);

/**
 * Charts from the installed echarts package and a plain ES module beside this file: no CDN and no
 * build step, so the page works on a regulator's offline network exactly as GraphiQL does.
 */
const ASSETS: Record<string, { file: string; type: string }> = {
  'echarts.min.js': { file: packageFile('echarts', 'dist/echarts.min.js'), type: 'text/javascript' },
  'insights.js': { file: new URL('./page.js', import.meta.url).pathname, type: 'text/javascript' },
  'insights.css': { file: new URL('./page.css', import.meta.url).pathname, type: 'text/css' },
};

/**
 * Scripts and styles from this origin only, no inline script or style; data only from /graphql.
 * ECharts draws on canvas and sets element styles, hence 'unsafe-inline' for styles alone.
 */
export const INSIGHTS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const PAGE_TEMPLATE = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8" />
  <title>credit-hub 分析视图 Insights</title>
  <link rel="stylesheet" href="/insights/insights.css" />
</head>
<body data-graphiql="__GRAPHIQL__">
  <header>
    <h1>信用分析视图 Insights</h1>
    <label>令牌 Token <input id="token" type="password" autocomplete="off" placeholder="Bearer token (analyst)" /></label>
    <label>月份 Month <input id="month" placeholder="YYYY-MM (latest)" size="9" /></label>
    <label>区划 Region <input id="region" placeholder="14, 1408 …" size="8" /></label>
    <button id="load" type="button">加载 Load</button>
    __LINKS__
  </header>
  <p id="status" role="status"></p>
  <main id="charts"></main>
  <script src="/insights/echarts.min.js"></script>
  <script type="module" src="/insights/insights.js"></script>
</body>
</html>`;

/** Division names (GB/T 2260 reference data, not hub records) so the page can label and drill regions. */
function divisionsJson(): string {
  return JSON.stringify(listDivisions().map((d) => ({ code: d.code, name: d.name, level: d.level })));
}

/** Which neighbours this gateway serves: links to a disabled tool would answer 404. */
export interface InsightsOptions {
  graphiql: boolean;
  batchCheck: boolean;
}

export function insightsRoutes(options: InsightsOptions = { graphiql: true, batchCheck: true }): Record<string, RouteHandler> {
  const links = [
    options.graphiql ? '<a href="/graphiql">GraphiQL</a>' : '',
    options.batchCheck ? '<a href="/batch-check">批量核查 Batch check</a>' : '',
  ].join(' ');
  const PAGE = PAGE_TEMPLATE.replace('__LINKS__', links).replace('__GRAPHIQL__', String(options.graphiql));
  const routes: Record<string, RouteHandler> = {
    '/insights': (_request, response) => {
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
        'content-security-policy': INSIGHTS_CSP,
      });
      response.end(PAGE);
    },
  };
  const divisions = divisionsJson();
  routes['/insights/divisions.json'] = (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=86400' });
    response.end(divisions);
  };
  for (const [name, asset] of Object.entries(ASSETS)) {
    const body = readFileSync(asset.file);
    routes[`/insights/${name}`] = (_request, response) => {
      response.writeHead(200, { 'content-type': `${asset.type}; charset=utf-8`, 'cache-control': 'no-cache' });
      response.end(body);
    };
  }
  return routes;
}
