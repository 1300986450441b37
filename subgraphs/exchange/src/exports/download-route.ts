import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { bearerToken, canExport, canReadExport, type RouteHandler, sendJson, type TokenVerifier } from '@credit-hub/subgraph-kit';
import type { ExportJobStore } from '../data/export-jobs.ts';

export const DOWNLOAD_PATH = '/exports/download';

/** Where a file of a job is downloaded: the same path on the gateway and on the exchange. */
export const downloadPath = (jobId: string, file: string) => `${DOWNLOAD_PATH}?${new URLSearchParams({ job: jobId, file }).toString()}`;

const CONTENT_TYPES: Record<string, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ndjson: 'application/x-ndjson; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * `GET /exports/download?job=<id>&file=<name>`: one file of a finished export, to its requester
 * and admins (the kit's policy). Only names the job's manifest lists are served, so no path is
 * ever built from the caller's text; someone else's job is answered 404, as if absent.
 */
export function downloadRoute(store: ExportJobStore, verify: TokenVerifier): RouteHandler {
  return async (request, response) => {
    const token = bearerToken(request.headers.authorization);
    const caller = token ? await verify(token).catch(() => null) : null;
    if (!caller) return sendJson(response, 401, { error: 'a valid token is required (需要有效的身份令牌)' });
    if (!canExport(caller).allowed)
      return sendJson(response, 403, { error: 'exports are for the platform and admins (仅限省级平台与管理员)' });
    const url = new URL(request.url ?? '/', 'http://localhost');
    const job = await store.get(url.searchParams.get('job') ?? '');
    const name = url.searchParams.get('file') ?? '';
    const listed = job?.status === 'SUCCEEDED' && (name === 'manifest.json' || job.files.some((file) => file.name === name));
    if (!job || !canReadExport(caller, job).allowed || !listed)
      return sendJson(response, 404, { error: 'no such export file (文件不存在)' });
    const path = join(store.jobDirectory(job.id), name);
    const { size } = await stat(path);
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream',
      'content-length': size,
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    });
    await pipeline(createReadStream(path), response);
  };
}
