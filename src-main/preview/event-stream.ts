/**
 * Server-sent events for the preview: each push event of the core becomes one SSE message
 * `event: <name>` / `data: <json>`. A comment line every 15 s keeps idle proxies and the
 * browser from dropping the stream; the timer is unref'd so it never holds the process open.
 */
import type { ServerResponse } from 'node:http';
import type { PushHub } from '../core/push-hub';
import { SECURITY_HEADERS } from './static-files';

const KEEPALIVE_MS = 15_000;

export class EventStreams {
  private readonly open = new Set<ServerResponse>();

  constructor(private readonly push: PushHub) {}

  attach(res: ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    // Tell the browser to reconnect after 2 s if the stream drops; the first line also flushes headers.
    res.write('retry: 2000\n\n');
    const off = this.push.onAny((name, payload) => {
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
    keepalive.unref();
    this.open.add(res);
    res.on('close', () => {
      off();
      clearInterval(keepalive);
      this.open.delete(res);
    });
  }

  get size(): number {
    return this.open.size;
  }

  closeAll(): void {
    for (const res of this.open) res.end();
    this.open.clear();
  }
}
