import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database, DatabaseKind, TestDatabase } from '@credit-hub/db';
import { type GraphiqlOptions, loadGatewayEnv, startGateway } from '@credit-hub/gateway';
import { createLogger, type DestinationStream, type LogLevel, type RunningService } from '@credit-hub/subgraph-kit';
import { mintDevToken, type TokenRequest } from '../../scripts/dev-tokens.ts';
import { SUBGRAPHS } from '../../scripts/subgraphs.ts';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface Stack {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: each subgraph has its own table set
  databases: Record<string, TestDatabase<any>>;
  /** POSTs an operation to the gateway (or to `url`), with a bearer token when given. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; url?: string },
  ): Promise<GraphQLResponse<T>>;
  token(request: TokenRequest): Promise<string>;
  /**
   * Registers an enterprise through the gateway as an admin (the enterprises subgraph is where
   * every other subgraph looks up an enterprise's registered region before it writes about it).
   */
  registerEnterprise(uscc: string, input?: Record<string, unknown>): Promise<void>;
  /** The open database of one subgraph (to seed it or read its statement counter). */
  // biome-ignore lint/suspicious/noExplicitAny: each subgraph has its own table set
  database<TDatabase extends Database<any> = TestDatabase<any>>(name: string): TDatabase;
  /** SQL statements each subgraph ran while `work` ran. */
  countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: Record<string, number> }>;
  stop(): Promise<void>;
}

export const REGISTER_ENTERPRISE =
  'mutation($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { enterprise { uscc } } }';

/** A registration that passes validation; the name says it is a test enterprise. */
export const enterpriseInput = (uscc: string) => ({
  uscc,
  name: `测试企业${uscc.slice(-6)}有限公司`,
  enterpriseType: '有限责任公司',
  legalRepresentative: '张三',
  establishedOn: '2020-01-01',
  registrationAuthority: '测试市市场监督管理局',
  address: '测试路1号',
  businessScope: '测试',
});

export const TEST_ENV = {
  NODE_ENV: 'test',
  AUTH_JWT_SECRET: 'credit-hub-test-secret-0123456789',
  AUTH_JWT_ISSUER: 'credit-hub',
  HOST: '127.0.0.1',
  SEED_DEMO: 'false',
  // Faults tests provoke on purpose still show; pass `logs` (and LOG_LEVEL) to read every line.
  LOG_LEVEL: 'warn',
} as const;

/**
 * The whole hub for one test file: every subgraph on a free port with its own fresh database,
 * the gateway composed over them. Test files can run concurrently; nothing is shared.
 */
export interface StackOptions {
  kind?: DatabaseKind;
  env?: Record<string, string>;
  /** GraphiQL examples the gateway serves (browser tests). */
  graphiql?: GraphiqlOptions;
  /** Fixed "today" passed to every subgraph with date rules (tests of publication periods). */
  today?: () => string;
  /** Where every service's JSON log lines go (stdout by default); see `captureLogs`. */
  logs?: DestinationStream;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  // Each stack's export jobs in a directory of its own: the exchange fails another's unfinished jobs at start-up.
  const env: Record<string, string> = { ...TEST_ENV, EXPORT_DIR: mkdtempSync(join(tmpdir(), 'exports-')), ...options.env };
  const kind = options.kind ?? 'pglite';
  const logger = createLogger({ level: env.LOG_LEVEL as LogLevel, ...(options.logs ? { destination: options.logs } : {}) });
  const services: RunningService[] = [];
  const databases: Stack['databases'] = {};
  try {
    for (const subgraph of SUBGRAPHS) {
      const database = await subgraph.openTestDatabase(kind);
      databases[subgraph.name] = database;
      const service = await subgraph.start({ port: 0, env, database, logger, ...(options.today ? { today: options.today } : {}) });
      services.push(service);
      // Later subgraphs reach earlier ones as clients (e.g. an enterprise's registered region).
      Object.assign(env, { [`${subgraph.name.toUpperCase()}_URL`]: `${service.url}/graphql` });
    }
    const subgraphUrls = Object.fromEntries(services.map((service) => [service.name, `${service.url}/graphql`]));
    const gateway = await startGateway({
      port: 0,
      subgraphUrls,
      env: loadGatewayEnv(env),
      logger,
      ...(options.graphiql ? { graphiql: options.graphiql } : {}),
    });
    services.push(gateway);
    const gatewayUrl = `${gateway.url}/graphql`;
    // Services that read the hub as clients (the inspections draw) find the gateway here.
    env.GATEWAY_URL = gatewayUrl;
    const stack: Stack = {
      gatewayUrl,
      subgraphUrls,
      databases,
      async query(query, variables = {}, { token, url } = {}) {
        const response = await fetch(url ?? gatewayUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-request-id': randomUUID(),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify({ query, variables }),
        });
        return { status: response.status, ...((await response.json()) as object) };
      },
      token: (request) => mintDevToken(request, env),
      async registerEnterprise(uscc, input = {}) {
        const admin = await mintDevToken({ role: 'admin' }, env);
        const result = await stack.query(REGISTER_ENTERPRISE, { input: { ...enterpriseInput(uscc), ...input } }, { token: admin });
        if (result.errors) throw new Error(`registerEnterprise ${uscc}: ${JSON.stringify(result.errors)}`);
      },
      database<TDatabase>(name: string) {
        const database = databases[name];
        if (!database) throw new Error(`no subgraph named ${name}`);
        return database as TDatabase;
      },
      async countStatements(work) {
        const before = Object.fromEntries(Object.entries(databases).map(([name, db]) => [name, db.statements.count]));
        const result = await work();
        const statements = Object.fromEntries(
          Object.entries(databases).map(([name, db]) => [name, db.statements.count - (before[name] ?? 0)]),
        );
        return { result, statements };
      },
      async stop() {
        for (const service of services.reverse()) await service.stop();
        for (const database of Object.values(databases)) await database.close();
      },
    };
    return stack;
  } catch (error) {
    for (const service of services.reverse()) await service.stop().catch(() => {});
    for (const database of Object.values(databases)) await database.close().catch(() => {});
    throw error;
  }
}
