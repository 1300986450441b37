/**
 * `npm start`: every subgraph and the gateway in one process, embedded PGlite under .data/ (or
 * PostgreSQL when DATABASE_URL is set), demo data seeded on first start. Ctrl-C stops cleanly.
 * In production mode it prints no development tokens (and signs none).
 */
import { loadGatewayEnv, startGateway } from '@credit-hub/gateway';
import { classifyDemoMonth, type RiskDatabase } from '@credit-hub/risk';
import { enterpriseAt } from '@credit-hub/seed';
import {
  authEnvShape,
  createHubClient,
  createLogger,
  isProduction,
  parseEnv,
  type RunningService,
  stopOnSignals,
  todayInChina,
} from '@credit-hub/subgraph-kit';
import { sampleEnterprises } from '@credit-hub/tables';
import { DEMO_PROFILE } from './demo.ts';
import { DEMO_TOKENS, mintDevToken } from './dev-tokens.ts';
import { SUBGRAPHS } from './subgraphs.ts';

async function main() {
  const env: Record<string, string | undefined> = { SEED_DEMO: 'true', ...process.env };
  const settings = parseEnv(authEnvShape, env);
  const production = isProduction(settings);
  // One logger for the whole process; every service's lines carry its name.
  const logger = createLogger({ level: settings.LOG_LEVEL });
  const started: RunningService[] = [];
  const stopAll = async () => {
    for (const service of started.reverse()) await service.stop();
  };
  stopOnSignals(stopAll, logger);
  try {
    for (const subgraph of SUBGRAPHS) {
      const service = await subgraph.start({ env, logger });
      started.push(service);
      // Later subgraphs reach earlier ones as clients (e.g. an enterprise's registered region).
      env[`${subgraph.name.toUpperCase()}_URL`] ??= `${service.url}/graphql`;
      console.log(`  ${subgraph.name.padEnd(12)} ${service.url}/graphql`);
    }
    const gateway = await startGateway({
      subgraphUrls: Object.fromEntries(started.map((service) => [service.name, `${service.url}/graphql`])),
      graphiql: { exampleUscc: DEMO_PROFILE.uscc },
      logger,
    });
    started.push(gateway);
    // Services that read the hub as clients (the inspections draw) find the gateway here.
    env.GATEWAY_URL ??= `${gateway.url}/graphql`;
    // A convenience for the walkthrough: when it fails, the hub still starts, and says why.
    if (!production)
      await registerSampleEnterprises(env, `${gateway.url}/graphql`).catch((error: Error) =>
        console.warn(`  enterprises  the sample tables' enterprises were not registered: ${error.message}`),
      );
    await classifyDemo(started, env, `${gateway.url}/graphql`);
    const gatewayEnv = loadGatewayEnv(env);
    await printWelcome(gateway.url, production, {
      graphiql: gatewayEnv.GRAPHIQL_ENABLED ?? !production,
      insights: gatewayEnv.INSIGHTS_ENABLED,
      batchCheck: gatewayEnv.BATCH_CHECK_ENABLED,
    });
  } catch (error) {
    console.error('start failed:', error);
    await stopAll();
    process.exit(1);
  }
}

const KNOWN_ENTERPRISES = 'query($usccs: [String!]!) { enterprises(usccs: $usccs) { uscc } }';
const REGISTER_ENTERPRISE = 'mutation($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { enterprise { uscc } } }';

/**
 * The enterprises the sample tables name (packages/tables/samples), registered through the gateway
 * with the demo data, so the README's import walkthrough shows the rules the samples are made to
 * show rather than refusing every row as an unknown enterprise. Only into a hub that holds the demo
 * data (its first enterprise is there): `npm start` pointed at a database of real records, which
 * the demo seed leaves alone, gets no sample enterprises either. Those already registered (a later
 * start) are left as they are.
 */
async function registerSampleEnterprises(env: Record<string, string | undefined>, gatewayUrl: string) {
  if (env.SEED_DEMO !== 'true') return;
  const samples = sampleEnterprises();
  const demoMarker = enterpriseAt(0).uscc;
  const token = await mintDevToken({ role: 'admin', sub: 'demo-samples', expiresIn: 600 }, env);
  const post = createHubClient({
    url: gatewayUrl,
    token: async () => token,
    timeoutMs: 30_000,
    purpose: 'registering the enterprises of the sample tables',
  });
  const answer = (await post(KNOWN_ENTERPRISES, { usccs: [demoMarker, ...samples.map((sample) => sample.uscc)] })) as {
    data: { enterprises: ({ uscc: string } | null)[] };
  };
  const known = new Set(answer.data.enterprises.flatMap((enterprise) => (enterprise ? [enterprise.uscc] : [])));
  if (!known.has(demoMarker)) return;
  const missing = samples.filter((sample) => !known.has(sample.uscc));
  for (const sample of missing) {
    await post(REGISTER_ENTERPRISE, {
      input: {
        ...sample,
        enterpriseType: '有限责任公司',
        legalRepresentative: '张三',
        establishedOn: '2015-06-01',
        businessScope: '特种设备制造、安装、检验（示例表格中的企业）',
      },
    });
  }
  if (missing.length) console.log(`  enterprises  registered the ${missing.length} enterprises the sample tables name`);
}

/** Classes come from every subgraph's data, so the demo month is classified once the gateway is up. */
async function classifyDemo(started: RunningService[], env: Record<string, string | undefined>, gatewayUrl: string) {
  const risk = started.find((service) => service.name === 'risk') as (RunningService & { database: RiskDatabase }) | undefined;
  if (!risk || env.SEED_DEMO !== 'true') return;
  const outcome = await classifyDemoMonth({ database: risk.database, env, gatewayUrl, today: todayInChina() });
  if (outcome) {
    const { A, B, C, D } = outcome.counts;
    console.log(`  risk         classified ${outcome.month}: A ${A}  B ${B}  C ${C}  D ${D} (${(outcome.durationMs / 1000).toFixed(1)} s)`);
  }
}

async function printWelcome(url: string, production: boolean, pages: { graphiql: boolean; insights: boolean; batchCheck: boolean }) {
  const demo = [DEMO_PROFILE, ...[0, 1, 2, 3].map((index) => enterpriseAt(index))];
  const lines = [
    '',
    'credit-hub is running  企业信用数据中心已启动',
    pages.graphiql ? `  GraphiQL   ${url}/graphiql` : '  GraphiQL   off (GRAPHIQL_ENABLED=true turns it on)',
    ...(pages.insights ? [`  Insights   ${url}/insights   (charts; paste the analyst token below)`] : []),
    ...(pages.batchCheck ? [`  Batch      ${url}/batch-check   (a CSV or XLSX of codes or names → workbook)`] : []),
    `  GraphQL    ${url}/graphql`,
    '',
    'Demo enterprises (统一社会信用代码):',
    ...demo.map((e) => `  ${e.uscc}  ${e.name}`),
  ];
  if (production) {
    lines.push('', 'Production mode: no development tokens; callers bring tokens from the identity provider.');
  } else {
    lines.push('', 'Dev tokens (paste into GraphiQL → Headers as {"Authorization": "Bearer <token>"}); no token = public view:');
    for (const { label, request } of DEMO_TOKENS) lines.push(`  ${label}:`, `    ${await mintDevToken(request, process.env)}`);
  }
  lines.push('', 'Ctrl-C stops everything.');
  console.log(lines.join('\n'));
}

main();
