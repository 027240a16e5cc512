/**
 * One forward over HTTP: POST the exact bytes with Antom's headers and read (a bounded part of)
 * the answer. Never throws: an answer, a network error or a timeout all become a
 * ForwardAttemptInput for the outbox to keep.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ForwardAttemptInput } from '../journal/forward-outbox';

/** More than enough of an answer to judge it; the rest is drained and dropped. */
const MAX_ANSWER_BYTES = 64 * 1024;

export async function postForward(target: string, headers: Record<string, string>, body: Buffer, timeoutMs: number, now: () => Date): Promise<ForwardAttemptInput> {
  const sentAt = now().toISOString();
  const started = performance.now();
  const url = new URL(target);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<ForwardAttemptInput>((resolve) => {
    let settled = false;
    const finish = (result: Omit<ForwardAttemptInput, 'sentAt' | 'latencyMs'>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ sentAt, latencyMs: performance.now() - started, ...result });
    };
    const req = send(url, { method: 'POST', headers: { ...headers, 'content-length': String(body.length) }, agent: false }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      res.on('data', (chunk: Buffer) => {
        if (kept < MAX_ANSWER_BYTES) {
          chunks.push(chunk);
          kept += chunk.length;
        }
      });
      res.on('end', () => finish({ httpStatus: res.statusCode ?? null, answerBody: Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8'), error: null }));
      res.on('error', (error) => finish({ httpStatus: res.statusCode ?? null, answerBody: null, error: `the answer broke off: ${error.message}` }));
    });
    const timer = setTimeout(() => {
      finish({ httpStatus: null, answerBody: null, error: `no answer within ${timeoutMs} ms` });
      req.destroy();
    }, timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => finish({ httpStatus: null, answerBody: null, error: error.code ? `${error.code}: ${error.message}` : error.message }));
    req.end(body);
  });
}
