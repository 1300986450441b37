import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { extname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  bearerToken,
  type Caller,
  canImport,
  canReadImport,
  type RouteHandler,
  sendJson,
  type TokenVerifier,
} from '@credit-hub/subgraph-kit';
import { countRows, formatOfPath, ImportFileError, readHeader, TABLE_KINDS, type TableKind } from '@credit-hub/tables';
import type { ImportJobStore } from '../data/import-jobs.ts';
import { type ImportRunner, REJECTS_WORKBOOK } from './import-runner.ts';

export const IMPORTS_PATH = '/imports';
export const REJECTS_PATH = '/imports/rejects';

/** Where a job's rejects workbook is downloaded: the same path on the gateway and on the exchange. */
export const rejectsPath = (jobId: string) => `${REJECTS_PATH}?${new URLSearchParams({ job: jobId }).toString()}`;

class TooLargeError extends Error {}

async function callerOf(request: IncomingMessage, verify: TokenVerifier): Promise<{ caller: Caller; token: string } | null> {
  const token = bearerToken(request.headers.authorization);
  const caller = token ? await verify(token).catch(() => null) : null;
  return caller && token ? { caller, token } : null;
}

/**
 * `POST /imports?filename=<name.csv|name.xlsx>[&kind=penalties]`, the table as the raw body, with
 * the uploader's bearer token. The file is stored, its header recognised and its rows counted,
 * then the job starts at once (one step: nothing is gained by staging a file nobody imports) and
 * the answer is 202 with the job's id; poll `importJob(id)`. A file that is too large, of an
 * unknown type or without a recognisable header is refused (413/400) and nothing is kept.
 */
export function uploadRoute(runner: ImportRunner, verify: TokenVerifier, maxBytes: number): RouteHandler {
  const store = runner.store;
  return async (request, response) => {
    if (request.method !== 'POST') return sendJson(response, 405, { error: 'POST the table as the request body (请用 POST 上传)' });
    const who = await callerOf(request, verify);
    if (!who) return sendJson(response, 401, { error: 'a valid token is required (需要有效的身份令牌)' });
    const allowed = canImport(who.caller);
    if (!allowed.allowed)
      return sendJson(response, 403, { error: 'your role may not import records (无导入权限)', reason: allowed.denial });
    const url = new URL(request.url ?? '/', 'http://localhost');
    const filename = (url.searchParams.get('filename') ?? '').trim().slice(0, 200);
    const kind = url.searchParams.get('kind') ?? undefined;
    if (kind !== undefined && !TABLE_KINDS.includes(kind as TableKind))
      return sendJson(response, 400, { error: `kind must be one of ${TABLE_KINDS.join(', ')}`, field: 'kind' });
    let extension: string;
    try {
      formatOfPath(filename);
      extension = extname(filename).toLowerCase();
    } catch (error) {
      return sendJson(response, 400, { error: (error as Error).message, field: 'filename' });
    }
    if (Number(request.headers['content-length'] ?? 0) > maxBytes)
      return sendJson(response, 413, { error: `the table is larger than ${maxBytes} bytes (文件过大)` });

    const id = await store.reserve();
    const sourceFile = `source${extension}`;
    const path = join(store.jobDirectory(id), sourceFile);
    try {
      let received = 0;
      const limit = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          received += chunk.length;
          callback(received > maxBytes ? new TooLargeError() : null, chunk);
        },
      });
      await pipeline(request, limit, createWriteStream(path));
      if (received === 0) throw new ImportFileError('the upload is empty (空文件)', 'EMPTY');
      const header = await readHeader(path, kind as TableKind | undefined);
      const total = await countRows(path, header.headerRow);
      const job = await store.create(id, {
        kind: header.mapping.kind,
        sourceFile,
        total,
        filename,
        uploadedBy: who.caller.sub,
        uploaderRole: who.caller.role,
        department: who.caller.dept,
      });
      const running = await runner.start(job, who.token);
      sendJson(response, 202, { id: job.id, kind: job.kind, total, status: running.status, ignoredHeaders: header.mapping.ignored });
    } catch (error) {
      await store.discard(id);
      if (error instanceof TooLargeError)
        return sendJson(response, 413, { error: `the table is larger than ${maxBytes} bytes (文件过大)` });
      if (error instanceof ImportFileError) return sendJson(response, 400, { error: error.message, reason: error.rule });
      return sendJson(response, 400, { error: `the table cannot be read: ${(error as Error).message} (文件无法读取)` });
    }
  };
}

/**
 * `GET /imports/rejects?job=<id>`: the rejects workbook of a finished job (row number, field,
 * rule, reason, then the original cells), to its uploader, the uploader's department and admins
 * (the kit's policy); anyone else's job is answered 404, as if absent.
 */
export function rejectsRoute(store: ImportJobStore, verify: TokenVerifier): RouteHandler {
  return async (request, response) => {
    const who = await callerOf(request, verify);
    if (!who) return sendJson(response, 401, { error: 'a valid token is required (需要有效的身份令牌)' });
    const job = await store.get(new URL(request.url ?? '/', 'http://localhost').searchParams.get('job') ?? '');
    if (!job || !canReadImport(who.caller, job).allowed || job.status !== 'SUCCEEDED')
      return sendJson(response, 404, { error: 'no such rejects workbook (文件不存在)' });
    const path = join(store.jobDirectory(job.id), REJECTS_WORKBOOK);
    const { size } = await stat(path);
    response.writeHead(200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-length': size,
      'content-disposition': `attachment; filename="rejects-${job.id}.xlsx"`,
      'cache-control': 'no-store',
    });
    await pipeline(createReadStream(path), response);
  };
}
