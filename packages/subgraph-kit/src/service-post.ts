import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** Kept-alive connections to the hub's own services, one pool per protocol for the process. */
const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

export interface PostAnswer {
  status: number;
  /** The answer's body as text (UTF-8). */
  text: string;
}

/**
 * POSTs a JSON body to another hub service and reads the whole answer, within `timeoutMs` for
 * the request and the body alike. node:http rather than the global fetch: for a call a write
 * makes per batch (the enterprise-facts lookup), undici's fetch with its web streams cost about
 * twice the CPU of the request itself. Rejects on any failure (refused, reset, timeout, an answer
 * cut short); the caller decides what a failure means and never shows the driver's message.
 */
export function postJson(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<PostAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const signal = AbortSignal.timeout(timeoutMs);
    const send = secure ? httpsRequest : httpRequest;
    const request = send(
      target,
      {
        method: 'POST',
        agent: secure ? agents.https : agents.http,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        signal,
      },
      (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        // Closed before its end (the timeout destroyed it, the peer hung up): never a whole answer.
        response.on('close', () => {
          if (!response.complete) reject(new Error('answer cut short'));
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
