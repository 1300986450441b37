import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SUPERGRAPH_FILE } from '@credit-hub/gateway';
import {
  authEnvShape,
  authSettingsFromEnv,
  bearerToken,
  createTokenSource,
  createTokenVerifier,
  gatewayIssuer,
  parseEnv,
} from '@credit-hub/subgraph-kit';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway';

export interface HiveGateway {
  /** The gateway's /graphql endpoint. */
  url: string;
  stop(): Promise<void>;
}

/**
 * The committed supergraph served unchanged by another federation engine, Hive Gateway
 * (`createGatewayRuntime`), to prove the file is engine-neutral. Only what the supergraph cannot
 * say is configured: where each subgraph listens now (its `join__graph` url is the `npm start`
 * port), and the hub's one gateway duty the subgraphs rely on — every fetch carries a token:
 * the caller's own `Authorization`, or for an anonymous caller a short-lived public token signed
 * with the gateway secret, as the Apollo gateway mints it. Like the Apollo gateway it verifies a
 * caller's token at the edge (a bad one is a 401 UNAUTHENTICATED, never a downgrade to public);
 * the subgraphs verify it again and decide access themselves, so the engine in front changes no
 * access decision.
 */
export async function startHiveGateway(options: {
  subgraphUrls: Record<string, string>;
  env: Record<string, string | undefined>;
}): Promise<HiveGateway> {
  const auth = authSettingsFromEnv(parseEnv(authEnvShape, options.env));
  const anonymousToken = createTokenSource({
    secret: auth.gatewaySecret,
    issuer: gatewayIssuer(auth.issuer),
    audience: auth.audience,
    sub: 'anonymous',
    role: 'public',
    ttlSeconds: 120,
  });
  const verify = createTokenVerifier(auth);
  const edgeAuth: GatewayPlugin = {
    async onRequest({ request, endResponse, fetchAPI }) {
      try {
        const token = bearerToken(request.headers.get('authorization'));
        if (token) await verify(token);
      } catch (error) {
        const body = { errors: [{ message: (error as Error).message, extensions: { code: 'UNAUTHENTICATED' } }] };
        endResponse(fetchAPI.Response.json(body, { status: 401 }));
      }
    },
  };
  const runtime = createGatewayRuntime({
    supergraph: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    transportEntries: Object.fromEntries(Object.entries(options.subgraphUrls).map(([name, location]) => [name, { location }])),
    propagateHeaders: {
      fromClientToSubgraphs: async ({ request }) => ({
        authorization: request.headers.get('authorization') ?? `Bearer ${await anonymousToken()}`,
        'x-request-id': request.headers.get('x-request-id') ?? randomUUID(),
      }),
    },
    plugins: () => [edgeAuth],
    logging: false,
  });
  const server = createServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.dispose();
    },
  };
}
