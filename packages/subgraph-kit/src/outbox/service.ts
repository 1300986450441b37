import type { ServerResponse } from 'node:http';
import { bearerToken, type TokenVerifier } from '../auth/tokens.ts';
import type { RouteHandler } from '../http.ts';
import { sendJson } from '../http.ts';
import type { Logger } from '../logger.ts';
import type { OutboxExecutor } from './append.ts';
import { type OutboxLinePage, type OutboxReadOptions, readOutbox, readOutboxLines } from './reader.ts';
import { pruneOutbox, sequenceAll, sequenceUpTo, type TransactionalDb } from './sequencer.ts';
import { AUDIENCES, type Audience } from './table.ts';

export interface OutboxServiceOptions {
  db: TransactionalDb;
  /** Events older than this are pruned (OUTBOX_RETENTION_DAYS, default 30). */
  retentionDays?: number;
  /** Also number committed rows on a timer (ms); by default only each read sequences first. */
  sequenceEveryMs?: number;
  /**
   * The subgraph's date-driven events (publication period ended, listing due for escalation) for
   * `today`; run at start-up and whenever the date changes. Must be idempotent per record and date
   * (`dedupeKey`), since it also runs again after every restart.
   */
  daily?: (today: string) => Promise<number>;
  today?: () => string;
}

export interface OutboxService {
  route(verify: TokenVerifier): RouteHandler;
  start(logger: Logger): void;
  stop(): Promise<void>;
  /** Runs the daily job now (tests with a fixed date). */
  runDaily(today: string): Promise<number>;
}

const MAX_PAGE = 10_000;

const intParam = (value: string | null, fallback: number, max: number) => {
  if (value === null || value === '') return fallback;
  if (!/^\d{1,15}$/.test(value)) return null;
  const n = Number(value);
  return n > max ? null : n;
};
const listParam = (value: string | null) => (value ? value.split(',').filter(Boolean).slice(0, 50) : null);

/**
 * `format=lines`: NDJSON whose first line is the page's state (`head`, `scannedThrough`,
 * `prunedThrough`, `count`) and each further line `[position,"occurredAt","kind",{event}]`, the
 * event as PostgreSQL serialised it. The exchange streams these into `/feed` by slicing, without
 * parsing each event (reader.ts `readOutboxLines`; exchange `feed/lines.ts`).
 */
function sendLines(response: ServerResponse, page: OutboxLinePage): void {
  const { lines, ...state } = page;
  let body = `${JSON.stringify({ ...state, count: lines.length })}\n`;
  for (const line of lines) body += `[${line.position},"${line.occurredAt}",${JSON.stringify(line.kind)},${line.json}]\n`;
  response.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

/**
 * A subgraph's outbox as a service: the sequencer and retention timers, the daily job, and the
 * service-only `GET /outbox` route the exchange reads (never in the supergraph: only tokens with
 * role `service` are answered).
 */
export function createOutboxService(options: OutboxServiceOptions): OutboxService {
  const { db } = options;
  const timers: NodeJS.Timeout[] = [];
  let running: Promise<unknown> = Promise.resolve();
  let lastDaily: string | null = null;
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = running.then(work, work);
    running = next.catch(() => {});
    return next;
  };
  const runDaily = (today: string) =>
    serial(async () => {
      const added = options.daily ? await options.daily(today) : 0;
      lastDaily = today;
      return added;
    });
  return {
    runDaily,
    route: (verify) => async (request, response) => {
      const token = bearerToken(request.headers.authorization);
      const caller = token ? await verify(token).catch(() => null) : null;
      if (!caller) return sendJson(response, 401, { error: 'a service token is required (需要服务令牌)' });
      if (caller.role !== 'service') return sendJson(response, 403, { error: 'the outbox is read by hub services only (仅限服务)' });
      const url = new URL(request.url ?? '/', 'http://localhost');
      const after = intParam(url.searchParams.get('after'), 0, Number.MAX_SAFE_INTEGER);
      const first = intParam(url.searchParams.get('first'), 1000, MAX_PAGE);
      const audiences = (listParam(url.searchParams.get('audiences')) ?? ['public']) as Audience[];
      if (after === null || first === null || first < 1 || audiences.some((a) => !AUDIENCES.includes(a))) {
        return sendJson(response, 400, { error: 'bad after, first or audiences (参数错误)' });
      }
      await serial(() => sequenceUpTo(db, first));
      const read: OutboxReadOptions = {
        after,
        first,
        audiences,
        kinds: listParam(url.searchParams.get('kinds')),
        regionPrefix: url.searchParams.get('regionPrefix')?.slice(0, 6) || null,
        restrictedRegionPrefix: url.searchParams.get('restrictedRegionPrefix')?.slice(0, 6) || null,
      };
      if (url.searchParams.get('format') === 'lines') return sendLines(response, await readOutboxLines(db as OutboxExecutor, read));
      sendJson(response, 200, await readOutbox(db as OutboxExecutor, read));
    },
    start(logger) {
      // Positions are assigned when the exchange reads (`/outbox` sequences first); a timer is
      // opt-in, since an idle subgraph should not run statements while nobody follows the feed.
      if (options.sequenceEveryMs) {
        const every = options.sequenceEveryMs;
        const sequence = () =>
          serial(() => sequenceAll(db)).catch((error) => logger.warn({ err: error }, 'outbox sequencer failed; retrying'));
        timers.push(setInterval(sequence, every));
      }
      const prune = () =>
        serial(() => pruneOutbox(db, options.retentionDays ?? 30)).catch((error) => logger.warn({ err: error }, 'outbox retention failed'));
      timers.push(setInterval(prune, 3_600_000));
      if (options.daily && options.today) {
        const today = options.today;
        const daily = () => {
          const date = today();
          if (date === lastDaily) return;
          runDaily(date).then(
            (added) => logger.info({ date, added }, 'daily outbox events'),
            (error) => logger.warn({ err: error }, 'daily outbox job failed; retried next minute'),
          );
        };
        daily();
        timers.push(setInterval(daily, 60_000));
      }
      for (const timer of timers) timer.unref();
    },
    async stop() {
      for (const timer of timers.splice(0)) clearInterval(timer);
      await running;
    },
  };
}
