/**
 * The intake service's operational endpoints, on the receiver's own port:
 *
 *   GET /healthz   200 while the process serves requests (a liveness probe: restart me if not).
 *   GET /readyz    200 when the journal is reachable and at this receiver's schema version, else
 *                  503 with the reason (a readiness probe: send me no traffic while 503). Also
 *                  503 once shutdown has begun, so a load balancer drains this instance.
 *   GET /metrics   Prometheus text exposition (intake-metrics.ts).
 *
 * These exact paths are never notification paths: they are answered here before the notify-path
 * match, are never verified or stored, and a receiver whose notify path would be one of them is
 * refused at start. Only GET and HEAD; anything else gets 405 (and is not stored either).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ConsoleError } from '../../../src-shared/errors';
import type { IntakeMetrics } from './intake-metrics';
import { PROMETHEUS_CONTENT_TYPE } from './intake-metrics';
import type { JournalHealth } from './journal-health';

const SERVICE_PATHS = ['/healthz', '/readyz', '/metrics'] as const;
type ServicePath = (typeof SERVICE_PATHS)[number];

interface ServiceEndpointsOptions {
  health: JournalHealth;
  metrics: IntakeMetrics;
  /** Which journal (no password), shown by /readyz. */
  journal: string;
  /** True once shutdown began. */
  shuttingDown: () => boolean;
}

export interface ServiceEndpoints {
  /** Answer the request if it is for an operational path; false = not ours, carry on. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

function servicePathOf(requestPath: string): ServicePath | undefined {
  const pathname = requestPath.split('?', 1)[0] ?? '';
  return (SERVICE_PATHS as readonly string[]).includes(pathname) ? (pathname as ServicePath) : undefined;
}

/** A notify path equal to an operational path would make notifications unreachable. */
export function assertNotServicePath(notifyPath: string): void {
  if (servicePathOf(notifyPath)) {
    throw new ConsoleError(
      'VALIDATION_FAILED',
      `The notify path "${notifyPath}" is one of the receiver's operational endpoints (${SERVICE_PATHS.join(', ')}).`,
      'Choose another --path, such as /antom/notify.',
      { field: 'path' },
    );
  }
}

function send(req: IncomingMessage, res: ServerResponse, status: number, contentType: string, body: string, extra?: Record<string, string>): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store', ...extra });
  res.end(req.method === 'HEAD' ? undefined : body);
}

const JSON_TYPE = 'application/json; charset=UTF-8';

export function createServiceEndpoints(options: ServiceEndpointsOptions): ServiceEndpoints {
  async function readyz(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (options.shuttingDown()) {
      send(req, res, 503, JSON_TYPE, JSON.stringify({ ready: false, reason: 'The receiver is shutting down.' }));
      return;
    }
    const r = await options.health.check();
    const body = { ready: r.ready, journal: options.journal, schemaVersion: r.schemaVersion ?? null, knownSchemaVersion: r.knownSchemaVersion, ...(r.ready ? {} : { reason: r.reason ?? 'The journal is not ready.' }) };
    send(req, res, r.ready ? 200 : 503, JSON_TYPE, JSON.stringify(body));
  }

  async function metrics(req: IncomingMessage, res: ServerResponse): Promise<void> {
    send(req, res, 200, PROMETHEUS_CONTENT_TYPE, await options.metrics.render({ journalReady: options.health.isUp() }));
  }

  return {
    handle(req, res) {
      const path = servicePathOf(req.url ?? '/');
      if (!path) return false;
      req.resume();
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(req, res, 405, JSON_TYPE, JSON.stringify({ error: `${path} answers GET only.` }), { allow: 'GET, HEAD' });
        return true;
      }
      const fail = (error: unknown) => send(req, res, 500, JSON_TYPE, JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
      if (path === '/healthz') send(req, res, 200, JSON_TYPE, JSON.stringify({ status: 'up' }));
      else if (path === '/readyz') readyz(req, res).catch(fail);
      else metrics(req, res).catch(fail);
      return true;
    },
  };
}
