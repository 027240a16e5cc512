/**
 * One HTTP POST over node:http / node:https, returning the raw response bytes (a response is
 * verified over exactly what arrived). A per-attempt deadline covers connect, send and the whole
 * response; transport failures come back as TransportFailure so the retry loop can tell a
 * timeout from a refused connection.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface HttpAnswer {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
}

export class TransportFailure extends Error {
  constructor(readonly kind: 'network' | 'timeout', message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransportFailure';
  }
}

/** A response larger than this is not an Antom answer; stop reading rather than exhaust memory. */
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

function flattenHeaders(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export function postBytes(url: string, headers: Record<string, string>, body: Buffer, timeoutMs: number): Promise<HttpAnswer> {
  return new Promise<HttpAnswer>((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    const finish = (error: TransportFailure | undefined, answer?: HttpAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(answer!);
    };
    const req = send(target, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          req.destroy();
          finish(new TransportFailure('network', `The response from ${target.host} is larger than ${MAX_RESPONSE_BYTES} bytes; it is not an Antom answer.`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => finish(undefined, { status: res.statusCode ?? 0, headers: flattenHeaders(res), body: Buffer.concat(chunks, size) }));
      res.on('aborted', () => finish(new TransportFailure('network', `The connection to ${target.host} closed before the whole response arrived.`)));
      res.on('error', (error) => finish(new TransportFailure('network', `Reading the response from ${target.host} failed: ${error.message}`, { cause: error })));
    });
    const timer = setTimeout(() => {
      finish(new TransportFailure('timeout', `No complete answer from ${target.host} within ${timeoutMs} ms.`));
      req.destroy();
    }, timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      const what = error.code === 'ECONNREFUSED' ? 'refused the connection' : error.code === 'ECONNRESET' || error.message === 'socket hang up' ? 'closed the connection without answering' : `could not be reached (${error.code ?? error.message})`;
      finish(new TransportFailure('network', `${target.host} ${what}.`, { cause: error }));
    });
    req.end(body);
  });
}
