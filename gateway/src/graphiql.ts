import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RouteHandler } from '@credit-hub/subgraph-kit';

const require = createRequire(import.meta.url);
/** Files by package directory: these UMD builds are not in the packages' `exports` maps. */
const packageFile = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/package.json`)), file);

/**
 * GraphiQL from the installed packages' own files: Apollo's landing page loads from a CDN and is
 * blank on an offline machine, which is where regulators' networks often are.
 */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.production.min.js': { file: packageFile('react', 'umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.production.min.js': { file: packageFile('react-dom', 'umd/react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.min.js': { file: packageFile('graphiql', 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.min.css': { file: packageFile('graphiql', 'graphiql.min.css'), type: 'text/css' },
  // Export plugin: the workbook is written in the browser from the caller's own result.
  'exceljs.min.js': { file: packageFile('exceljs', 'dist/exceljs.min.js'), type: 'text/javascript' },
  'export-plugin.js': { file: new URL('./graphiql-export/export-plugin.js', import.meta.url).pathname, type: 'text/javascript' },
};

/** GB 32100's worked example: valid, so the example query runs even before any demo data exists. */
export const EXAMPLE_USCC = '91350100M000100Y43';

const EXAMPLE_QUERY = `# 企业信用画像 Enterprise credit profile by unified social credit code.
# Paste a demo code printed by \`npm start\`; put a dev token in the Headers tab for more.
query Profile($uscc: String!) {
  enterprise(uscc: $uscc) {
    uscc
    name
    status
    legalRepresentative
    establishedOn
    region { fullName }
    keyDomains
    annualReports { year submittedOn onTime }
    annualReportCompliance { missingYears lateYears }
    contactPhone # regulators of the region and analysts only
    licenses { number kind status validTo publication { publishedOn late } }
    penalties { decisionNumber decidedOn penaltyTypes }
    abnormalOperations { listedOn reason }
    seriousViolations { listedOn }
  }
}

# 名称检索 Search by a Chinese name fragment.
query Search {
  searchEnterprises(filter: { nameContains: "食品", regionCode: "14" }, first: 5) {
    totalCount
    edges { cursor node { uscc name region { fullName } } }
    pageInfo { hasNextPage endCursor }
  }
}

# 代码校验 Why a code is invalid (never an error).
query Check {
  checkUscc(code: "91350100M000100Y4X") { valid normalized problems { rule position message } parts { authority entityType regionName } }
}

# 到期许可 Licences whose renewal is due within 90 days (analysts: everywhere; regulators: their region).
query ExpiringLicences {
  expiringLicenses(dueBy: "2027-03-01", regionCode: "14", first: 20) {
    totalCount
    edges { node { number kind validTo holder { uscc name } } }
    pageInfo { hasNextPage endCursor }
  }
}

# 届满三年的经营异常名录 Listings in force 3 years and not escalated: serious-list candidates (supervisors only).
query AbnormalDueForEscalation {
  abnormalListingsDueForEscalation(regionCode: "14", first: 20) {
    totalCount
    edges { node { listedOn reason escalationDueOn enterprise { uscc name } } }
    pageInfo { hasNextPage endCursor }
  }
}

# 风险分布 Risk classes of Yuncheng for the latest classified month (analysts, regulators of the region). Charts: /insights
query RiskDistribution {
  riskDistribution(regionPrefix: "1408") { month total classes { riskClass count share } }
}

# 双公示及时性 Licence and penalty decisions of the last 12 months per department: published within
# 7 working days or not (analysts; regulators: their region). Charts: /insights
query PublicationTimeliness {
  licences: licensePublicationTimeliness(regionPrefix: "14") { from to departments { department total onTime late pendingOverdue pendingInTime onTimeShare medianDelayWorkingDays } }
  penalties: penaltyPublicationTimeliness(regionPrefix: "14") { from to departments { department total onTime late pendingOverdue pendingInTime onTimeShare medianDelayWorkingDays } }
}

# D类企业名单 Yuncheng's D-class enterprises, to inspect or export (Export tab → XLSX).
query DClassEnterprises {
  riskEnterprises(riskClass: D, regionPrefix: "1408", first: 100) { uscc month riskClass enterprise { name status region { fullName } } }
}
`;

export interface GraphiqlOptions {
  /** USCC pre-filled in the variables pane. */
  exampleUscc?: string;
  /** Ready-to-paste Authorization header for the headers pane (dev only). */
  exampleToken?: string;
}

function page(options: GraphiqlOptions): string {
  const tab = {
    query: EXAMPLE_QUERY,
    variables: JSON.stringify({ uscc: options.exampleUscc ?? EXAMPLE_USCC }, null, 2),
    headers: options.exampleToken ? JSON.stringify({ Authorization: `Bearer ${options.exampleToken}` }, null, 2) : '',
  };
  // Data, not code: the page's CSP allows no inline script. `<` is escaped so that nothing in the
  // example text can close the script element.
  const config = JSON.stringify({ tab }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8" />
  <title>credit-hub GraphiQL 企业信用数据中心</title>
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
  <link rel="stylesheet" href="/graphiql/graphiql.min.css" />
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/react.production.min.js"></script>
  <script src="/graphiql/react-dom.production.min.js"></script>
  <script src="/graphiql/graphiql.min.js"></script>
  <script src="/graphiql/exceljs.min.js"></script>
  <script src="/graphiql/export-plugin.js"></script>
  <script id="graphiql-config" type="application/json">${config}</script>
  <script src="/graphiql/init.js"></script>
</body>
</html>`;
}

/** Starts GraphiQL with the page's JSON config; a file, so the CSP needs no 'unsafe-inline' script. */
const INIT_SCRIPT = `const config = JSON.parse(document.getElementById('graphiql-config').textContent);
const firstVisit = !localStorage.getItem('graphiql:tabState');
// Links from /insights open their chart's operation here (?query=…&variables=…).
const params = new URLSearchParams(location.search);
const linked = params.get('query');
const fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', location.href).href });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    // Examples only on a first visit: afterwards GraphiQL restores the analyst's own tabs.
    ...(linked ? { query: linked, variables: params.get('variables') ?? '' } : firstVisit ? { query: config.tab.query, variables: config.tab.variables } : {}),
    ...(config.tab.headers ? { headers: config.tab.headers } : {}),
    defaultEditorToolsVisibility: 'variables',
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: true,
    plugins: [window.creditHubExportPlugin],
  }),
);
`;

/**
 * The GraphiQL page's policy: scripts and styles from this origin only, no inline script;
 * GraphiQL's editor sets element styles at run time, hence 'unsafe-inline' for styles alone.
 */
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function graphiqlRoutes(options: GraphiqlOptions = {}): Record<string, RouteHandler> {
  const html = page(options);
  const routes: Record<string, RouteHandler> = {
    '/graphiql': (_request, response) => {
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
        'content-security-policy': GRAPHIQL_CSP,
      });
      response.end(html);
    },
    '/graphiql/init.js': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
      response.end(INIT_SCRIPT);
    },
    '/': (_request, response) => {
      response.writeHead(302, { location: '/graphiql' });
      response.end();
    },
  };
  for (const [name, asset] of Object.entries(ASSETS)) {
    const body = readFileSync(asset.file);
    routes[`/graphiql/${name}`] = (_request, response) => {
      response.writeHead(200, { 'content-type': `${asset.type}; charset=utf-8`, 'cache-control': 'public, max-age=86400' });
      response.end(body);
    };
  }
  return routes;
}
