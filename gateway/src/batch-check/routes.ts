import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { bearerToken, type RouteHandler, sendJson } from '@credit-hub/subgraph-kit';
import { INSIGHTS_CSP } from '../insights/routes.ts';
import { MAX_UPLOAD_BYTES, readUpload, UploadError } from './read-upload.ts';
import { type Execute, runBatchCheck } from './run-check.ts';
import { writeCheckWorkbook } from './workbook.ts';

interface Job {
  owner: string;
  total: number;
  progress: number;
  state: 'running' | 'done' | 'failed';
  error?: string;
  workbook?: Buffer;
  createdAt: number;
}

/** Jobs kept in this process; a finished one is fetched once or dropped after the TTL. */
const MAX_JOBS = 20;
const JOB_TTL_MS = 15 * 60_000;

/** Who may read a job: the same token (hashed), or the anonymous caller's address. */
const ownerOf = (request: IncomingMessage) => {
  const token = bearerToken(request.headers.authorization);
  return token ? `token:${createHash('sha256').update(token).digest('hex')}` : `address:${request.socket.remoteAddress}`;
};

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_UPLOAD_BYTES) throw new UploadError(`at most ${MAX_UPLOAD_BYTES} bytes per file (文件过大)`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_UPLOAD_BYTES) throw new UploadError(`at most ${MAX_UPLOAD_BYTES} bytes per file (文件过大)`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8" />
  <title>credit-hub 批量核查 Batch check</title>
  <link rel="stylesheet" href="/insights/insights.css" />
</head>
<body>
  <header>
    <h1>批量核查 Batch check</h1>
    <label>令牌 Token <input id="token" type="password" autocomplete="off" placeholder="Bearer token" /></label>
    <a href="/insights">Insights</a> <a href="/graphiql">GraphiQL</a>
  </header>
  <p>上传 CSV 或 XLSX，第一列为统一社会信用代码或企业名称，至多 10 000 行、2 MB。Upload a CSV or XLSX whose first column holds codes or names (at most 10 000 rows, 2 MB); you get a workbook with one row per input.</p>
  <input id="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
  <button id="start" type="button">开始核查 Check</button>
  <p><progress id="progress" max="1" value="0"></progress> <span id="status" role="status"></span></p>
  <p><a id="download" hidden download="batch-check.xlsx">下载结果 Download workbook</a></p>
  <script type="module" src="/batch-check/batch-check.js"></script>
</body>
</html>`;

const SCRIPT = readFileSync(new URL('./page.js', import.meta.url));

/**
 * POST /batch-check starts a job over the uploaded file and answers its id; GET
 * /batch-check/status?job= reports progress (the page polls it); GET /batch-check/result?job=
 * answers the workbook. Each operation runs through this gateway as the uploading caller.
 */
export function batchCheckRoutes(executeAs: (request: IncomingMessage) => Promise<Execute>): Record<string, RouteHandler> {
  const jobs = new Map<string, Job>();
  const prune = () => {
    const now = Date.now();
    for (const [id, job] of jobs) if (now - job.createdAt > JOB_TTL_MS) jobs.delete(id);
  };
  const jobOf = (request: IncomingMessage) => {
    const id = new URL(request.url ?? '/', 'http://x').searchParams.get('job') ?? '';
    const job = jobs.get(id);
    return job && job.owner === ownerOf(request) ? { id, job } : null;
  };
  return {
    '/batch-check': async (request, response) => {
      if (request.method === 'GET') {
        response.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-cache',
          'content-security-policy': INSIGHTS_CSP,
        });
        return void response.end(PAGE);
      }
      if (request.method !== 'POST') return sendJson(response, 405, { error: 'GET or POST' });
      prune();
      if ([...jobs.values()].filter((job) => job.state === 'running').length >= MAX_JOBS) {
        return sendJson(response, 503, { error: 'too many batch checks running, try again shortly (核查任务已满)' });
      }
      let inputs: string[];
      let execute: Execute;
      try {
        inputs = await readUpload(await readBody(request));
        // Authenticates now: a bad token fails the upload, not the job.
        execute = await executeAs(request);
      } catch (error) {
        if (error instanceof UploadError) {
          response.setHeader('connection', 'close');
          return sendJson(response, 400, { error: error.message });
        }
        return sendJson(response, 401, { error: (error as Error).message });
      }
      const id = randomUUID();
      const job: Job = { owner: ownerOf(request), total: inputs.length, progress: 0, state: 'running', createdAt: Date.now() };
      jobs.set(id, job);
      runBatchCheck(inputs, execute, (progress) => {
        job.progress = progress;
      })
        .then(writeCheckWorkbook)
        .then(
          (workbook) => Object.assign(job, { workbook, state: 'done', progress: 1 }),
          (error: Error) => Object.assign(job, { state: 'failed', error: error.message }),
        );
      return sendJson(response, 202, { job: id, total: inputs.length });
    },
    '/batch-check/status': (request, response) => {
      const found = jobOf(request);
      if (!found) return sendJson(response, 404, { error: 'no such batch check for this caller' });
      const { job } = found;
      return sendJson(response, 200, {
        state: job.state,
        total: job.total,
        progress: job.progress,
        ...(job.error ? { error: job.error } : {}),
      });
    },
    '/batch-check/result': (request, response) => {
      const found = jobOf(request);
      if (!found?.job.workbook) return sendJson(response, 404, { error: 'no finished batch check for this caller' });
      response.writeHead(200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': 'attachment; filename="batch-check.xlsx"',
        'cache-control': 'no-store',
      });
      response.end(found.job.workbook);
    },
    '/batch-check/batch-check.js': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
      response.end(SCRIPT);
    },
  };
}
