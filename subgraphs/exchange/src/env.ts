import { databaseUrlFor, parseEnv, portVariable, subgraphEnvShape } from '@credit-hub/subgraph-kit';
import { z } from 'zod';

export const SUBGRAPH_NAME = 'exchange';

const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'])
    .default(fallback)
    .transform((value) => value === 'true');

const shape = {
  ...subgraphEnvShape,
  EXCHANGE_PORT: portVariable(4006),
  /** GraphQL URLs of the subgraphs with an outbox; their `/outbox` route sits beside `/graphql`. */
  ENTERPRISES_URL: z.url().default('http://127.0.0.1:4001/graphql'),
  LICENSES_URL: z.url().default('http://127.0.0.1:4002/graphql'),
  SANCTIONS_URL: z.url().default('http://127.0.0.1:4003/graphql'),
  INSPECTIONS_URL: z.url().default('http://127.0.0.1:4004/graphql'),
  RISK_URL: z.url().default('http://127.0.0.1:4005/graphql'),
  /** Days an event stays in the feed; an older cursor is told to take a snapshot. */
  OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Seconds between heartbeats on an idle `/feed` stream. */
  FEED_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(300).default(15),
  /** Webhook URLs to private, loopback or link-local addresses: refused in production unless true. */
  WEBHOOK_ALLOW_PRIVATE: flag('false'),
  /** Per-attempt timeout of a webhook POST. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /**
   * How long a claimed delivery is held by one exchange process: if it dies mid-delivery, another
   * (or its restart) sends the delivery again after this. Longer than WEBHOOK_TIMEOUT_MS.
   */
  WEBHOOK_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(120_000),
  /** How often the dispatcher looks for new events and due deliveries. */
  WEBHOOK_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  OUTBOX_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Where 双公示 export jobs write their files and state; default `<DATA_DIR>/exchange-exports`. */
  EXPORT_DIR: z.string().min(1).optional(),
  /** 数据来源单位 and its unified social credit code, printed in every exported row. */
  EXPORT_SOURCE_NAME: z.string().max(100).default(''),
  EXPORT_SOURCE_CODE: z.string().max(18).optional(),
  /** 处罚机关 name → its unified social credit code, as a JSON object (the penalty record holds only the name). */
  EXPORT_AUTHORITY_CODES: z
    .string()
    .default('{}')
    .transform((text, context) => {
      try {
        return z.record(z.string(), z.string().max(18)).parse(JSON.parse(text));
      } catch {
        context.addIssue({ code: 'custom', message: 'a JSON object of authority name → code' });
        return z.NEVER;
      }
    }),
  /** Records per bulk page read from the owning subgraphs (memory holds one page at a time). */
  EXPORT_PAGE_SIZE: z.coerce.number().int().min(1).max(10_000).default(2_000),
  /** Where table import jobs keep the uploaded file, their state and rejects; default `<DATA_DIR>/exchange-imports`. */
  IMPORT_DIR: z.string().min(1).optional(),
  /** Largest table accepted by POST /imports (bytes); 100 MB holds about a million penalty rows as CSV. */
  IMPORT_MAX_BYTES: z.coerce.number().int().min(1_024).max(2_000_000_000).default(100_000_000),
  /** The gateway import jobs write through, with the uploader's token (as the import CLI does). */
  GATEWAY_URL: z.url().default('http://127.0.0.1:4000/graphql'),
};

/** Validated configuration of the exchange service (README: "Environment variables"). */
export function loadEnv(source: Record<string, string | undefined> = process.env) {
  const env = parseEnv(shape, source);
  return { ...env, DATABASE_URL: databaseUrlFor(SUBGRAPH_NAME, source) };
}
export type ExchangeEnv = ReturnType<typeof loadEnv>;
